"""How a message shows a value (kiosk/core/content/quoting.py): in words, quoted, placed."""

import pytest
import yaml

from kiosk.core.content.quoting import QUOTED, describe, position, quoted


def node(text: str) -> yaml.Node:
    return yaml.compose(text, Loader=yaml.SafeLoader)


@pytest.mark.parametrize(("text", "said"), [
    ("[1, 2]", "a list"), ("{a: 1}", "a set of keys"), ("~", "nothing"), ("null", "nothing"),
    ("yes", "the yes/no value yes"), ("true", "the yes/no value true"),
    ("60", "the number 60"), ("-1.5e+3", "the number -1.5e+3"), (".5", "the number .5"),
    ("1.5e3", 'the text "1.5e3"'),  # YAML 1.1 (PyYAML): an exponent has its sign
    ("+7.", "the number +7."), (".inf", 'the text ".inf"'), ("0x1F", 'the text "0x1F"'),
    ("sixty", 'the text "sixty"'), ('"60"', 'the text "60"'),
    ("a" * 40, f'the text "{"a" * 40}"'), ("a" * 41, f'the text "{"a" * 37}..."'),
    ("1" * 41, f"the number {'1' * 37}..."),
])
def test_a_value_is_described_in_words(text, said):
    assert describe(node(text)) == said


def test_a_value_is_quoted_in_a_line_of_at_most_sixty_characters():
    assert QUOTED == 60
    assert quoted("a" * 60) == "a" * 60
    assert quoted("a" * 61) == f"{'a' * 60}… [61 characters]"
    assert quoted("one\ntwo") == "one… [7 characters]"
    assert quoted("x" * 1500 + "\n") == f"{'x' * 60}… [1,501 characters]"
    assert quoted("") == ""


def test_a_place_is_its_line_and_column_from_one():
    text = "ab\ncd\n\nef"
    assert [position(text, at) for at in (0, 1, 2, 3, 4, 6, 7, 8)] == [
        (1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (3, 1), (4, 1), (4, 2)]
