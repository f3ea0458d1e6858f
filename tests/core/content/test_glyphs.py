"""Characters the bundled font cannot draw: `check` warns of each, where it stands, before a
visitor sees a gap; and the list of the font's characters is the fonts' own."""


import pytest

from kiosk.core import paths
from kiosk.core.content import glyphs, load
from kiosk.core.content.glyphs import invisible, undrawable

from ...samples import MINIMAL, ROOT, problems

TAIL = ("visitors see nothing in its place unless this computer has a font with it; use "
        "another character, or have the font built again with this file (README, "
        "\"Characters the font has\")")


def no(char: str, code: str) -> str:
    return f"warning: the kiosk's font has no '{char}' ({code}): {TAIL}"


def test_each_character_the_font_lacks_is_named_once_where_it_first_stands():
    text = MINIMAL.replace("zh: 示例园区", "zh: 北京清華科技園") + (
        "  lead: {en: Café über Straße, zh: 臺灣 한국어 華}\n")
    assert problems(text) == [
        f"content.yaml:2:35: {no('華', 'U+83EF')}",  # traditional Chinese, not in GB 2312
        f"content.yaml:2:38: {no('園', 'U+5712')}",
        f"content.yaml:8:36: {no('臺', 'U+81FA')}",
        f"content.yaml:8:37: {no('灣', 'U+7063')}",
        f"content.yaml:8:39: {no('한', 'U+D55C')}",  # Korean
        f"content.yaml:8:40: {no('국', 'U+AD6D')}",
        f"content.yaml:8:41: {no('어', 'U+C5B4')}",
    ]  # Latin with accents is drawn; 華 again is not named again


def test_rare_characters_beyond_the_first_plane_and_written_as_escapes_are_named():
    text = MINIMAL.replace("zh: 示例园区", "zh: 示例𠀀园区") + \
        '  lead: {en: "Park \\U0001F600", zh: 园区}\n'
    assert problems(text) == [
        f"content.yaml:2:34: {no('𠀀', 'U+20000')}",  # CJK extension B
        f"content.yaml:8:14: {no('😀', 'U+1F600')}",  # an escape: the value's start
    ]


def test_spaces_line_breaks_and_variation_selectors_are_no_gap():
    assert [c for c in "a\u00a0b\u3000c\u2009d\n\t\u200d\ufe0f" if not invisible(c)] == \
        list("abcd")
    assert undrawable("园区\u00a0与\u3000①\ufe0f") == []
    text = MINIMAL.replace("zh: 示例园区", "zh: \"示例\\u00a0园区\\u200b\"")
    assert problems(text) == []


def test_the_bundled_content_and_the_kiosks_own_words_are_all_drawn():
    assert not [p for p in load(ROOT / "content.yaml").problems if "font has no" in p.message]
    own_words = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "kiosk").rglob("*.py"))
    assert undrawable(own_words) == []  # labels, messages, the staff panel, in both languages


def test_no_list_of_the_fonts_characters_means_no_warning(monkeypatch, tmp_path):
    monkeypatch.setattr(paths, "font_coverage", lambda: tmp_path / "missing.txt")
    glyphs._ranges.cache_clear()
    try:
        assert problems(MINIMAL.replace("示例园区", "示例園區")) == []
    finally:
        glyphs._ranges.cache_clear()


@pytest.mark.parametrize("line", ["-", "zz", "4E00-4E0G"])
def test_a_damaged_list_means_no_warning_not_a_crash(monkeypatch, tmp_path, line):
    damaged = tmp_path / "coverage.txt"
    damaged.write_text(f"0020-007E\n{line}\n", encoding="ascii")
    monkeypatch.setattr(paths, "font_coverage", lambda: damaged)
    glyphs._ranges.cache_clear()
    try:
        assert problems(MINIMAL.replace("示例园区", "示例園區")) == []
    finally:
        glyphs._ranges.cache_clear()


def test_the_ends_of_the_fonts_ranges_and_of_the_selectors():
    from kiosk.core.content.glyphs import drawable

    assert not drawable("\x1f") and drawable(" ") and drawable("~") and not drawable("\x7f")
    assert drawable("\u00a1") and drawable("\u00ac") and not drawable("\u00ad")
    assert drawable("\u01ce") and not drawable("\u01cf")  # a range of one
    for char in ("\ufe00", "\ufe0f", "\U000e0100", "\U000e01ef"):
        assert invisible(char), hex(ord(char))
    assert not invisible("\ufe10")  # the next character is drawn: a vertical comma
    assert undrawable("a\u01cfb\u01cfc") == ["\u01cf"]  # its ASCII left out, named once
