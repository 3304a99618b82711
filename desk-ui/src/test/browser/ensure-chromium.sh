#!/usr/bin/env bash
# The desk's browser tests drive Debian's Chromium with Playwright (a test tool's own browser
# download does not work on every machine). Install it when it is missing and we may.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at /usr/bin/chromium: install it (e.g. 'sudo apt-get install chromium')" >&2
echo "or set HEARD_CHROMIUM to its path." >&2
[ -n "${HEARD_CHROMIUM:-}" ] && [ -x "${HEARD_CHROMIUM}" ]
