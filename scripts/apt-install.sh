#!/usr/bin/env bash
# Install Debian packages with apt-get: as root, or through passwordless sudo; otherwise print the
# command to run and fail. Used by the ensure-*.sh scripts that `make` runs.
set -euo pipefail
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo"
else
  echo "The tests need these Debian packages. Install them with: sudo apt-get install $*" >&2
  exit 1
fi
echo "Installing $* with apt-get..." >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
