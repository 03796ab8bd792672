#!/usr/bin/env bash
# Renders the app icon (assets/icons/icon.svg) to the PNG sizes tauri.conf.json lists, and the Windows icon.ico
# (the app's and the CLI's .exe icon, the installer's and its shortcuts') from icon.png.
# Needs rsvg-convert (Debian: librsvg2-bin) and ImageMagick's convert. The icons are committed; run this only
# after editing the SVG.
set -euo pipefail
cd "$(dirname "$0")/../assets/icons"
for spec in 32:32x32.png 128:128x128.png 256:128x128@2x.png 512:icon.png; do
  size=${spec%%:*} out=${spec#*:}
  rsvg-convert --width "$size" --height "$size" --format png icon.svg --output "$out"
done
convert icon.png -define icon:auto-resize=256,128,64,48,32,16 icon.ico
file ./*.png ./icon.ico
