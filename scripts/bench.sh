#!/usr/bin/env bash
# Runs the Google Benchmark programs (release build) and then the side-by-side comparison with
# Octave's queueing package. The figures belong in docs/PERFORMANCE.md.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$here/scripts/build.sh" release
"$here/build/release/tests/bench/bench_queueing" --benchmark_min_time=0.5 "$@"
echo
"$here/build/release/tests/bench/bench_octave"
