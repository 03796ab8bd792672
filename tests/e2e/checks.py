"""Checks of exported files on disk, with independent tools: ImageMagick applies EXIF orientation to the source
photos (the reference the app is compared against), exiftool lists every metadata group left in a file."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

# exiftool's group-0 names that an image re-encoded from pixels may carry: what exiftool says about the file
# itself, the JFIF header the encoder writes, values it computes, and an allowlisted colour profile.
ALLOWED_GROUPS = {"SourceFile", "ExifTool", "File", "JFIF", "Composite", "ICC_Profile"}
# JPEG markers allowed before the scan: APP0 (JFIF), APP2 (ICC profile), tables, frame header, restart interval.
ALLOWED_MARKERS = {0xE0, 0xE2, 0xDB, 0xC4, 0xC0, 0xC1, 0xC2, 0xDD, 0xCC}


def upright_fingerprint(path: Path, size: int = 24) -> tuple[tuple[int, int], bytes]:
    """(upright width and height, a small greyscale thumbnail) with EXIF orientation applied by ImageMagick."""
    out = subprocess.run(
        ["convert", f"{path}[0]", "-auto-orient", "-format", "%w %h\n", "-write", "info:-",
         "-colorspace", "Gray", "-resize", f"{size}x{size}!", "-depth", "8", "gray:-"],
        capture_output=True, check=True,
    ).stdout
    head, _, pixels = out.partition(b"\n")
    w, h = (int(v) for v in head.split())
    assert len(pixels) == size * size, f"unexpected ImageMagick output for {path}"
    return (w, h), pixels


def difference(a: bytes, b: bytes) -> float:
    """Mean absolute difference of two greyscale thumbnails, 0..255."""
    return sum(abs(x - y) for x, y in zip(a, b)) / len(a)


def jpeg_markers(data: bytes) -> list[int]:
    """The markers of a baseline/progressive JPEG up to the start of scan; asserts the file's framing."""
    assert data[:2] == b"\xff\xd8", "no JPEG start-of-image marker"
    markers, at = [], 2
    while at < len(data):
        assert data[at] == 0xFF, f"bad JPEG segment at byte {at}"
        marker = data[at + 1]
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            return markers
        length = int.from_bytes(data[at + 2:at + 4], "big")
        if marker == 0xE2:
            assert data[at + 4:at + 16] == b"ICC_PROFILE\0", "an APP2 segment that is not an ICC profile"
        markers.append(marker)
        at += 2 + length
    raise AssertionError("no start-of-scan marker")


def exif_groups(paths: list[Path]) -> dict[str, set[str]]:
    """For each file, the metadata group:tag names exiftool finds (all groups, unknown tags too)."""
    out = subprocess.run(["exiftool", "-json", "-G0", "-a", "-u", "-n", *map(str, paths)],
                         capture_output=True, text=True, check=True).stdout
    return {Path(item["SourceFile"]).name: set(item) for item in json.loads(out)}


def photo_markers_in_text(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\[사진\s*(\d+)\]", text)]
