#!/usr/bin/env bash
# The two commands of README.md, on Debian 12:
#   packaging/dev.sh run    install what is missing, build, open Sextant on a demo library
#   packaging/dev.sh test   install what is missing, build, run every test
# Environment: SEXTANT_BUILD_DIR (default build/sextant), SEXTANT_DEMO_LIBRARY
# (default build/demo-library), JOBS (default: the number of cores).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/.." && pwd)
build=${SEXTANT_BUILD_DIR:-$top/build/sextant}
jobs=${JOBS:-$(nproc)}

usage() { sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

configure_and_build() {
  "$here/install-deps.sh"
  cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSEXTANT_WERROR=ON "$@"
  cmake --build "$build" -j "$jobs"
}

case "${1:-}" in
  run)
    configure_and_build -DSEXTANT_BUILD_TESTS=OFF
    library=${SEXTANT_DEMO_LIBRARY:-$top/build/demo-library}
    # Ingesting an unchanged folder again does no work, so this is cheap on every run.
    "$build/app/sextant" -q --library "$library" ingest "$top/resources/demo" >/dev/null
    echo "Demo library: $library"
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "No display: try the command line instead, e.g."
      echo "  $build/app/sextant --library $library list"
      echo "  $build/app/sextant --library $library search 'open weights'"
      exit 0
    fi
    exec "$build/app/sextant" --library "$library"
    ;;
  test)
    configure_and_build -DSEXTANT_BUILD_TESTS=ON
    cd "$build"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$jobs"
    ;;
  *)
    usage
    exit 2
    ;;
esac
