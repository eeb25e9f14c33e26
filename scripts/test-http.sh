#!/usr/bin/env bash
# HTTP integration tests (tests/http, node's test runner) against a real flis-server, first on SQLite,
# then on a throwaway PostgreSQL server that this script starts and stops.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export FLIS_BIN=${FLIS_BIN:-$root/build/bin} FLIS_KEY=$work/signer.pem

prepare() {
  "$FLIS_BIN/flis" --db "$1" --key "$FLIS_KEY" load-reference >/dev/null
  "$FLIS_BIN/flis" --db "$1" --key "$FLIS_KEY" seed-demo >/dev/null
}
run_suite() {
  local label=$1 db=$2
  echo "== HTTP integration tests on $label"
  prepare "$db"
  FLIS_DB=$db node --test --test-concurrency=1 tests/http/
  "$FLIS_BIN/flis" --db "$db" --key "$FLIS_KEY" audit verify
}

run_suite SQLite "sqlite:$work/flis.sqlite"
if [ "${FLIS_SKIP_PG:-0}" != 1 ]; then
  scripts/with-pg.sh bash -c "$(declare -f prepare run_suite); export FLIS_BIN=$FLIS_BIN FLIS_KEY=$FLIS_KEY; run_suite PostgreSQL \"\$FLIS_TEST_PG_URL\""
fi
