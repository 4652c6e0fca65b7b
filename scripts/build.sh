#!/usr/bin/env bash
# Installs what is missing, configures once and builds incrementally with a CMake preset.
# Usage: scripts/build.sh PRESET [extra cmake --build args]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=${1:?usage: scripts/build.sh PRESET}
shift || true

bash "$here/scripts/deps.sh"
cd "$here"
if [ ! -f "build/$preset/build.ninja" ]; then
  cmake --preset "$preset" >/dev/null
fi
cmake --build --preset "$preset" "$@"
