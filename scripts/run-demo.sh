#!/usr/bin/env bash
# Installs what is missing, builds, starts fieldsync-server with demo data on loopback and connects a
# client to it: the GUI when a display is available, otherwise a CLI device that syncs and shows
# what it did. Stops the server when the client exits (or on Ctrl+C).
# FIELDSYNC_DEMO_EXIT_AFTER_SYNC=1: with no display, stop the server and exit 0 once the CLI device has
# synced, instead of waiting for Ctrl+C (for scripts, e.g. packaging/prove-fresh-debian.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
bin=${FIELDSYNC_BUILD_DIR:-$root/build}/bin
demo_dir=${FIELDSYNC_DEMO_DIR:-$root/.demo}
port=${FIELDSYNC_DEMO_PORT:-8470}
mkdir -p "$demo_dir"

server_log="$demo_dir/server.log"
"$bin/fieldsync-server" --listen "127.0.0.1:$port" --db "$demo_dir/server.db" --demo \
    --demo-token-file "$demo_dir/demo-tokens.json" >"$server_log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 100); do
    grep -q '^listening on ' "$server_log" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$server_log" >&2; echo "run-demo: the server did not start" >&2; exit 1; }
    sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$server_log" | head -n1)
foreman_token=$(sed -n 's/^demo foreman token: //p' "$server_log" | head -n1)
pm_token=$(sed -n 's/^demo pm token: //p' "$server_log" | head -n1)
echo "FieldSync demo server: $url (log: $server_log)"
echo "  foreman token: $foreman_token"
echo "  PM token:      $pm_token"

cli() { "$bin/fieldsync-cli" --data-dir "$demo_dir/cli-device" "$@"; }
echo
echo "== A CLI device signs in as the demo foreman, records a gas reading offline and syncs =="
cli login --server "$url" --token "$foreman_token"
cli sync --json
permit=$(cli list permits --status active | awk 'NR == 1 { print $1 }')
if [[ -n "$permit" ]]; then
    cli create gas-reading permit_id="$permit" gas=O2 value=20.9 unit=% --json
    cli sync --json
fi
cli list permits
cli status

if [[ -x "$bin/fieldsync" && ( -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ) ]]; then
    echo
    echo "== Opening the FieldSync window, signed in as the demo foreman =="
    "$bin/fieldsync" --data-dir "$demo_dir/gui-device" --server "$url" --token "$foreman_token"
elif [[ "${FIELDSYNC_DEMO_EXIT_AFTER_SYNC:-0}" == 1 ]]; then
    echo
    echo "No display here and FIELDSYNC_DEMO_EXIT_AFTER_SYNC=1: the CLI device synced, stopping the server."
else
    echo
    echo "No display here, so the window is not opened. The server keeps running for more CLI commands:"
    echo "  $bin/fieldsync-cli --data-dir $demo_dir/cli-device list tasks"
    echo "Press Ctrl+C to stop."
    wait "$server_pid"
fi
