#!/usr/bin/env bash
# Installs what is missing for building and running Gongbang Post (and, with --test, for every test).
# Idempotent and quick when everything is present: each step checks first and does nothing when satisfied.
#
#   scripts/setup.sh          Debian packages Tauri needs to build the app, Rust checks, npm dependencies
#   scripts/setup.sh --test   the above, plus what the tests need: Xvfb, WebKitWebDriver, tauri-driver,
#                             xdotool, a GTK drag source (python3-gi), exiftool, ImageMagick, Chromium for the
#                             UI's Playwright tests, libvips-tools for the benchmark, gnome-keyring + dbus for the
#                             keychain test, mingw-w64 + NSIS + the Rust Windows target for the Windows build,
#                             Wine for its tests, shellcheck, cargo-machete and cargo-deny, and a Python venv
#                             with pytest, actionlint and ruff
#
# Uses sudo only when not root. Debian 12 (bookworm) or newer.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
want_test=0
for arg in "$@"; do
  case "$arg" in
    --test) want_test=1 ;;
    *) echo "setup.sh: unknown argument: $arg" >&2; exit 64 ;;
  esac
done

say() { printf '[setup] %s\n' "$*"; }
# shellcheck source=scripts/install-lib.sh
. "$root/scripts/install-lib.sh"

# --- Debian packages ----------------------------------------------------------------------------------
# What the Tauri v2 build needs on Linux (WebKitGTK 4.1, GTK 3, libxdo for menus, librsvg for icons).
# nasm: openh264 (the video encoder, built from source) uses its assembly, about 40% faster.
build_pkgs=(libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev patchelf pkg-config ca-certificates git nasm
  libdbus-1-dev)   # libdbus-1-dev: the keychain (keyring's Secret Service client links libdbus)
# What the tests need: a virtual X server, the WebKit WebDriver, a real drag-and-drop source (GTK 3 from
# Python), X tools, metadata and image checks, a Korean font for the webview, Chromium for the UI tests,
# ffmpeg/ffprobe to verify the videos (verification only: the app never runs it).
test_pkgs=(xvfb xauth webkit2gtk-driver xdotool x11-utils python3 python3-venv python3-gi gir1.2-gtk-3.0
  libimage-exiftool-perl imagemagick desktop-file-utils fonts-nanum chromium libvips-tools time ffmpeg
  gnome-keyring dbus libsecret-tools    # a Secret Service for the keychain test (gongbang-ai), secret-tool to check it
  nsis gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64   # the Windows build and installer (scripts/build-windows.sh)
  wine wine64                           # the Windows test suites and the install test, under Wine
  shellcheck)                           # actionlint checks the release workflow's shell steps with it

pkgs=("${build_pkgs[@]}")
[ "$want_test" -eq 1 ] && pkgs+=("${test_pkgs[@]}")
command -v node >/dev/null 2>&1 || pkgs+=(nodejs npm)

apt_install_missing "${pkgs[@]}"

# --- Rust ---------------------------------------------------------------------------------------------
ensure_cargo
for comp in rustfmt clippy; do
  if ! cargo "${comp/rustfmt/fmt}" --version >/dev/null 2>&1; then
    say "adding the Rust component $comp"
    rustup component add "$comp"
  fi
done

# --- npm dependencies (root: the Tauri CLI; ui/: Vite + Preact + Playwright) -------------------------------
# `npm ci` is skipped when node_modules was installed from the same package-lock.json.
npm_ci() {
  local dir=$1 stamp="$1/node_modules/.gongbang-lock.sha256" sum
  [ -f "$dir/package-lock.json" ] || return 0
  sum=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    say "npm dependencies in ${dir#"$root"/}: up to date"
    return 0
  fi
  say "npm ci in ${dir#"$root"/}"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$sum" >"$stamp"
}
npm_ci "$root/."
npm_ci "$root/ui"

[ "$want_test" -eq 1 ] || { say "done"; exit 0; }

# --- Test tools -----------------------------------------------------------------------------------------
# The Windows target for the cross-build and the Windows test suites (the standard library, ~30 MB).
if ! rustup target list --installed 2>/dev/null | grep -qx x86_64-pc-windows-gnu; then
  say "rustup target add x86_64-pc-windows-gnu"
  rustup target add x86_64-pc-windows-gnu
else
  say "Rust target x86_64-pc-windows-gnu: present"
fi
if ! command -v tauri-driver >/dev/null 2>&1; then
  say "cargo install tauri-driver --locked"
  # Its own temporary build folder: the project's CARGO_TARGET_DIR is for the project. Unoptimised: it only
  # forwards WebDriver requests, and builds in half the time.
  env -u CARGO_TARGET_DIR cargo install tauri-driver --locked --debug --quiet
else
  say "tauri-driver: present"
fi
# The dependency checks of the test command: unused dependencies (cargo-machete) and licences, bans and
# sources (cargo-deny, deny.toml). Pinned, so every machine checks alike.
cargo_tool cargo-machete 0.9.2
cargo_tool cargo-deny 0.20.2

# Python venv for the end-to-end tests, outside the clone and reused; --system-site-packages so the tests'
# GTK helpers can import Debian's python3-gi.
venv="${GONGBANG_VENV:-$HOME/.cache/gongbang-post/venv}"
req="$root/tests/e2e/requirements.txt"
req_sum=$(sha256sum "$req" | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.requirements.sha256" 2>/dev/null)" != "$req_sum" ]; then
  say "Python venv for the e2e tests: $venv"
  mkdir -p "$(dirname "$venv")"
  /usr/bin/python3 -m venv --system-site-packages "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req"
  echo "$req_sum" >"$venv/.requirements.sha256"
else
  say "Python venv: up to date"
fi
say "done"
