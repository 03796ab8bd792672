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


def upright_fingerprint(path: Path, size: int = 24, cover: list[dict] = ()) -> tuple[tuple[int, int], bytes]:
    """(upright width and height, a small greyscale thumbnail) with EXIF orientation applied by ImageMagick;
    `cover` boxes (fractions of the upright photo, like Photo.redactions) are painted black first."""
    draw: list[str] = []
    if cover:
        w, h = (
            int(v)
            for v in subprocess.run(
                ["convert", f"{path}[0]", "-auto-orient", "-format", "%w %h", "info:"],
                capture_output=True,
                check=True,
                text=True,
            ).stdout.split()
        )
        draw = ["-fill", "black"]
        for b in cover:
            left, top, right, bottom = box_pixels(b, w, h)
            draw += ["-draw", f"rectangle {left},{top} {right - 1},{bottom - 1}"]
    out = subprocess.run(
        [
            "convert",
            f"{path}[0]",
            "-auto-orient",
            "-format",
            "%w %h\n",
            "-write",
            "info:-",
            *draw,
            "-colorspace",
            "Gray",
            "-resize",
            f"{size}x{size}!",
            "-depth",
            "8",
            "gray:-",
        ],
        capture_output=True,
        check=True,
    ).stdout
    head, _, pixels = out.partition(b"\n")
    w, h = (int(v) for v in head.split())
    assert len(pixels) == size * size, f"unexpected ImageMagick output for {path}"
    return (w, h), pixels


def box_pixels(box: dict, width: int, height: int, inset: int = 0) -> tuple[int, int, int, int]:
    """A redaction box given as fractions ({x, y, w, h}) in pixels of a width x height image: (left, top, right,
    bottom), right and bottom exclusive; `inset` pixels in from every edge (negative: out)."""
    left, top = round(box["x"] * width), round(box["y"] * height)
    right, bottom = round((box["x"] + box["w"]) * width), round((box["y"] + box["h"]) * height)
    return (max(0, left + inset), max(0, top + inset), min(width, right - inset), min(height, bottom - inset))


def rgb_pixels(path: Path) -> tuple[int, int, bytes]:
    """(width, height, 8-bit RGB bytes row by row) of an image as stored, decoded by ImageMagick."""
    out = subprocess.run(
        ["convert", f"{path}[0]", "-format", "%w %h\n", "-write", "info:-", "-depth", "8", "rgb:-"],
        capture_output=True,
        check=True,
    ).stdout
    head, _, pixels = out.partition(b"\n")
    w, h = (int(v) for v in head.split())
    assert len(pixels) == w * h * 3, f"unexpected ImageMagick output for {path}"
    return w, h, pixels


def pixels_within(pixels: bytes, width: int, rect: tuple[int, int, int, int]) -> list[tuple[int, int, int]]:
    """The RGB pixels inside rect (left, top, right, bottom; right and bottom exclusive)."""
    left, top, right, bottom = rect
    rows = (pixels[(y * width + left) * 3 : (y * width + right) * 3] for y in range(top, bottom))
    return [tuple(row[i : i + 3]) for row in rows for i in range(0, len(row), 3)]


def share_not_black_outside(pixels: bytes, width: int, height: int, rect: tuple[int, int, int, int]) -> float:
    """The share of pixels outside rect that are not exactly black (0, 0, 0)."""
    left, top, right, bottom = rect
    total = not_black = 0
    for y in range(height):
        row = pixels[y * width * 3 : (y + 1) * width * 3]
        for x in range(width):
            if top <= y < bottom and left <= x < right:
                continue
            total += 1
            not_black += row[x * 3 : x * 3 + 3] != b"\0\0\0"
    return not_black / total


def difference(a: bytes, b: bytes) -> float:
    """Mean absolute difference of two greyscale thumbnails, 0..255."""
    return sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a)


def jpeg_markers(data: bytes) -> list[int]:
    """The markers of a baseline/progressive JPEG up to the start of scan; asserts the file's framing."""
    assert data[:2] == b"\xff\xd8", "no JPEG start-of-image marker"
    markers, at = [], 2
    while at < len(data):
        assert data[at] == 0xFF, f"bad JPEG segment at byte {at}"
        marker = data[at + 1]
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            return markers
        length = int.from_bytes(data[at + 2 : at + 4], "big")
        if marker == 0xE2:
            assert data[at + 4 : at + 16] == b"ICC_PROFILE\0", "an APP2 segment that is not an ICC profile"
        markers.append(marker)
        at += 2 + length
    raise AssertionError("no start-of-scan marker")


def exif_groups(paths: list[Path]) -> dict[str, set[str]]:
    """For each file, the metadata group:tag names exiftool finds (all groups, unknown tags too)."""
    out = subprocess.run(
        ["exiftool", "-json", "-G0", "-a", "-u", "-n", *map(str, paths)], capture_output=True, text=True, check=True
    ).stdout
    return {Path(item["SourceFile"]).name: set(item) for item in json.loads(out)}


def photo_markers_in_text(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\[사진\s*(\d+)\]", text)]
