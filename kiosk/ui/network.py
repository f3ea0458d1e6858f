"""The national network: a map of China with a marker per location, and the list beside it."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from ..core.content.model import Detail, Labels, NetworkPage
from .buttons import button_text, item_button
from .map_view import MapView
from .slices import Slices, weight
from .theme import Look
from .widgets import column, hbox, label, scroll

MAP_SHARE = 2  # in landscape the map takes two parts of the width, the list one


def list_columns(look: Look, names: list[str]) -> tuple[int, int]:
    """As many columns of location buttons as fit the list's width, up to three, and the room
    for a name in a column: a name too long even for one column ends in "…" (the whole name
    is the button's accessible name, and the title of the detail it opens)."""
    width = look.width - 2 * look.margin - look.px(10)
    if not look.portrait:
        width = (width - look.gap) // (MAP_SHARE + 1)
    metrics = QFontMetrics(look.font("body"))
    needed = max((metrics.horizontalAdvance(n) for n in names), default=0) + look.px(60)
    columns = max(1, min(3, (width + look.px(12)) // (needed + look.px(12))))
    return columns, (width + look.px(12)) // columns - look.px(12) - look.px(60)


def fitted(look: Look, name: str, room: int) -> str:
    return QFontMetrics(look.font("body")).elidedText(name, Qt.TextElideMode.ElideRight, room)


class NetworkScreen(QWidget):
    detail_requested = Signal(str)

    def __init__(self, network: NetworkPage, labels: Labels, look: Look, language: str,
                 here: str = ""):
        """`here`: the location where this kiosk stands (site.yaml), marked on the map and
        in the list."""
        super().__init__()
        self.setObjectName("screen")
        layout = column(spacing=look.px(20), margins=look.margin)
        layout.addWidget(label(network.title.get(language), "h1"))
        lead = label(network.lead.get(language), "lead") if network.lead else None
        if lead is not None and look.portrait:
            layout.addWidget(lead)

        self.map = MapView(network.locations, look, language, network.map_image)
        self.map.location_selected.connect(self.select)
        self.map.keys_changed.connect(self._show_keys)
        self.map.here = (here, labels.you_are_here.get(language))

        panel = QWidget()
        side = column(spacing=look.px(16))
        if lead is not None and not look.portrait:
            side.addWidget(lead)  # beside the map, which gets the height instead
        features = column(spacing=look.px(16))
        side.addLayout(features)
        side.addWidget(label(network.list_title.get(language), "h3"))
        names = [loc.detail.title.get(language)
                 + (f" · {labels.headquarters.get(language)}" if loc.headquarters else "")
                 + (f" · {labels.you_are_here.get(language)}" if loc.id == here else "")
                 for loc in network.locations]
        self._columns, self._room = list_columns(look, names)
        self._look, self._names = look, dict(zip((loc.id for loc in network.locations), names,
                                                 strict=True))
        self._keys: dict[str, int] = {}  # the markers' numbers: _show_keys
        self.buttons: dict[str, QPushButton] = {}  # the list's buttons built so far
        grid = QGridLayout()
        grid.setSpacing(look.px(12))
        side.addLayout(grid)
        # the features, then the list, built a slice at a time: kiosk/ui/slices.py
        Slices(self, [*((weight(f.title.get(language), f.summary.get(language)),
                         partial(self._feature, features, f, language))
                        for f in network.features),
                      *((weight(), partial(self._list_button, grid, index, loc.id))
                        for index, loc in enumerate(network.locations))])
        side.addStretch(1)
        panel.setLayout(side)
        self.scroll_area = scroll(panel, look)

        if look.portrait:
            layout.addWidget(self.map, 5)
            layout.addWidget(self.scroll_area, 4)
        else:
            row = hbox(look.gap)
            row.addWidget(self.map, MAP_SHARE)
            row.addWidget(self.scroll_area, 1)
            layout.addLayout(row, 1)
        self.setLayout(layout)

    def _feature(self, features: QVBoxLayout, feature: Detail, language: str) -> None:
        item = item_button(self._look, feature, language)
        item.setMinimumHeight(self._look.px(150))
        item.clicked.connect(lambda _=False, key=feature.id: self.detail_requested.emit(key))
        features.addWidget(item)

    def _list_button(self, grid: QGridLayout, index: int, key: str) -> None:
        button = QPushButton(button_text(self._listed(key)))
        button.setObjectName("listItem")
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # keys reach it: kiosk/ui/keypad.py
        button.setAccessibleName(self._names[key])
        button.setCheckable(True)
        button.setChecked(key == self.map.selected)
        button.clicked.connect(lambda _=False: self.select(key))
        grid.addWidget(button, index // self._columns, index % self._columns)
        self.buttons[key] = button

    def _listed(self, key: str) -> str:
        """A location's name in the list, after the number its marker carries if it has one."""
        name = self._names[key]
        if key in self._keys:
            name = f"{self._keys[key]} · {name}"
        return fitted(self._look, name, self._room)

    def _show_keys(self, keys: dict[str, int]) -> None:
        """The number a marker carries in place of its name, before the name in the list."""
        self._keys = keys
        for key, button in self.buttons.items():
            button.setText(button_text(self._listed(key)))

    def select(self, key: str) -> None:
        """Mark a location on the map and in the list, then open its detail."""
        self.show_selected(key)
        self.detail_requested.emit(key)

    def show_selected(self, key: str) -> None:
        self.map.select(key)
        for other, button in self.buttons.items():
            button.setChecked(other == key)
