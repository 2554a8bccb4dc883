#!/usr/bin/env bash
# The Debian packages, made with cpack from an already built tree, installed into throwaway roots
# (dpkg --root --unpack: dpkg's own unpacking, without running maintainer scripts on this machine):
# the files are where they belong, the installed programs print their version, the desktop entry
# validates, lintian reports no errors, and the server's maintainer scripts create the system user.
#   check-packages.sh SOURCE_DIR BUILD_DIR VERSION
set -euo pipefail
source_dir=$1
build_dir=$2
version=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
need() { command -v "$1" >/dev/null 2>&1 || { echo "FAIL: $1 is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }; }
need dpkg-deb
need dpkg-shlibdeps
need desktop-file-validate
need lintian

"$source_dir/packaging/build-packages.sh" --from-build "$build_dir" "$work/debs" >/dev/null
client=$work/debs/fieldsync_${version}_amd64.deb
server=$work/debs/fieldsync-server_${version}_amd64.deb
[[ -f "$client" && -f "$server" ]] || { ls -l "$work/debs" >&2; echo "FAIL: packages not named as expected" >&2; exit 1; }

field() { dpkg-deb -f "$1" "$2"; }
for deb in "$client" "$server"; do
    name=$(field "$deb" Package)
    [[ "$(field "$deb" Version)" == "$version" ]] || fail "$name: version $(field "$deb" Version), want $version"
    [[ "$(field "$deb" Maintainer)" == *@* ]] || fail "$name: no maintainer address"
    [[ -n "$(field "$deb" Section)" ]] || fail "$name: no section"
    depends=$(field "$deb" Depends)
    # dpkg-shlibdeps worked: the libraries the binaries link are named with versions.
    for library in libc6 libqt6core6 libqt6network6 libqt6sql6; do
        [[ "$depends" == *"$library (>="* ]] || fail "$name: Depends lacks $library: $depends"
    done
done
[[ "$(field "$client" Depends)" == *libqt6widgets6* ]] || fail "fieldsync: Depends lacks libqt6widgets6"
[[ "$(field "$client" Depends)" == *qt6-qpa-plugins* ]] || fail "fieldsync: Depends lacks qt6-qpa-plugins"
[[ "$(field "$server" Depends)" == *adduser* ]] || fail "fieldsync-server: Depends lacks adduser"
[[ "$(field "$server" Depends)" != *libqt6widgets6* ]] || fail "fieldsync-server depends on Qt Widgets"

install_into() { # ROOT DEB
    mkdir -p "$1/var/lib/dpkg/info" "$1/var/lib/dpkg/updates"
    touch "$1/var/lib/dpkg/status"
    dpkg --root="$1" --force-depends --force-not-root --unpack "$2" >/dev/null
}
install_into "$work/client" "$client"
install_into "$work/server" "$server"

expect_file() { [[ -f "$1/$2" ]] || fail "missing /$2 in $(basename "$1")"; }
expect_file "$work/client" usr/bin/fieldsync
expect_file "$work/client" usr/bin/fieldsync-cli
expect_file "$work/client" usr/share/applications/org.fieldsync.FieldSync.desktop
expect_file "$work/client" usr/share/icons/hicolor/scalable/apps/org.fieldsync.FieldSync.svg
expect_file "$work/client" usr/share/doc/fieldsync/copyright
expect_file "$work/client" usr/share/doc/fieldsync/changelog.gz
expect_file "$work/server" usr/bin/fieldsync-server
expect_file "$work/server" usr/lib/systemd/system/fieldsync-server.service
expect_file "$work/server" usr/share/doc/fieldsync-server/copyright
[[ ! -e "$work/client/usr/bin/fieldsync-server" ]] || fail "the client package carries the server"
# ... except the welcome's demo server, where DemoServer looks for it.
expect_file "$work/client" usr/libexec/fieldsync/fieldsync-server
[[ "$(field "$client" Recommends)" == *qt6-translations-l10n* ]] || fail "fieldsync: Recommends lacks qt6-translations-l10n"
[[ ! -e "$work/server/usr/bin/fieldsync" ]] || fail "the server package carries the GUI"
unit=$work/server/usr/lib/systemd/system/fieldsync-server.service
grep -q '^ExecStart=/usr/bin/fieldsync-server ' "$unit" || fail "the unit does not start /usr/bin/fieldsync-server"
grep -q '^User=fieldsync$' "$unit" || fail "the unit does not run as user fieldsync"
grep -q '^StateDirectory=fieldsync$' "$unit" || fail "the unit has no /var/lib/fieldsync state directory"
# The settings folder may be missing (a hand install): the unit must start without it, and the
# header's hand-install steps make it before writing server.env into it.
grep -q '^ReadOnlyPaths=-/etc/fieldsync$' "$unit" || fail "the unit fails to start without /etc/fieldsync"
awk '/install -d .*\/etc\/fieldsync$/ { made = 1 } /\/etc\/fieldsync\/server.env/ && /install/ { exit !made }' "$unit" ||
    fail "the unit's header writes /etc/fieldsync/server.env before making /etc/fieldsync"
# Translations are compiled (.qm) into the GUI as Qt resources: the German strings are in it.
grep -q 'fieldsync_de.qm' <(strings -eb "$work/client/usr/bin/fieldsync") ||
    fail "the GUI carries no compiled German translation"

# The server's maintainer scripts, as dpkg keeps them.
info=$work/server/var/lib/dpkg/info
for script in postinst prerm postrm; do
    [[ -x "$info/fieldsync-server.$script" ]] || { fail "no executable $script"; continue; }
    sh -n "$info/fieldsync-server.$script" || fail "$script is not valid sh"
done
grep -q 'adduser --system --group --home /var/lib/fieldsync' "$info/fieldsync-server.postinst" ||
    fail "postinst does not create the fieldsync system user"
# The operator enables the service after writing /etc/fieldsync/server.env (README).
! grep -Eq '^[^#]*(deb-systemd-helper|systemctl)[^#]* enable' "$info/fieldsync-server.postinst" ||
    fail "postinst enables the service"

# The installed programs run and say their version (the libraries are this machine's Qt).
check_version() { # WANT COMMAND...
    local want=$1 output
    shift
    output=$("$@" 2>&1) || { fail "$* failed: $output"; return; }
    [[ "$output" == *"$want"* ]] || fail "$*: '$output' lacks '$want'"
}
check_version "fieldsync-cli $version" "$work/client/usr/bin/fieldsync-cli" --version
check_version "fieldsync-server $version" "$work/server/usr/bin/fieldsync-server" --version
check_version "$version" env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$work/client/usr/bin/fieldsync" --version
check_version "fieldsync-server $version" "$work/client/usr/libexec/fieldsync/fieldsync-server" --version
check_version "add-user" "$work/server/usr/bin/fieldsync-server" --help

desktop-file-validate "$work/client/usr/share/applications/org.fieldsync.FieldSync.desktop" ||
    fail "desktop-file-validate refuses the desktop entry"

for deb in "$client" "$server"; do
    tags=$(lintian --no-cfg --fail-on none "$deb" 2>&1 || true)
    echo "lintian $(basename "$deb"):"
    echo "${tags:-  (clean)}" | sed 's/^/  /'
    if grep -q '^E: ' <<<"$tags"; then fail "lintian errors in $(basename "$deb")"; fi
done

if ((failures > 0)); then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "packages OK: $(basename "$client") $(basename "$server")"
