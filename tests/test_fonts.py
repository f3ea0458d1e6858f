"""The bundled Chinese fonts: every character they map draws, and the characters the kiosk
shows are stored first in the files (tools/build_fonts.py), so that drawing them reads few
pages of the files."""

import struct
from pathlib import Path

import pytest
from PySide6.QtGui import QRawFont

from kiosk.core import paths
from kiosk.core.content import glyphs
from kiosk.core.content.glyphs import invisible

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


def name_records(font: QRawFont) -> dict[tuple[int, int], str]:
    """The font's Windows (Unicode) name records, (name ID, language): text, read from its
    `name` table (the OpenType format: a header, then six 16-bit fields per record)."""
    table = bytes(font.fontTable("name"))
    _format, count, strings = struct.unpack_from(">HHH", table, 0)
    records = {}
    for index in range(count):
        platform, _encoding, language, name_id, length, offset = struct.unpack_from(
            ">6H", table, 6 + 12 * index)
        if platform == 3:
            start = strings + offset
            records[(name_id, language)] = table[start:start + length].decode("utf-16-be")
    return records


@pytest.mark.parametrize("path", FONTS, ids=[p.stem for p in FONTS])
def test_the_bundled_fonts_have_a_family_name_of_their_own(qapp, path):
    """Under their source's name, Noto Sans CJK SC, a machine with Debian's fonts-noto-cjk drew
    with the system's 20 MB fonts instead of these: 14.8 MiB of them in memory after every
    screen in Chinese, against 1.3 MiB of the bundled ones (docs/performance.md)."""
    names = name_records(QRawFont(str(path), 24))
    weight = path.stem.rsplit("-", 1)[1]
    assert {text for (name_id, _), text in names.items() if name_id == 1} == {"Kiosk Sans SC"}
    assert names[(4, 0x409)] == f"Kiosk Sans SC {weight}"
    assert names[(6, 0x409)] == f"KioskSansSC-{weight}"
    assert not [text for (name_id, _), text in names.items()
                if name_id in (1, 3, 4, 6, 16) and "Noto" in text]


def test_the_kiosk_draws_with_the_bundled_family(qapp):
    from kiosk.ui.theme import load_fonts

    assert load_fonts() == "Kiosk Sans SC"


def test_the_list_of_the_fonts_characters_is_what_the_fonts_have(qapp):
    """What Qt finds in each bundled font, code point by code point, against the list `check`
    reads (tools/build_fonts.py writes it): Qt draws a tab and a no-break space as spaces."""
    every = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    listed = {c for c in every if glyphs.drawable(chr(c))}
    assert len(listed) > 8000
    for font in paths.fonts():
        raw = QRawFont(str(font), 12)
        assert raw.isValid(), font
        has = {c for c in every if raw.supportsCharacter(c)}
        assert listed <= has, f"{font.name} lacks {sorted(listed - has)[:10]}"
        assert all(invisible(chr(c)) for c in has - listed), sorted(has - listed)[:10]
