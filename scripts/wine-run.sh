#!/usr/bin/env bash
# Cargo's target runner for x86_64-pc-windows-gnu: runs a Windows test binary under Wine in the prefix that
# scripts/wine-prefix.sh made in $GONGBANG_WINE_DIR.
#
#   GONGBANG_WINE_DIR=DIR CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER="$PWD/scripts/wine-run.sh" \
#     cargo test --release --target x86_64-pc-windows-gnu …
set -euo pipefail
dir=${GONGBANG_WINE_DIR:?set GONGBANG_WINE_DIR to a folder made by scripts/wine-prefix.sh}
export HOME="$dir/home" WINEPREFIX="$dir/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
# The app's test binary (in deps/) imports WebView2Loader.dll, which the build puts one folder up, beside the
# app (and the installer beside the installed app): Windows also looks for DLLs on the PATH (WINEPATH here).
WINEPATH="$(cd "$(dirname "$1")/.." && pwd)"
export WINEPATH
exec wine "$@"
