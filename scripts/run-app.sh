#!/usr/bin/env bash
# Installs what is missing (scripts/setup.sh), builds the app with the Tauri CLI and starts it on its default
# library: an SQLite file in the OS data folder (GONGBANG_LIBRARY=DIR overrides it).
# The build is the same debug build the tests use, kept in $CARGO_TARGET_DIR (default ~/.cache/gongbang-post/target).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/gongbang-post/target}"
# With the CLI, as the tests' app-build step: the same features, so the dependencies they built are reused.
npx tauri build --debug --no-bundle -- -p gongbang-post -p gongbang-cli
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "run-app.sh: no graphical display (DISPLAY and WAYLAND_DISPLAY are unset); built $CARGO_TARGET_DIR/debug/gongbang-post" >&2
  exit 1
fi
exec "$CARGO_TARGET_DIR/debug/gongbang-post" "$@"
