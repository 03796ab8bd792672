#!/usr/bin/env bash
# Every test of Gongbang Post, in order; installs what is missing first. Exits non-zero if any step failed.
#
#   setup      scripts/setup.sh --test (Debian packages, npm ci, tauri-driver, the e2e venv; quick when present)
#   fmt        cargo fmt --check
#   ui-lint    Biome over ui/ (npm --prefix ui run lint: formatting and lints, ui/biome.jsonc)
#   py-lint    ruff check and ruff format --check over the Python tests and scripts (ruff.toml)
#   deps       cargo machete (no unused dependency) and cargo deny check licenses bans sources (deny.toml)
#   ui-build   npm --prefix ui run build (the app embeds ui/dist, so clippy needs it)
#   cargo-test cargo test --workspace (gongbang-core, the gongbang CLI, gongbang-ai, and the app's own tests,
#              the app built as `tauri build` builds it; one test binary per crate; the keychain test is left
#              to a later step, GONGBANG_SKIP_KEYCHAIN=1)
#              Every cargo step compiles the workspace's own crates with clippy-driver and warnings denied
#              (see with_clippy below): the lint is the build, not a second pass over every dependency.
#   keychain   the AI key through a real Secret Service: gnome-keyring in a private D-Bus session
#              (dbus-run-session), with its own throw-away keyring folder
#   ui-typecheck npm --prefix ui run typecheck (tsc over ui/src and ui/tests: the window and the mock backend
#              against the bindings generated from the IPC declaration, src-tauri/ipc.rs)
#   ui-test    npm --prefix ui test (the type check again, then Playwright against the UI with a mocked backend)
#   app-build  npx tauri build --debug --bundles deb (the app and its .deb, used by the e2e tests; linted too)
#   e2e        pytest tests/e2e (the real app under Xvfb through WebDriver, real drag-and-drop, the .deb)
#   win-build  scripts/build-windows.sh (the app and the CLI cross-built for Windows in release, the installer);
#              our own crates are compiled by clippy-driver with warnings denied (below), so the code behind
#              #[cfg(windows)] is linted as it builds
#   win-test   every crate's tests (the app's too) built for Windows and run under Wine in a throw-away prefix
#              (cargo's target runner: scripts/wine-run.sh); in release and over the whole workspace, so the
#              dependencies resolve to the same features as win-build's and none is compiled twice
#   win-install pytest tests/windows (the installer under Wine: install, shortcuts, the installed CLI exporting
#              real photos, the app's window or WebView2 message, upgrade, uninstall keeping the library)
#   workflows  the release workflow (.github/workflows/) checked with actionlint (which runs shellcheck)
#
# Screenshots of each wizard step land in artifacts/e2e/. Cargo builds go to $CARGO_TARGET_DIR, by default
# ~/.cache/gongbang-post/target, outside the clone, so later runs reuse them.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/gongbang-post/target}"
export GONGBANG_VENV="${GONGBANG_VENV:-$HOME/.cache/gongbang-post/venv}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"

names=() results=() seconds=()
failed=0
started=$SECONDS

run_step() {
  local name=$1 t0=$SECONDS rc
  shift
  printf '\n=== %s: %s\n' "$name" "$*"
  "$@"
  rc=$?
  names+=("$name") seconds+=($((SECONDS - t0)))
  if [ "$rc" -eq 0 ]; then results+=(ok); else results+=("FAILED (exit $rc)"); failed=1; fi
  return "$rc"
}

skip_step() {
  printf '\n=== %s: skipped (%s)\n' "$1" "$2"
  names+=("$1") seconds+=(0) results+=("not run: $2")
  failed=1
}

summary() {
  printf '\n=== steps (seconds)\n'
  for i in "${!names[@]}"; do
    printf '  %-11s %5s  %s\n' "${names[$i]}" "${seconds[$i]}" "${results[$i]}"
  done
  printf '  %-11s %5s\n' total $((SECONDS - started))
}

if ! run_step setup bash scripts/setup.sh --test; then
  summary
  exit 1
fi
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"

# Clippy: every cargo step below compiles the workspace's own crates with clippy-driver, through cargo's
# RUSTC_WORKSPACE_WRAPPER (the mechanism `cargo clippy` itself uses) with warnings denied. The lint happens
# while the code is built for its tests, on Linux and for Windows (so #[cfg(windows)] code is linted too),
# instead of a separate `cargo clippy` that compiles every dependency once more in check mode. Every step sets
# it alike: the wrapper is part of cargo's fingerprint, so a step without it would rebuild our crates.
# Dependencies are compiled by plain rustc (lints never run on them).
clippy_driver=$(rustup which clippy-driver 2>/dev/null || command -v clippy-driver || true)
with_clippy() {
  if [ -z "$clippy_driver" ]; then
    echo "clippy-driver not found (rustup component add clippy)" >&2
    return 1
  fi
  RUSTC_WORKSPACE_WRAPPER="$clippy_driver" CLIPPY_ARGS=-Dwarnings "$@"
}

run_step fmt cargo fmt --all --check
run_step ui-lint npm --prefix ui run lint
run_step py-lint sh -c '"$0" check . && "$0" format --check .' "$GONGBANG_VENV/bin/ruff"
run_step deps sh -c 'cargo machete && cargo deny --log-level error check licenses bans sources'
ui_built=0
run_step ui-build npm --prefix ui run build && ui_built=1
# The Linux cargo steps (cargo-test, keychain, app-build) resolve the same crates with the same features, so
# each dependency compiles once: the tests build the app as `tauri build` does (with tauri's custom-protocol,
# serving the embedded ui/dist), and app-build also names the CLI, whose clap features muxide's clap shares.
app_features=(--features tauri/custom-protocol)
if [ "$ui_built" -eq 1 ]; then
  run_step cargo-test with_clippy env GONGBANG_SKIP_KEYCHAIN=1 cargo test --workspace "${app_features[@]}"
else
  skip_step cargo-test "the app embeds ui/dist, which did not build"
fi

# The keychain test: a private session bus and a fresh gnome-keyring, unlocked with a throw-away password
# (an empty one makes it ask through a GUI prompter), in folders of its own so a developer's login keyring
# and running daemon are never touched. The same `cargo test --workspace` as cargo-test, filtered by name: a
# narrower `-p gongbang-ai` would unify other features and rebuild the core and the AI crate.
keychain_test() {
  local tmp rc
  tmp=$(mktemp -d)
  mkdir -p "$tmp/data" "$tmp/run" && chmod 700 "$tmp/run"
  XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run" with_clippy dbus-run-session -- sh -c \
    'printf gongbang-ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null &&
     cargo test --workspace "$@" keychain::' sh "${app_features[@]}"
  rc=$?
  rm -rf "$tmp"
  return "$rc"
}
run_step keychain keychain_test
run_step ui-typecheck npm --prefix ui run typecheck
run_step ui-test npm --prefix ui test

if run_step app-build with_clippy npx tauri build --debug --bundles deb -- -p gongbang-post -p gongbang-cli; then
  # pytest's exit status 5 (no test collected) counts as a failure here: these tests must run.
  run_step e2e "$GONGBANG_VENV/bin/python" -m pytest tests/e2e -v -rfEs -p no:cacheprovider
  printf 'e2e screenshots: %s\n' "$root/artifacts/e2e"
else
  skip_step e2e "the app did not build"
fi

# --- Windows: cross-built here, run under Wine --------------------------------------------------------
# Both Windows steps compile with clippy-driver alike (with_clippy, above), so the tests reuse the build's
# artifacts and the Windows-only code is linted.
windows_tests() {
  local tmp rc
  tmp=$(mktemp -d)
  bash scripts/wine-prefix.sh "$tmp" || { rm -rf "$tmp"; return 1; }
  GONGBANG_WINE_DIR="$tmp" CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER="$root/scripts/wine-run.sh" \
    with_clippy cargo test --release --target x86_64-pc-windows-gnu --workspace
  rc=$?
  HOME="$tmp/home" WINEPREFIX="$tmp/prefix" wineserver -k 2>/dev/null
  rm -rf "$tmp"
  return "$rc"
}
win_built=0
run_step win-build with_clippy bash scripts/build-windows.sh && win_built=1
run_step win-test windows_tests
if [ "$win_built" -eq 1 ]; then
  run_step win-install "$GONGBANG_VENV/bin/python" -m pytest tests/windows -v -rfEs -p no:cacheprovider
else
  skip_step win-install "the Windows installer did not build"
fi
run_step workflows "$GONGBANG_VENV/bin/actionlint"

summary
exit "$failed"
