"""What to type instead, where a value or a line is nearly right: punctuation typed with a
Chinese input method or pasted from a word processor, a Windows path, a picture's name in
another case, a coordinate in degrees and minutes, latitude and longitude swapped.

Each function answers in plain words (with the Chinese where staff may read it), or "" where it
has nothing to add; the checker (loader.py, reader.py) puts the answer first and YAML's own
words after it.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path, PurePosixPath

import yaml

from .quoting import TAG

FULL_WIDTH = {  # what a Chinese input method types, and what YAML needs
    "：": (":", "colon", "冒号"), "，": (",", "comma", "逗号"),
    "｛": ("{", "brace", "花括号"), "｝": ("}", "brace", "花括号"),
    "［": ("[", "bracket", "方括号"), "］": ("]", "bracket", "方括号"),
}
TYPOGRAPHIC_QUOTES = "“”‘’＂"
_KEY = r"[A-Za-z_][A-Za-z0-9_-]*"
# full-width punctuation where YAML expects its own: after a key (at a line's start, or after
# "{" or ","), before the next key inside {...}, or a brace or bracket anywhere
_SYNTAX = re.compile(rf"(?:^\s*(?:-\s+)?|[{{,｛，]\s*){_KEY}\s*(：)"
                     rf"|(，)\s*{_KEY}\s*[:：]"
                     r"|([｛｝［］])")
_QUOTED_START = re.compile(rf"(?:^\s*(?:-\s+)?{_KEY}\s*[:：]\s*|[{{,]\s*{_KEY}\s*:\s*|-\s+)"
                           rf"([{TYPOGRAPHIC_QUOTES}])")


def syntax(lines: list[str], first: int, last: int) -> tuple[int, int, str] | None:
    """Full-width punctuation or a typographic quote where YAML expects its own, on line
    `last` (from 0: where YAML noticed a problem) or one of the three before it, back to
    `first` (where what YAML was reading began): the line and column (from 1) of the nearest,
    and what to type instead."""
    for number in range(min(last, len(lines) - 1), max(0, first, last - 3) - 1, -1):
        line = lines[number].split(" #", 1)[0]
        found = _SYNTAX.search(line)
        if found is not None:
            group = next(g for g in (1, 2, 3) if found.group(g))
            char = found.group(group)
            ascii_char, english, chinese = FULL_WIDTH[char]
            return (number + 1, found.start(group) + 1,
                    f"'{char}' here is a Chinese (full-width) {english}: YAML needs the English "
                    f"'{ascii_char}' (请把中文{chinese} '{char}' 改为英文 '{ascii_char}')")
        quoted = _QUOTED_START.search(line)
        if quoted is not None:
            return (number + 1, quoted.start(1) + 1, typographic(quoted.group(1)))
    return None


_KEY_LINE = re.compile(rf"^( *)(- +)?({_KEY})\s*:(?:\s|$)")


def indentation(lines: list[str], at: int, column: int) -> tuple[int, int, str] | None:
    """Two keys side by side, on line `at` (from 0: where YAML noticed a problem, at
    `column`, the key's start or its colon) and the line before it, indented differently:
    where, and what to do."""
    if not 0 < at < len(lines):
        return None
    before = next((n for n in range(at - 1, -1, -1)
                   if lines[n].strip() and not lines[n].lstrip().startswith("#")), None)
    here, there = _KEY_LINE.match(lines[at]), \
        _KEY_LINE.match(lines[before]) if before is not None else None
    if here is None or there is None or before is None \
            or column not in (here.start(3), lines[at].index(":", here.end(3))):
        return None  # YAML stopped elsewhere on the line: not at this key
    columns = [m.start(3) for m in (here, there)]
    if columns[0] == columns[1]:
        return None

    def spaces(count: int) -> str:
        return f"{count} space{'' if count == 1 else 's'}"

    dashed = " (after its '- ')" if there.group(2) else ""
    return (at + 1, columns[0] + 1,
            f"'{here.group(3)}:' on line {at + 1} is indented {spaces(columns[0])}, "
            f"'{there.group(3)}:' on line {before + 1} {spaces(columns[1])}{dashed}: the keys of "
            "one section or entry are indented alike, so line them up (with spaces, not tabs)")


def leftover(lines: list[str], at: int) -> tuple[int, int, str] | None:
    """An entry's '- ' on line `at` (from 0, where YAML noticed a problem) after lines
    indented deeper than it that belong to no entry: the last lines of an entry removed above
    it, left behind. Where they begin, and what to do."""
    entry = re.match(r"^( *)- ", lines[at]) if 0 <= at < len(lines) else None
    if entry is None:
        return None
    depth = len(entry.group(1))
    deeper = []
    for number in range(at - 1, -1, -1):
        line = lines[number]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if len(line) - len(line.lstrip(" ")) <= depth:
            owner = line
            break
        deeper.append(number)
    else:
        return None
    if not deeper or not owner.rstrip().endswith(":") or owner.lstrip().startswith("- "):
        return None  # the entries' key (`items:`) is not right above the deeper lines
    first = deeper[-1]
    many = first + 1 < at
    span = f"lines {first + 1} to {at}" if many else f"line {at}"
    belong, they, them = ("belong", "they are", "them") if many else ("belongs", "it is", "it")
    return (first + 1, len(lines[first]) - len(lines[first].lstrip(" ")) + 1,
            f"{span}, indented deeper than the entries' '- ' (line {at + 1}), {belong} to no "
            f"entry: if you removed an entry here, {they} left over from it: delete {them}")


def unclosed(lines: list[str], context: str, opened: yaml.Mark | None,
             at: int) -> tuple[int, int, str] | None:
    """A '[' or '{' never closed, noticed by YAML on a later line (`at`, from 0): where it
    opened, and what to add."""
    if opened is None or opened.line >= at or "flow" not in context \
            or opened.line >= len(lines):
        return None
    char = lines[opened.line][opened.column:opened.column + 1]
    closing = {"[": "]", "{": "}"}.get(char)
    if closing is None:
        return None
    return (opened.line + 1, opened.column + 1,
            f"the '{char}' here is never closed (YAML read on to line {at + 1} looking for its "
            f"'{closing}'): add '{closing}' where what it holds ends")


def typographic(char: str) -> str:
    return (f"'{char}' is a typographic quote (from a word processor), which YAML keeps as "
            "part of the value: type straight quotes \" \" instead, or none "
            "(请用英文直引号 \" \")")


def starts_with_typographic_quote(value: str) -> str:
    """The advice for a value that starts with a typographic quote, or ""."""
    value = value.strip()
    return typographic(value[0]) if value[:1] and value[0] in TYPOGRAPHIC_QUOTES else ""


def missing_picture(value: str, base_dir: Path) -> str:
    """For a picture not found: a Windows path's \\ and the files that are there with a name
    like it (a name in another case, a typing slip), as "; ..."."""
    hints = []
    if "\\" in value:
        slashed = re.sub(r"[\\/]*\\[\\/]*", "/", value)  # photos\\lobby.jpg too
        hints.append(f"write / between folders, not \\: {slashed}")
        value = slashed
    wanted = PurePosixPath(value)
    folder = base_dir / wanted.parent
    try:
        with os.scandir(folder) as entries:
            names = [entry.name for _, entry in zip(range(2_000), entries, strict=False)]
    except OSError:
        names = []
    if wanted.name in names:
        hints.append(f"{value} is there")
    else:
        lowered = {name.lower(): name for name in names}
        close = lowered.get(wanted.name.lower()) or next(iter(
            difflib.get_close_matches(wanted.name.lower(), lowered, n=1, cutoff=0.7)), None)
        if close is not None:
            near = lowered.get(close, close)
            hints.append(f"did you mean {PurePosixPath(wanted.parent, near).as_posix()}?"
                         .removeprefix("./"))
    return "".join(f"; {hint}" for hint in hints)


_DMS = re.compile(r"\s*([+-]?\d+(?:\.\d+)?)\s*[°º度]\s*(?:(\d+(?:\.\d+)?)\s*['′’分])?\s*"
                  r"(?:(\d+(?:\.\d+)?)\s*(?:[\"″”]|''|′′|秒))?\s*([NSEWnsew北南东西]?)\s*")
_SOUTH_WEST = set("SWsw南西")


def degrees(raw: str) -> str:
    """For a coordinate written in degrees, minutes and seconds (22°49′N): the same as a
    decimal number, as "; ..."."""
    found = _DMS.fullmatch(raw)
    if found is None:
        return ""
    value = float(found.group(1)) + float(found.group(2) or 0) / 60 \
        + float(found.group(3) or 0) / 3600
    if found.group(4) in _SOUTH_WEST:
        value = -value
    decimal = f"{value:.4f}".rstrip("0").rstrip(".")
    return f"; write degrees as a decimal number: {raw.strip()} is {decimal}"


def swapped(latitude: str, longitude: str) -> str:
    """For a latitude out of its range: whether it and the longitude look swapped."""
    try:
        lat, lon = float(latitude), float(longitude)
    except ValueError:
        return ""
    if abs(lat) > 90 and abs(lon) <= 90:
        return (f" (latitude and longitude swapped? {lat:g} can only be a longitude, {lon:g} "
                "a latitude)")
    return ""


def comma_in_braces(mapping: yaml.MappingNode, words: str, value: yaml.Node,
                    previous: tuple[str, yaml.Node] | None) -> str:
    """Why a text in `{en: Mission, vision, zh: ...}` broke, if that is what happened: the
    comma ended the text, and the words after it were read as a key with no value."""
    if not mapping.flow_style or previous is None or not isinstance(value, yaml.ScalarNode) \
            or value.tag != TAG + "null" or value.style:
        return ""
    key, before = previous
    if not isinstance(before, yaml.ScalarNode) or before.style:
        return ""
    text = f"{before.value}, {words}".strip(TYPOGRAPHIC_QUOTES)  # never into the text
    return (f": a comma inside {{...}} starts a new key, so the text of '{key}' ended at the "
            f"comma; put the whole text in quotes, like {key}: \"{text}\"")


def in_typographic_quotes(name: str, value: str) -> str:
    """For a text wholly in a word processor's quotes (shown on the screen as they are)."""
    if len(value) > 1 and value[0] in "“‘＂" and value[-1] in "”’＂":
        return (f"'{name}' is in typographic quotes {value[0]} {value[-1]}, which the screen "
                "shows: if they were meant as YAML's quotes, type straight quotes \" \" "
                "instead, or none")
    return ""
