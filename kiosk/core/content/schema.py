"""The content file's schema: reads each section from its YAML node into the plain data of
model.py, recording every problem (with its line) through the Reader."""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType

import yaml

from . import counts, hints
from . import keys as known
from .contrast import too_weak, weak_pairs
from .model import (
    PAGE_NAMES,
    AttractSlide,
    Card,
    Content,
    Detail,
    Figure,
    Labels,
    Location,
    MapImage,
    NetworkPage,
    Organisation,
    Page,
    Settings,
    TermGroup,
    Text,
    TextBlock,
    Theme,
    Tile,
)
from .opening_hours import opening_hours
from .quoting import quoted
from .reader import Reader


def content(r: Reader, root: yaml.Node, source: Path | None) -> Content:
    top = r.keys(root, "the file", *known.FILE.names()) or {}
    pages = {
        name: _page(r, top[name], name) for name in PAGE_NAMES[:3] if name in top
    }
    labels, label_nodes = _labels(r, top["labels"]) if "labels" in top else (Labels(), {})
    network = _network(r, top["network"], labels, label_nodes.get("locations")) \
        if "network" in top else None
    tiles = _tiles(r, top["home"], set(pages) | ({"network"} if network else set())) \
        if "home" in top else ()
    pages, network, tiles = counts.follow(pages, network, tiles, top, top.get("home"), r.warn)
    for name in PAGE_NAMES:
        if name in top and name not in {t.page for t in tiles}:
            r.warn(top[name], f"no tile on the home screen opens '{name}', so visitors cannot "
                              "reach it")
    organisation = _organisation(r, top["organisation"]) if "organisation" in top else None
    return Content(
        organisation=organisation or Organisation(name=Labels().home),
        tiles=tiles,
        pages=MappingProxyType(pages),
        network=network,
        settings=_settings(r, top["settings"]) if "settings" in top else Settings(),
        theme=_theme(r, top["theme"]) if "theme" in top else Theme(),
        labels=labels,
        attract=_attract(r, top["attract"]) if "attract" in top else (),
        opening_hours=opening_hours(r, top["opening_hours"]) if "opening_hours" in top
        else None,
        source=source,
    )


NO_TEXT = Text()


def _text(r: Reader, keys: dict[str, yaml.Node], name: str, default: Text = NO_TEXT) -> Text:
    return r.text(keys[name], name) if name in keys else default


def _reading(form: known.Form) -> tuple[str, tuple[object, ...]]:
    """The Reader method that reads a setting of this form, and its arguments."""
    if form.kind is known.Kind.CHOICE:
        return "choice", (form.choices,)
    if form.kind is known.Kind.NUMBER:
        return "number", (form.low, form.high, form.unit)
    assert form.kind is known.Kind.BOOLEAN, form.kind
    return "boolean", ()


# key: (reader, arguments): every setting is optional and has a default in Settings.
SETTINGS = {key.name: _reading(key.form) for key in known.SETTINGS.keys}
ENOUGH_TIME_S = 20  # WCAG 2.2.1 Timing Adjustable: at least 20 s to extend with one action


def _settings(r: Reader, node: yaml.Node) -> Settings:
    keys = r.keys(node, "settings", *known.SETTINGS.names()) or {}
    values = {}
    for name, value in keys.items():
        method, arguments = SETTINGS[name]
        errors = r.error_count()
        values[name] = getattr(r, method)(value, name, *arguments)
        if name == "countdown" and r.error_count() == errors and values[name] < ENOUGH_TIME_S:
            r.warn(value, f"'countdown' is {values[name]:g} seconds: WCAG 2.2.1 asks for at "
                          f"least {ENOUGH_TIME_S} seconds for a visitor to ask for more time "
                          "(accepted; the default is 20)")
    return Settings(**values)


def _theme(r: Reader, node: yaml.Node) -> Theme:
    default = Theme()
    names = tuple(Theme._fields)
    keys = r.keys(node, "theme", *known.THEME.names()) or {}
    colours, broken = {}, set()
    for name in names:
        if name not in keys:
            colours[name] = getattr(default, name)
            continue
        before = r.error_count()
        colours[name] = r.colour(keys[name], name, getattr(default, name))
        if r.error_count() > before:
            broken.add(name)  # its error says so; no warning about a colour it does not have
    theme = Theme(**colours)
    for fore, back, value in weak_pairs(theme):
        if not {fore, back} & broken:
            change, message = too_weak(theme, fore, back, value)
            r.warn(keys.get(change) or keys.get(fore) or keys.get(back) or node, message)
    return theme


# The labels the kiosk fills words into, and the words: any other {...} would show as it is.
PLACEHOLDERS = {"returning": ("seconds",), "opens_again": ("day", "time")}


def _labels(r: Reader, node: yaml.Node) -> tuple[Labels, dict[str, yaml.Node]]:
    """The labels, and the node each was given at (for a warning that another key overrides
    one)."""
    keys = r.keys(node, "labels", *known.LABELS.names()) or {}
    labels = {name: r.text(value, name) for name, value in keys.items()}
    for name, text in labels.items():
        allowed = PLACEHOLDERS.get(name, ())
        for language, words in (("en", text.en), ("zh", text.zh)):
            for unknown in sorted(set(re.findall(r"\{([^{}]*)\}", words)) - set(allowed)):
                filled = (f"it fills in {', '.join('{' + a + '}' for a in allowed)}" if allowed
                          else "it fills in nothing in this label")
                r.error(keys[name], f"'{name}.{language}' has {{{unknown}}}, which the kiosk "
                                    f"does not fill in: {filled}")
    return Labels(**labels), keys


def _attract(r: Reader, node: yaml.Node) -> tuple[AttractSlide, ...]:
    keys = r.keys(node, "attract", *known.ATTRACT.names()) or {}
    slides = []
    for item in r.items(keys["slides"], "slides", minimum=1) if "slides" in keys else ():
        slide = r.keys(item, "slide", *known.SLIDE.names())
        if slide and "text" in slide:
            slides.append(AttractSlide(
                text=r.text(slide["text"], "text"),
                value=r.text(slide["value"], "value", neutral=True) if "value" in slide
                else NO_TEXT,
                unit=_text(r, slide, "unit"),
                image=r.image(slide["image"], "image") if "image" in slide else None,
            ))
    return tuple(slides)


def _map_image(r: Reader, node: yaml.Node) -> MapImage | None:
    keys = r.keys(node, "map", *known.MAP.names())
    if keys is None or len(keys) < 5:
        return None
    image = r.image(keys["image"], "image")
    west, east, south, north = (r.number_of(keys, known.MAP, k)
                                for k in ("west", "east", "south", "north"))
    if west >= east or south >= north:
        r.error(node, "the map's bounds must have west < east and south < north")
        return None
    return MapImage(image, west, east, south, north) if image else None


def _organisation(r: Reader, node: yaml.Node) -> Organisation | None:
    keys = r.keys(node, "organisation", *known.ORGANISATION.names())
    if keys is None or "name" not in keys:
        return None
    return Organisation(
        name=r.text(keys["name"], "name"),
        motto=_text(r, keys, "motto"),
        intro=_text(r, keys, "intro"),
        link=r.link(keys["link"], "link") if "link" in keys else None,
    )


def _tiles(r: Reader, node: yaml.Node, defined: set[str]) -> tuple[Tile, ...]:
    keys = r.keys(node, "home", *known.HOME.names()) or {}
    if "tiles" not in keys:
        return ()
    tiles: list[Tile] = []
    for item in r.items(keys["tiles"], "tiles", minimum=1):
        tile = r.keys(item, "tile", *known.TILE.names())
        if tile is None or "page" not in tile or "title" not in tile:
            continue
        page = r.choice(tile["page"], "page", PAGE_NAMES)
        if page in {t.page for t in tiles}:
            r.error(tile["page"], f"two tiles open the page '{page}'")
        elif page not in defined:
            r.error(tile["page"], f"this tile opens '{page}', but the file has no '{page}:' "
                                  "section")
        tiles.append(Tile(
            page=page,
            title=r.text(tile["title"], "title"),
            subtitle=_text(r, tile, "subtitle"),
            icon=r.icon(tile["icon"], "icon") if "icon" in tile else "",
            image=r.image(tile["image"], "image") if "image" in tile else None,
        ))
    return tuple(tiles)


def _paragraphs(r: Reader, node: yaml.Node) -> tuple[Text, ...]:
    if isinstance(node, yaml.SequenceNode):
        return r.texts(node, "paragraphs")
    return (r.text(node, "paragraphs"),)


def _group(r: Reader, node: yaml.Node) -> TermGroup | None:
    keys = r.keys(node, "group", *known.GROUP.names())
    if keys is None or "title" not in keys or "terms" not in keys:
        return None
    return TermGroup(
        title=r.text(keys["title"], "title"),
        terms=r.texts(keys["terms"], "terms", minimum=1,
                      most=known.GROUP.form("terms").maximum),
        lead=_text(r, keys, "lead"),
        flow=r.boolean(keys["flow"], "flow") if "flow" in keys else False,
    )


def _groups(r: Reader, node: yaml.Node) -> tuple[TermGroup, ...]:
    return tuple(g for g in (_group(r, n) for n in r.items(node, "groups")) if g)


DETAIL_KEYS = tuple(k.name for k in known.DETAIL_KEYS)


def _detail(r: Reader, keys: dict[str, yaml.Node], title_key: str) -> Detail:
    return Detail(
        id=r.identifier(keys["id"], "id"),
        title=r.text(keys[title_key], title_key),
        summary=_text(r, keys, "summary"),
        paragraphs=_paragraphs(r, keys["paragraphs"]) if "paragraphs" in keys else (),
        icon=r.icon(keys["icon"], "icon") if "icon" in keys else "",
        image=r.image(keys["image"], "image") if "image" in keys else None,
        groups=_groups(r, keys["groups"]) if "groups" in keys else (),
        link=r.link(keys["link"], "link") if "link" in keys else None,
    )


def _details(r: Reader, node: yaml.Node, name: str, seen: dict[str, yaml.Node],
             most: int) -> tuple[Detail, ...]:
    details = []
    for item in r.items(node, name, most=most):
        keys = r.keys(item, f"{name} entry", *known.DETAIL.names())
        if keys is None or "id" not in keys or "title" not in keys:
            continue
        details.append(_detail(r, keys, "title"))
        _unique_id(r, keys["id"], details[-1].id, seen)
    return tuple(details)


def _unique_id(r: Reader, node: yaml.Node, value: str, seen: dict[str, yaml.Node]) -> None:
    """`value`: the id as read (empty if it was not a text: that was reported already)."""
    if not value:
        return
    if value in seen:
        r.error(node, f"the id '{quoted(value)}' is already used on line "
                      f"{seen[value].start_mark.line + 1}; each id must be different")
    else:
        seen[value] = node


def _page(r: Reader, node: yaml.Node, name: str) -> Page:
    keys = r.keys(node, name, *known.PAGE.names()) or {}
    pillars, figures, sections = [], [], []
    for item in r.items(keys["pillars"], "pillars") if "pillars" in keys else ():
        card = r.keys(item, "pillar", *known.PILLAR.names())
        if card and "title" in card:
            pillars.append(Card(
                title=r.text(card["title"], "title"),
                text=_text(r, card, "text"),
                icon=r.icon(card["icon"], "icon") if "icon" in card else "",
            ))
    for item in r.items(keys["figures"], "figures", most=known.PAGE.form("figures").maximum) \
            if "figures" in keys else ():
        figure = r.keys(item, "figure", *known.FIGURE.names())
        if figure and "value" in figure and "label" in figure:
            figures.append(Figure(
                value=r.text(figure["value"], "value", neutral=True),
                label=r.text(figure["label"], "label"),
                unit=_text(r, figure, "unit"),
            ))
    for item in r.items(keys["sections"], "sections") if "sections" in keys else ():
        block = r.keys(item, "section", *known.BLOCK.names())
        if block and "title" in block and "paragraphs" in block:
            sections.append(TextBlock(r.text(block["title"], "title"),
                                      _paragraphs(r, block["paragraphs"])))
    return Page(
        title=_text(r, keys, "title"),
        lead=_text(r, keys, "lead"),
        pillars=tuple(pillars),
        figures=tuple(figures),
        items=_details(r, keys["items"], "items", {}, known.PAGE.form("items").maximum)
        if "items" in keys else (),
        groups=_groups(r, keys["groups"]) if "groups" in keys else (),
        sections=tuple(sections),
        link=r.link(keys["link"], "link") if "link" in keys else None,
    )


def _network(r: Reader, node: yaml.Node, labels: Labels,
             overridden: yaml.Node | None) -> NetworkPage:
    """`overridden`: where the file gave labels.locations, which list_title overrides."""
    keys = r.keys(node, "network", *known.NETWORK.names()) or {}
    if overridden is not None and "list_title" in keys:
        r.warn(overridden, "'labels.locations' is not used: 'list_title' under 'network:' (line "
                           f"{keys['list_title'].start_mark.line + 1}) gives the list its title")
    seen: dict[str, yaml.Node] = {}
    locations = []
    most = known.NETWORK.form("locations").maximum
    for item in r.items(keys["locations"], "locations", most=most) if "locations" in keys else ():
        loc = r.keys(item, "location", *known.LOCATION.names())
        if loc is None or not {"id", "name", "lat", "lon"} <= loc.keys():
            continue
        detail = _detail(r, loc, "name")
        _unique_id(r, loc["id"], detail.id, seen)
        locations.append(Location(
            detail=detail,
            latitude=r.number_of(loc, known.LOCATION, "lat", hints.swapped(
                str(getattr(loc["lat"], "value", "")), str(getattr(loc["lon"], "value", "")))),
            longitude=r.number_of(loc, known.LOCATION, "lon"),
            headquarters=r.boolean(loc["headquarters"], "headquarters")
            if "headquarters" in loc else False,
            label_priority=r.number_of(loc, known.LOCATION, "label_priority")
            if "label_priority" in loc else 0.0,
        ))
    return NetworkPage(
        title=_text(r, keys, "title"),
        lead=_text(r, keys, "lead"),
        locations=tuple(locations),
        list_title=_text(r, keys, "list_title", labels.locations),
        features=_details(r, keys["features"], "features", seen,
                          known.NETWORK.form("features").maximum) if "features" in keys else (),
        map_image=_map_image(r, keys["map"]) if "map" in keys else None,
    )
