#!/usr/bin/env bash
# Builds the Windows installer of Gongbang Post on this Debian machine (no Windows host needed):
# installs what is missing, cross-builds the app (gongbang-post.exe) and the CLI (gongbang.exe) in release for
# x86_64-pc-windows-gnu with Debian's mingw-w64, stages the payload and runs makensis. The LAST line of stdout
# is the installer's absolute path:
#
#   $CARGO_TARGET_DIR/x86_64-pc-windows-gnu/release/bundle/nsis/GongbangPost_<version>_x64-setup.exe
#
# (<version> from tauri.conf.json; CARGO_TARGET_DIR defaults to ~/.cache/gongbang-post/target.)
#
# Why NSIS (Debian's makensis) and not an MSI or Tauri's own bundlers: makensis makes a real per-user `.exe`
# installer with a Korean UI, an entry in Windows' installed apps (HKCU uninstall key), shortcuts, and silent
# /S install and uninstall. wixl's MSI has no UI dialogs and per-user MSIs are fragile. Tauri's NSIS bundler
# downloads nsis_tauri_utils.dll from outside the package registries, and its MSI bundler needs Windows.
#
# The staging folder is kept, self-contained, so an installer with another version can be made from the same
# payload without rebuilding (the install test makes a "newer" installer this way to test upgrades):
#
#   stage=$CARGO_TARGET_DIR/x86_64-pc-windows-gnu/release/bundle/nsis/stage
#   makensis -V2 -INPUTCHARSET UTF8 -DVERSION=0.2.0 -DOUTFILE=/tmp/GongbangPost_0.2.0_x64-setup.exe "$stage/installer.nsi"
#
# The stage holds installer.nsi (a copy of assets/windows/installer.nsi), icon.ico, payload/ (gongbang-post.exe,
# gongbang.exe, WebView2Loader.dll, THIRD_PARTY_LICENSES.md) and payload-files.nsh (the uninstaller's file list).
# The Windows build flags (static C++ runtime) are in .cargo/config.toml. Uses sudo only when not root.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target=x86_64-pc-windows-gnu
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/gongbang-post/target}"

# Progress goes to stderr: stdout's last line is the installer's path, for scripts.
say() { printf '[build-windows] %s\n' "$*" >&2; }
die() { printf '[build-windows] error: %s\n' "$*" >&2; exit 1; }
# shellcheck source=scripts/install-lib.sh
. "$root/scripts/install-lib.sh"

# --- Debian packages ----------------------------------------------------------------------------------
# mingw-w64 links the Windows build (g++ for openh264's C++), nsis makes the installer; a host C toolchain
# and nasm for the build scripts (openh264's assembly), node/npm for the UI the app embeds.
pkgs=(nsis gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 binutils-mingw-w64-x86-64 build-essential nasm
  curl ca-certificates)
command -v node >/dev/null 2>&1 || pkgs+=(nodejs npm)
apt_install_missing "${pkgs[@]}" >&2

# --- Rust and its Windows target ----------------------------------------------------------------------
ensure_cargo >&2
if ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
  say "rustup target add $target"
  rustup target add "$target" >&2
else
  say "Rust target $target: present"
fi

# --- The UI the app embeds (ui/dist) ------------------------------------------------------------------
if [ ! -f ui/dist/index.html ]; then
  if [ ! -d ui/node_modules ]; then
    say "npm ci in ui"
    (cd ui && npm ci --no-audit --no-fund --loglevel=error) >&2
  fi
  say "npm --prefix ui run build"
  npm --prefix ui run build >&2
else
  say "ui/dist: present"
fi

# --- Cross-build ---------------------------------------------------------------------------------------
version=$(sed -n 's/^  "version": "\([^"]*\)",$/\1/p' tauri.conf.json)
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "could not read a x.y.z version from tauri.conf.json (got '$version')"
say "cargo build --release --target $target -p gongbang-post -p gongbang-cli (version $version)"
cargo build --release --locked --target "$target" -p gongbang-post -p gongbang-cli >&2

out="$CARGO_TARGET_DIR/$target/release"
app="$out/gongbang-post.exe" cli="$out/gongbang.exe"
if [ ! -f "$app" ] || [ ! -f "$cli" ]; then die "the build did not produce $app and $cli"; fi

# WebView2Loader.dll: the app imports it; webview2-com-sys's build script copies Microsoft's x64 DLL into its
# OUT_DIR. Take the newest copy for this target (several builds may have left one).
loader=$(ls -t "$out"/build/webview2-com-sys-*/out/x64/WebView2Loader.dll 2>/dev/null | head -n1 || true)
[ -n "$loader" ] || die "WebView2Loader.dll not found under $out/build/webview2-com-sys-*/out/x64/"

# --- Stage the payload ---------------------------------------------------------------------------------
bundle="$out/bundle/nsis"
stage="$bundle/stage"
rm -rf "$stage"
mkdir -p "$stage/payload"
cp "$app" "$cli" "$loader" "$stage/payload/"
# Symbols are for debugging here, not for the owner's PC: stripping halves the download (icon and version
# resources stay).
x86_64-w64-mingw32-strip --strip-all "$stage/payload/gongbang-post.exe" "$stage/payload/gongbang.exe"
cp THIRD_PARTY_LICENSES.md "$stage/payload/"
cp assets/icons/icon.ico "$stage/icon.ico"
cp assets/windows/installer.nsi "$stage/installer.nsi"

# Every DLL an .exe imports must be a Windows system DLL or shipped beside it (a PC has no mingw runtime).
system_dlls='^(kernel32|user32|gdi32|advapi32|shell32|ole32|oleaut32|combase|comctl32|comdlg32|shlwapi|ws2_32|bcrypt|bcryptprimitives|crypt32|ncrypt|secur32|ntdll|msvcrt|userenv|uxtheme|dwmapi|version|winmm|imm32|propsys|dbghelp|rpcrt4|setupapi|powrprof|iphlpapi|winhttp|netapi32|msimg32|oleacc|d2d1|d3d11|dxgi|dwrite|windowscodecs|urlmon|winspool\.drv|api-ms-win-[a-z0-9-]+)\.dll$'
for exe in "$stage/payload/"*.exe; do
  while read -r dll; do
    lower=$(printf '%s' "$dll" | tr '[:upper:]' '[:lower:]')
    if [[ ! "$lower" =~ $system_dlls ]] && [ ! -f "$stage/payload/$dll" ]; then
      die "$(basename "$exe") imports $dll, which is neither a Windows system DLL nor in the payload"
    fi
  done < <(x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/^\s*DLL Name: //p')
done

# The uninstaller deletes exactly these files (no recursive delete of the install folder).
(
  cd "$stage/payload"
  find . -type f | LC_ALL=C sort | while read -r f; do
    f=${f#./}
    printf 'Delete "$INSTDIR\\%s"\n' "${f//\//\\}"
  done
  find . -mindepth 1 -type d | LC_ALL=C sort -r | while read -r d; do
    d=${d#./}
    printf 'RMDir "$INSTDIR\\%s"\n' "${d//\//\\}"
  done
) >"$stage/payload-files.nsh"

# --- The installer -------------------------------------------------------------------------------------
installer="$bundle/GongbangPost_${version}_x64-setup.exe"
say "makensis → $installer"
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DOUTFILE="$installer" "$stage/installer.nsi" >&2
[ -s "$installer" ] || die "makensis did not write $installer"
say "payload: $(du -sh "$stage/payload" | cut -f1), installer: $(du -h "$installer" | cut -f1)"
echo "$installer"
