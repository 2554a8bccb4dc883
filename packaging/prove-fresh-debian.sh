#!/usr/bin/env bash
# Proves that the README's two set-up commands work on a fresh Debian 12: debootstraps bookworm into
# a folder, clones the repository into it and runs `./scripts/run-demo.sh` and `./scripts/test.sh`
# inside the chroot as root (as on a new machine), printing how long each took.
#
#   sudo packaging/prove-fresh-debian.sh [ROOT_DIR]        (default /work/fresh-root)
#
# FIELDSYNC_PROOF_REPO      repository to clone (default: this checkout)
# FIELDSYNC_PROOF_OVERLAY   space-separated paths copied from this checkout's work tree over the
#                           clone, for changes not committed yet (default: none)
# FIELDSYNC_PROOF_MIRROR    Debian mirror (default http://deb.debian.org/debian)
# FIELDSYNC_PROOF_KEEP=1    keep the root folder afterwards (it is removed otherwise)
#
# The demo runs with FIELDSYNC_DEMO_EXIT_AFTER_SYNC=1 (there is no display in the chroot), so it
# stops once its CLI device has synced. /usr/sbin/policy-rc.d keeps package scripts from starting
# daemons (postgresql) on the host from inside the chroot; the tests start their own clusters.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root_dir=$(realpath -m "${1:-/work/fresh-root}")
repo=${FIELDSYNC_PROOF_REPO:-$here}
mirror=${FIELDSYNC_PROOF_MIRROR:-http://deb.debian.org/debian}

[[ $(id -u) -eq 0 ]] || { echo "prove-fresh-debian: needs root (debootstrap, chroot, mount)" >&2; exit 1; }
case "$root_dir/" in "$here"/*) echo "prove-fresh-debian: put the root outside the repository" >&2; exit 1 ;; esac
if ! command -v debootstrap >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap
fi

mounted=()
cleanup() {
    local status=$?
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount -R "${mounted[i]}" 2>/dev/null || umount -lR "${mounted[i]}" 2>/dev/null || true
    done
    if [[ "${FIELDSYNC_PROOF_KEEP:-0}" != 1 && -d "$root_dir" ]] && ! grep -q " $root_dir/" /proc/mounts; then
        rm -rf --one-file-system "$root_dir"
    fi
    exit "$status"
}
trap cleanup EXIT INT TERM

elapsed() { local s=$1; printf '%dm%02ds' $((s / 60)) $((s % 60)); }
declare -A durations=() outcomes=()
failed=0
timed() {
    local name=$1
    shift
    local start=$SECONDS status=0
    echo "== $name: $* ($(date -u +%H:%M:%S) UTC)"
    "$@" || status=$?
    durations[$name]=$((SECONDS - start))
    outcomes[$name]=$([[ $status -eq 0 ]] && echo ok || echo "FAILED (exit $status)")
    ((status == 0)) || failed=1
    echo "== $name took $(elapsed "${durations[$name]}"): ${outcomes[$name]}"
}

if [[ -e "$root_dir" ]]; then
    echo "prove-fresh-debian: $root_dir exists; remove it first so the root is really fresh" >&2
    trap - EXIT
    exit 1
fi
mkdir -p "$root_dir"
timed debootstrap debootstrap --variant=minbase bookworm "$root_dir" "$mirror"
((failed == 0)) || exit 1

cp /etc/resolv.conf "$root_dir/etc/resolv.conf"
printf '#!/bin/sh\nexit 101\n' >"$root_dir/usr/sbin/policy-rc.d"
chmod 755 "$root_dir/usr/sbin/policy-rc.d"
for fs in proc sys dev; do
    target="$root_dir/$fs"
    case "$fs" in
        proc) mount -t proc proc "$target" ;;
        sys) mount --rbind /sys "$target" && mount --make-rslave "$target" ;;
        dev) mount --rbind /dev "$target" && mount --make-rslave "$target" ;;
    esac
    mounted+=("$target")
done

checkout=/root/fieldsync
git clone --quiet "$repo" "$root_dir$checkout"
for path in ${FIELDSYNC_PROOF_OVERLAY:-}; do
    echo "overlaying the work tree's $path"
    cp -a "$here/$path" "$root_dir$checkout/$path"
done
echo "cloned $(git -C "$root_dir$checkout" log -1 --format='%h %s')"

in_root() {
    chroot "$root_dir" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        FIELDSYNC_DEMO_EXIT_AFTER_SYNC=1 /bin/bash -c "cd $checkout && $1"
}
timed run-demo in_root ./scripts/run-demo.sh
timed test in_root ./scripts/test.sh

echo
echo "Fresh Debian 12 root, $(nproc) cores:"
for name in debootstrap run-demo test; do
    printf '  %-12s %-8s %s\n' "$name" "$(elapsed "${durations[$name]:-0}")" "${outcomes[$name]:-not run}"
done
exit "$failed"
