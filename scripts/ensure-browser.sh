#!/usr/bin/env bash
# Make sure Debian's Chromium and ChromeDriver are installed: the browser tests
# run the real site search in them. Installs them with apt when run as root.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "The browser tests need Chromium and ChromeDriver. Install them with:" >&2
  echo "  sudo apt-get install chromium chromium-driver" >&2
  exit 1
fi
echo "Installing chromium and chromium-driver with apt-get..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
