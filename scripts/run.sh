#!/usr/bin/env bash
# Quick start, first command: build if needed, then open the GUI when a display is present (with the
# white paper's example project unless a file is given); otherwise evaluate that example with iovplan-cli.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Only the two programs: the test suite and benchmarks are the test command's business.
bash "$here/scripts/build.sh" release --target iovplan iovplan-cli
bin="$here/build/release/app"

example="$here/examples/ciov-whitepaper.iovplan"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  if [ "$#" -eq 0 ]; then set -- "$example"; fi
  exec "$bin/iovplan" "$@"
fi
echo "No display found: evaluating $example with iovplan-cli instead of opening the window." >&2
exec "$bin/iovplan-cli" evaluate "$example" --format table
