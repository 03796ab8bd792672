#!/usr/bin/env bash
# Video benchmark (issue 4): a 60-second 1080p30 slideshow from 12 real photos of ../shared/testdata/photos,
# made by `gongbang export --platform youtube` (render + openh264 + MP4, plus thumbnail and texts), against
# the anchor: ffmpeg doing the same job with `zoompan` + `libx264 -preset veryfast` (same photos, 150 frames
# each = 60 s, 1920×1080, 30 fps). Wall time, frames per second, peak memory (max RSS), and the ratios.
# Goal: faster than real time (≤ 60 s wall on a 2-core machine) and not slower than the ffmpeg pipeline.
#
#   scripts/bench-video.sh          1 run each (RUNS=3 for best of three)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/gongbang-post/target}"
runs=${RUNS:-1}
photos=$(realpath -m "$root/../shared/testdata/photos")
for tool in ffmpeg ffprobe /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench-video.sh: $tool is missing: run scripts/setup.sh --test" >&2; exit 1; }
done
# 12 photos of every shape and orientation, phone- and camera-sized.
files=()
for f in orientation/Landscape_1.jpg orientation/Portrait_6.jpg orientation/Landscape_3.jpg \
         orientation/Portrait_8.jpg gps/DSCN0010.jpg gps/DSCN0012.jpg gps/iphone_hdr_NO.jpg gps/canon_hdr_NO.jpg \
         cameras/jolla.jpg cameras/Canon_40D.jpg cameras/Nikon_D70.jpg cameras/fujifilm-dx10.jpg; do
  files+=("$photos/$f")
done

echo "building the CLI: cargo build --release -p gongbang-cli"
cargo build --release -p gongbang-cli
gongbang="$CARGO_TARGET_DIR/release/gongbang"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$root/scripts/bench-lib.sh"


# ffmpeg: each photo scaled to 2112 wide (the zoom's room), zoompan 150 frames, all concatenated.
inputs=() chains="" labels=""
for i in "${!files[@]}"; do
  inputs+=(-i "${files[$i]}")
  chains+="[$i:v]scale=2112:1188:force_original_aspect_ratio=increase,crop=2112:1188,setsar=1,"
  chains+="zoompan=z='min(zoom+0.0008,1.12)':d=150:x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':s=1920x1080:fps=30[v$i];"
  labels+="[v$i]"
done
filter="${chains}${labels}concat=n=${#files[@]}:v=1:a=0,format=yuv420p[out]"

# The photos are imported first, untimed (in the app that happens when they are dragged in); the timed
# part is the export: decoding the originals, framing, rendering, encoding, muxing, thumbnail and texts.
for i in $(seq "$runs"); do
  rm -rf "$tmp/lib" "$tmp/out" "$tmp/ff.mp4"
  job=$("$gongbang" --library "$tmp/lib" job add --own --title "문래동 CNC 선반 SUS304 샤프트 가공" | tail -1)
  # Imports the photos into the job (a quick Markdown package is the CLI's way to attach them).
  "$gongbang" --library "$tmp/lib" export --platform markdown --out "$tmp/warm" --job "$job" "${files[@]}" >/dev/null
  measure gongbang "$gongbang" --library "$tmp/lib" export --platform youtube --out "$tmp/out" \
    --job "$job" --seconds-per-photo 4.4
  measure ffmpeg ffmpeg -v error -y "${inputs[@]}" -filter_complex "$filter" -map "[out]" \
    -c:v libx264 -preset veryfast -b:v 8M -r 30 "$tmp/ff.mp4"
done

read -r g_t g_rss g_rc < <(stats gongbang)
read -r f_t f_rss f_rc < <(stats ffmpeg)
[ "$g_rc" = 0 ] || { cat "$tmp/gongbang.out"; exit 1; }
[ "$f_rc" = 0 ] || { cat "$tmp/ffmpeg.out"; exit 1; }
video=$(find "$tmp/out" -name video.mp4)
frames() { ffprobe -v error -select_streams v:0 -count_packets -show_entries stream=nb_read_packets -of csv=p=0 "$1"; }
dur() { ffprobe -v error -show_entries format=duration -of csv=p=0 "$1"; }
g_frames=$(frames "$video") f_frames=$(frames "$tmp/ff.mp4")
g_dur=$(dur "$video") f_dur=$(dur "$tmp/ff.mp4")

echo
echo "video benchmark: ${#files[@]} photos, 1920x1080, 30 fps, $(nproc) cores (best of $runs)"
printf '  %-34s %8s %8s %9s %8s %10s\n' tool "video s" "wall s" frames "fps" "peak MB"
awk -v t="$g_t" -v n="$g_frames" -v d="$g_dur" -v m="$g_rss" 'BEGIN {printf "  %-34s %8.1f %8.2f %9d %8.1f %10.0f\n", "gongbang (render+openh264+mp4)", d, t, n, n/t, m/1024}'
awk -v t="$f_t" -v n="$f_frames" -v d="$f_dur" -v m="$f_rss" 'BEGIN {printf "  %-34s %8.1f %8.2f %9d %8.1f %10.0f\n", "ffmpeg zoompan + libx264 veryfast", d, t, n, n/t, m/1024}'
awk -v g="$g_t" -v f="$f_t" -v gn="$g_frames" -v fn="$f_frames" -v gd="$g_dur" 'BEGIN {
  printf "  speed (frames/s) gongbang vs ffmpeg: %.2fx   real-time factor: %.2fx (%s)\n", (gn/g)/(fn/f), gd/g, (g <= gd ? "faster than real time" : "slower than real time") }'
awk -v g="$g_rss" -v f="$f_rss" 'BEGIN {printf "  peak memory gongbang / ffmpeg: %.2f\n", g/f}'
