"""A text in the content file as YAML reads it (kiosk/core/content/reader.py): a number, a
date or a word in quotes is the text it shows; a yes/no word, nothing, or a list is a mistake
with its exact words."""

import pytest

from kiosk.core.content import load_bytes
from kiosk.core.content.model import Text

from ...samples import MINIMAL, ROOT

NAME = "  name: {en: Example Park, zh: 示例园区}\n"


def _name(value: str):
    text = MINIMAL.replace(NAME, "  name: {en: " + value + ", zh: 示例园区}\n")
    assert text != MINIMAL
    return load_bytes(text.encode(), "content.yaml", ROOT)


@pytest.mark.parametrize(("value", "shown"), [
    ("3.5", "3.5"), ("12", "12"), ("0x1F", "0x1F"), (".inf", ".inf"),  # as written
    ("2027-01-01", "2027-01-01"), ("'~'", "~"), ("'yes'", "yes"), ("\"  Park  \"", "Park")])
def test_numbers_dates_and_quoted_words_are_the_text_they_show(value, shown):
    loaded = _name(value)
    assert loaded.problems == ()
    assert loaded.content.organisation.name == Text(shown, "示例园区")


@pytest.mark.parametrize(("value", "message"), [
    ("yes", "'name.en' was read as the yes/no value yes, not as a text: put it in quotes "
            "(\"yes\")"),
    ("true", "'name.en' was read as the yes/no value true, not as a text: put it in quotes "
             "(\"true\")"),
    ("", "'name.en' is empty"), ("~", "'name.en' is empty"), ("null", "'name.en' is empty"),
    ("\"\"", "'name.en' is empty"), ("' '", "'name.en' is empty"),
    ("[a]", "'name.en' must be a text, not a list"),
    ("{a: b}", "'name.en' must be a text, not a set of keys"),
])
def test_what_is_not_a_text_says_so_at_its_place(value, message):
    loaded = _name(value)
    assert [str(p) for p in loaded.problems] == [f"content.yaml:2:14: {message}"]
    assert loaded.content is None
