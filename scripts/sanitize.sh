#!/usr/bin/env bash
# Builds the asan-ubsan preset (GCC, AddressSanitizer + UndefinedBehaviorSanitizer, -O1) and runs the whole
# test suite under it with leak checking on (docs/sanitizers.md). Any sanitizer report fails the test that
# triggered it, and so the run. Extra arguments go to ctest (e.g. -R crashsafe).
# The options live in CMakePresets.json (test preset asan-ubsan) and tests/sanitizers/.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$here/scripts/build.sh" asan-ubsan
cd "$here"
ctest --preset asan-ubsan --no-label-summary "$@"
