#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite with CTest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
build_dir=${FIELDSYNC_BUILD_DIR:-$root/build}
cd "$build_dir"
ctest --output-on-failure --timeout 600 -j "$(nproc)"
# Then the whole suite again under ASan and UBSan in its own build, with the libFuzzer targets for
# about a minute each (scripts/sanitize.sh). FIELDSYNC_SANITIZERS=0 skips that stage locally.
if [[ "${FIELDSYNC_SANITIZERS:-1}" == 1 ]]; then
    "$root/scripts/sanitize.sh"
fi
