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
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo"
else
  echo "The browser tests need Chromium and ChromeDriver. Install them with:" >&2
  echo "  sudo apt-get install chromium chromium-driver" >&2
  exit 1
fi
echo "Installing chromium and chromium-driver with apt-get..." >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
