"""A picture `check` accepts (its name, its file there) that Qt cannot draw, a damaged file or a
format whose plugin the machine lacks: the kiosk leaves it out as if none were named, and says
which and why in the log, once (kiosk/ui/read_picture.py)."""

import logging

from kiosk.ui.photo import Photo


def test_a_photo_qt_cannot_draw_is_left_out_and_named_in_the_log_once(
        tmp_path, make_window, content, caplog):
    broken = tmp_path / "lobby.webp"
    broken.write_bytes(b"RIFF\x10\x00\x00\x00WEBPVP8 not a picture")
    tiles = tuple(t._replace(image=broken) if t.page == "mission" else t for t in content.tiles)
    with caplog.at_level(logging.WARNING, logger="kiosk"):
        window = make_window(content._replace(tiles=tiles))
        window.toggle_language()  # the home screen built again: the file read again
    tile = window.screens["home"].tiles["mission"]
    assert tile.glimpse is not None and not isinstance(tile.glimpse, Photo)  # its own glimpse
    told = [r.getMessage() for r in caplog.records if "cannot be drawn" in r.getMessage()]
    assert told == [f"the picture {broken} cannot be drawn (Qt: Unable to read image data): "
                    "it is left out"]


def test_a_photo_qt_draws_says_nothing(tmp_path, make_window, content, caplog):
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#1565C0"))
    image.save(str(tmp_path / "lobby.webp"))
    tiles = tuple(t._replace(image=tmp_path / "lobby.webp") if t.page == "mission" else t
                  for t in content.tiles)
    with caplog.at_level(logging.WARNING, logger="kiosk"):
        window = make_window(content._replace(tiles=tiles))
    assert isinstance(window.screens["home"].tiles["mission"].glimpse, Photo)
    assert not [r for r in caplog.records if "cannot be drawn" in r.getMessage()]
