#!/usr/bin/env bash
# Builds the Debian packages `fieldsync` (GUI, CLI, desktop entry, icon) and `fieldsync-server`
# (server, systemd unit, system user) with CPack, in a build folder of their own (Release, no tests).
#
#   packaging/build-packages.sh [OUT_DIR]                 build, then package into OUT_DIR
#   packaging/build-packages.sh --from-build DIR [OUT_DIR] package an already built tree
#
# OUT_DIR defaults to <build folder>/packages; the build folder to build-packages/ (or
# $FIELDSYNC_PACKAGE_BUILD_DIR). Needs dpkg-dev (dpkg-shlibdeps works out the Depends).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

from_build=
if [[ "${1:-}" == --from-build ]]; then
    [[ -n "${2:-}" ]] || { echo "build-packages: --from-build needs a build folder" >&2; exit 2; }
    from_build=$(realpath "$2")
    shift 2
fi

if [[ -z "$from_build" ]]; then
    build_dir=${FIELDSYNC_PACKAGE_BUILD_DIR:-$root/build-packages}
    cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
        -DFIELDSYNC_BUILD_TESTS=OFF -DFIELDSYNC_BUILD_GUI=ON >/dev/null
    cmake --build "$build_dir" -j "$(nproc)" --target fieldsync fieldsync-cli fieldsync-server
else
    build_dir=$from_build
    [[ -f "$build_dir/CPackConfig.cmake" ]] || { echo "build-packages: $build_dir is not a configured build" >&2; exit 2; }
fi
for program in fieldsync fieldsync-cli fieldsync-server; do
    [[ -x "$build_dir/bin/$program" ]] || { echo "build-packages: $build_dir/bin/$program is not built" >&2; exit 1; }
done

out_dir=$(realpath -m "${1:-$build_dir/packages}")
mkdir -p "$out_dir"
rm -f "$out_dir"/fieldsync*.deb
# The three programs are built above (or were); cpack does not build the rest of the tree
# (CMAKE_SKIP_INSTALL_ALL_DEPENDENCY in cmake/Packaging.cmake).
cpack --config "$build_dir/CPackConfig.cmake" -B "$out_dir" >"$out_dir/cpack.log" 2>&1 ||
    { cat "$out_dir/cpack.log" >&2; echo "build-packages: cpack failed" >&2; exit 1; }
rm -rf "$out_dir/_CPack_Packages"
ls -1 "$out_dir"/fieldsync*.deb
