#!/usr/bin/env bash
# Quick start, second command: install what is missing, build and run the whole test suite.
# CI (CI=true) builds with warnings as errors. Extra arguments go to ctest (e.g. -R exactmva); without
# them the fuzz targets also run a short fixed count each and the whole suite runs a second time under
# AddressSanitizer + UndefinedBehaviorSanitizer with leak checking (scripts/sanitize.sh; skip that part
# locally with IOVPLAN_SANITIZERS=0).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=release
[ "${CI:-}" = "true" ] && preset=ci
bash "$here/scripts/build.sh" "$preset"
cd "$here"
ctest --preset "$preset" --no-label-summary "$@"
# The libFuzzer targets (clang, ASan + UBSan) on a fixed count of inputs each: a crash fails the run
# (scripts/fuzz.sh, docs/fuzzing.md). Skipped when ctest was asked for a subset.
if [ $# -eq 0 ]; then
  bash "$here/scripts/fuzz.sh"
  # The same suite built with ASan + UBSan (docs/sanitizers.md): any report fails the run.
  if [ "${IOVPLAN_SANITIZERS:-1}" != "0" ]; then
    bash "$here/scripts/sanitize.sh"
  fi
fi
