#!/usr/bin/env bash
# Renders the PNG icon sizes from the SVG. The PNGs are committed, so building the package needs no SVG
# renderer; run this after editing the SVG (Debian: apt-get install librsvg2-bin).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
id=io.github.iovplan.IovPlanner
for size in 16 22 24 32 48 64 128 256; do
  mkdir -p "$here/${size}x${size}"
  rsvg-convert --width "$size" --height "$size" "$here/$id.svg" --output "$here/${size}x${size}/$id.png"
done
