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

# run_program NAME SUFFIX: one benchmark program, its JSON written to $out/NAME$SUFFIX.json. The Google
# Benchmark programs run with the repetitions and the min_time choices of scripts/bench.sh, the GUI
# ones on the offscreen platform; bench_octave writes the same JSON shape with --json.
run_program() {
  local name=$1 json="$out/$1$2.json"
  local args=(--benchmark_repetitions="$repetitions" --benchmark_out="$json" --benchmark_out_format=json)
  echo "== $name"
  case "$name" in
    bench_queueing|bench_iov) "$bench/$name" --benchmark_min_time=0.5 "${args[@]}" "${extra[@]}" ;;
    bench_gui|bench_canvas|bench_report) QT_QPA_PLATFORM=offscreen "$bench/$name" "${args[@]}" "${extra[@]}" ;;
    bench_octave) "$bench/bench_octave" --json "$json" ;;
  esac || {
    echo "perfgate.sh: $name failed${3:-}" >&2
    exit 1
  }
  files+=("$json")
}

programs=(bench_queueing bench_iov bench_gui bench_canvas bench_report bench_octave)
for program in "${programs[@]}"; do
  hint=""
  [ "$program" = bench_octave ] && hint=" (is octave-queueing installed? scripts/deps.sh installs it)"
  run_program "$program" "" "$hint"
done

echo
echo "Results (Google Benchmark JSON): $out/"
if [ "$update" = 1 ]; then
  "$gate" update --baseline "$baseline" "${files[@]}"
  echo "Review it: git diff $baseline"
  exit 0
fi
compare() {
  "$gate" compare --baseline "$baseline" --threshold "$threshold" "${files[@]}"
}
status=0
report=$(compare) || status=$?
echo "$report"
# A regression must survive a second run: the programs with a REGRESSION row run once more and each
# benchmark keeps the faster of its two figures (iovplan-perfgate merges files by minimum). A real
# slowdown shows in both runs; a noisy neighbour on this shared machine rarely hits the same row twice.
regressed=$(echo "$report" | awk '$NF == "REGRESSION" { print $1 }' | sort -u)
if [ "$status" = 1 ] && [ -n "$regressed" ]; then
  echo
  echo "Confirming by running again: $(echo $regressed)"
  for program in $regressed; do
    run_program "$program" ".rerun" ""
  done
  echo
  status=0
  compare || status=$?
fi
exit "$status"
