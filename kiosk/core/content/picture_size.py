"""The width and height of a picture file, read from its header: no decoding, no Qt.

`check` refuses a picture larger than the kiosk can open. PNG, JPEG, WebP and BMP headers are
read here; an SVG is drawn at the size it is shown and has none. (imagesize, a library for
this, imports urllib.request, ssl and email for pictures on the web: 10 MiB more for the kiosk,
which loads its content in its own process; this is the part the kiosk needs.)
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import BinaryIO

# The most pixels a picture may have: Qt opens none over 256 MiB (QImageReader's allocation
# limit), at 4 bytes a pixel; a larger one was dropped without a word
MAX_PIXELS = 256 * 2**20 // 4
JPEG_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def pixel_size(path: Path) -> tuple[int, int] | None:
    """(width, height) of the picture at `path`; None where its header says nothing (then the
    kiosk's own reading decides, as for any picture)."""
    try:
        with open(path, "rb") as file:
            head = file.read(30)
            if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
                return struct.unpack(">II", head[16:24])
            if head.startswith(b"\xff\xd8"):
                return _jpeg(file)
            if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
                return _webp(head)
            if head.startswith(b"BM") and len(head) >= 26:
                width, height = struct.unpack("<ii", head[18:26])
                return abs(width), abs(height)
    except (OSError, struct.error):
        return None
    return None


def _jpeg(file: BinaryIO) -> tuple[int, int] | None:
    """The frame's size, from the segments after the start (EXIF and others may come first)."""
    file.seek(2)
    while True:
        marker = file.read(2)
        if len(marker) < 2 or marker[0] != 0xFF:
            return None
        kind = marker[1]
        if kind == 0xFF:  # fill bytes before a marker
            file.seek(-1, 1)
            continue
        if kind == 0x01 or 0xD0 <= kind <= 0xD8:  # markers with no length
            continue
        (length,) = struct.unpack(">H", file.read(2))
        if kind in JPEG_FRAMES:
            height, width = struct.unpack(">xHH", file.read(5))
            return width, height
        file.seek(length - 2, 1)


def _webp(head: bytes) -> tuple[int, int] | None:
    chunk = head[12:16]
    if chunk == b"VP8 " and head[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", head[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and head[20] == 0x2F:
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":
        return (int.from_bytes(head[24:27], "little") + 1,
                int.from_bytes(head[27:30], "little") + 1)
    return None
