#!/usr/bin/env bash
# The traceability report of `make check`: per act, how many requirement IDs are proved by a test
# that names them in an explicit tag (a golden's "requirements", FLIS_REQUIREMENTS in a C++ test body,
# the ID in a node test's name), the uncovered IDs, and the full matrix in build/traceability.md.
# First the script's own self-test. Fails only on a malformed tag or an ID the spec does not list.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! out=$(python3 scripts/traceability_test.py 2>&1); then
  echo "$out"
  echo "traceability: the self-test of scripts/traceability.py failed"
  exit 1
fi
echo "traceability self-test: $(echo "$out" | grep -E '^Ran ')"
python3 scripts/traceability.py "$@"
