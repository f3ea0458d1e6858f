"""The detail view of one strategy, cluster, location or organisation."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QWidget

from ..core import geo
from ..core.content.model import Detail, Labels, Location
from ..core.words import words
from . import widgets
from .blocks import group_step
from .buttons import ChipButton
from .section import READABLE_WIDTH
from .slices import Slices, Step, appended, weight
from .swipe import PageDots, SwipeDetector
from .theme import Look
from .widgets import (
    FlowLayout,
    column,
    hbox,
    icon_label,
    label,
    link_card,
    scroll,
)

SWIPE_DISTANCE = 160  # px at the design size
MOST_SIBLINGS = 8  # more than this (a long list of locations) and the list screen is better


def _km(km: float) -> str:
    """A distance as a visitor reads it: to the nearest 10 km from 100 km on ("1,070")."""
    return f"{round(km, -1 if km >= 100 else 0):,.0f}"


def nearby(place: Location, locations: tuple[Location, ...], language: str,
           count: int = 4) -> list[tuple[str, str]]:
    """The locations nearest to `place`, nearest first, each as (id, words): "Xiamen,
    400 km north-east" (to the nearest 10 km)."""
    others = [(loc.id, loc.latitude, loc.longitude) for loc in locations if loc.id != place.id]
    names = {loc.id: loc.detail.title.get(language) for loc in locations}
    found = []
    for key, km, way in geo.nearest(place.latitude, place.longitude, others, count):
        found.append((key, words("place.near", language, name=names[key], km=_km(km),
                                 way=words(f"compass.{way}", language))))
    return found


def from_here(place: Location, here: Location, language: str) -> str:
    """Where a location lies from the kiosk's own: "About 1,070 km south-east of here
    (Beijing)"; "" for the kiosk's own place and one within 5 km."""
    return _from(place, here, language, "place.from_here")


def from_headquarters(place: Location, headquarters: Location, language: str) -> str:
    """Where a location lies from the headquarters, in words: "About 1,070 km south-east of
    Beijing, the headquarters" (to the nearest 10 km); "" for the headquarters itself."""
    return _from(place, headquarters, language, "place.from_headquarters")


def _from(place: Location, origin: Location, language: str, key: str) -> str:
    if place.id == origin.id:
        return ""
    km = geo.distance_km(origin.latitude, origin.longitude, place.latitude, place.longitude)
    if km < 5:
        return ""
    way = geo.compass(origin.latitude, origin.longitude, place.latitude, place.longitude)
    return words(key, language, km=_km(km), way=words(f"compass.{way}", language),
                 name=origin.detail.title.get(language))


class DetailView(QWidget):
    detail_requested = Signal(str)

    def __init__(self, detail: Detail, labels: Labels, look: Look, language: str,
                 eyebrow: str = "", siblings: tuple[Detail, ...] = (),
                 picture: QWidget | None = None, where: str = "",
                 near: list[tuple[str, str]] | None = None):
        """`picture` is shown beside the text (a location's place on the map) unless the
        detail has an image of its own; `where` (a location's way from the headquarters)
        under the title; `near`, a location's nearest neighbours (see `nearby`), as buttons
        that open them."""
        super().__init__()
        self.setObjectName("screen")
        self.detail = detail
        body = QWidget()
        text = column(spacing=look.px(26))
        heading = hbox(look.px(28))
        if detail.icon:
            icon = column(icon_label(detail.icon, look.theme.accent, look.px(96)))
            icon.addStretch(1)
            heading.addLayout(icon)
        titles = column(spacing=look.px(8))
        if eyebrow:
            titles.addWidget(label(eyebrow.upper() if language == "en" else eyebrow, "eyebrow"))
        titles.addWidget(label(detail.title.get(language), "h1"))
        ids = [d.id for d in siblings]
        if len(ids) > 1 and detail.id in ids:
            dots = hbox(0)  # in a row of its own: a fixed-size widget would cap the column
            dots.addWidget(PageDots(len(ids), ids.index(detail.id), look))
            dots.addStretch(1)
            titles.addLayout(dots)
        if where:
            titles.addWidget(label(where, "lead"))
        heading.addLayout(titles, 1)
        text.addLayout(heading)
        if detail.summary:
            text.addWidget(label(detail.summary.get(language), "motto"))
        text.addStretch(1)
        # the rest a step at a time, each added before the stretch: kiosk/ui/slices.py
        steps: list[Step] = [(weight(p.get(language)), partial(self._add, text, label,
                                                               p.get(language), "large"))
                             for p in detail.paragraphs]
        steps += [group_step(look, group, language, partial(appended, text))
                  for group in detail.groups]
        if detail.link:
            steps.append((weight(), partial(self._add, text, link_card, look, detail.link,
                                            labels, language)))
        if near:
            steps.append((weight(*(said for _, said in near)), lambda: self._near(
                text, look, labels.nearby.get(language), near)))
        others = [d for d in siblings if d.id != detail.id]
        if others and len(siblings) <= MOST_SIBLINGS and not near:
            steps.append((weight(*(d.title.get(language) for d in others)),
                          lambda: self._chips(text, look, look.px(24), [
                              (d.id, d.title.get(language), d.icon) for d in others])))
        Slices(self, steps)

        side = look.px(900 if look.portrait else 560)
        image = widgets.picture(detail.image, side, side) or picture
        layout: QBoxLayout
        if image is None:
            layout = column(margins=look.margin)
            holder = QWidget()
            holder.setLayout(text)
            holder.setMaximumWidth(look.px(READABLE_WIDTH))
            layout.addWidget(holder)
        elif look.portrait:
            layout = column(image, spacing=look.gap, margins=look.margin)
            layout.addLayout(text)
        else:
            layout = hbox(look.px(48))
            layout.setContentsMargins(*[look.margin] * 4)
            layout.addLayout(text, 3)
            layout.addWidget(image, 2)
        body.setLayout(layout)
        self.scroll_area = scroll(body, look)
        self.setLayout(column(self.scroll_area))
        self.swipe = SwipeDetector(self.scroll_area.viewport(), look.px(SWIPE_DISTANCE))
        self.swipe.swiped.connect(lambda step: self._step(ids, step))

    def _add(self, text: QBoxLayout, make: Callable[..., QWidget], *args: object) -> None:
        appended(text, make(*args))

    def _near(self, text: QBoxLayout, look: Look, heading: str,
              near: list[tuple[str, str]]) -> None:
        text.insertSpacing(text.count() - 1, look.px(16))
        appended(text, label(heading, "h3"))
        self._chips(text, look, 0, [(key, words, "fa6s.location-dot") for key, words in near])

    def _chips(self, text: QBoxLayout, look: Look, space: int,
               chips: list[tuple[str, str, str]]) -> None:
        """A row of chips, each opening a detail: (its key, its words, its icon)."""
        if space:
            text.insertSpacing(text.count() - 1, space)
        row = QWidget()
        flow = FlowLayout(look.px(16))
        for key, said, icon in chips:
            button = ChipButton(look, said, icon)
            button.clicked.connect(lambda _=False, key=key: self.detail_requested.emit(key))
            flow.addWidget(button)
        row.setLayout(flow)
        appended(text, row)

    def _step(self, ids: list[str], step: int) -> None:
        """A swipe left opens the next sibling, a swipe right the one before, round the end."""
        if len(ids) > 1 and self.detail.id in ids:
            self.detail_requested.emit(ids[(ids.index(self.detail.id) + step) % len(ids)])
