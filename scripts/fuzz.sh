#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang with ASan+UBSan) in build/fuzz and runs each for a fixed
# number of inputs from its seed corpus (docs/fuzzing.md). Exits non-zero on any crash, leak, hang
# or sanitizer report. Installs nothing: scripts/deps.sh lists clang and libclang-rt-14-dev.
#   scripts/fuzz.sh [--runs N | --seconds S] [target...]
# --runs N     inputs per target (default 2000; -seed=1, so a run is repeatable)
# --seconds S  run each target for S seconds instead (a longer campaign)
# Targets default to all four. The corpus is copied first, so the repository is never modified;
# new interesting inputs and crash files stay in build/fuzz/work/<target>/.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${IOVPLAN_FUZZ_BUILD_DIR:-$here/build/fuzz}"
runs=2000
seconds=""
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    fuzz_*) targets+=("$1"); shift ;;
    *) echo "fuzz.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_project_document fuzz_qn_json fuzz_catalog_csv fuzz_netbox_yaml)

for tool in clang clang++; do
  command -v "$tool" >/dev/null || { echo "fuzz.sh: $tool is missing (scripts/deps.sh installs clang)" >&2; exit 2; }
done
if ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  echo "fuzz.sh: libFuzzer is missing (Debian: libclang-rt-14-dev)" >&2
  exit 2
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DIOVPLAN_BUILD_FUZZERS=ON -DIOVPLAN_BUILD_TESTS=OFF -DIOVPLAN_BUILD_BENCHMARKS=OFF -DIOVPLAN_WERROR=OFF
fi
cmake --build "$build" --target "${targets[@]}" -j2

# Leak checking on; UBSan reports abort (the build also sets -fno-sanitize-recover).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
for target in "${targets[@]}"; do
  work="$build/work/$target"
  rm -rf "$work/corpus"
  mkdir -p "$work/corpus" "$work/artifacts"
  cp "$here/fuzz/corpus/$target/"* "$work/corpus/"
  if [ -n "$seconds" ]; then
    limit=(-max_total_time="$seconds")
  else
    limit=(-runs="$runs")
  fi
  echo "== $target"
  # -max_len bounds one input (the readers' byte limits are far above it); -timeout catches hangs,
  # -rss_limit_mb runaway memory.
  if ! "$build/fuzz/$target" "$work/corpus" -seed=1 "${limit[@]}" -max_len=65536 -timeout=10 \
       -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
       > "$work/log.txt" 2>&1; then
    echo "fuzz.sh: $target FAILED; see $work/log.txt and $work/artifacts/" >&2
    tail -40 "$work/log.txt" >&2
    status=1
  else
    grep -E '^stat::(number_of_executed_units|peak_rss_mb|new_units_added)|cov:' "$work/log.txt" | tail -4
  fi
done
exit $status
