#!/usr/bin/env bash
# Import benchmark (issue 14 item 6): `gongbang import` of a batch of large camera photos into a fresh library,
# against libvips' `vipsthumbnail` making the same thumbnails (720 px long side, JPEG quality 80, no metadata)
# of the same files, in the same run. For each: wall seconds (best of RUNS), photos per second, CPU seconds
# per photo (user+sys, best run: fairer than wall time on a shared machine) and peak memory (largest maximum
# resident set size), then the ratios. Targets: throughput at least 1.5x vipsthumbnail's, peak memory within
# 400 MB for the batch (200 photos by default).
#
# The batch: BATCH distinct files made from the shared test photos of 3 MP and more (gps/iphone_hdr_NO.jpg and
# cameras/jolla.jpg 3264x2448, gps/canon_hdr_NO.jpg 2048x1536, EXIF orientation 6), each copy made distinct by
# a JPEG comment segment (same pixels, another content hash, so none is a duplicate).
#
# gongbang does more per photo than vipsthumbnail: it hashes and copies the original into the
# content-addressed store, reads EXIF, measures exposure and sharpness, writes a thumbnail and rows in SQLite.
#
#   scripts/bench-import.sh                 3 runs each, 200 photos
#   RUNS=5 BATCH=100 scripts/bench-import.sh
#   GONGBANG=path/to/gongbang scripts/bench-import.sh   (skip the release build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/gongbang-post/target}"
runs=${RUNS:-3}
batch=${BATCH:-200}
thumb=720  # the app's thumbnail size (import::THUMB_SIDE)
photos=$(realpath -m "$root/../shared/testdata/photos")
sources=("$photos/gps/iphone_hdr_NO.jpg" "$photos/cameras/jolla.jpg" "$photos/gps/canon_hdr_NO.jpg")

for tool in vipsthumbnail /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "bench-import.sh: $tool is missing: run scripts/setup.sh --test" >&2; exit 1; }
done
for f in "${sources[@]}"; do
  [ -f "$f" ] || { echo "bench-import.sh: no test photo $f" >&2; exit 1; }
done

if [ -n "${GONGBANG:-}" ]; then
  gongbang=$GONGBANG
else
  echo "building the CLI: cargo build --release -p gongbang-cli"
  cargo build --release -p gongbang-cli
  gongbang="$CARGO_TARGET_DIR/release/gongbang"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/batch"
python3 - "$tmp/batch" "$batch" "${sources[@]}" <<'PY'
import sys, os
out, n, srcs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
data = [open(s, "rb").read() for s in srcs]
for i in range(n):
    b = data[i % len(data)]
    note = b"gongbang bench copy %d" % i
    com = b"\xff\xfe" + (len(note) + 2).to_bytes(2, "big") + note
    name = "%03d_%s" % (i, os.path.basename(srcs[i % len(srcs)]))
    open(os.path.join(out, name), "wb").write(b[:2] + com + b[2:])
PY
mapfile -t files < <(find "$tmp/batch" -type f | sort)
count=${#files[@]}
bytes=$(cat "${files[@]}" | wc -c)
pixels=$(python3 - "${files[@]}" <<'PY'
import sys, struct
total = 0
for p in sys.argv[1:]:
    b = open(p, "rb").read()
    i = 2
    while i < len(b):
        m, size = b[i + 1], struct.unpack(">H", b[i + 2:i + 4])[0]
        if m in (0xC0, 0xC1, 0xC2):
            h, w = struct.unpack(">HH", b[i + 5:i + 9]); total += w * h; break
        i += 2 + size
print(total)
PY
)

# measure NAME CMD...: one run under GNU time; appends "wall user sys rss_kb exit" to $tmp/NAME.
measure() {
  local name=$1 rc=0
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time.txt" "$@" >"$tmp/$name.out" 2>&1 || rc=$?
  echo "$(tail -n 1 "$tmp/time.txt") $rc" >>"$tmp/$name"
}
# best NAME: the run with the shortest wall time ("wall cpu"), the largest peak memory of all runs, last exit.
best() {
  sort -n "$tmp/$1" | awk 'NR==1 {t=$1; c=$2+$3} {if ($4>m) m=$4; rc=$5} END {printf "%s %s %s %s\n", t, c, m, rc}'
}

for i in $(seq "$runs"); do
  rm -rf "$tmp/lib" "$tmp/thumbs"
  mkdir -p "$tmp/thumbs"
  measure gongbang "$gongbang" --library "$tmp/lib" import "${files[@]}"
  measure vips vipsthumbnail --size "${thumb}x${thumb}" -o "$tmp/thumbs/%s.jpg[Q=80,strip]" "${files[@]}"
done
made=$(find "$tmp/lib/thumbs" -type f | wc -l)
vmade=$(find "$tmp/thumbs" -type f | wc -l)

read -r g_t g_c g_rss g_rc < <(best gongbang)
read -r v_t v_c v_rss v_rc < <(best vips)

echo
echo "command: RUNS=$runs BATCH=$batch scripts/bench-import.sh   (on $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg))"
awk -v n="$count" -v bytes="$bytes" -v px="$pixels" -v runs="$runs" -v vips="vipsthumbnail --size ${thumb}x${thumb}" \
  -v gt="$g_t" -v gc="$g_c" -v gm="$g_rss" -v grc="$g_rc" -v vt="$v_t" -v vc="$v_c" -v vm="$v_rss" -v vrc="$v_rc" \
  -v made="$made" -v vmade="$vmade" 'BEGIN {
  printf "Import benchmark: %d photos (%.1f MP each on average), %.1f MB (best of %d runs)\n", n, px / n / 1e6, bytes / 1048576, runs
  printf "%-30s %8s %9s %13s %12s %5s %7s\n", "tool", "wall s", "photos/s", "CPU ms/photo", "peak RSS MB", "exit", "thumbs"
  printf "%-30s %8.2f %9.1f %13.1f %12.1f %5d %7d\n", "gongbang import (release)", gt, n / gt, gc * 1000 / n, gm / 1024, grc, made
  printf "%-30s %8.2f %9.1f %13.1f %12.1f %5d %7d\n", vips, vt, n / vt, vc * 1000 / n, vm / 1024, vrc, vmade
  printf "throughput gongbang/vipsthumbnail: %.2fx (wall), %.2fx (CPU time per photo)   target >= 1.5x\n", vt / gt, vc / gc
  printf "peak memory for the batch of %d: %.1f MB   target <= 400 MB\n", n, gm / 1024
}'
echo "gongbang's summary line (last run): $(tail -n 1 "$tmp/gongbang.out")"
