#!/usr/bin/env bash
# Prints how many requirement IDs of shared/spec/requirements.tsv the tests name, per act.
# Tests live beside the code (src/**/*_test.cpp) and under tests/ (golden scenarios, HTTP, browser).
set -euo pipefail
cd "$(dirname "$0")/.."
tool=../shared/tools/req-coverage
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
find src -name '*_test.cpp' -exec cp --parents {} "$tmp" \;
cp -r tests "$tmp/tests"
# The tool names the directory it read; print the project's own folders instead of the temporary copy.
report() { python3 "$tool" --dir "$tmp" "$@" | sed "s|under $tmp/\\?|in src/**/*_test.cpp and tests/|"; }
for act in SE QT EP LI PG; do printf '%s: ' "$act"; report --prefix "$act"; done
printf 'all: '; report
