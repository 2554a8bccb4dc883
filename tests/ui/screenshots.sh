#!/usr/bin/env bash
# Builds the GUI, starts a demo server, and saves screenshots of the main window (synced), offline
# with pending edits, a conflict, the sync panel and the conflict dialog, a permit's photos and
# signatures (signing, pending, uploading, synced: *-attachments-*.png), at 1280x800 (tablet) and
# 1920x1080 (desktop), plus a dark-palette and a Spanish tablet set. Needs xvfb-run (xvfb, xauth).
#   tests/ui/screenshots.sh [BUILD_DIR] [OUT_DIR]
set -euo pipefail
SOURCE_DIR=$(cd "$(dirname "$0")/../.." && pwd)
BUILD_DIR=${1:-$SOURCE_DIR/build-ui}
OUT_DIR=${2:-$BUILD_DIR/screenshots}

if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    cmake -S "$SOURCE_DIR" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
ninja -C "$BUILD_DIR" -j2 fieldsync fieldsync-server fieldsync-ui-screenshots

WORK=$(mktemp -d)
SERVER_PID=
stop_server() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    SERVER_PID=
}
trap 'stop_server; rm -rf "$WORK"' EXIT

# A fresh demo server for every set, so that each set starts from the same demo data.
start_server() {
    stop_server
    rm -rf "$WORK/server.db"* "$WORK/demo.json" # the database, its WAL and its attachments folder
    "$BUILD_DIR/bin/fieldsync-server" --listen 127.0.0.1:0 --db "$WORK/server.db" --demo \
        --demo-token-file "$WORK/demo.json" >"$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 100); do
        [ -s "$WORK/demo.json" ] && return 0
        sleep 0.1
    done
    echo "the demo server did not start:"
    cat "$WORK/server.log"
    exit 1
}

mkdir -p "$OUT_DIR"
shots() { # SIZE PREFIX [OPTIONS...]
    local size=$1 prefix=$2
    shift 2
    start_server
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 ${size}x24 -dpi 96" \
        "$BUILD_DIR/bin/fieldsync-ui-screenshots" --demo-file "$WORK/demo.json" --out "$OUT_DIR" \
        --prefix "$prefix" "$@"
}
shots 1280x800 1280x800
shots 1920x1080 1920x1080
shots 1280x800 1280x800-dark --dark
shots 1280x800 1280x800-es --language es
echo "screenshots in $OUT_DIR"
