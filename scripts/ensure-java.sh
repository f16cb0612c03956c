#!/usr/bin/env bash
# Make sure a Java runtime is there for the Nu HTML Checker (vnu-jar from npm), which the browser
# tests run over the built pages: Debian's default-jre-headless, installed with apt when missing.
# GONGKAI_JAVA names another java binary.
set -euo pipefail
java=${GONGKAI_JAVA:-$(command -v java || true)}
if [ -n "$java" ] && [ -x "$java" ]; then
  exit 0
fi
exec "$(dirname "$0")/apt-install.sh" default-jre-headless
