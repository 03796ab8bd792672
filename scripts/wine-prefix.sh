#!/usr/bin/env bash
# Makes a throw-away Wine prefix for running the Windows builds on this Linux machine (tests only).
#
#   bash scripts/wine-prefix.sh DIR
#
# creates DIR/home (the HOME Wine links Desktop, Documents… to) and DIR/prefix (a 64-bit WINEPREFIX), boots it,
# and puts a test-only bcryptprimitives.dll (scripts/wine/, built here with mingw) into its system32: Debian 12's
# Wine 8 lacks that DLL, whose ProcessPrng Rust's std imports (real Windows 10/11 ship it). Nothing else is
# added, so a DLL the app forgets to ship is still missing here. Use the prefix with:
#
#   HOME=DIR/home WINEPREFIX=DIR/prefix WINEDEBUG=-all wine program.exe …     (scripts/wine-run.sh does this)
#
# and end it with `WINEPREFIX=DIR/prefix wineserver -k`. Needs wine, wine64 and gcc-mingw-w64-x86-64.
set -euo pipefail

dir=${1:?usage: scripts/wine-prefix.sh DIR}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir/home"
dir=$(cd "$dir" && pwd)
export HOME="$dir/home" WINEPREFIX="$dir/prefix" WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="

# The shim, built once per source change (a few KB; beside the cargo builds when CARGO_TARGET_DIR is set).
cache="${CARGO_TARGET_DIR:-$dir}/wine-shim"
mkdir -p "$cache"
sum=$(cat "$here/wine/bcryptprimitives.c" "$here/wine/bcryptprimitives.def" | sha256sum | cut -c1-16)
dll="$cache/bcryptprimitives-$sum.dll"
if [ ! -f "$dll" ]; then
  x86_64-w64-mingw32-gcc -shared -O2 -o "$dll.tmp" "$here/wine/bcryptprimitives.c" \
    "$here/wine/bcryptprimitives.def" -ladvapi32
  mv "$dll.tmp" "$dll"
fi

# Without a display, wineboot's dialogs and winemenubuilder still work headless; keep its chatter out.
wineboot --init >"$dir/wineboot.log" 2>&1 || { cat "$dir/wineboot.log" >&2; exit 1; }
wineserver -w
cp "$dll" "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
