"""Icon names staff may write (kiosk/core/content/icons.py), from qtawesome's character maps."""

import pytest

from kiosk.core.content.icons import PREFIXES, code, font_files, icon_problem


def test_the_three_font_awesome_sets_and_their_files():
    assert set(PREFIXES) == {"fa6s", "fa6r", "fa6b"}
    for prefix, start in PREFIXES.items():
        font, charmap = font_files(prefix)
        assert font.name.startswith(start + "-") and font.suffix == ".ttf"
        assert charmap.name.startswith(start + "-charmap-") and charmap.suffix == ".json"


def test_an_icons_code_point_whether_the_map_gives_it_as_hex_or_as_a_number():
    assert code("fa6s", "flask") == 0xF0C3
    assert code("fa6s", "house") == 0xF015
    assert code("fa6b", "github") == 0xF09B
    assert code("fa6s", "no-such-icon") is None


@pytest.mark.parametrize(("name", "problem"), [
    ("fa6s.flask", None), ("fa6r.heart", None), ("fa6b.weixin", None),
    ("flask", "icon 'flask' must start with one of fa6s., fa6r., fa6b. (for example fa6s.flask)"),
    ("fa5s.flask", "icon 'fa5s.flask' must start with one of fa6s., fa6r., fa6b. (for example "
                   "fa6s.flask)"),
    ("fa6s.flsak", "unknown icon 'fa6s.flsak' (did you mean 'fa6s.flask'?)"),
    ("fa6s.zzzzzzzzzzzz", "unknown icon 'fa6s.zzzzzzzzzzzz'"),
    ("fa6b.flask", "unknown icon 'fa6b.flask' (did you mean 'fa6b.slack'?)"),  # not a brand
])
def test_a_name_is_known_or_told_what_is_wrong(name, problem):
    assert icon_problem(name) == problem
