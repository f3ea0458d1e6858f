"""Every key of content.yaml, once: its name, what it holds and a line for staff.

The checker reads a section's keys from here (kiosk/core/content/schema.py), and the JSON Schema
that editors use (content.schema.json) and the README's table of keys are written from here
(`python -m kiosk.core.content.keys`); a test holds both files to what this module writes.
"""

from __future__ import annotations

import json
import re
from enum import Enum
from pathlib import Path
from typing import Any, NamedTuple

from .model import LANGUAGE_NAMES, PAGE_NAMES, WEEKDAYS, Labels, Settings, Theme

Json = dict[str, Any]


class Kind(Enum):
    """The kinds of value the checker knows."""

    TEXT = "text"
    PARAGRAPHS = "paragraphs"
    ICON = "icon"
    IMAGE = "image"
    ID = "id"
    URL = "url"
    BOOLEAN = "boolean"
    NUMBER = "number"
    CHOICE = "choice"
    COLOUR = "colour"
    HOURS = "hours"
    DATES = "dates"
    SECTION = "section"
    LIST = "list"


# How the values of some kinds are written: the checker matches the whole value, spaces round it
# left out, and the JSON Schema the same (_whole)
COLOUR_PATTERN = "#[0-9A-Fa-f]{6}"
ID_PATTERN = "[a-z0-9][a-z0-9-]*"
URL_PATTERN = r"https?://[^\s/$.?#][^\s]*"
HOURS_PATTERN = r"([0-9]{1,2}):([0-9]{2})\s*[-–]\s*([0-9]{1,2}):([0-9]{2})"  # opens, closes
DATE_PATTERN = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
ICON_PATTERN = r"fa6[srb]\.[a-z0-9-]+"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg", ".webp", ".bmp")


class Form(NamedTuple):
    """What a key's value is: a kind the checker knows, with its limits."""

    kind: Kind
    low: float = 0
    high: float = 0
    unit: str = ""
    choices: tuple[str, ...] = ()
    section: Section | None = None  # for a section, or a list of sections
    of: Form | None = None  # for a list of values
    minimum: int = 0  # for a list: how many entries at least


class Key(NamedTuple):
    name: str
    form: Form
    about: str = ""  # for staff: the schema's description and the README's table
    required: bool = False


class Section(NamedTuple):
    name: str  # as the checker's messages call it ("tile", "location")
    keys: tuple[Key, ...]
    about: str = ""
    shared: str = ""  # the name of the schema's definition, for sections used in many places

    def required(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.keys if k.required)

    def optional(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.keys if not k.required)

    def names(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The required keys and the optional ones, as Reader.keys takes them."""
        return self.required(), self.optional()

    def form(self, name: str) -> Form:
        """The form of the key called `name`."""
        return next(key.form for key in self.keys if key.name == name)


TEXT = Form(Kind.TEXT)
PARAGRAPHS = Form(Kind.PARAGRAPHS)
ICON = Form(Kind.ICON)
IMAGE = Form(Kind.IMAGE)
ID = Form(Kind.ID)
BOOLEAN = Form(Kind.BOOLEAN)
COLOUR = Form(Kind.COLOUR)


def number(low: float, high: float, unit: str = "") -> Form:
    return Form(Kind.NUMBER, low, high, unit)


def choice(choices: tuple[str, ...]) -> Form:
    return Form(Kind.CHOICE, choices=choices)


def listed(section: Section | None = None, of: Form | None = None, minimum: int = 0) -> Form:
    return Form(Kind.LIST, section=section, of=of, minimum=minimum)


def section(of: Section) -> Form:
    return Form(Kind.SECTION, section=of)


LINK = Section("link", (
    Key("url", Form(Kind.URL), "the address, starting with https:// or http://", True),
    Key("caption", TEXT, "the words beside the QR code"),
), "a web address, shown as a QR code for visitors to scan", shared="link")

GROUP = Section("group", (
    Key("title", TEXT, "", True),
    Key("terms", listed(of=TEXT, minimum=1), "the terms, shown as chips", True),
    Key("lead", TEXT),
    Key("flow", BOOLEAN, "true: the terms are steps, shown in order with arrows"),
), shared="group")

DETAIL_KEYS = (
    Key("summary", TEXT, "one or two sentences under the title"),
    Key("paragraphs", PARAGRAPHS),
    Key("icon", ICON),
    Key("image", IMAGE, "a picture beside content.yaml, such as photos/lab.jpg"),
    Key("groups", listed(GROUP)),
    Key("link", section(LINK)),
)

DETAIL = Section("entry", (
    Key("id", ID, "a short name for the item, unique on its page: lowercase, digits, -", True),
    Key("title", TEXT, "", True),
    *DETAIL_KEYS,
), shared="detail")

LOCATION = Section("location", (
    Key("id", ID, "a short name for the place, unique in the network", True),
    Key("name", TEXT, "", True),
    Key("lat", number(-90, 90), "latitude in degrees, north positive", True),
    Key("lon", number(-180, 180), "longitude in degrees, east positive", True),
    Key("headquarters", BOOLEAN, "true for the one place distances are measured from"),
    Key("label_priority", number(-100, 100),
        "which locations the map labels first where labels crowd: higher first (default 0)"),
    *DETAIL_KEYS,
), shared="location")

PILLAR = Section("pillar", (Key("title", TEXT, "", True), Key("text", TEXT), Key("icon", ICON)))
FIGURE = Section("figure", (
    Key("value", TEXT, "the big number, such as 770,000", True),
    Key("label", TEXT, "what it counts", True),
    Key("unit", TEXT, "after the number, such as m²"),
))
BLOCK = Section("section", (Key("title", TEXT, "", True), Key("paragraphs", PARAGRAPHS, "", True)))

PAGE = Section("page", (
    Key("title", TEXT, "", True),
    Key("lead", TEXT, "the paragraph under the title"),
    Key("pillars", listed(PILLAR), "cards"),
    Key("figures", listed(FIGURE), "big numbers"),
    Key("items", listed(DETAIL), "cards that open a detail view"),
    Key("groups", listed(GROUP), "terms shown as chips, or as steps with flow: true"),
    Key("sections", listed(BLOCK), "headed paragraphs"),
    Key("link", section(LINK)),
), "a page of the kiosk", shared="page")

MAP = Section("map", (
    Key("image", IMAGE, "the picture, in plain longitude/latitude", True),
    Key("west", number(-180, 180), "its left edge's longitude", True),
    Key("east", number(-180, 180), "its right edge's longitude", True),
    Key("south", number(-90, 90), "its bottom edge's latitude", True),
    Key("north", number(-90, 90), "its top edge's latitude", True),
), "a picture to draw instead of the built-in outline")

NETWORK = Section("network", (
    Key("title", TEXT, "", True),
    Key("lead", TEXT),
    Key("list_title", TEXT, "above the list beside the map (default: the label 'locations')"),
    Key("locations", listed(LOCATION), "the places on the map", True),
    Key("features", listed(DETAIL), "details such as the operating company"),
    Key("map", section(MAP)),
), "the national network of parks, on a map")

TILE = Section("tile", (
    Key("page", choice(PAGE_NAMES), "the page the tile opens", True),
    Key("title", TEXT, "", True),
    Key("subtitle", TEXT),
    Key("icon", ICON),
    Key("image", IMAGE, "a picture that fills the tile; without one the tile shows a glimpse of "
                        "its page: its first key figure, the network's map, or its first items"),
))

SLIDE = Section("slide", (
    Key("text", TEXT, "the line under the figure or picture", True),
    Key("value", TEXT, "a big figure"),
    Key("unit", TEXT),
    Key("image", IMAGE),
))

def _default(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _setting(name: str, form: Form, about: str) -> Key:
    """A setting, its line for staff ending with its default (from the model's Settings)."""
    return Key(name, form, f"{about} (default {_default(getattr(Settings(), name))})")


SETTINGS = Section("settings", (
    _setting("default_language", choice(tuple(LANGUAGE_NAMES)),
             "the language each visitor starts in"),
    _setting("idle_timeout", number(5, 3600, "seconds"),
             'without a touch before "Still there?" appears'),
    _setting("countdown", number(3, 120, "seconds"),
             'that the "Still there?" countdown lasts before going home'),
    _setting("attract_delay", number(10, 86400, "seconds"),
             "on the home screen with no touch before the attract loop"),
    _setting("attract_slide", number(2, 120, "seconds"), "that each attract slide shows"),
    _setting("reduced_motion", BOOLEAN, "true: no animated transitions or counting figures"),
    _setting("usage_retention_days", number(1, 3650, "days"), "that the usage figures are kept"),
), "how the kiosk behaves; every setting is optional")

THEME = Section("theme", tuple(
    Key(name, COLOUR, f'as "#RRGGBB" (default {getattr(Theme(), name)})')
    for name in Theme._fields), "the colours; a colour not given is the neutral default's")

LABELS = Section("labels", tuple(
    Key(name, TEXT, f'default "{getattr(Labels(), name).en}"') for name in Labels._fields),
    "the words on the kiosk's own controls")

OPENING_HOURS = Section("opening_hours", (
    *(Key(day, Form(Kind.HOURS), 'opening hours like "09:00-17:30", or closed')
      for day in WEEKDAYS),
    Key("closed_on", Form(Kind.DATES), "days closed whatever the weekday, like 2027-01-01"),
), "when the kiosk is open; a weekday left out is closed (with no weekday given, every day is "
   "open). Outside them the kiosk shows a dark, still \"closed\" screen in both languages saying "
   "when it opens; a touch lets a late visitor look around until the idle reset. Leave the "
   "section out to keep the kiosk on all the time")

ORGANISATION = Section("organisation", (
    Key("name", TEXT, "", True),
    Key("motto", TEXT),
    Key("intro", TEXT),
    Key("link", section(LINK), "shown on the home screen as a QR code"),
), "who the kiosk is about")

HOME = Section("home", (
    Key("tiles", listed(TILE, minimum=1), "one per page", True),
), "the first screen")

ATTRACT = Section("attract", (
    Key("slides", listed(SLIDE, minimum=1), "", True),
), "the loop played when nobody is there")

FILE = Section("the file", (
    Key("settings", section(SETTINGS)),
    Key("theme", section(THEME)),
    Key("labels", section(LABELS)),
    Key("attract", section(ATTRACT)),
    Key("opening_hours", section(OPENING_HOURS)),
    Key("organisation", section(ORGANISATION), "", True),
    Key("home", section(HOME), "", True),
    *(Key(name, section(PAGE)) for name in ("mission", "strategies", "clusters")),
    Key("network", section(NETWORK)),
))


# -- the JSON Schema ------------------------------------------------------------------------
def _any_case(word: str) -> str:
    return "".join(f"[{c.upper()}{c}]" for c in word)


def _whole(pattern: str) -> str:
    """A JSON Schema pattern for a whole value, as the checker matches it."""
    return f"^\\s*(?:{pattern})\\s*$"


BASICS: dict[str, Json] = {
    "text": {"description": "A visible text: {en: ..., zh: ...}, or one text for both languages",
             "oneOf": [{"type": ["string", "number"]},
                       {"type": "object",
                        "properties": {"en": {"type": ["string", "number"],
                                              "description": "In English."},
                                       "zh": {"type": ["string", "number"],
                                              "description": "In Chinese."}},
                        "additionalProperties": False, "minProperties": 1}]},
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
_REFS = {Kind.TEXT: "text", Kind.PARAGRAPHS: "paragraphs", Kind.ICON: "icon",
         Kind.IMAGE: "image", Kind.ID: "identifier"}


def _value(form: Form, shared: dict[str, Json]) -> Json:
    kind = form.kind
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
    if kind is Kind.SECTION:
        assert form.section is not None
        return _object(form.section, shared)
    assert kind is Kind.LIST, kind
    items = _object(form.section, shared) if form.section else _value(form.of or TEXT, shared)
    return {"type": "array", "items": items, **({"minItems": form.minimum} if form.minimum else {})}


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


def json_schema() -> Json:
    shared: dict[str, Json] = {}
    root = _object(FILE, shared)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Visitor kiosk content (content.yaml)",
        "description": "What the kiosk shows. `kiosk check content.yaml` checks everything this "
                       "schema cannot (images on disk, contrast, links between sections). "
                       "Written by `python -m kiosk.core.content.keys` from "
                       "kiosk/core/content/keys.py: do not edit.",
        **{k: v for k, v in root.items() if k != "properties"},
        "properties": root["properties"],
        "$defs": {**BASICS, **dict(sorted(shared.items()))},
    }


# -- the README's table ---------------------------------------------------------------------
def _words(form: Form) -> str:
    if form.kind is Kind.NUMBER:
        return f"{form.low:g} to {form.high:g}" + (f" {form.unit}" if form.unit else "")
    if form.kind is Kind.CHOICE:
        return " or ".join(f"`{c}`" for c in form.choices)
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


TABLE_START = "<!-- keys: written by `python -m kiosk.core.content.keys`; do not edit -->"
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


def with_table(readme: str) -> str:
    """The README with its table of keys written again."""
    pattern = re.compile(re.escape(TABLE_START) + ".*?" + re.escape(TABLE_END), re.S)
    assert pattern.search(readme), "the README has no table of keys to replace"
    return pattern.sub(lambda _: readme_table(), readme)


def write(root: Path) -> None:
    (root / "content.schema.json").write_text(
        json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    readme = root / "README.md"
    readme.write_text(with_table(readme.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    write(Path(__file__).resolve().parents[3])
