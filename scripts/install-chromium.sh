#!/bin/sh
# Installs Debian's Chromium for the browser tests when it is missing. Never a downloaded
# browser (docs/offline-build.md, "Browser tests"): only the distribution's package, from
# the machine's own mirrors.
set -e
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
echo "Installing Debian's chromium for the browser tests ..." >&2
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "chromium is missing and this user cannot install it: run 'apt-get install -y chromium' as root, or set CHROMIUM to a Chromium binary." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null || true
$SUDO apt-get install -y -qq chromium >/dev/null
[ -x "$CHROMIUM" ] || { echo "chromium did not install at $CHROMIUM" >&2; exit 1; }
