"""The home screen: the organisation's name, motto and introduction, its link as a QR code
to take away (when the content gives one), and a tile per section.

The language and larger-text switches are in the bar at the bottom, as on every screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget

from ..core.content.model import Content, Tile
from ..qt.safety import guarded
from .buttons import TapButton
from .fit_label import FitLabel
from .photo import photo
from .theme import Look
from .widgets import ElidedLabel, column, hbox, link_card


def after_first_frame(make: Callable[[], QWidget], later: list[Callable[[], None]]) -> QWidget:
    """A holder, into which `make`'s widget is put once the first frame is on screen."""
    holder = QWidget()
    layout = column()
    holder.setLayout(layout)
    later.append(lambda: layout.addWidget(make()))
    return holder


MOST_ITEMS = 3  # lines a tile lists items in (the last "+2" when there are more)


def glimpse(content: Content, tile: Tile, look: Look, language: str,
            later: list[Callable[[], None]]) -> tuple[QWidget | None, bool]:
    """What a tile shows of its page, so that the home screen tells the story at a glance:
    the tile's own picture; else the page's first key figure, the network's map, or the
    titles of its first items. What can wait for the first frame is added to `later`. And
    whether it stands in for the tile's icon: the map does, and takes the icon's room too
    (beside an icon and a title of two lines it shrank to a speck at 1920x1080)."""
    own = photo(tile.image, look)
    if own is not None:
        return own, False
    network = content.network
    if tile.page == "network" and network is not None:
        def mini_map() -> QWidget:
            from .map_view import MapView

            return MapView(network.locations, look, language, network.map_image, mini=True)

        return after_first_frame(mini_map, later), True  # 70 ms of start-up, measured
    page = content.pages.get(tile.page)
    if page is None:
        return None, False
    if page.figures:
        figure = page.figures[0]
        value = " ".join(t for t in (figure.value.get(language), figure.unit.get(language)) if t)
        lines = [ElidedLabel(value, "h2"), ElidedLabel(figure.label.get(language), "small")]
    elif page.items:
        shown = page.items if len(page.items) <= MOST_ITEMS else page.items[:MOST_ITEMS - 1]
        lines = [ElidedLabel(f"·  {item.title.get(language)}", "small") for item in shown]
        if len(page.items) > len(shown):
            lines.append(ElidedLabel(f"·  +{len(page.items) - len(shown)}", "small"))
    else:
        return None, False
    return Lines(lines, look.px(4)), False


class Lines(QWidget):
    """A glimpse's lines, shown whole or not at all: the tile gives them the room left after
    its icon and title, and a figure without its words, or two of three strategies, would tell
    a visitor something wrong (in English on a 1280x800 tablet the tiles are too short)."""

    def __init__(self, lines: Sequence[QWidget], spacing: int):
        super().__init__()
        self._lines, self._spacing = lines, spacing
        layout = column(spacing=spacing)
        layout.addStretch(1)
        for line in lines:
            layout.addWidget(line)
        layout.addStretch(1)
        self.setLayout(layout)

    @guarded
    def sizeHint(self) -> QSize:  # every line, shown or not: the room it would like
        return QSize(max(line.sizeHint().width() for line in self._lines),
                     sum(line.sizeHint().height() + self._spacing for line in self._lines))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)

    @guarded
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fits = self.sizeHint().height() - self._spacing <= self.height()
        for line in self._lines:
            line.setVisible(fits)


class TileGrid(QWidget):
    """The tiles, which give way when the screen is short: their glimpses hide (`Lines`)
    before the name, motto and introduction above them would be drawn over one another.

    Laid out as their height for their width, the tiles would claim it as their minimum like
    the words above them, and a short screen would squeeze both: a long name of two lines was
    drawn over the motto at 1920x1080. Without it, the words take what they need first."""

    def hasHeightForWidth(self) -> bool:
        return False


class HomeScreen(QWidget):
    page_requested = Signal(str)

    def __init__(self, content: Content, look: Look, language: str):
        super().__init__()
        self.setObjectName("screen")
        self.later: list[Callable[[], None]] = []  # to finish once the first frame is shown
        org = content.organisation
        layout = column(spacing=look.px(18), margins=look.margin)
        titles = column(spacing=look.px(18))
        # a long name keeps to two lines, drawn smaller down to the size of a page's title;
        # the motto to two, the intro to four, down to the body's size: the tiles keep room
        titles.addWidget(FitLabel(org.name.get(language), "display", look.font_px("display"),
                                  look.font_px("h1"), 2))
        if org.motto:
            titles.addWidget(FitLabel(org.motto.get(language), "motto", look.font_px("h2"),
                                      look.font_px("body"), 2))
        if org.intro:
            titles.addSpacing(look.px(8))
            titles.addWidget(FitLabel(org.intro.get(language), "lead", look.font_px("lead"),
                                      look.font_px("body"), 4))
        header = hbox(look.gap)
        header.addLayout(titles, 1)
        if org.link:  # beside the titles; under them on a portrait screen, which is narrow
            link = org.link
            badge = after_first_frame(  # its QR code's encoder: 10 ms of start-up
                lambda: link_card(look, link, content.labels, language, compact=True),
                self.later)
            badge.setMaximumWidth(look.px(560))
            if look.portrait:
                titles.addSpacing(look.px(8))
                titles.addWidget(badge, 0, Qt.AlignmentFlag.AlignLeft)
            else:
                header.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        layout.addSpacing(look.px(24))

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(look.gap)
        count = len(content.tiles)
        columns = min(count, 2 if look.portrait else 4) if count != 3 or look.portrait else 3
        self.tiles: dict[str, TapButton] = {}
        for index, tile in enumerate(content.tiles):
            shown, for_icon = glimpse(content, tile, look, language, self.later)
            button = TapButton(look, "tile", tile.title.get(language),
                               tile.subtitle.get(language), "" if for_icon else tile.icon,
                               look.theme.accent_text, title_role="h2", glimpse=shown,
                               gives_way=True)
            button.setMinimumHeight(look.px(330 if look.portrait else 360))
            button.clicked.connect(lambda _=False, page=tile.page: self.page_requested.emit(page))
            grid.addWidget(button, index // columns, index % columns)
            self.tiles[tile.page] = button
        for col in range(columns):
            grid.setColumnStretch(col, 1)
        tiles = TileGrid()
        tiles.setLayout(grid)
        layout.addWidget(tiles, 1)

        self.setLayout(layout)

    def finish(self) -> None:
        """Add what waited for the first frame (the QR badge, the network tile's map)."""
        while self.later:
            self.later.pop(0)()
