#!/usr/bin/env bash
# Installs what rodtrad needs to build, test and run on Debian 12, as root. Idempotent: packages
# already present are not fetched again.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  libpugixml-dev libxml2-dev libxml2-utils
  libhpdf-dev zlib1g-dev libpoco-dev libboost-program-options-dev
  libhyphen-dev hyphen-sv fonts-dejavu-core icc-profiles-free
  libgtest-dev libgmock-dev
  libqpdf-dev qpdf poppler-utils
  libpq-dev postgresql
  chromium
)
# Node.js for the browser tests: Debian's, unless the machine has one already.
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "rodtrad setup: run as root to install: ${missing[*]}" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The browser tests' packages (Playwright's library without its browsers, and axe-core), as the
# lock file pins them; Debian's Chromium is the browser.
cd "$(dirname "$0")/../tests/browser"
if ! cmp -s package-lock.json node_modules/.installed-from-lock 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  cp package-lock.json node_modules/.installed-from-lock
fi
