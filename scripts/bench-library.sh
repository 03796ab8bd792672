#!/usr/bin/env bash
# Library benchmark (issue 14 item 6): a library at the size of a real shop, built from the test photos through
# the real import (10,000 distinct photos in 2,000 jobs and 300 products by default), then
#   - the core: the library page, searches (3+ letters, 2 letters, 1 letter, a customer, decomposed Hangul),
#     opening a job and a product page, each the median and worst of RUNS, against the issue's anchors
#     (page and search 50 ms, opening a job 100 ms), in release mode;
#   - the window (skipped with NO_WINDOW=1): the real app under Xvfb on that library: the first screen against
#     1.5 s, the library's cards, and the photo wall scrolled top to bottom (frame times, tiles in the DOM).
#
#   scripts/bench-library.sh                         10,000 photos / 2,000 jobs / 300 products
#   PHOTOS=2000 JOBS=400 PRODUCTS=60 scripts/bench-library.sh
#   RUNS=30 NO_WINDOW=1 scripts/bench-library.sh
#
# The library is built once and kept under ~/.cache/gongbang-post/bench-library/ (keyed by its size and the
# schema); making the 10,000-photo one takes a while. The window half needs the app's debug build
# (`npx tauri build --debug --bundles deb`, as scripts/test-all.sh makes it) and scripts/setup.sh --test.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/gongbang-post/target}"
photos=${PHOTOS:-10000} jobs=${JOBS:-2000} products=${PRODUCTS:-300} runs=${RUNS:-15}
testdata=$(realpath -m "$root/../shared/testdata/photos")
[ -d "$testdata" ] || { echo "bench-library.sh: no test photos at $testdata" >&2; exit 1; }

echo "building: cargo build --release -p gongbang-core --example bench_library"
cargo build --release -p gongbang-core --example bench_library
bench="$CARGO_TARGET_DIR/release/examples/bench_library"

schema=$(find crates/gongbang-core/src/db/sql -name '*.sql' | sort | tail -n 1 | xargs basename -s .sql)
lib="$HOME/.cache/gongbang-post/bench-library/$photos-$jobs-$products-$schema"
if [ ! -f "$lib/.made" ]; then
  echo "making the library (once): $lib"
  rm -rf "$lib"
  mkdir -p "$lib"
  "$bench" make "$lib" --photos "$photos" --jobs "$jobs" --products "$products" --photos-from "$testdata"
  touch "$lib/.made"
fi

echo
"$bench" measure "$lib" --runs "$runs"

if [ "${NO_WINDOW:-0}" = 1 ]; then
  echo "window: skipped (NO_WINDOW=1)"
  exit 0
fi
app="$CARGO_TARGET_DIR/debug/gongbang-post"
[ -x "$app" ] || { echo "bench-library.sh: $app is missing: npx tauri build --debug --bundles deb" >&2; exit 1; }
venv="${GONGBANG_VENV:-$HOME/.cache/gongbang-post/venv}"
# The window works on a copy: the app tidies its library at start (empty jobs, old removals).
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
cp -a "$lib/." "$copy/"
# A shop past its first run: the profile filled in (as the e2e tests do), so the window opens on the wizard.
cli="$CARGO_TARGET_DIR/debug/gongbang"
[ -x "$cli" ] || { echo "bench-library.sh: $cli is missing: cargo build -p gongbang-cli" >&2; exit 1; }
"$cli" --library "$copy" shop set --name 문래정밀 --phone 02-2631-0000 --region 문래동 > /dev/null
echo
"$venv/bin/python" scripts/bench_window.py --app "$app" --library "$copy" --runs "${WINDOW_RUNS:-3}"
