"""A section screen (mission, strategies, clusters): the page's blocks, in order, scrolling."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QLabel, QWidget

from ..core.content.model import Card as Pillar
from ..core.content.model import Detail, Figure, Labels, Page
from ..qt.safety import guarded
from .blocks import group_step, text_steps
from .buttons import item_button
from .count_up import CountUp
from .slices import Slices, Step, appended, weight
from .theme import Look
from .widgets import (
    Card,
    column,
    hbox,
    icon_label,
    label,
    link_card,
    scroll,
)

READABLE_WIDTH = 1500  # px at the design size: longer lines are hard to read standing up


def grid_of(widgets: Sequence[QWidget], columns: int, spacing: int) -> QGridLayout:
    grid = grid_for(len(widgets), columns, spacing)
    for index, widget in enumerate(widgets):
        grid.addWidget(widget, index // columns, index % columns)
    return grid


def grid_steps(layout: QBoxLayout, widgets: Sequence[tuple[int, Callable[[], QWidget]]],
               columns: int, spacing: int) -> list[Step]:
    """A grid of `columns` at the end of `layout`, its widgets each made in a step of the
    screen's building (kiosk/ui/slices.py): `widgets` are (the weight, what makes it)."""
    grid = grid_for(len(widgets), columns, spacing)
    layout.addLayout(grid)

    def place(index: int, make: Callable[[], QWidget]) -> None:
        grid.addWidget(make(), index // columns, index % columns)

    return [(cost, partial(place, index, make)) for index, (cost, make) in enumerate(widgets)]


def grid_for(count: int, columns: int, spacing: int) -> QGridLayout:
    """An empty grid for `count` widgets in `columns` of equal width."""
    grid = QGridLayout()
    grid.setSpacing(spacing)
    for col in range(min(columns, count)):
        grid.setColumnStretch(col, 1)
    return grid


CARD_WIDTH = 360  # px at the design size: the narrowest a card may get


def columns_for(look: Look, count: int, landscape_max: int, card_width: int = 0) -> int:
    """How many cards side by side: as many as fit, in rows of balanced length."""
    available = look.width - 2 * look.margin - look.px(10)
    card_width = max(card_width, look.px(CARD_WIDTH))
    fit = max(1, (available + look.gap) // (card_width + look.gap))
    most = min(fit, 2 if look.portrait else landscape_max)
    if look.portrait and count == 3:
        return 1  # three in a column rather than two and an orphan
    if count <= most:
        return max(count, 1)
    rows = -(-count // most)
    return -(-count // rows)  # balance the rows: 5 in 3+2, 7 in 4+3


def figure_columns(look: Look, figures: tuple[Figure, ...], language: str) -> int:
    """All figures in one row when their numbers fit side by side, else balanced rows."""
    number = QFontMetrics(look.font("figure", bold=True))
    unit = QFontMetrics(look.font("h3", bold=True))
    widths = [number.horizontalAdvance(f.value.get(language))
              + unit.horizontalAdvance(f.unit.get(language)) + look.px(84) for f in figures]
    available = look.width - 2 * look.margin - look.px(10)
    if len(figures) <= 5 and sum(widths) + look.gap * (len(widths) - 1) <= available:
        return len(figures)
    return columns_for(look, len(figures), 5, max(widths))


def pillar_card(look: Look, pillar: Pillar, language: str) -> Card:
    card = Card(look)
    if pillar.icon:
        card.body.addWidget(icon_label(pillar.icon, look.theme.accent, look.px(56)))
    card.body.addWidget(label(pillar.title.get(language), "h3"))
    if pillar.text:
        card.body.addWidget(label(pillar.text.get(language), "body"))
    card.body.addStretch(1)
    return card


def figure_card(look: Look, figure: Figure, language: str) -> Card:
    card = Card(look, "figureCard")
    row = hbox(look.px(10))
    value = label(figure.value.get(language), "figure", wrap=False)
    value.setObjectName("figureValue")
    row.addWidget(value, alignment=Qt.AlignmentFlag.AlignBottom)
    if figure.unit:
        unit = label(figure.unit.get(language), "unit", wrap=False)
        row.addWidget(unit, alignment=Qt.AlignmentFlag.AlignBottom)
    row.addStretch(1)
    card.body.addLayout(row)
    card.body.addWidget(label(figure.label.get(language), "muted"))
    card.body.addStretch(1)
    return card


class SectionScreen(QWidget):
    detail_requested = Signal(str)

    def __init__(self, page: Page, labels: Labels, look: Look, language: str):
        super().__init__()
        self.setObjectName("screen")
        self._look = look
        readable = look.px(READABLE_WIDTH)
        body = QWidget()
        layout = column(spacing=look.px(40), margins=look.margin)
        header = column(label(page.title.get(language), "h1"), spacing=look.px(16))
        if page.lead:
            lead = label(page.lead.get(language), "lead")
            lead.setMaximumWidth(readable)
            header.addWidget(lead)
        layout.addLayout(header)

        self.count_ups: list[CountUp] = []
        if page.figures:
            cards = [figure_card(look, f, language) for f in page.figures]
            if look.motion:
                values = [card.findChild(QLabel, "figureValue") for card in cards]
                self.count_ups = [CountUp(value, look.count_up_ms) for value in values
                                  if value is not None]
            figures = grid_of(cards, figure_columns(look, page.figures, language), look.gap)
        self.items: dict[str, QWidget] = {}  # the cards built so far: kiosk/ui/slices.py
        steps: list[Step] = []  # what is built a slice at a time: kiosk/ui/slices.py
        if page.pillars:
            steps += grid_steps(layout, [
                (weight(p.title.get(language), p.text.get(language)),
                 partial(pillar_card, look, p, language)) for p in page.pillars],
                columns_for(look, len(page.pillars), 3), look.gap)
        if page.figures:
            layout.addLayout(figures)
        if page.items:
            steps += grid_steps(layout, [
                (weight(d.title.get(language), d.summary.get(language)),
                 partial(self._card, look, d, language)) for d in page.items],
                columns_for(look, len(page.items), 4), look.gap)
        steps += [group_step(look, group, language, partial(self._readable, layout))
                  for group in page.groups]
        for section in page.sections:
            steps += text_steps(look, section, language, partial(self._readable, layout))
        if page.link:
            link = page.link
            steps.append((weight(), lambda: appended(layout, link_card(look, link, labels,
                                                                       language))))
        layout.addStretch(1)
        Slices(self, steps)
        body.setLayout(layout)
        self.scroll_area = scroll(body, look)
        self.setLayout(column(self.scroll_area))

    def _card(self, look: Look, detail: Detail, language: str) -> QWidget:
        """An item's card, opening its detail."""
        button = item_button(look, detail, language)
        button.clicked.connect(lambda _=False, key=detail.id: self.detail_requested.emit(key))
        self.items[detail.id] = button
        return button

    def _readable(self, layout: QBoxLayout, block: QWidget) -> QWidget:
        """`block` at the end of the page, no wider than reads well standing up."""
        block.setMaximumWidth(self._look.px(READABLE_WIDTH))
        return appended(layout, block)

    @guarded
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        for count_up in self.count_ups:
            count_up.start()
