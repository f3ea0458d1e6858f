"""A picture's size read from its header (kiosk/core/content/picture_size.py), from headers made
here byte by byte (tests/qt/test_picture_size.py holds the reading to Qt's on real files)."""

import struct

import pytest

from kiosk.core.content.picture_size import MAX_PIXELS, pixel_size


def png(width: int, height: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + \
        struct.pack(">II", width, height) + b"\x08\x02\x00\x00\x00" + b"\x00" * 8


def segment(kind: int, body: bytes) -> bytes:
    return bytes([0xFF, kind]) + struct.pack(">H", len(body) + 2) + body


def jpeg(width: int, height: int, frame: int = 0xC0, before: bytes = b"") -> bytes:
    sof = segment(frame, b"\x08" + struct.pack(">HH", height, width) + b"\x03" + b"\x00" * 9)
    return b"\xff\xd8" + before + sof + b"\xff\xd9"


def webp(chunk: bytes, body: bytes) -> bytes:
    return b"RIFF" + struct.pack("<I", 4 + 8 + len(body)) + b"WEBP" + chunk + \
        struct.pack("<I", len(body)) + body


def vp8(width: int, height: int) -> bytes:  # lossy: a frame tag, the start code, the sizes
    return webp(b"VP8 ", b"\x00\x00\x00" + b"\x9d\x01\x2a" + struct.pack("<HH", width, height))


def vp8l(width: int, height: int) -> bytes:  # lossless: 14 bits each, less one
    bits = (width - 1) | ((height - 1) << 14)
    return webp(b"VP8L", b"\x2f" + bits.to_bytes(4, "little"))


def vp8x(width: int, height: int) -> bytes:  # extended: 24 bits each, less one
    return webp(b"VP8X", b"\x00" * 4 + (width - 1).to_bytes(3, "little")
                + (height - 1).to_bytes(3, "little"))


def bmp(width: int, height: int) -> bytes:
    return b"BM" + b"\x00" * 12 + struct.pack("<I", 40) + struct.pack("<ii", width, height) + \
        b"\x00" * 30


@pytest.mark.parametrize(("made", "size"), [
    (png(1, 1), (1, 1)), (png(123, 45), (123, 45)), (png(2**31, 7), (2**31, 7)),
    (jpeg(640, 480), (640, 480)), (jpeg(45, 123, frame=0xC2), (45, 123)),
    (jpeg(7, 9, frame=0xCF), (7, 9)),
    (vp8(300, 200), (300, 200)), (vp8(0x3FFF | 0xC000, 5), (0x3FFF, 5)),  # scale bits dropped
    (vp8l(1, 1), (1, 1)), (vp8l(16384, 300), (16384, 300)),
    (vp8x(1, 1), (1, 1)), (vp8x(16_777_216, 3), (16_777_216, 3)),
    (bmp(640, 480), (640, 480)), (bmp(640, -480), (640, 480)),  # top-down rows
])
def test_each_kind_of_header_gives_its_size(tmp_path, made, size):
    path = tmp_path / "picture"
    path.write_bytes(made)
    assert pixel_size(path) == size


def test_a_jpeg_frame_after_other_segments_fill_bytes_and_markers_without_length(tmp_path):
    exif = segment(0xE1, b"Exif\x00\x00" + b"\x00" * 3994)
    quant = segment(0xDB, b"\x00" * 64)
    before = exif + b"\xff\xff" + b"\xff\x01" + b"\xff\xd0" + quant  # fill, TEM, RST0
    path = tmp_path / "picture.jpg"
    path.write_bytes(jpeg(1920, 1080, before=before))
    assert pixel_size(path) == (1920, 1080)
    path.write_bytes(jpeg(1920, 1080, frame=0xC4, before=before))  # a table, not a frame
    assert pixel_size(path) is None  # the end marker follows: no frame found
    path.write_bytes(b"\xff\xd8" + quant + b"\x00\x00")  # not a marker
    assert pixel_size(path) is None


@pytest.mark.parametrize("made", [
    png(10, 10)[:12] + b"IDAT" + png(10, 10)[16:],  # no IHDR first
    webp(b"VP8 ", b"\x00\x00\x00" + b"\x00\x00\x00" + struct.pack("<HH", 3, 3)),  # start code
    webp(b"VP8L", b"\x00" + (5).to_bytes(4, "little")),  # signature
    webp(b"ALPH", b"\x00" * 10),
    b"BM" + b"\x00" * 10,  # too short for its size
    b"GIF89a" + b"\x00" * 30,
])
def test_a_header_that_says_nothing_gives_nothing(tmp_path, made):
    path = tmp_path / "picture"
    path.write_bytes(made)
    assert pixel_size(path) is None


def test_the_largest_picture_qt_opens():
    assert MAX_PIXELS == 67_108_864  # 256 MiB at 4 bytes a pixel
