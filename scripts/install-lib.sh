# shellcheck shell=bash
# What the scripts that install what is missing share (setup.sh, build-windows.sh): Debian packages and Rust,
# each checked first so a second run does nothing. Sourced, not run; the caller defines say().
# Uses sudo only when not root.

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# apt_install_missing PKG...: installs the packages dpkg does not list as installed (one apt-get update first).
apt_install_missing() {
  local p missing=()
  for p in "$@"; do
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)" = installed ] || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    say "Debian packages: all present"
    return 0
  fi
  say "installing Debian packages: ${missing[*]}"
  sudo_if_needed apt-get update -q
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# ensure_cargo: Rust through rustup when cargo is missing (Debian's cargo is too old for Tauri 2), with rustfmt
# and clippy; puts ~/.cargo/bin on PATH either way.
ensure_cargo() {
  # shellcheck source=/dev/null
  [ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
  if ! command -v cargo >/dev/null 2>&1; then
    say "installing Rust with rustup (Debian's cargo is too old for Tauri 2)"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt -c clippy
    # shellcheck source=/dev/null
    . "$HOME/.cargo/env"
  fi
}

# cargo_tool CRATE VERSION [BIN]: `cargo install CRATE@VERSION --locked --debug` unless BIN (default: CRATE)
# already answers with that version. Built in a temporary folder of its own (the project's CARGO_TARGET_DIR is
# for the project), unoptimised: these checkers take a second either way, and a cold CI machine builds them
# in much less time.
cargo_tool() {
  local crate=$1 version=$2 bin=${3:-$1}
  if "$bin" --version 2>/dev/null | grep -qF "$version"; then
    say "$crate $version: present"
    return 0
  fi
  say "cargo install $crate@$version --locked"
  env -u CARGO_TARGET_DIR cargo install "$crate@$version" --locked --debug --quiet
}
