#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 server:
#   scripts/with-pg.sh ctest --test-dir build -R store
# Starts the server, exports FLIS_TEST_PG_URL, runs the command, always stops the server, and exits
# with the command's exit code.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 <command...>" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
FLIS_PG_HARNESS_STATE=$(mktemp /tmp/flis-pg-harness.XXXXXX.state)
rm -f "$FLIS_PG_HARNESS_STATE"
export FLIS_PG_HARNESS_STATE
trap 'bash "$here/pg-harness.sh" stop >/dev/null 2>&1 || true' EXIT
FLIS_TEST_PG_URL=$(bash "$here/pg-harness.sh" start)
export FLIS_TEST_PG_URL
set +e
"$@"
status=$?
set -e
exit "$status"
