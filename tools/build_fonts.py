"""Regenerate the bundled fonts in resources/fonts/ from Noto Sans CJK SC.

The kiosk draws Latin and Chinese text with one family: a subset of Noto Sans CJK SC (SIL
Open Font License 1.1) under a name of its own, Kiosk Sans SC (see rename()), bundled so that
Chinese never falls back to empty boxes on a machine with no CJK font. The full fonts are
about 20 MB each; the subset keeps every character of GB 2312 (the 6,763 most used
Simplified Chinese characters), Latin, punctuation and symbols, plus any character of the
content file.

The glyphs the kiosk shows most are stored first: those of the content file and of the
kiosk's own words (in kiosk/), in the order they first appear, then the rest in the source's
order. FreeType reads a glyph from the font file's pages as it first draws it, and those pages
stay in the kiosk's resident memory; with the park's text spread over the whole file, the
first visitor in Chinese brought 4 MiB of it in, and with it gathered at the start, far less
(docs/performance.md).

It also writes resources/fonts/coverage.txt, the characters the fonts have, from which `check`
warns of a character of the content file that the kiosk cannot draw. Characters staff add
later are drawn once the fonts are built again with their file and the kiosk is packaged again
(README, "Characters the font has"); `--coverage-only` writes the list from the fonts there.

    apt-get install fonts-noto-cjk        # Debian: /usr/share/fonts/opentype/noto/
    python tools/build_fonts.py [--source DIR] [content.yaml ...]
    python tools/build_fonts.py --coverage-only
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont
from fontTools.ttLib.reorderGlyphs import reorderGlyphs

SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
WEIGHTS = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}
FAMILY = "Noto Sans CJK SC"
KIOSK_FAMILY = "Kiosk Sans SC"  # the subset's own name: see rename()
ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "resources" / "fonts"
COVERAGE = OUT_DIR / "coverage.txt"


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


def shown_first(content_files: list[Path]) -> str:
    """The characters the kiosk shows most, in the order they first appear: the content
    files' and the kiosk's own words (its labels, staff panel and messages)."""
    text = "".join(path.read_text(encoding="utf-8-sig") for path in content_files)
    text += "".join(path.read_text(encoding="utf-8")
                    for path in sorted((ROOT / "kiosk").rglob("*.py")))
    return "".join(dict.fromkeys(c for c in text if c.isprintable()))


def store_first(font: TTFont, text: str) -> int:
    """Reorder the font's glyphs: `text`'s first (after .notdef), then the rest as they were.
    Returns how many glyphs came first. fontTools' reorderGlyphs leaves a CID-keyed CFF
    font's FDSelect (which private dictionary, and so which subroutines, each glyph uses) in
    the old order, so that is reordered here too; without it FreeType cannot load glyphs."""
    old = font.getGlyphOrder()
    cmap = font.getBestCmap()
    first = dict.fromkeys([old[0], *(cmap[ord(c)] for c in text if ord(c) in cmap)])
    new = [*first, *(name for name in old if name not in first)]
    top = font["CFF "].cff.topDictIndex[0]
    select = getattr(top, "FDSelect", None)
    before = dict(zip(old, select.gidArray, strict=True)) if select else None
    reorderGlyphs(font, new)
    if select is not None:
        select.gidArray = [before[name] for name in new]
    return len(first)


def rename(font: TTFont, weight: str) -> None:
    """Give the subset a family name of its own. Under its source's name, a machine with
    Debian's fonts-noto-cjk drew with the system's full 20 MB fonts instead (after every
    screen in Chinese, 14.8 MiB of them in memory against 1.3 MiB of the subset), and a system
    font of that name with fewer characters would draw boxes. The licence allows it (the one
    reserved name is "Source"); resources/fonts/OFL.txt says where the fonts come from."""
    postscript = f"{KIOSK_FAMILY.replace(' ', '')}-{weight}"
    version = font["name"].getDebugName(3).split(";")[0]
    names = {1: KIOSK_FAMILY, 3: f"{version};KIOSK;{postscript}",
             4: f"{KIOSK_FAMILY} {weight}", 6: postscript}
    for record in font["name"].names:
        if record.nameID in names:
            record.string = names[record.nameID]
    cff = font["CFF "].cff
    cff.fontNames = [postscript]
    top = cff.topDictIndex[0]
    top.FullName, top.FamilyName = names[4], KIOSK_FAMILY


def write_coverage(fonts: list[Path]) -> int:
    """Write the code points that every one of `fonts` has to COVERAGE, as ranges (`4E00-4E01`,
    or one code point), and return how many there are."""
    common: set[int] | None = None
    for path in fonts:
        points = set(TTFont(str(path), lazy=True).getBestCmap())
        common = points if common is None else common & points
    ranges: list[list[int]] = []
    for point in sorted(common or ()):
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    lines = ["# The characters every bundled font has, as ranges of code points (hexadecimal).",
             "# Written by tools/build_fonts.py for kiosk/core/content/glyphs.py: do not edit.",
             *(f"{a:04X}-{b:04X}" if a != b else f"{a:04X}" for a, b in ranges)]
    COVERAGE.write_text("\n".join(lines) + "\n", encoding="ascii")
    return len(common or ())


def main(argv: list[str]) -> int:
    if argv == ["--coverage-only"]:
        count = write_coverage(sorted(OUT_DIR.glob("*.otf")))
        print(f"{COVERAGE.relative_to(ROOT)}: {count} characters")
        return 0
    source_dir = SOURCE_DIR
    if argv[:1] == ["--source"]:
        source_dir, argv = Path(argv[1]), argv[2:]
    content_files = [Path(a) for a in argv] or [ROOT / "content.yaml"]
    text = "".join(sorted(wanted_characters(content_files)))
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for weight, file_name in WEIGHTS.items():
        collection = TTCollection(str(source_dir / file_name))
        font = next(f for f in collection.fonts if f["name"].getDebugName(1) == FAMILY)
        options = subset.Options()
        options.layout_features = ["kern", "liga", "locl", "vert", "palt"]
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.hinting = False
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        first = store_first(font, shown_first(content_files))
        rename(font, weight)
        out = OUT_DIR / f"NotoSansCJKsc-{weight}.otf"
        font.save(str(out))
        print(f"{out.relative_to(ROOT)}: {len(text)} characters, {first} glyphs stored first, "
              f"{out.stat().st_size / 1e6:.1f} MB")
    count = write_coverage(sorted(OUT_DIR.glob("*.otf")))
    print(f"{COVERAGE.relative_to(ROOT)}: {count} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
