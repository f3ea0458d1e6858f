"""A section screen (mission, strategies, clusters): the page's blocks, in order, scrolling."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from ..core.content.model import Figure, Labels, Page
from ..qt.safety import guarded
from .count_up import CountUp
from .theme import Look
from .widgets import (
    Card,
    column,
    group_block,
    hbox,
    icon_label,
    item_button,
    label,
    link_card,
    scroll,
    text_block,
)

READABLE_WIDTH = 1500  # px at the design size: longer lines are hard to read standing up


def grid_of(widgets: Sequence[QWidget], columns: int, spacing: int) -> QGridLayout:
    grid = QGridLayout()
    grid.setSpacing(spacing)
    for index, widget in enumerate(widgets):
        grid.addWidget(widget, index // columns, index % columns)
    for col in range(min(columns, len(widgets))):
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
        readable = look.px(READABLE_WIDTH)
        body = QWidget()
        layout = column(spacing=look.px(40), margins=look.margin)
        header = column(label(page.title.get(language), "h1"), spacing=look.px(16))
        if page.lead:
            lead = label(page.lead.get(language), "lead")
            lead.setMaximumWidth(readable)
            header.addWidget(lead)
        layout.addLayout(header)

        if page.pillars:
            cards = []
            for pillar in page.pillars:
                card = Card(look)
                if pillar.icon:
                    card.body.addWidget(icon_label(pillar.icon, look.theme.accent, look.px(56)))
                card.body.addWidget(label(pillar.title.get(language), "h3"))
                if pillar.text:
                    card.body.addWidget(label(pillar.text.get(language), "body"))
                card.body.addStretch(1)
                cards.append(card)
            layout.addLayout(grid_of(cards, columns_for(look, len(cards), 3), look.gap))
        self.count_ups: list[CountUp] = []
        if page.figures:
            cards = [figure_card(look, f, language) for f in page.figures]
            if look.motion:
                values = [card.findChild(QLabel, "figureValue") for card in cards]
                self.count_ups = [CountUp(value, look.count_up_ms) for value in values
                                  if value is not None]
            columns = figure_columns(look, page.figures, language)
            layout.addLayout(grid_of(cards, columns, look.gap))
        self.items: dict[str, QWidget] = {}
        if page.items:
            buttons = []
            for detail in page.items:
                button = item_button(look, detail, language)
                button.clicked.connect(
                    lambda _=False, key=detail.id: self.detail_requested.emit(key))
                self.items[detail.id] = button
                buttons.append(button)
            layout.addLayout(grid_of(buttons, columns_for(look, len(buttons), 4), look.gap))
        for group in page.groups:
            block = group_block(look, group, language)
            block.setMaximumWidth(readable)
            layout.addWidget(block)
        for section in page.sections:
            block = text_block(look, section, language)
            block.setMaximumWidth(readable)
            layout.addWidget(block)
        if page.link:
            layout.addWidget(link_card(look, page.link, labels, language))
        layout.addStretch(1)
        body.setLayout(layout)
        self.scroll_area = scroll(body, look)
        self.setLayout(column(self.scroll_area))

    @guarded
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        for count_up in self.count_ups:
            count_up.start()
