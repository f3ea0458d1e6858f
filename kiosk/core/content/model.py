"""The kiosk's content as immutable plain data. Nothing here knows about Qt.

`kiosk.core.content.loader` builds a `Content` from `content.yaml`; every screen is given the part
of it that it shows.

Each record is a typed named tuple: immutable, compared and hashed by value, pickled compactly
for the content cache. Not frozen dataclasses: this module is imported on every start, and
Python 3.11 writes and compiles each dataclass's methods at import, 0.5 ms a class (12 ms of
start-up for these twenty), where a named tuple class costs a fifth of that
(docs/performance.md). Annotations are evaluated here, not postponed, for the same reason:
typing turns each postponed one into a ForwardRef and compiles it.
"""

from datetime import date, time
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

LANGUAGES = ("en", "zh")
LANGUAGE_NAMES = {"en": "English", "zh": "Chinese"}


class Text(NamedTuple):
    """A visible text in English and Simplified Chinese; a missing one falls back to the other."""

    en: str = ""
    zh: str = ""

    def get(self, language: str) -> str:
        own = self.zh if language == "zh" else self.en
        return own or self.en or self.zh

    def __bool__(self) -> bool:
        return bool(self.en or self.zh)


class Link(NamedTuple):
    url: str
    caption: Text = Text()


class Figure(NamedTuple):
    value: Text
    label: Text
    unit: Text = Text()


class Card(NamedTuple):
    title: Text
    text: Text = Text()
    icon: str = ""


class TermGroup(NamedTuple):
    """A named set of short terms, shown as chips; `flow` shows them as steps in order."""

    title: Text
    terms: tuple[Text, ...]
    lead: Text = Text()
    flow: bool = False


class TextBlock(NamedTuple):
    title: Text
    paragraphs: tuple[Text, ...]


class Detail(NamedTuple):
    """Something a visitor can open: a strategy, a cluster, a location, an organisation."""

    id: str
    title: Text
    summary: Text = Text()
    paragraphs: tuple[Text, ...] = ()
    icon: str = ""
    image: Path | None = None
    groups: tuple[TermGroup, ...] = ()
    link: Link | None = None


class Location(NamedTuple):
    detail: Detail
    latitude: float
    longitude: float
    headquarters: bool = False
    label_priority: float = 0.0  # higher: labelled on the map before others

    @property
    def id(self) -> str:
        return self.detail.id


class Page(NamedTuple):
    """A section screen: its blocks are shown in this order, each only when given."""

    title: Text
    lead: Text = Text()
    pillars: tuple[Card, ...] = ()
    figures: tuple[Figure, ...] = ()
    items: tuple[Detail, ...] = ()
    groups: tuple[TermGroup, ...] = ()
    sections: tuple[TextBlock, ...] = ()
    link: Link | None = None


class MapImage(NamedTuple):
    """A map picture to draw instead of the built-in outline, in plate carrée (lon/lat) bounds."""

    path: Path
    west: float
    east: float
    south: float
    north: float


class NetworkPage(NamedTuple):
    title: Text
    lead: Text = Text()
    locations: tuple[Location, ...] = ()
    list_title: Text = Text()
    features: tuple[Detail, ...] = ()
    map_image: MapImage | None = None


class AttractSlide(NamedTuple):
    """One slide of the attract loop: a big figure or an image, and a short line."""

    text: Text
    value: Text = Text()
    unit: Text = Text()
    image: Path | None = None


class Tile(NamedTuple):
    """A home screen tile: its picture, if given, fills it; else it shows a glimpse of its
    page (a key figure, the network's map, the first items)."""

    page: str
    title: Text
    subtitle: Text = Text()
    icon: str = ""
    image: Path | None = None


class Organisation(NamedTuple):
    name: Text
    motto: Text = Text()
    intro: Text = Text()
    link: Link | None = None


class Settings(NamedTuple):
    default_language: str = "en"
    idle_timeout: float = 60.0
    countdown: float = 20.0  # WCAG 2.2.1: at least 20 s to ask for more time
    attract_delay: float = 120.0
    attract_slide: float = 8.0
    reduced_motion: bool = False
    usage_retention_days: float = 365.0


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class OpeningHours(NamedTuple):
    """When the kiosk is open: per weekday (Monday first) the opening and closing time, or
    None for a closed day; and whole dates it is closed (holidays)."""

    week: tuple[tuple[time, time] | None, ...] = ((time(0), time.max),) * 7
    closed_on: frozenset[date] = frozenset()


class Theme(NamedTuple):
    """The colours; without `theme:` in the file, a neutral stone and navy, any organisation's
    (every pair the screens draw text in has 7:1 or more)."""

    background: str = "#F5F5F4"
    surface: str = "#FFFFFF"
    text: str = "#1C1917"
    muted_text: str = "#44403C"
    accent: str = "#1E3A5F"
    accent_text: str = "#FFFFFF"


class Labels(NamedTuple):
    """Words of the kiosk's own controls; staff may reword them under `labels:`."""

    home: Text = Text("Home", "首页")
    back: Text = Text("Back", "返回")
    switch_language: Text = Text("中文", "English")
    still_there: Text = Text("Still there?", "还在浏览吗？")
    returning: Text = Text(
        "Returning to the start in {seconds} s", "{seconds} 秒后返回首页"
    )
    tap_to_stay: Text = Text("Tap anywhere to stay", "轻触屏幕任意位置继续浏览")
    more_time: Text = Text("More time", "延长时间")
    locations: Text = Text("Locations", "所在地")
    headquarters: Text = Text("Headquarters", "总部")
    touch_to_begin: Text = Text("Touch to begin", "轻触屏幕开始")
    larger_text: Text = Text("Larger text", "大字")
    scan_to_open: Text = Text("Scan with your phone", "用手机扫码访问")
    out_of_service: Text = Text(
        "This display is being updated. Please come back soon.",
        "本屏幕正在更新内容，请稍后再来。",
    )
    closed: Text = Text("Closed", "已闭馆")
    opens_again: Text = Text("Open again {day} at {time}", "{day} {time} 开放")
    touch_to_look: Text = Text("Touch the screen to look around", "轻触屏幕即可浏览")
    nearby: Text = Text("Nearest in the network", "网络中距离最近的地点")
    you_are_here: Text = Text("You are here", "您在这里")
    read_aloud: Text = Text("Read aloud", "朗读")
    volume: Text = Text("Volume", "音量")


PAGE_NAMES = ("mission", "strategies", "clusters", "network")


class Content(NamedTuple):
    organisation: Organisation
    tiles: tuple[Tile, ...]
    pages: MappingProxyType[str, Page] = MappingProxyType({})  # page name: Page, read-only
    network: NetworkPage | None = None
    settings: Settings = Settings()
    theme: Theme = Theme()
    labels: Labels = Labels()
    attract: tuple[AttractSlide, ...] = ()
    opening_hours: OpeningHours | None = None  # None: open all the time
    source: Path | None = None
    here: str = ""  # the id of the location where this kiosk stands (site.yaml), if given

    def with_settings(self, **changes: Any) -> "Content":
        """This content with some settings changed (`--lang`, reduced motion for pictures)."""
        return self._replace(settings=self.settings._replace(**changes))

    def details(self, page: str) -> tuple[Detail, ...]:
        """The details a page opens, in order (its siblings for Back and for swiping)."""
        if page == "network" and self.network is not None:
            return tuple(loc.detail for loc in self.network.locations) + self.network.features
        found = self.pages.get(page)
        return found.items if found else ()

    def link_on(self, page: str, detail: str = "") -> str:
        """The address of the take-away QR code a screen shows ("" for none)."""
        if page == "home":
            shown = self.organisation.link
        elif detail:
            shown = next((d.link for d in self.details(page) if d.id == detail), None)
        else:
            found = self.pages.get(page)
            shown = found.link if found else None
        return shown.url if shown else ""

    def siblings(self, page: str, detail_id: str) -> tuple[Detail, ...]:
        """The details counted and swiped through with `detail_id`: a location's are the
        network's locations (not its features, such as the operating company), a feature's the
        features; on other pages, the page's items."""
        if page == "network" and self.network is not None:
            locations = tuple(loc.detail for loc in self.network.locations)
            if any(d.id == detail_id for d in locations):
                return locations
            return self.network.features
        return self.details(page)
