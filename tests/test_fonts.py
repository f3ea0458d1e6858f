"""The bundled Chinese fonts: every character they map draws, and the characters the kiosk
shows are stored first in the files (tools/build_fonts.py), so that drawing them reads few
pages of the files."""

from pathlib import Path

import pytest
from PySide6.QtGui import QRawFont

from kiosk import paths

ROOT = Path(__file__).resolve().parent.parent
FONTS = paths.fonts()


def printable_bmp() -> str:
    return "".join(chr(c) for c in range(0x21, 0x10000)
                   if not 0xD800 <= c < 0xE000 and chr(c).isprintable() and not chr(c).isspace())


@pytest.mark.parametrize("path", FONTS, ids=[p.stem for p in FONTS])
def test_every_character_of_the_font_draws(qapp, path):
    font = QRawFont(str(path), 24)
    assert font.isValid()
    text = printable_bmp()
    mapped = [(c, g) for c, g in zip(text, font.glyphIndexesForString(text), strict=True) if g != 0]
    assert len(mapped) > 8000  # GB 2312's 6,763 and Latin, punctuation, symbols
    empty = [c for c, g in mapped if font.pathForGlyph(g).isEmpty()]
    assert empty == ["\uffa0"]  # the half-width Hangul filler, blank by design


@pytest.mark.parametrize("path", FONTS, ids=[p.stem for p in FONTS])
def test_the_parks_characters_are_stored_first(qapp, path):
    font = QRawFont(str(path), 24)
    content = (ROOT / "content.yaml").read_text(encoding="utf-8")
    chinese = "".join(dict.fromkeys(c for c in content if "\u4e00" <= c <= "\u9fff"))
    assert len(chinese) > 300
    glyphs = font.glyphIndexesForString(chinese)
    assert 0 not in glyphs
    assert max(glyphs) < 600  # of 14,048 glyphs
