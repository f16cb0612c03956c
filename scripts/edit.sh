#!/usr/bin/env bash
# `make edit`: the web editing page on this computer. decap-server (pinned in package-lock.json) reads
# and writes the files of this repository, and `mkdocs serve` serves the site with the editing page at
# http://127.0.0.1:8000/admin/. decap-server has no authentication: it listens on 127.0.0.1 only.
# MODE=fs (default) writes the files directly; MODE=git saves each entry on a local cms/… branch and
# merges it into main when it is published, as the deployed page does with pull requests.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${MODE:-fs}
case "$mode" in fs|git) ;; *) echo "MODE must be fs or git / MODE 须为 fs 或 git" >&2; exit 2;; esac
PORT=8081 BIND_HOST=127.0.0.1 MODE="$mode" GIT_REPO_DIRECTORY="$PWD" LOG_LEVEL=${LOG_LEVEL:-warn} \
  node node_modules/decap-server/dist/index.js &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT INT TERM
echo "编辑页面 / editing page: http://127.0.0.1:8000/admin/  (decap-server $mode 模式 / mode, 127.0.0.1:8081)"
.venv/bin/mkdocs serve --dev-addr "${DEV_ADDR:-127.0.0.1:8000}"
