#!/usr/bin/env bash
# Make sure Chromium has a Chinese font for the screenshots the browser tests save (Debian's
# fonts-wqy-microhei, installed with apt when no font covers Chinese). The checks themselves do not
# depend on it; without it the screenshots would show empty boxes for Chinese text.
set -euo pipefail
if command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]; then
  exit 0
fi
exec "$(dirname "$0")/apt-install.sh" fonts-wqy-microhei
