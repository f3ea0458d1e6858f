"""How a message shows a value: described in words ('the text "sixty"', 'a list'), quoted in at
most a line, and placed by line and column."""

from __future__ import annotations

import re

import yaml

TAG = "tag:yaml.org,2002:"
NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
QUOTED = 60  # characters of a value a message quotes (a pasted picture can be megabytes)


def describe(node: yaml.Node) -> str:
    """How a node reads to a person: 'the text "sixty"', 'a list', ..."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a set of keys"
    tag = node.tag.removeprefix(TAG)
    value = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    if tag == "null":
        return "nothing"
    if tag == "bool":
        return f"the yes/no value {node.value}"
    if tag in ("int", "float") and NUMBER.fullmatch(node.value):
        return f"the number {value}"
    return f'the text "{value}"'


def quoted(value: str) -> str:
    """`value` as a message quotes it: its first line, at most QUOTED characters of it."""
    first = value.split("\n", 1)[0]
    if first == value and len(value) <= QUOTED:
        return value
    return f"{first[:QUOTED]}… [{len(value):,} characters]"


def position(text: str, at: int) -> tuple[int, int]:
    """The line and column (from 1) of character `at` of `text`."""
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
