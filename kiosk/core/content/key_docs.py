"""What keys.py declares, written for editors and staff: the JSON Schema (content.schema.json)
and the README's table of keys. `python -m kiosk.core.content.key_docs` writes both again."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .keys import (
    ADDRESS_PATTERN,
    COLOUR_PATTERN,
    DATE_PATTERN,
    DETAIL,
    FILE,
    GROUP,
    HOURS_PATTERN,
    ICON_PATTERN,
    ID_PATTERN,
    IMAGE_SUFFIXES,
    LABELS,
    LINK,
    LOCATION,
    LONGEST_LINE,
    LONGEST_SENTENCES,
    LONGEST_TEXT,
    PAGE,
    TEXT,
    URL_PATTERN,
    Form,
    Key,
    Kind,
    Section,
)

Json = dict[str, Any]


# -- the JSON Schema ------------------------------------------------------------------------
def _any_case(word: str) -> str:
    return "".join(f"[{c.upper()}{c}]" for c in word)


def _whole(pattern: str) -> str:
    """A JSON Schema pattern for a whole value, as the checker matches it."""
    return f"^\\s*(?:{pattern})\\s*$"


def _text(longest: int, what: str) -> Json:
    """A visible text of at most `longest` characters in each language."""
    one = {"type": ["string", "number"], "maxLength": longest}
    return {"description": f"A visible text ({what}, at most {longest:,} characters): "
                           "{en: ..., zh: ...}, or one text for both languages",
            "oneOf": [one,
                      {"type": "object",
                       "properties": {"en": {**one, "description": "In English."},
                                      "zh": {**one, "description": "In Chinese."}},
                       "additionalProperties": False, "minProperties": 1}]}


# the schema's definition for each length of text: keys.py
TEXTS = {LONGEST_LINE: "line", LONGEST_SENTENCES: "sentences", LONGEST_TEXT: "text"}


def _basics() -> dict[str, Json]:
    """The shared definitions (made when asked: a mutation test can reach each)."""
    return {
        "line": _text(LONGEST_LINE, "a title or a name"),
        "sentences": _text(LONGEST_SENTENCES, "a few sentences"),
        "text": _text(LONGEST_TEXT, "a screen of reading"),
        "paragraphs": {"oneOf": [{"$ref": "#/$defs/text"},
                                 {"type": "array", "items": {"$ref": "#/$defs/text"}}]},
        "icon": {"type": "string", "pattern": _whole(ICON_PATTERN),
                 "description": "a Font Awesome 6 icon, like fa6s.rocket"},
        "image": {"type": "string",
                  "pattern": "\\.(" + "|".join(_any_case(s[1:]) for s in IMAGE_SUFFIXES) + ")\\s*$",
                  "description": "an image file, relative to content.yaml"},
        "identifier": {"oneOf": [{"type": "string", "pattern": _whole(ID_PATTERN)},
                                 {"type": "integer", "minimum": 0}]},  # 2030 is read as a number
    }


_REFS = {Kind.PARAGRAPHS: "paragraphs", Kind.ICON: "icon",
         Kind.IMAGE: "image", Kind.ID: "identifier"}


def _value(form: Form, shared: dict[str, Json]) -> Json:
    kind = form.kind
    if kind is Kind.TEXT:
        return {"$ref": f"#/$defs/{TEXTS[form.longest]}"}
    if kind in _REFS:
        return {"$ref": f"#/$defs/{_REFS[kind]}"}
    if kind is Kind.URL:
        return {"type": "string", "pattern": _whole(URL_PATTERN)}
    if kind is Kind.BOOLEAN:
        return {"type": "boolean"}
    if kind is Kind.NUMBER:
        return {"type": "number", "minimum": form.low, "maximum": form.high}
    if kind is Kind.CHOICE:
        return {"enum": list(form.choices)}
    if kind is Kind.COLOUR:
        return {"type": "string", "pattern": _whole(COLOUR_PATTERN)}
    if kind is Kind.HOURS:
        return {"type": "string", "pattern": _whole(f"{_any_case('closed')}|{HOURS_PATTERN}")}
    if kind is Kind.DATES:
        return {"type": "array", "items": {"type": "string", "pattern": _whole(DATE_PATTERN)}}
    if kind is Kind.ADDRESS:
        return {"type": "string", "pattern": _whole(ADDRESS_PATTERN)}
    if kind is Kind.WORD:
        return {"type": "string", "maxLength": LONGEST_LINE}
    if kind is Kind.SECTION:
        assert form.section is not None
        return _object(form.section, shared)
    assert kind is Kind.LIST, kind
    items = _object(form.section, shared) if form.section else _value(form.of or TEXT, shared)
    return {"type": "array", "items": items,
            **({"minItems": form.minimum} if form.minimum else {}),
            **({"maxItems": form.maximum} if form.maximum else {})}


def _object(of: Section, shared: dict[str, Json]) -> Json:
    if of.shared and of.shared in shared:
        return {"$ref": f"#/$defs/{of.shared}"}
    properties = {}
    for key in of.keys:
        value = _value(key.form, shared)
        about = f"{key.form.unit} {key.about}" if key.form.unit else key.about
        value = {**value, "description": _sentence(about or _plain(key))}
        properties[key.name] = value
    found: Json = {"type": "object", "properties": properties, "additionalProperties": False}
    if of.required():
        found["required"] = list(of.required())
    if of.about:
        found["description"] = _sentence(of.about)
    if of.shared:
        shared[of.shared] = found
        return {"$ref": f"#/$defs/{of.shared}"}
    return found


KINDS = {Kind.TEXT: "a text, {en: ..., zh: ...}", Kind.PARAGRAPHS: "a text, or a list of texts",
         Kind.ICON: "a Font Awesome 6 icon, like fa6s.rocket",
         Kind.IMAGE: "a picture, a path beside content.yaml", Kind.BOOLEAN: "true or false",
         Kind.SECTION: "a section", Kind.LIST: "a list"}


def _plain(key: Key) -> str:
    """A description for a key that needs no more than its name and its form."""
    return f"the {key.name.replace('_', ' ')}: {KINDS.get(key.form.kind, key.form.kind.value)}"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _schema(of: Section, title: str, description: str, basics: dict[str, Json]) -> Json:
    shared: dict[str, Json] = {}
    root = _object(of, shared)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "description": description,
        **{k: v for k, v in root.items() if k != "properties"},
        "properties": root["properties"],
        "$defs": {**basics, **dict(sorted(shared.items()))},
    }


def json_schema() -> Json:
    return _schema(FILE, "Visitor kiosk content (content.yaml)",
                   "What the kiosk shows. `kiosk check content.yaml` checks everything this "
                   "schema cannot (images on disk, contrast, links between sections). "
                   "Written by `python -m kiosk.core.content.key_docs` from "
                   "kiosk/core/content/keys.py (by key_docs.py): do not edit.", _basics())


# -- the README's table ---------------------------------------------------------------------
def _words(form: Form) -> str:
    if form.kind is Kind.NUMBER:
        return f"{form.low:g} to {form.high:g}" + (f" {form.unit}" if form.unit else "")
    if form.kind is Kind.CHOICE:
        return " or ".join(f"`{c}`" for c in form.choices)
    if form.kind is Kind.TEXT and form.longest < LONGEST_TEXT:
        return f"at most {form.longest} characters"
    return ""


def _keys(of: Section) -> str:
    parts = []
    for key in of.keys:
        notes = [n for n in (_words(key.form), key.about) if n]
        inner = key.form.section
        if inner is not None and inner.name not in ("link", "entry", "location", "group"):
            notes.append(f"each with {_keys(inner)}" if key.form.kind is Kind.LIST
                         else f"with {_keys(inner)}")
        elif inner is not None:
            notes.append(f"see `{inner.shared}` below" if key.form.kind is Kind.SECTION
                         else f"each a `{inner.shared}`, see below")
        if key.required:
            notes.insert(0, "required")
        note = "; ".join(notes).replace("|", "\\|")
        parts.append(f"`{key.name}`" + (f" ({note})" if note else ""))
    return ", ".join(parts)


TABLE_START = "<!-- keys: written by `python -m kiosk.core.content.key_docs`; do not edit -->"
TABLE_END = "<!-- end of keys -->"


def readme_table() -> str:
    rows = ["| Section | What it holds |", "|---|---|"]
    pages = False
    for key in FILE.keys:
        inner = key.form.section
        assert inner is not None
        if inner is PAGE:
            if pages:
                continue
            pages = True
            names = ", ".join(f"`{k.name}`" for k in FILE.keys if k.form.section is PAGE)
        else:
            names = f"`{key.name}`"
        about = _sentence(inner.about) + " " if inner.about else ""
        keys = "Each key and its default: the table below." if inner is LABELS else _keys(inner)
        rows.append(f"| {names}{' (required)' if key.required else ''} | {about}{keys} |")
    for shared in (DETAIL, LOCATION, GROUP, LINK):
        about = _sentence(shared.about) + " " if shared.about else ""
        rows.append(f"| a `{shared.shared}` | {about}{_keys(shared)} |")
    return "\n".join([TABLE_START, *rows, TABLE_END])


SITE_START = "<!-- site keys: written by `python -m kiosk.core.content.key_docs`; do not edit -->"


def site_table() -> str:
    """The README's table of site.yaml's keys."""
    from ..site.keys import SITE

    rows = ["| Key | What it holds |", "|---|---|"]
    for key in SITE.keys:
        said = _keys(Section("", (key,))).removeprefix(f"`{key.name}` (")[:-1]
        rows.append(f"| `{key.name}`{' (required)' if key.required else ''} | "
                    f"{said.removeprefix('required; ')} |")
    return "\n".join([SITE_START, *rows, TABLE_END])


def site_schema() -> Json:
    from ..site.keys import SITE

    return _schema(SITE, "A visitor kiosk's own file (site.yaml)",
                   "This kiosk's name, place, hours and metrics, beside the content file the "
                   "network shares. `kiosk check` checks what this schema cannot (the location "
                   "named by `here`). Written by `python -m kiosk.core.content.key_docs` from "
                   "kiosk/core/site/keys.py: do not edit.", {"identifier": _basics()["identifier"]})


def with_table(readme: str) -> str:
    """The README with its tables of keys written again."""
    for start, table in ((TABLE_START, readme_table), (SITE_START, site_table)):
        pattern = re.compile(re.escape(start) + ".*?" + re.escape(TABLE_END), re.S)
        assert pattern.search(readme), f"the README has no {start} to replace"
        readme = pattern.sub(lambda _, table=table: table(), readme)  # type: ignore[misc]
    return readme


def write(root: Path) -> None:
    for name, schema in (("content.schema.json", json_schema()),
                         ("site.schema.json", site_schema())):
        (root / name).write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n",
                                 encoding="utf-8")
    readme = root / "README.md"
    readme.write_text(with_table(readme.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    write(Path(__file__).resolve().parents[3])
