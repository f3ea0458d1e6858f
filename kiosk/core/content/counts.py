"""A number in a text that follows its list. `{count}` in a page's title or lead, or in its
tile's title or subtitle, is how many items the page has (the network: its locations), in words
up to twenty ("Three strategies", "三大战略"); a number written out there that no longer
matches the list ("four clusters" on a page of five) is a warning, naming `{count}`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

import yaml

from .model import NetworkPage, Page, Text, Tile

PLACEHOLDER = "{count}"
FILLED_IN = ("title", "lead", "subtitle")  # the keys whose texts it is filled in
Listing = TypeVar("Listing", Page, NetworkPage)
ENGLISH = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
           "fourteen fifteen sixteen seventeen eighteen nineteen twenty").split()
CHINESE = ("零 一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 "
           "二十").split()
# what each page lists, as its texts name it: a number right before (or a word before) one of
# these is taken to count the list
NOUNS = {"mission": r"pillars?|goals?", "strategies": r"strateg(?:y|ies)",
         "clusters": r"clusters?", "network": r"parks?|cities|city|locations?|sites?"}
_SPELLED = {page: re.compile(rf"\b({'|'.join(ENGLISH)}|\d+)\s+(?:[\w-]+\s+)?({nouns})\b",
                             re.IGNORECASE) for page, nouns in NOUNS.items()}
ROUGHLY = re.compile(r"\b(?:nearly|about|around|almost|over|some|approximately|more than|"
                     r"up to|at least)\s+$", re.IGNORECASE)
_CHINESE = re.compile(r"(十[一二三四五六七八九]?|二十|[一二三四五六七八九]|\d+)大")


def in_words(count: int, language: str, first: bool) -> str:
    """`count` as a text says it: a word up to twenty (capitalised at a text's start)."""
    if language == "zh":
        return CHINESE[count] if count < len(CHINESE) else str(count)
    if count >= len(ENGLISH):
        return f"{count:,}"
    return ENGLISH[count].capitalize() if first else ENGLISH[count]


_STARTS = re.compile(r"(?:^|[.!?]\s+)$")  # where a sentence starts: a capital


def counted(text: Text, count: int) -> Text:
    """`text` with `{count}` in each language replaced by `count` in words."""
    def filled(value: str, language: str) -> str:
        parts = value.split(PLACEHOLDER)
        return parts[0] + "".join(
            in_words(count, language, _STARTS.search("".join(parts[:i])) is not None) + part
            for i, part in enumerate(parts[1:], 1))

    return Text(filled(text.en, "en"), filled(text.zh, "zh"))


def stale(text: Text, count: int, page: str) -> str:
    """A number written out in `text` that counts the page's list and is not `count`."""
    english = [(found, ENGLISH) for found in _SPELLED[page].finditer(text.en)
               if not ROUGHLY.search(text.en[:found.start()])]  # "nearly 20": a round figure
    for found, words in english + [(found, CHINESE) for found in _CHINESE.finditer(text.zh)]:
        said = found.group(1).lower()
        if (int(said) if said.isdigit() else words.index(said)) != count:
            return found.group(0)
    return ""


def _value(node: yaml.Node, name: str) -> yaml.Node | None:
    """The value of the key `name` in a mapping node (no problem recorded: it was read)."""
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if getattr(k, "value", None) == name), None)


def follow(pages: dict[str, Page], network: NetworkPage | None, tiles: tuple[Tile, ...],
           top: dict[str, yaml.Node], home: yaml.Node | None,
           warn: Callable[[yaml.Node, str], None]
           ) -> tuple[dict[str, Page], NetworkPage | None, tuple[Tile, ...]]:
    """The pages, network and tiles with each `{count}` filled in; a warning at each text
    whose written number no longer counts its list."""
    counts = {name: len(page.items) for name, page in pages.items()}
    if network is not None:
        counts["network"] = len(network.locations)

    def fill(text: Text, node: yaml.Node | None, name: str, page: str) -> Text:
        said = stale(text, counts[page], page)
        if said and node is not None:
            warn(node, f"'{name}' says \"{said}\", but '{page}' has {counts[page]:,} "
                       f"{'locations' if page == 'network' else 'items'}: write {PLACEHOLDER} "
                       "for the number, and it follows the list")
        return counted(text, counts[page])

    def page_texts(name: str, page: Listing) -> Listing:
        node = top.get(name)
        return page._replace(
            title=fill(page.title, _value(node, "title") if node else None, "title", name),
            lead=fill(page.lead, _value(node, "lead") if node else None, "lead", name))

    pages = {name: page_texts(name, page) for name, page in pages.items()}
    if network is not None:
        network = page_texts("network", network)
    entries = _value(home, "tiles") if home is not None else None
    by_page = {page.value: entry
               for entry in (entries.value if isinstance(entries, yaml.SequenceNode) else [])
               if isinstance(page := _value(entry, "page"), yaml.ScalarNode)}

    def tile_texts(tile: Tile) -> Tile:
        entry = by_page.get(tile.page)
        if tile.page not in counts or entry is None:
            return tile
        return tile._replace(
            title=fill(tile.title, _value(entry, "title"), "title", tile.page),
            subtitle=fill(tile.subtitle, _value(entry, "subtitle"), "subtitle", tile.page))

    return pages, network, tuple(tile_texts(tile) for tile in tiles)
