#!/usr/bin/env bash
# Browser and accessibility tests of the HTML portal: builds nothing, starts flis-server on a fresh
# SQLite database with reference and demo data, waits for /healthz, runs tests/browser/*.mjs with
# node's test runner (playwright-core on Debian's chromium, axe-core), then stops the server.
#   scripts/test-browser.sh                 # uses build/bin
#   FLIS_BUILD_DIR=/tmp/b scripts/test-browser.sh
#   FLIS_SERVER=/path/flis-server FLIS_CLI=/path/flis scripts/test-browser.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${FLIS_BUILD_DIR:-build}
server=${FLIS_SERVER:-$build/bin/flis-server}
cli=${FLIS_CLI:-$build/bin/flis}
for bin in "$server" "$cli"; do
  [[ -x $bin ]] || { echo "missing $bin: build it first (make, or ninja -C \$FLIS_BUILD_DIR flis-server flis)" >&2; exit 2; }
done
[[ -d node_modules/playwright-core && -d node_modules/axe-core ]] || { echo "run npm ci first" >&2; exit 2; }

work=$(mktemp -d)
port=${FLIS_TEST_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
db="sqlite:$work/flis.sqlite"
base="http://127.0.0.1:$port"
pid=""
cleanup() {
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  [[ ${FLIS_KEEP_WORK:-0} == 1 ]] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT

"$cli" --db "$db" --key "$work/signer.pem" migrate >/dev/null
"$cli" --db "$db" --key "$work/signer.pem" load-reference --data "$root/data/reference" >/dev/null
"$cli" --db "$db" --key "$work/signer.pem" seed-demo >/dev/null

"$server" --listen "127.0.0.1:$port" --db "$db" --key "$work/signer.pem" --demo --assets "$root/assets" \
  --i18n "$root/data/i18n" --public-url "$base" >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
curl -fsS "$base/healthz" >/dev/null || { echo "server did not become healthy" >&2; cat "$work/server.log" >&2; exit 1; }

status=0
FLIS_BASE_URL="$base" FLIS_ARTIFACTS="${FLIS_ARTIFACTS:-$work/artifacts}" \
  node --test --test-concurrency=1 ${FLIS_BROWSER_TESTS:-tests/browser/} || status=$?
if [[ $status -ne 0 ]]; then
  echo "--- server log (last 50 lines) ---" >&2
  tail -50 "$work/server.log" >&2
fi
exit $status
