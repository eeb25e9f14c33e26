#!/usr/bin/env bash
# Browser and accessibility tests of the HTML portal: builds nothing; runs tests/browser/*.test.mjs
# with node's test runner (playwright-core on Debian's chromium, axe-core). Each test file starts a
# flis-server of its own on a fresh SQLite database seeded at the date the file pins
# (tests/browser/helpers.mjs → tests/http/server.mjs), so the files run in any order, on any date.
#   scripts/test-browser.sh                       # uses build/bin
#   FLIS_BIN=/tmp/b/bin scripts/test-browser.sh   # flis, flis-server from elsewhere
#   FLIS_BROWSER_TESTS=tests/browser/se_issue.test.mjs scripts/test-browser.sh
#   FLIS_BROWSER_CONCURRENCY=N   # test files at once (default 2: 357 s against 441 s one at a time, on 2 busy cores)
#   FLIS_KEEP_WORK=1                              # keep the artifacts (screenshots, downloads)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export FLIS_BIN=${FLIS_BIN:-$root/build/bin}
for bin in "$FLIS_BIN/flis-server" "$FLIS_BIN/flis"; do
  [[ -x $bin ]] || { echo "missing $bin: build it first (make, or cmake --build --preset dev --target flis-server flis)" >&2; exit 2; }
done
[[ -d node_modules/playwright-core && -d node_modules/axe-core ]] || { echo "run npm ci first" >&2; exit 2; }

work=$(mktemp -d)
cleanup() { [[ ${FLIS_KEEP_WORK:-0} == 1 ]] && echo "kept $work" || rm -rf "$work"; }
trap cleanup EXIT

read -r -a files <<<"${FLIS_BROWSER_TESTS:-$(ls tests/browser/*.test.mjs | tr '\n' ' ')}"
FLIS_TEST_WORK=$work FLIS_TEST_STORE=sqlite FLIS_ARTIFACTS="${FLIS_ARTIFACTS:-$work/artifacts}" \
  node --test --test-concurrency="${FLIS_BROWSER_CONCURRENCY:-2}" "${files[@]}"
