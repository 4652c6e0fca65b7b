#!/usr/bin/env bash
# Runs the Google Benchmark programs (release build) and then the side-by-side comparison with
# Octave's queueing package, with the GUI's benchmarks in between. The figures belong in docs/PERFORMANCE.md.
# Extra arguments go to every Google Benchmark program (e.g. --benchmark_filter=...).
# IOVPLAN_BENCH_MAX_SERVERS caps bench_iov's scaling curve (default 100000 servers).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$here/scripts/build.sh" release
"$here/build/release/tests/bench/bench_queueing" --benchmark_min_time=0.5 "$@"
echo
"$here/build/release/tests/bench/bench_iov" --benchmark_min_time=0.5 "$@"
echo
# The desktop application on the offscreen platform: edit to updated dashboard, and the canvas.
QT_QPA_PLATFORM=offscreen "$here/build/release/tests/bench/bench_gui" "$@"
echo
QT_QPA_PLATFORM=offscreen "$here/build/release/tests/bench/bench_canvas" "$@"
echo
# The procurement report: evaluate, lay out and write the PDF (pages and bytes as counters).
QT_QPA_PLATFORM=offscreen "$here/build/release/tests/bench/bench_report" "$@"
echo
"$here/build/release/tests/bench/bench_octave"
