#!/usr/bin/env bash
# Quick start, first command: build if needed, then open the GUI when a display is present;
# otherwise solve a shipped example with iovplan-cli and print the result.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Only the two programs: the test suite and benchmarks are the test command's business.
bash "$here/scripts/build.sh" release --target iovplan iovplan-cli
bin="$here/build/release/app"

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$bin/iovplan" "$@"
fi
example="$here/examples/qn/jain-closed-think-time.json"
echo "No display found: solving $example with iovplan-cli instead of opening the window." >&2
exec "$bin/iovplan-cli" qn "$example" --format table
