#!/usr/bin/env bash
# Quick start, second command: install what is missing, build and run the whole test suite.
# CI (CI=true) builds with warnings as errors. Extra arguments go to ctest (e.g. -R exactmva).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=release
[ "${CI:-}" = "true" ] && preset=ci
bash "$here/scripts/build.sh" "$preset"
cd "$here"
exec ctest --preset "$preset" --no-label-summary "$@"
