#!/usr/bin/env bash
# Builds the release programs and the Debian package; prints the .deb's path (docs/packaging.md).
# Usage: scripts/package.sh   (then: sudo apt install ./build/release/iovplan_<version>_<arch>.deb)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The package holds the two programs and data files: build just them, not the test suite.
bash "$here/scripts/build.sh" release --target iovplan iovplan-cli
cd "$here/build/release"
# A reconfigure picks up packaging changes made since the build tree was created.
cmake . >/dev/null
cpack -G DEB >&2
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' CPackConfig.cmake)
deb=$(ls -t "$here"/build/release/iovplan_"${version}"_*.deb | head -n 1)
echo "$deb"
