"""Regenerate the bundled fonts in resources/fonts/ from Noto Sans CJK SC.

The kiosk draws Latin and Chinese text with one family, Noto Sans CJK SC (SIL Open Font
License 1.1), bundled so that Chinese never falls back to empty boxes on a machine with no
CJK font. The full fonts are about 20 MB each; the subset keeps every character of GB 2312
(the 6,763 most used Simplified Chinese characters), Latin, punctuation and symbols, plus any
character of the content file.

    apt-get install fonts-noto-cjk        # Debian: /usr/share/fonts/opentype/noto/
    python tools/build_fonts.py [content.yaml ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
WEIGHTS = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}
FAMILY = "Noto Sans CJK SC"
ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "resources" / "fonts"


def gb2312_characters() -> set[str]:
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def wanted_characters(content_files: list[Path]) -> set[str]:
    chars = gb2312_characters()
    ranges = [
        (0x20, 0x7E),  # ASCII
        (0xA0, 0x17F),  # Latin-1 and Latin Extended-A
        (0x2000, 0x206F),  # general punctuation
        (0x2070, 0x209F),  # superscripts and subscripts
        (0x20A0, 0x20BF),  # currency
        (0x2100, 0x214F),  # letterlike symbols
        (0x2190, 0x21FF),  # arrows
        (0x2200, 0x22FF),  # mathematical operators (≈)
        (0x2460, 0x24FF),  # enclosed numbers
        (0x3000, 0x303F),  # CJK symbols and punctuation
        (0xFF00, 0xFFEF),  # full-width forms
    ]
    for first, last in ranges:
        chars.update(chr(c) for c in range(first, last + 1))
    for path in content_files:
        chars.update(path.read_text(encoding="utf-8-sig"))
    return {c for c in chars if c.isprintable()}


def main(argv: list[str]) -> int:
    content_files = [Path(a) for a in argv] or [ROOT / "content.yaml"]
    text = "".join(sorted(wanted_characters(content_files)))
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for weight, file_name in WEIGHTS.items():
        collection = TTCollection(str(SOURCE_DIR / file_name))
        font = next(f for f in collection.fonts if f["name"].getDebugName(1) == FAMILY)
        options = subset.Options()
        options.layout_features = ["kern", "liga", "locl", "vert", "palt"]
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.hinting = False
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        out = OUT_DIR / f"NotoSansCJKsc-{weight}.otf"
        font.save(str(out))
        print(f"{out.relative_to(ROOT)}: {len(text)} characters, {out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
