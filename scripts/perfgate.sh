#!/usr/bin/env bash
# The performance gate (docs/PERFORMANCE.md, "How to reproduce and the performance gate"): builds the
# release preset, runs every benchmark program with repetitions and JSON output, then compares the
# results with the baseline block of docs/PERFORMANCE.md (or, with --update, rewrites that block).
# Never part of the test command: timings belong on a quiet machine.
# Usage: scripts/perfgate.sh [--update] [--threshold PERCENT] [--repetitions N] [-- extra benchmark args]
# Exit: 0 clean, 1 a regression / missing / failed / inaccurate benchmark (or a program failed), 2 usage.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

usage() { sed -n '6,7s/^# //p' "${BASH_SOURCE[0]}"; }
update=0
threshold=20
repetitions=3
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --update) update=1 ;;
    --threshold) threshold=${2:?--threshold needs a percentage}; shift ;;
    --repetitions) repetitions=${2:?--repetitions needs a count}; shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) usage; exit 0 ;;
    *) echo "perfgate.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
if [ "$update" = 1 ] && printf '%s\n' "${extra[@]}" | grep -q -- '--benchmark_filter'; then
  echo "perfgate.sh: --update records every benchmark; drop --benchmark_filter" >&2
  exit 2
fi

bash "$here/scripts/build.sh" release
bench="$here/build/release/tests/bench"
gate="$here/build/release/tools/iovplan-perfgate"
out="$here/build/release/perfgate"
mkdir -p "$out"
rm -f "$out"/*.json
files=()

# run_benchmark NAME [ARGS...]: one Google Benchmark program, with the repetitions and JSON output.
run_benchmark() {
  local name=$1
  shift
  echo "== $name"
  if ! "$bench/$name" "$@" --benchmark_repetitions="$repetitions" \
      --benchmark_out="$out/$name.json" --benchmark_out_format=json "${extra[@]}"; then
    echo "perfgate.sh: $name failed" >&2
    exit 1
  fi
  files+=("$out/$name.json")
}

# The same min_time choices as scripts/bench.sh; the GUI programs on the offscreen platform.
run_benchmark bench_queueing --benchmark_min_time=0.5
run_benchmark bench_iov --benchmark_min_time=0.5
QT_QPA_PLATFORM=offscreen run_benchmark bench_gui
QT_QPA_PLATFORM=offscreen run_benchmark bench_canvas
QT_QPA_PLATFORM=offscreen run_benchmark bench_report
echo "== bench_octave"
if ! "$bench/bench_octave" --json "$out/bench_octave.json"; then
  echo "perfgate.sh: bench_octave failed (is octave-queueing installed? scripts/deps.sh installs it)" >&2
  exit 1
fi
files+=("$out/bench_octave.json")

echo
echo "Results (Google Benchmark JSON): $out/"
if [ "$update" = 1 ]; then
  "$gate" update --baseline "$here/docs/PERFORMANCE.md" "${files[@]}"
  echo "Review it: git diff docs/PERFORMANCE.md"
else
  "$gate" compare --baseline "$here/docs/PERFORMANCE.md" --threshold "$threshold" "${files[@]}"
fi
