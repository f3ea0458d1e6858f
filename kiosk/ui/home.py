"""The home screen: the organisation's name and motto, and a tile per section.

The language and larger-text switches are in the bar at the bottom, as on every screen."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from ..content.model import Content
from .theme import Look
from .widgets import TapButton, column, label


class HomeScreen(QWidget):
    page_requested = Signal(str)

    def __init__(self, content: Content, look: Look, language: str):
        super().__init__()
        self.setObjectName("screen")
        org = content.organisation
        layout = column(spacing=look.px(18), margins=look.margin)
        layout.addWidget(label(org.name.get(language), "display"))
        if org.motto:
            layout.addWidget(label(org.motto.get(language), "motto"))
        if org.intro:
            layout.addSpacing(look.px(8))
            layout.addWidget(label(org.intro.get(language), "lead"))
        layout.addSpacing(look.px(48))

        grid = QGridLayout()
        grid.setSpacing(look.gap)
        count = len(content.tiles)
        columns = min(count, 2 if look.portrait else 4) if count != 3 or look.portrait else 3
        self.tiles: dict[str, TapButton] = {}
        for index, tile in enumerate(content.tiles):
            button = TapButton(look, "tile", tile.title.get(language),
                               tile.subtitle.get(language), tile.icon, look.theme.accent_text,
                               title_role="h2")
            button.setMinimumHeight(look.px(330 if look.portrait else 360))
            button.clicked.connect(lambda _=False, page=tile.page: self.page_requested.emit(page))
            grid.addWidget(button, index // columns, index % columns)
            self.tiles[tile.page] = button
        for col in range(columns):
            grid.setColumnStretch(col, 1)
        layout.addLayout(grid, 1)

        self.setLayout(layout)
