"""The national network: a map of China with a marker per location, and the list beside it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from ..content.model import Labels, NetworkPage
from .map_view import MapView
from .theme import Look
from .widgets import button_text, column, hbox, item_button, label, scroll


class NetworkScreen(QWidget):
    detail_requested = Signal(str)

    def __init__(self, network: NetworkPage, labels: Labels, look: Look, language: str):
        super().__init__()
        self.setObjectName("screen")
        layout = column(spacing=look.px(20), margins=look.margin)
        layout.addWidget(label(network.title.get(language), "h1"))
        if network.lead:
            lead = label(network.lead.get(language), "lead")
            layout.addWidget(lead)

        self.map = MapView(network.locations, look, language)
        self.map.location_selected.connect(self.select)

        panel = QWidget()
        side = column(spacing=look.px(16))
        for feature in network.features:
            button = item_button(look, feature, language)
            button.setMinimumHeight(look.px(150))
            button.clicked.connect(lambda _=False, key=feature.id: self.detail_requested.emit(key))
            side.addWidget(button)
        side.addWidget(label(network.list_title.get(language), "h3"))
        grid = QGridLayout()
        grid.setSpacing(look.px(12))
        columns = 3 if look.portrait else 2
        self.buttons: dict[str, QPushButton] = {}
        for index, loc in enumerate(network.locations):
            name = loc.detail.title.get(language)
            if loc.headquarters:
                name += f" · {labels.headquarters.get(language)}"
            button = QPushButton(button_text(name))
            button.setObjectName("listItem")
            button.setAccessibleName(name)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, key=loc.id: self.select(key))
            grid.addWidget(button, index // columns, index % columns)
            self.buttons[loc.id] = button
        side.addLayout(grid)
        side.addStretch(1)
        panel.setLayout(side)
        self.scroll_area = scroll(panel, look)

        if look.portrait:
            layout.addWidget(self.map, 5)
            layout.addWidget(self.scroll_area, 4)
        else:
            row = hbox(look.gap)
            row.addWidget(self.map, 3)
            row.addWidget(self.scroll_area, 2)
            layout.addLayout(row, 1)
        self.setLayout(layout)

    def select(self, key: str) -> None:
        """Mark a location on the map and in the list, then open its detail."""
        self.show_selected(key)
        self.detail_requested.emit(key)

    def show_selected(self, key: str) -> None:
        self.map.select(key)
        for other, button in self.buttons.items():
            button.setChecked(other == key)
