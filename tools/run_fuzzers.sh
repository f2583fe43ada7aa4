#!/usr/bin/env bash
# Build the libFuzzer targets (the `fuzz` CMake preset: clang, ASan + UBSan, ECSGUARD_FUZZ=ON) and
# run each fuzz target for SECONDS_PER_TARGET seconds on a scratch copy of its seed corpus
# (fuzz/corpus/<target>/ is never written). Prints the executions per target and fails if any
# target crashed, leaked, timed out or ran out of memory; the reproducer is kept in
# $ARTIFACT_DIR/<target>/ (see fuzz/README.md to turn it into a regression seed).
#
# usage: tools/run_fuzzers.sh [target ...]        (default: every *_fuzzer the build produces)
# env:   BUILD_DIR           build tree            (default: build-fuzz, outside the Release tree)
#        SECONDS_PER_TARGET  run time per target   (default: 60)
#        ARTIFACT_DIR        crash reproducers     (default: $BUILD_DIR/fuzz-artifacts)
#        JOBS                build parallelism     (default: 2)
#        FUZZ_ARGS           extra libFuzzer flags (e.g. "-max_len=65536 -dict=...")
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build-fuzz}
SECONDS_PER_TARGET=${SECONDS_PER_TARGET:-60}
ARTIFACT_DIR=${ARTIFACT_DIR:-$BUILD_DIR/fuzz-artifacts}
JOBS=${JOBS:-2}
FUZZ_ARGS=${FUZZ_ARGS:-}

command -v clang++ >/dev/null || { echo "run_fuzzers: clang++ not found (apt install clang)" >&2; exit 2; }

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cd "$ROOT"
cmake --preset fuzz -B "$BUILD_DIR" \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DECSGUARD_FUZZ=ON "${launcher[@]}" >/dev/null

if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=(ecsguard_fuzzers)
fi
cmake --build "$BUILD_DIR" --target "${targets[@]}" -j "$JOBS"

# The fuzzers to run: the named ones, or every *_fuzzer binary in the build tree.
fuzzers=()
if [ $# -gt 0 ]; then
  for t in "$@"; do fuzzers+=("$BUILD_DIR/fuzz/$t"); done
else
  while IFS= read -r f; do fuzzers+=("$f"); done \
    < <(find "$BUILD_DIR/fuzz" -maxdepth 1 -type f -name '*_fuzzer' -perm -u+x | sort)
fi
[ ${#fuzzers[@]} -gt 0 ] || { echo "run_fuzzers: no fuzz targets built" >&2; exit 2; }

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

work=$(mktemp -d "${TMPDIR:-/tmp}/ecsguard-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
failed=0
summary=()
for bin in "${fuzzers[@]}"; do
  name=$(basename "$bin")
  corpus="$work/$name"
  mkdir -p "$corpus" "$ARTIFACT_DIR/$name"
  if [ -d "$ROOT/fuzz/corpus/$name" ]; then cp -R "$ROOT/fuzz/corpus/$name/." "$corpus/"; fi
  dict=()
  if [ -f "$ROOT/fuzz/$name.dict" ]; then dict=(-dict="$ROOT/fuzz/$name.dict"); fi
  log="$work/$name.log"
  echo "== $name: ${SECONDS_PER_TARGET}s on $(find "$corpus" -type f | wc -l) seeds"
  status=0
  # shellcheck disable=SC2086  # FUZZ_ARGS is a list of flags
  "$bin" "$corpus" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$ARTIFACT_DIR/$name/" "${dict[@]}" $FUZZ_ARGS \
    >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  peak=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  if [ "$status" -ne 0 ]; then
    failed=1
    summary+=("$name: FAILED (exit $status) after ${execs:-?} executions; reproducer in $ARTIFACT_DIR/$name/")
    grep -E "ERROR: |SUMMARY: |invariant violated|Test unit written" "$log" | head -20 || true
  else
    summary+=("$name: ${execs:-?} executions in ${SECONDS_PER_TARGET}s, peak RSS ${peak:-?} MB, no crash")
  fi
done

echo
echo "== fuzzing summary"
printf '%s\n' "${summary[@]}"
exit "$failed"
