#!/usr/bin/env bash
# Usage: tests/bench/peers/run.sh N [extra pouchdb_push.js args]
# Prints the benchmark's single JSON line on stdout.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
n="${1:-}"
if [[ ! "$n" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 N [--port P] [--timeout SECONDS]" >&2
  exit 1
fi
shift

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "run.sh: '$tool' not found on PATH; install Node.js (>= 18) with npm" >&2
    exit 1
  fi
done

if [[ ! -d "$here/node_modules" ]]; then
  # npm's progress goes to stderr so stdout stays the one JSON line.
  (cd "$here" && npm ci --no-audit --no-fund) 1>&2
fi

exec node "$here/pouchdb_push.js" --n "$n" "$@"
