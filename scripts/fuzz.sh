#!/usr/bin/env bash
# Builds the libFuzzer targets (preset `fuzz`: clang, coverage, ASan + UBSan, build-fuzz/) and runs each
# for SECONDS (default 20) from its seed corpus tests/fuzz/<name>; see tests/fuzz/README.md.
#   scripts/fuzz.sh [SECONDS] [TARGET...]      e.g. scripts/fuzz.sh 300, scripts/fuzz.sh 60 form_fuzz
# `make check` runs it briefly, `make fuzz` for 300 s a target. Inputs that add coverage go to
# build-fuzz/corpus/<name> (kept between runs, never into the repo); a crash or a failed check stops
# the run, is saved as build-fuzz/artifacts/<name>-crash-*, and the script fails, naming the file to
# replay (build-fuzz/fuzz/<target> FILE) and to add as a regression test and a seed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
shift || true

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
mapfile -t sources < <(git ls-files 'src/*/fuzz/*_fuzz.cpp')
all=()
for s in "${sources[@]}"; do all+=("$(basename "$s" .cpp)"); done
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

start=$SECONDS
cmake --preset fuzz "${launcher[@]}" >/dev/null
# One compile job: the targets are few, and CI machines have two cores shared with other work.
nice cmake --build --preset fuzz -j "${FUZZ_JOBS:-1}" --target "${targets[@]}" >/dev/null
built=$((SECONDS - start))

# Further seeds beside tests/fuzz/<name>: the rule files themselves.
declare -A extra_seeds=([rule_file_fuzz]="data/rules")

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
summary=()
for t in "${targets[@]}"; do
  name="${t%_fuzz}"
  corpus="build-fuzz/corpus/$name"
  mkdir -p "$corpus" build-fuzz/artifacts
  log="build-fuzz/fuzz/$t.log"
  # shellcheck disable=SC2086 # the extra seed folders are a list
  if ! build-fuzz/fuzz/"$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/$name-" \
      "$corpus" "tests/fuzz/$name" ${extra_seeds[$t]:-} >"$log" 2>&1; then
    grep -a -E 'fuzz check failed|runtime error|ERROR: |SUMMARY' -A2 "$log" | head -20
    artifact=$(grep -a -o 'Test unit written to .*' "$log" | sed 's/Test unit written to //' | tail -1)
    echo "fuzz: $t FAILED; replay: build-fuzz/fuzz/$t $artifact (log $log)"
    exit 1
  fi
  runs=$(grep -a -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  summary+=("$t $runs")
done
echo "fuzz: ${#targets[@]} targets, ${seconds}s each, no crash (build ${built}s, total $((SECONDS - start))s); executions: ${summary[*]}"
