"""Every key of content.yaml, once: its name, what it holds (its kind, range or pattern) and a
line for staff.

The checker reads a section's keys from here (kiosk/core/content/schema.py), and the JSON Schema
that editors use (content.schema.json) and the README's table of keys are written from here by
key_docs.py (`python -m kiosk.core.content.key_docs`); a test holds both files to them.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from .model import LANGUAGE_NAMES, PAGE_NAMES, WEEKDAYS, Labels, Settings, Theme


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
    ADDRESS = "address"  # HOST:PORT (site.yaml's metrics)
    WORD = "word"  # one plain line, in no language (a user name, a hash, a query string)


# How the values of some kinds are written: the checker matches the whole value, spaces round it
# left out, and the JSON Schema the same (_whole)
COLOUR_PATTERN = "#[0-9A-Fa-f]{6}"
ID_PATTERN = "[a-z0-9][a-z0-9-]*"
URL_PATTERN = r"https?://[^\s/$.?#][^\s]*"
HOURS_PATTERN = r"([0-9]{1,2}):([0-9]{2})\s*[-–]\s*([0-9]{1,2}):([0-9]{2})"  # opens, closes
DATE_PATTERN = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
ICON_PATTERN = r"fa6[srb]\.[a-z0-9-]+"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg", ".webp", ".bmp")
ADDRESS_PATTERN = r"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):([0-9]{1,5})"  # host, port


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
    maximum: int = 0  # for a list: how many at most (0: no limit but the file's)
    longest: int = 0  # for a text: how many characters at most, in each language


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


# How long a visible text may be, in characters in each language: each kind as long as the
# place it is shown in holds (a card in a grid of 500, a button in a list of 1,000, a screen of
# reading), so that what check accepts is built within a frame at a time (docs/performance.md)
LONGEST_LINE = 150  # a title, a name, a word on a control: a few lines on a card at most
LONGEST_SENTENCES = 400  # a summary, a motto, a card's text: a few sentences under a title
LONGEST_TEXT = 5_000  # a lead or a paragraph: a screenful of reading
# where a longer text would not fit, as the checker says (the longest of all is about two
# screens of reading at 1280x720: a 19.9 MB text took the kiosk 118 s to its first frame)
TOO_LONG = {LONGEST_LINE: "a title or a name holds",
            LONGEST_SENTENCES: "fits in a few lines under a title",
            LONGEST_TEXT: "a screen shows"}
TEXT = Form(Kind.TEXT, longest=LONGEST_TEXT)
LINE = Form(Kind.TEXT, longest=LONGEST_LINE)
SENTENCES = Form(Kind.TEXT, longest=LONGEST_SENTENCES)
PARAGRAPHS = Form(Kind.PARAGRAPHS, longest=LONGEST_TEXT)
ICON = Form(Kind.ICON)
IMAGE = Form(Kind.IMAGE)
ID = Form(Kind.ID)
BOOLEAN = Form(Kind.BOOLEAN)
COLOUR = Form(Kind.COLOUR)


def number(low: float, high: float, unit: str = "") -> Form:
    return Form(Kind.NUMBER, low, high, unit)


def choice(choices: tuple[str, ...]) -> Form:
    return Form(Kind.CHOICE, choices=choices)


def listed(section: Section | None = None, of: Form | None = None, minimum: int = 0,
           maximum: int = 0) -> Form:
    return Form(Kind.LIST, section=section, of=of, minimum=minimum, maximum=maximum)


def section(of: Section) -> Form:
    return Form(Kind.SECTION, section=of)


LINK = Section("link", (
    Key("url", Form(Kind.URL), "the address, starting with https:// or http://", True),
    Key("caption", LINE, "the words beside the QR code"),
), "a web address, shown as a QR code for visitors to scan", shared="link")

GROUP = Section("group", (
    Key("title", LINE, "", True),
    # at most 40: a group is built in one step of its screen's (kiosk/ui/slices.py)
    Key("terms", listed(of=LINE, minimum=1, maximum=40),
        "the terms, shown as chips (at most 40)", True),
    Key("lead", TEXT),
    Key("flow", BOOLEAN, "true: the terms are steps, shown in order with arrows"),
), shared="group")

DETAIL_KEYS = (
    Key("summary", SENTENCES, "one or two sentences under the title"),
    Key("paragraphs", PARAGRAPHS),
    Key("icon", ICON),
    Key("image", IMAGE, "a picture beside content.yaml, such as photos/lab.jpg"),
    Key("groups", listed(GROUP)),
    Key("link", section(LINK)),
)

DETAIL = Section("entry", (
    Key("id", ID, "a short name for the item, unique on its page: lowercase, digits, -", True),
    Key("title", LINE, "", True),
    *DETAIL_KEYS,
), shared="detail")

LOCATION = Section("location", (
    Key("id", ID, "a short name for the place, unique in the network", True),
    Key("name", LINE, "", True),
    Key("lat", number(-90, 90), "latitude in degrees, north positive", True),
    Key("lon", number(-180, 180), "longitude in degrees, east positive", True),
    Key("headquarters", BOOLEAN, "true for the one place distances are measured from"),
    Key("label_priority", number(-100, 100),
        "which locations the map labels first where labels crowd: higher first (default 0)"),
    *DETAIL_KEYS,
), shared="location")

PILLAR = Section("pillar", (Key("title", LINE, "", True), Key("text", SENTENCES),
                            Key("icon", ICON)))
FIGURE = Section("figure", (
    Key("value", LINE, "the big number, such as 770,000", True),
    Key("label", LINE, "what it counts", True),
    Key("unit", LINE, "after the number, such as m²"),
))
BLOCK = Section("section", (Key("title", LINE, "", True),
                            Key("paragraphs", PARAGRAPHS, "", True)))

PAGE = Section("page", (
    Key("title", LINE, "", True),
    Key("lead", TEXT, "the paragraph under the title"),
    Key("pillars", listed(PILLAR), "cards"),
    # at most 12, two rows: built with the screen, for their count-up (110 ms for 12 of the
    # longest here, more than a card a text for the type's size)
    Key("figures", listed(FIGURE, maximum=12), "big numbers (at most 12)"),
    # at most 500 (and the network's features), 1,000 locations: a screen fills a slice at a
    # time (kiosk/ui/slices.py), in a few seconds with that many here
    Key("items", listed(DETAIL, maximum=500), "cards that open a detail view (at most 500)"),
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
    Key("title", LINE, "", True),
    Key("lead", TEXT),
    Key("list_title", LINE, "above the list beside the map (default: the label 'locations')"),
    Key("locations", listed(LOCATION, maximum=1000), "the places on the map (at most 1,000)",
        True),
    Key("features", listed(DETAIL, maximum=500),
        "details such as the operating company (at most 500)"),
    Key("map", section(MAP)),
), "the national network of parks, on a map")

TILE = Section("tile", (
    Key("page", choice(PAGE_NAMES), "the page the tile opens", True),
    Key("title", LINE, "", True),
    Key("subtitle", LINE),
    Key("icon", ICON),
    Key("image", IMAGE, "a photo that fills the tile between its icon and its title, cropped "
                        "round its middle, never stretched; without one the tile shows a glimpse "
                        "of its page: its first key figure, the network's map, or its first "
                        "items"),
))

SLIDE = Section("slide", (
    Key("text", SENTENCES, "the line under the figure or picture", True),
    Key("value", LINE, "a big figure"),
    Key("unit", LINE),
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
    Key(name, SENTENCES, f'default "{getattr(Labels(), name).en}"') for name in Labels._fields),
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
    Key("name", LINE, "", True),
    Key("motto", SENTENCES),
    Key("intro", SENTENCES),
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


def _longest_texts(of: Section, found: dict[str, int]) -> dict[str, int]:
    """Each text key's name under `of`, and how long its text may be: one length for a name
    wherever it stands, so that the checker can tell it from the name."""
    for key in of.keys:
        form = key.form.of if key.form.of is not None else key.form
        if form.longest:
            assert found.setdefault(key.name, form.longest) == form.longest, key.name
        if key.form.section is not None:
            _longest_texts(key.form.section, found)
    return found


LONGEST = _longest_texts(FILE, {})  # {"title": 150, "summary": 400, ...}
