#!/usr/bin/env bash
# HTTP integration tests (tests/http, node's test runner) against real flis-servers, first on SQLite,
# then on a throwaway PostgreSQL server that this script starts and stops. Every server the tests start
# gets a database of its own, prepared by tests/http/server.mjs at the date its test file pins
# (flis seed-demo --clock-at, flis-server --demo --clock-at): files share nothing, so they run in a
# shuffled order, several at once, on any real date. To keep that true, the SQLite pass runs with the
# real clock itself moved (libfaketime) to a moment of the year drawn from the same seed as the order.
#   FLIS_SKIP_PG=1          SQLite only
#   FLIS_HTTP_ORDER=sorted|reverse|shuffle (default shuffle)  FLIS_HTTP_SEED=N  replays a run
#   FLIS_HTTP_FAKE_DATE="2027-09-15 03:00:00" (UTC) the SQLite pass's real date; "off": the true one
#   FLIS_HTTP_CONCURRENCY=N test files at once (default 2: on 2 cores 2 at once took 73 s for both
#                           stores where 1 at a time took 101 s, and 3 gained nothing)
#   FLIS_HTTP_TESTS="tests/http/a.test.mjs ..."  only these files
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export FLIS_BIN=${FLIS_BIN:-$root/build/bin} FLIS_TEST_WORK=$work

read -r -a files <<<"${FLIS_HTTP_TESTS:-$(ls tests/http/*.test.mjs | tr '\n' ' ')}"
seed=${FLIS_HTTP_SEED:-$RANDOM}
case ${FLIS_HTTP_ORDER:-shuffle} in
  sorted) ;;
  reverse) mapfile -t files < <(printf '%s\n' "${files[@]}" | sort -r) ;;
  shuffle) mapfile -t files < <(printf '%s\n' "${files[@]}" | shuf --random-source=<(yes "$seed")) ;;
  *) echo "FLIS_HTTP_ORDER must be sorted, reverse or shuffle" >&2; exit 2 ;;
esac
concurrency=${FLIS_HTTP_CONCURRENCY:-2}
echo "HTTP test files in order (FLIS_HTTP_ORDER=${FLIS_HTTP_ORDER:-shuffle} FLIS_HTTP_SEED=$seed), $concurrency at once:"
printf '  %s\n' "${files[@]}"

fake=${FLIS_HTTP_FAKE_DATE:-$(date -u -d "2027-01-01 00:00 UTC + $((seed % 365)) days + $((seed % 1440)) minutes" '+%F %T')}
faking=()
if [ "$fake" != off ]; then
  command -v faketime >/dev/null || { echo "faketime is missing: scripts/install-deps.sh" >&2; exit 2; }
  # Only the wall clock moves (and ticks on from there); timers keep the monotonic clock.
  faking=(env FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f "@$fake")
fi
echo "== HTTP integration tests on SQLite, the real clock $([ "$fake" = off ] && echo untouched || echo "at $fake UTC") (FLIS_HTTP_FAKE_DATE)"
FLIS_TEST_STORE=sqlite "${faking[@]}" node --test --test-concurrency="$concurrency" "${files[@]}"
if [ "${FLIS_SKIP_PG:-0}" != 1 ]; then
  echo "== HTTP integration tests on PostgreSQL"
  FLIS_TEST_STORE=postgresql scripts/with-pg.sh node --test --test-concurrency="$concurrency" "${files[@]}"
fi
