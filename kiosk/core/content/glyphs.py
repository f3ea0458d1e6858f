"""Which characters the kiosk's bundled font can draw, without importing Qt.

The kiosk draws every text with its bundled subset of Noto Sans CJK SC: Latin, punctuation,
symbols, the 6,763 characters of GB 2312 and any character of the content file the font was
built with (tools/build_fonts.py). A character outside it (a rare or traditional Chinese
character, Korean, Japanese kanji, an emoji) is drawn as nothing on a machine with no other
font that has it, so `check` warns of it. The tool writes the font's characters, as ranges of
code points, to resources/fonts/coverage.txt beside the fonts; a test holds that list to the
fonts themselves.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from .. import paths

_ASCII = re.compile(r"[\x00-\x7f]+")


@cache
def _ranges() -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """The first and the last code point of each range the font covers, in order; None if
    the list cannot be read (then nothing is warned of: it is the build's fault, not staff's)."""
    firsts, lasts = [], []
    try:
        lines = paths.font_coverage().read_text(encoding="ascii").splitlines()
        for line in lines:
            if line and not line.startswith("#"):
                first, _, last = line.partition("-")
                firsts.append(int(first, 16))
                lasts.append(int(last or first, 16))
    except (OSError, ValueError):
        return None
    return tuple(firsts), tuple(lasts)


def drawable(char: str) -> bool:
    ranges = _ranges()
    if ranges is None:
        return True
    firsts, lasts = ranges
    index = bisect_right(firsts, ord(char)) - 1
    return index >= 0 and ord(char) <= lasts[index]


def invisible(char: str) -> bool:
    """A character that is not drawn by itself: spaces (a missing space is drawn as a space),
    line breaks and other control or format characters, and the selectors that choose a
    variant of the character before them."""
    # isprintable() is false for control, format and line-break characters, and for spaces
    # other than the ASCII one (with no unicodedata, which the build leaves out)
    return char.isspace() or not char.isprintable() or \
        0xFE00 <= ord(char) <= 0xFE0F or 0xE0100 <= ord(char) <= 0xE01EF


def undrawable(text: str) -> list[str]:
    """The characters of `text` the font cannot draw, each once, in order."""
    if text.isascii():  # the font has every printable ASCII character
        return []
    rest = _ASCII.sub("", text)  # a pass in C: the text's other characters are usually few
    return [c for c in dict.fromkeys(rest) if not drawable(c) and not invisible(c)]
