#!/usr/bin/env bash
# The browser tests check every desk page with axe-core (WCAG 2.2 AA rules). It comes from the npm
# registry at a pinned version, into the directory given (target/axe), once.
# Usage: fetch-axe-core.sh <directory>
set -euo pipefail
version=4.14.1
dir="${1:?usage: fetch-axe-core.sh <directory>}"
script="$dir/node_modules/axe-core/axe.min.js"
if [ -f "$script" ] && grep -q "axe v$version" "$script"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's npm for axe-core..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq npm >/dev/null
  else
    echo "The browser tests need npm to fetch axe-core $version (or put axe.min.js at $script)" >&2
    exit 1
  fi
fi
mkdir -p "$dir"
npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "axe-core@$version"
test -f "$script"
