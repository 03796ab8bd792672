#!/usr/bin/env bash
# Import benchmark (prints figures; no target yet): `gongbang import` of every photo under
# ../shared/testdata/photos into a fresh library, against libvips' `vipsthumbnail` making thumbnails of the same
# files at the size the app makes them (720 px). Photos per second (best of RUNS) and peak memory (largest
# maximum resident set size, from /usr/bin/time -v) for each, and the ratios.
#
# gongbang does more per photo than vipsthumbnail: it hashes and copies the original into the
# content-addressed store, reads EXIF, writes a thumbnail and a row in SQLite.
#
#   scripts/bench-import.sh            3 runs each
#   RUNS=5 scripts/bench-import.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/gongbang-post/target}"
runs=${RUNS:-3}
thumb=720  # the app's thumbnail size
photos=$(realpath -m "$root/../shared/testdata/photos")

for tool in vipsthumbnail /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench-import.sh: $tool is missing: run scripts/setup.sh --test" >&2; exit 1; }
done
[ -d "$photos" ] || { echo "bench-import.sh: no test photos at $photos" >&2; exit 1; }
mapfile -t files < <(find "$photos" -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' \
  -o -iname '*.webp' -o -iname '*.tif' -o -iname '*.tiff' \) | sort)
count=${#files[@]}
bytes=$(cat "${files[@]}" | wc -c)

echo "building the CLI: cargo build --release -p gongbang-cli"
cargo build --release -p gongbang-cli
gongbang="$CARGO_TARGET_DIR/release/gongbang"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$root/scripts/bench-lib.sh"


for i in $(seq "$runs"); do
  rm -rf "$tmp/lib" "$tmp/thumbs"
  mkdir -p "$tmp/thumbs"
  measure gongbang "$gongbang" --library "$tmp/lib" import "${files[@]}"
  measure vips vipsthumbnail --size "${thumb}x${thumb}" -o "$tmp/thumbs/%s.jpg" "${files[@]}"
done

read -r g_t g_rss g_rc < <(stats gongbang)
read -r v_t v_rss v_rc < <(stats vips)

awk -v n="$count" -v bytes="$bytes" -v dir="$photos" -v runs="$runs" -v vips="vipsthumbnail --size ${thumb}x${thumb}" \
  -v gt="$g_t" -v gm="$g_rss" -v grc="$g_rc" -v vt="$v_t" -v vm="$v_rss" -v vrc="$v_rc" 'BEGIN {
  printf "\nImport benchmark: %d photos, %.1f MB, under %s (best of %d runs)\n", n, bytes / 1048576, dir, runs
  printf "%-30s %9s %10s %12s %5s\n", "tool", "seconds", "photos/s", "peak RSS MB", "exit"
  printf "%-30s %9.2f %10.1f %12.1f %5d\n", "gongbang import (release)", gt, n / gt, gm / 1024, grc
  printf "%-30s %9.2f %10.1f %12.1f %5d\n", vips, vt, n / vt, vm / 1024, vrc
  printf "ratio gongbang/vipsthumbnail: %.2fx the time, %.2fx the peak memory\n", gt / vt, gm / vm
}'
echo "gongbang's summary line (last run): $(tail -n 1 "$tmp/gongbang.out")"
echo "(the broken photos are in the set on purpose: gongbang rejects the truncated one and exits 2;"
echo " vipsthumbnail decodes it with warnings, still writes every thumbnail, and exits non-zero)"
