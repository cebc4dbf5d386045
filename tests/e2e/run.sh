#!/usr/bin/env bash
# CTest's web_e2e: builds the UI if needed (scripts/build-web), installs
# playwright-core (npm ci), then runs the end-to-end flow in Debian's chromium.
#   tests/e2e/run.sh CLOUDPEEK_BINARY ARTIFACTS_DIR
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
ROOT="$(cd "$HERE/../.." && pwd)"
CLOUDPEEK="${1:?usage: run.sh CLOUDPEEK_BINARY ARTIFACTS_DIR}"
ARTIFACTS="${2:?usage: run.sh CLOUDPEEK_BINARY ARTIFACTS_DIR}"

"$ROOT/scripts/build-web"
cd "$HERE"
exec 9<"$SELF"
flock 9
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
flock -u 9
exec node run_e2e.mjs --cloudpeek "$CLOUDPEEK" --artifacts "$ARTIFACTS"
