#!/usr/bin/env bash
# Builds the Debian package with CPack, validates it, installs it, and runs
# the installed program: `sextant --version`, an ingest and a search in a
# temporary library. Leaves the .deb in build/package/.
#   packaging/build-deb.sh [--no-install]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/.." && pwd)
build=${SEXTANT_PACKAGE_DIR:-$top/build/package}
jobs=${JOBS:-$(nproc)}

"$here/install-deps.sh"
cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DSEXTANT_BUILD_TESTS=OFF -DSEXTANT_BUILD_BENCH=OFF -DSEXTANT_WERROR=ON
cmake --build "$build" -j "$jobs"
rm -f "$build"/sextant_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/sextant_*.deb)
echo "package: $deb"

echo "== desktop-file-validate"
desktop-file-validate "$top/resources/desktop/org.sextant.Sextant.desktop"
echo "== appstreamcli validate"
appstreamcli validate --no-net --pedantic "$top/resources/desktop/org.sextant.Sextant.metainfo.xml"
echo "== lintian"
# Errors fail the build; warnings are shown. A locally built package has no
# signed changes file or upload checks to pass, so those tags do not apply.
lintian --fail-on error --suppress-tags no-manual-page "$deb" || { echo "lintian found errors"; exit 1; }

[ "${1:-}" = "--no-install" ] && exit 0

echo "== install"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo=sudo
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
trap '$sudo dpkg -r sextant >/dev/null 2>&1 || true' EXIT
test -x /usr/bin/sextant
test -f /usr/share/applications/org.sextant.Sextant.desktop
test -f /usr/share/metainfo/org.sextant.Sextant.metainfo.xml
test -f /usr/share/icons/hicolor/scalable/apps/org.sextant.Sextant.svg
test -f /usr/share/icons/hicolor/256x256/apps/org.sextant.Sextant.png
test -f /usr/share/man/man1/sextant.1.gz

echo "== smoke test of the installed program"
work=$(mktemp -d)
trap '$sudo dpkg -r sextant >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
/usr/bin/sextant --version
printf '# Installed check\n\nThe packaged Sextant reads Markdown about Orbit models.\n' > "$work/check.md"
( cd / && /usr/bin/sextant -q --library "$work/lib" ingest "$work/check.md" )
/usr/bin/sextant --library "$work/lib" search orbit | grep -q "Installed check"
/usr/bin/sextant --library "$work/lib" check >/dev/null
echo "installed package works"
