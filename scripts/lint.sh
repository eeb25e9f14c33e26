#!/usr/bin/env bash
# clang-format on every C++ file; clang-tidy on the pure layers (core/, law/) where it is cheap and
# strict. Fails on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files 'src/*.cpp' 'src/*.h' 'bench/*.cpp')
[ ${#files[@]} -eq 0 ] && exit 0
clang-format --dry-run --Werror "${files[@]}"
mapfile -t pure < <(git ls-files 'src/core/*.cpp' 'src/law/*.cpp' | grep -v '_test.cpp$' || true)
if [ ${#pure[@]} -gt 0 ]; then
  clang-tidy -p build --quiet "${pure[@]}" 2>&1 | grep -v 'warnings generated' || true
  clang-tidy -p build --quiet "${pure[@]}" >/dev/null 2>&1 || { echo "clang-tidy found problems"; exit 1; }
fi
echo "lint: clang-format and clang-tidy clean (${#files[@]} files)"
