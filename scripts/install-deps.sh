#!/usr/bin/env bash
# Installs the Debian 12 packages FieldSync needs to build, test and run, but only those that are
# missing, so a machine that has them all is not touched (and needs no network).
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-websockets-dev qt6-httpserver-dev
    libqt6sql6-sqlite libqt6sql6-psql
    qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools
    libgl1-mesa-dev zlib1g-dev libsqlite3-dev
    xvfb xauth
    postgresql openssl libssl-dev qtkeychain-qt6-dev
    libqt6svg6 qt6-svg-dev
    qt6-translations-l10n # Qt's own texts (Cancel, Close) in Spanish, French and German
    desktop-file-utils lintian
    clang-14 libclang-rt-14-dev llvm-14 # the sanitizer build, the libFuzzer targets, symbolized reports
)
# Extra groups: "bench" adds Node.js for the PouchDB comparison.
for group in "$@"; do
    case "$group" in
        bench) packages+=(nodejs npm) ;;
        *) echo "install-deps: unknown group '$group'" >&2; exit 2 ;;
    esac
done

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    if [[ "$status" != "install ok installed" ]]; then
        # npm ships inside the nodesource nodejs package on some machines: a working npm counts.
        if [[ "$package" == npm ]] && command -v npm >/dev/null 2>&1; then continue; fi
        if [[ "$package" == nodejs ]] && command -v node >/dev/null 2>&1; then continue; fi
        missing+=("$package")
    fi
done

if (( ${#missing[@]} == 0 )); then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
