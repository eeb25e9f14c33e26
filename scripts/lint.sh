#!/usr/bin/env bash
# clang-format on every C++ file; clang-tidy (.clang-tidy) on the pure layers core/ and law/, where it
# is strict and affordable. Fails on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files 'src/*.cpp' 'src/*.h' 'bench/*.cpp')
clang-format --dry-run --Werror "${files[@]}"
mapfile -t pure < <(git ls-files 'src/core/*.cpp' 'src/law/*.cpp' | grep -v '_test.cpp$')
if ! out=$(clang-tidy -p build --quiet "${pure[@]}" 2>&1); then
  echo "$out" | grep -E 'warning:|error:' -A3
  echo "lint: clang-tidy found problems"
  exit 1
fi
echo "lint: clang-format clean (${#files[@]} files), clang-tidy clean (${#pure[@]} files of core/ and law/)"
