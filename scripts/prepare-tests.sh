#!/usr/bin/env bash
# Runs before `npm test`: starts MariaDB and Redis if they are down, installs dependencies if they are missing or
# older than package-lock.json, and installs Debian's Chromium for the browser tests if it is missing.
# Quick when everything is already there (as in CI, which has just done all of it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/lib/setup.sh
source scripts/lib/setup.sh

start_mariadb >/dev/null
start_redis >/dev/null
if [[ $(node_modules/.bin/node --version 2>/dev/null) != v24.* || package-lock.json -nt node_modules/.package-lock.json ]]; then
  install_dependencies
fi
install_chromium >/dev/null
