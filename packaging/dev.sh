#!/usr/bin/env bash
# The two commands of README.md, on Debian 12:
#   packaging/dev.sh run    install what is missing, build, open Sextant on a demo library
#   packaging/dev.sh test   install what is missing, build, run every test, build and check the .deb
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
    echo "Demo library: $library"
    if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
      # --demo fills an empty library with the demo sources built into Sextant.
      exec "$build/app/sextant" --library "$library" --demo
    else
      # No display: the same demo sources, through the command line.
      "$build/app/sextant" -q --library "$library" ingest "$top/resources/demo" >/dev/null
      # The timeline and a chart, drawn offscreen, to look at with any image viewer.
      "$build/app/sextant" -q --library "$library" timeline --out "$top/build/demo-timeline.png"
      "$build/app/sextant" -q --library "$library" chart --benchmark MMLU --out "$top/build/demo-mmlu.png"
      echo "No display: the demo's timeline and an MMLU chart are in $top/build/demo-timeline.png and demo-mmlu.png."
      echo "Try the command line, e.g."
      echo "  $build/app/sextant --library $library list"
      echo "  $build/app/sextant --library $library search 'open weights'"
      echo "  $build/app/sextant --library $library chart --benchmark 'GPQA Diamond'"
      echo "  $build/app/sextant --library $library report --out report.html"
    fi
    ;;
  test)
    configure_and_build -DSEXTANT_BUILD_TESTS=ON
    (cd "$build" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$jobs")
    # The package: builds, passes lintian and the desktop validators, installs, runs.
    "$here/build-deb.sh"
    ;;
  *)
    usage
    exit 2
    ;;
esac
