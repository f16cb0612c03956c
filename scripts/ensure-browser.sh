#!/usr/bin/env bash
# Make sure a headless Chromium and its ChromeDriver are there for the browser tests (they run the
# real site search and accessibility checks). By default Debian's chromium and chromium-driver,
# installed with apt when missing; GONGKAI_CHROMIUM and GONGKAI_CHROMEDRIVER name other binaries
# (the GitHub workflow uses the runner's Chrome).
set -euo pipefail
chromium=${GONGKAI_CHROMIUM:-/usr/bin/chromium}
driver=${GONGKAI_CHROMEDRIVER:-/usr/bin/chromedriver}
if [ -x "$chromium" ] && [ -x "$driver" ]; then
  exit 0
fi
if [ -n "${GONGKAI_CHROMIUM:-}${GONGKAI_CHROMEDRIVER:-}" ]; then
  echo "GONGKAI_CHROMIUM=$chromium or GONGKAI_CHROMEDRIVER=$driver is not an executable file." >&2
  exit 1
fi
exec "$(dirname "$0")/apt-install.sh" chromium chromium-driver
