#!/usr/bin/env bash
# Installs what Pingshen needs on a fresh Debian machine: Chromium and CJK fonts (browser mode and
# end-to-end tests), poppler (PDF checks), then the npm packages as locked; the install's prepare
# script builds the CLI (out/cli). npm install rather than npm ci: on an installed tree it changes
# only what differs from the lock, where npm ci would delete node_modules and install everything again.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# grep without -q reads to the end: with pipefail, fc-list cut off by an early exit would fail the test
fc-list : family 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "正在安装系统软件包 / installing system packages: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "请先安装 / please install first: ${need[*]} (apt-get install ${need[*]})" >&2
  fi
fi

# Electron's binary comes from the network at install time; where it cannot be fetched the app runs
# in browser mode instead (npm start says so). Set PINGSHEN_FETCH_ELECTRON=1 to fetch it.
if [ "${PINGSHEN_FETCH_ELECTRON:-0}" != 1 ]; then export ELECTRON_SKIP_BINARY_DOWNLOAD=1; fi

# npm checks every package's engines against the Node that runs npm, which may be the system's older
# one; the packages run on the project's Node 22 (the node devDependency, which npm scripts use). So
# npm runs on that same Node, fetched into npm's cache, and its checks speak of the Node in use.
node_version=$(node -p "require('./package-lock.json').packages['node_modules/node'].version")
npm exec --yes --package="node@$node_version" -- sh -c 'node "$npm_execpath" install --no-audit --no-fund'
