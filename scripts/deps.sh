#!/usr/bin/env bash
# Installs the Debian 12 packages IOV Planner needs to build, run and test.
# One list, one place. Packages already present are skipped, so a warm machine pays nothing.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config
  # Qt 6.4 (Debian 12) and the libraries of the layers
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev libqt6sql6-sqlite libgl-dev
  libqt6opengl6-dev  # Qt6Charts' CMake config needs it; qt6-charts-dev does not pull it in
  libeigen3-dev libyaml-cpp-dev
  # benchmarks, headless GUI tests, report checks
  libbenchmark-dev xvfb xauth poppler-utils
  # the fonts reports embed (compiled in, so a PDF lays out the same on every machine)
  fonts-dejavu-core
  # independent solver the engine is compared against
  octave octave-queueing
  # fuzzing (libFuzzer with clang, scripts/fuzz.sh)
  clang libclang-rt-14-dev
  # packaging test: metainfo, desktop entry and man page validators
  appstream desktop-file-utils man-db
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
