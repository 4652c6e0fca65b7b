#!/usr/bin/env bash
# The performance gate (docs/PERFORMANCE.md, "How to reproduce and the performance gate"): builds the
# release preset, runs every benchmark program with repetitions and JSON output, then compares the
# results with the baseline block of docs/PERFORMANCE.md (or, with --update, rewrites that block).
# Never part of the test command: timings belong on a quiet machine.
# Usage: scripts/perfgate.sh [--update] [--threshold PERCENT] [--repetitions N] [--baseline FILE]
#                           [-- extra benchmark args]
# Exit: 0 clean, 1 a regression / missing / failed / inaccurate benchmark (or a program failed), 2 usage.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

usage() { sed -n '6,9s/^# //p' "${BASH_SOURCE[0]}"; }
update=0
threshold=20
repetitions=3
baseline="$here/docs/PERFORMANCE.md"
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --update) update=1 ;;
    --threshold) threshold=${2:?--threshold needs a percentage}; shift ;;
    --repetitions) repetitions=${2:?--repetitions needs a count}; shift ;;
    --baseline) baseline=${2:?--baseline needs a file}; shift ;;
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

# run_program NAME SUFFIX [FILTER]: one benchmark program, its JSON written to $out/NAME$SUFFIX.json. The
# Google Benchmark programs run with the repetitions and the min_time choices of scripts/bench.sh (the GUI
# ones on the offscreen platform), only the benchmarks FILTER selects when given; bench_octave writes the
# same JSON shape with --json and always runs whole.
run_program() {
  local name=$1 json="$out/$1$2.json" filter=${3:-}
  local args=(--benchmark_repetitions="$repetitions" --benchmark_out="$json" --benchmark_out_format=json)
  [ -n "$filter" ] && args+=(--benchmark_filter="$filter")
  echo "== $name"
  case "$name" in
    bench_queueing|bench_iov) "$bench/$name" --benchmark_min_time=0.5 "${extra[@]}" "${args[@]}" ;;
    bench_gui|bench_canvas|bench_report) QT_QPA_PLATFORM=offscreen "$bench/$name" "${extra[@]}" "${args[@]}" ;;
    bench_octave) "$bench/bench_octave" --json "$json" ;;
  esac || {
    echo "perfgate.sh: $name failed" >&2
    [ "$name" = bench_octave ] && echo "(is octave-queueing installed? scripts/deps.sh installs it)" >&2
    exit 1
  }
  files+=("$json")
}

programs=(bench_queueing bench_iov bench_gui bench_canvas bench_report bench_octave)
for program in "${programs[@]}"; do
  run_program "$program" ""
done

echo
echo "Results (Google Benchmark JSON): $out/"
if [ "$update" = 1 ]; then
  "$gate" update --baseline "$baseline" "${files[@]}"
  echo "Review it: git diff $baseline"
  exit 0
fi
rerun_list="$out/rerun.tsv"
compare() {
  "$gate" compare --baseline "$baseline" --threshold "$threshold" --rerun-list "$rerun_list" "${files[@]}"
}
status=0
compare || status=$?
# A regression must survive a second run: each program with REGRESSION rows runs again, only those
# benchmarks, in a fresh process, and each keeps the faster of its two figures (iovplan-perfgate merges
# files by minimum). A real slowdown shows in both runs; a noisy neighbour on this shared machine, or a
# heap left fragmented by the benchmarks that ran before, rarely hits the same row twice.
if [ "$status" = 1 ] && [ -s "$rerun_list" ]; then
  echo
  echo "Confirming the regressions: running them again, alone"
  # Read on fd 3: bench_octave's Octave would otherwise read the rest of the list from stdin.
  while IFS=$'\t' read -r -u 3 program filter; do
    run_program "$program" ".rerun" "$filter"
  done 3< "$rerun_list"
  echo
  status=0
  compare || status=$?
fi
exit "$status"
