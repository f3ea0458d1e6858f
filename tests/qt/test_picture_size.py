"""check reads a picture's size from its header as Qt, which draws it, reads it."""

import pytest
from PySide6.QtGui import QColor, QImage, QImageReader, QImageWriter

from kiosk.core.content.picture_size import pixel_size

FORMATS = [f for f in ("png", "jpg", "bmp", "webp")
           if f.encode() in [bytes(x) for x in QImageWriter.supportedImageFormats()]]


def written(tmp_path, suffix: str, width: int, height: int, progressive: bool = False) -> str:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#660874"))
    path = tmp_path / f"picture.{suffix}"
    writer = QImageWriter(str(path))
    writer.setProgressiveScanWrite(progressive)
    assert writer.write(image), writer.errorString()
    return path


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize(("width", "height"), [(1, 1), (123, 45), (45, 123), (3840, 7)])
def test_the_size_in_the_header_is_the_size_qt_reads(qapp, tmp_path, suffix, width, height):
    path = written(tmp_path, suffix, width, height)
    assert QImageReader(str(path)).size().toTuple() == (width, height)
    assert pixel_size(path) == (width, height)


def test_formats_the_kiosk_takes_are_read(qapp):
    assert {"png", "jpg", "bmp"} <= set(FORMATS)


def test_a_jpeg_with_its_frame_after_other_segments_and_progressive(qapp, tmp_path):
    path = written(tmp_path, "jpg", 640, 480, progressive=True)
    data = path.read_bytes()
    exif = b"\xff\xe1" + (2 + 4000).to_bytes(2, "big") + b"Exif\x00\x00" + b"\x00" * 3994
    path.write_bytes(data[:2] + exif + b"\xff\xff" + data[2:])  # a segment, then fill bytes
    assert QImageReader(str(path)).size().toTuple() == (640, 480)
    assert pixel_size(path) == (640, 480)


@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"RIFF0000WEBP",
                                     b"<svg width='10' height='10'/>", b"\xff\xd8\xff\xe1\xff"])
def test_a_header_that_says_nothing_gives_nothing(tmp_path, content):
    path = tmp_path / "picture"
    path.write_bytes(content)
    assert pixel_size(path) is None
    assert pixel_size(tmp_path / "missing.png") is None
