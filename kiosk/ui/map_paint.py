"""Draws the network map as laid out (kiosk/ui/map_view.py): land, links, insets, markers,
leader lines, names over a halo, and the numbers of markers with no name beside them; and
measures the names, as they are drawn, for the layout."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from PySide6.QtCore import QLineF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QTransform,
)

from ..core import geo
from ..core.content.model import Location
from ..core.maps.insets import Inset
from ..core.maps.layout import MOST_NAMED, MapLayout
from ..core.maps.view import Names
from .theme import Look

GAP = 0.5  # label heights between labels above each other (beside: maps/labels.py SIDE_BY_SIDE)
LINKS_AT_FULL = 24  # links from the headquarters drawn at full strength, at most
LINKS_FAINTEST = 28  # of 255: the faintest they are drawn, with very many


@dataclass(frozen=True)
class Laid:
    """A map laid out at one size and zoom: what is drawn, and where a tap finds a marker."""

    places: dict[str, QPointF]  # where each location truly is
    markers: dict[str, QPointF]  # where its marker is drawn and tapped
    labels: list[tuple[QRectF, str]]
    leaders: list[tuple[QPointF, QPointF]]
    layout: MapLayout | None
    keys: dict[str, int]  # the markers with no name beside them, and their numbers
    font: QFont  # the names' type
    land: QPainterPath = field(default_factory=QPainterPath)  # the outline, as on the widget
    framed: bool = False  # enlarged round the network (or a place): drawn in a frame


def link_alpha(links: int) -> int:
    """How strongly the links from the headquarters are drawn (of 255): fainter the more they
    are, so that a crowd's fan of them does not draw over its leader lines and names."""
    return max(LINKS_FAINTEST, round(70 * min(1.0, LINKS_AT_FULL / max(links, 1))))


def name_boxes(font: QFont, texts: dict[str, str]) -> Names:
    """Each name's box on the map in `font`, one line high and as wide as its letters with a
    pixel either side (drawn centred: where a letter reaches past the text's advance, an
    italic's or a g's tail, as much room on the other side); and the gap between two names
    above each other: GAP of a line, or more where letters reach high or low (an accented
    capital, Å or É, above the usual capitals) so that the letters of two names stand at
    least the type's size apart. Each name is measured once."""
    metrics = QFontMetricsF(font)
    sizes = {}
    above = below = math.inf  # the least room a name leaves in its box, over and under it
    for key, text in texts.items():
        advance = metrics.horizontalAdvance(text)
        letters = metrics.tightBoundingRect(text)
        sizes[key] = (advance + 2 + 2 * max(0.0, letters.right() - advance, -letters.left()),
                      metrics.height())
        above = min(above, metrics.ascent() + letters.top())
        below = min(below, metrics.descent() - letters.bottom())
    return sizes, max(metrics.height() * GAP, font.pixelSize() - above - below)


@cache
def outline_path(rings: tuple[tuple[geo.Point, ...], ...]) -> QPainterPath:
    """The outline's rings as one path, in projected units: each map transforms a copy."""
    path = QPainterPath()
    for ring in rings:
        path.moveTo(*ring[0])
        for point in ring[1:]:
            path.lineTo(*point)
        path.closeSubpath()
    return path


class MapPainter:
    """Draws one map's locations in `look`: on a staff picture (`scaled` at `picture_rect`)
    or on the outline of each laid-out view."""

    def __init__(self, look: Look, locations: tuple[Location, ...], mini: bool):
        self.look = look
        self.locations = locations
        self.mini = mini
        self.scaled = QPixmap()
        self.picture_rect = QRectF()
        self._stamps: dict[float, QPixmap] = {}  # a marker of each radius: _stamp
        self.here_box = QRectF()  # where "You are here" was drawn last

    def radius(self, headquarters: bool) -> float:
        if self.mini:
            return self.look.px(7 if headquarters else 4)
        return self.look.px(18 if headquarters else 12)

    def draw(self, laid: Laid, size: QSize) -> QPixmap:
        """Everything but the selection, once, into a picture the paint events copy."""
        look = self.look
        insets = laid.layout.insets if laid.layout else []
        inside = {key: inset for inset in insets for key in inset.keys}

        def on_main(key: str) -> QPointF:  # where a location shows on the main map
            return laid.places[key] if key in inside else laid.markers[key]

        picture = QPixmap(size)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # a part of the map (round a place, or a network framed at rest): in a frame, the
        # sea tinted, so that the country's cut edges read as the frame's
        if laid.framed:
            frame = QPainterPath()
            frame.addRoundedRect(QRectF(picture.rect()), look.px(24), look.px(24))
            painter.fillPath(frame, QColor(look.tint("accent", 0.1)))
            painter.setClipPath(frame)
        self._draw_base(painter, laid.land)
        shown = [loc for loc in self.locations if loc.id in laid.markers]
        painter.setPen(QPen(look.color("accent", link_alpha(len(shown) - 1)), look.px(2)))
        for hq in (loc for loc in shown if loc.headquarters):
            for loc in shown:
                if loc is not hq:
                    painter.drawLine(on_main(hq.id), on_main(loc.id))
        for inset in insets:  # the frame round the crowded region, joined to its inset
            source, box = QRectF(*inset.source), QRectF(*inset.box)
            painter.setPen(QPen(look.color("accent", 200), look.px(2)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(source, look.px(6), look.px(6))
            painter.drawLine(_nearest_corners(source, box))
            painter.setBrush(look.color("accent"))
            painter.setPen(Qt.PenStyle.NoPen)
            for key in inset.keys:
                painter.drawEllipse(laid.places[key], look.px(4), look.px(4))
        self._draw_markers(painter, laid, [loc for loc in shown if loc.id not in inside],
                           lambda key: laid.places[key])
        for inset in insets:
            box = QRectF(*inset.box)
            painter.setPen(QPen(look.color("accent", 200), look.px(3)))
            painter.setBrush(look.color("background"))
            painter.drawRoundedRect(box, look.px(12), look.px(12))
            painter.save()
            painter.setClipRect(box.adjusted(look.px(2), look.px(2), -look.px(2), -look.px(2)))
            scale = inset.scale
            painter.setTransform(QTransform(scale, 0, 0, scale, box.left() - inset.source[0]
                                            * scale, box.top() - inset.source[1] * scale))
            self._draw_base(painter, laid.land, 1 / scale)
            painter.restore()
            def in_inset(key: str, inset: Inset = inset) -> QPointF:
                return QPointF(*inset.to_box((laid.places[key].x(), laid.places[key].y())))

            self._draw_markers(painter, laid,
                               [loc for loc in self.locations if loc.id in inset.keys], in_inset)
        painter.setPen(QPen(look.color("text", 140), look.px(1.5)))
        for start, end in laid.leaders:
            painter.drawLine(start, end)
        self._draw_labels(painter, laid)
        self._draw_keys(painter, laid)
        painter.end()
        return picture

    def draw_selected(self, painter: QPainter, laid: Laid, key: str) -> None:
        """The marker of the location a page shows, or a visitor came back from, larger."""
        if key not in laid.markers:
            return
        look = self.look
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(look.color("surface"), look.px(4)))
        painter.setBrush(look.color("text"))
        headquarters = any(loc.headquarters for loc in self.locations if loc.id == key)
        radius = self.radius(headquarters) * 1.4
        painter.drawEllipse(laid.markers[key], radius, radius)

    def draw_here(self, painter: QPainter, laid: Laid, key: str, words: str) -> None:
        """Where the kiosk stands: a ring round its marker, and `words` ("You are here") in
        a pill of the accent colour beside it, where it covers the fewest names, over
        everything."""
        if not key or key not in laid.markers:
            return
        look, at = self.look, laid.markers[key]
        headquarters = any(loc.headquarters for loc in self.locations if loc.id == key)
        radius = self.radius(headquarters) + look.px(8)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(look.color("surface"), look.px(7)))
        painter.drawEllipse(at, radius, radius)
        painter.setPen(QPen(look.color("accent"), look.px(4)))
        painter.drawEllipse(at, radius, radius)
        if self.mini or not words:
            return
        font = QFont(laid.font)
        font.setBold(True)
        painter.setFont(font)
        size = painter.fontMetrics().size(0, words)
        pad = look.px(12)
        width, height = size.width() + 2 * pad, size.height() + pad
        gap = radius + look.px(6)
        area = QRectF(0, 0, painter.device().width(), painter.device().height())
        taken = [rect for rect, _ in laid.labels] + [
            QRectF(p.x() - gap, p.y() - gap, 2 * gap, 2 * gap) for p in laid.markers.values()]
        # below, above, right, left, then the corners; near the ring, then a little further
        sides = [QRectF(at.x() + dx * (gap * far + width / 2) - width / 2,
                        at.y() + dy * (gap * far + height / 2) - height / 2, width, height)
                 for far in (1, 2) for dx, dy in ((0, 1), (0, -1), (1, 0), (-1, 0), (1, 1),
                                                  (-1, 1), (1, -1), (-1, -1))]

        def covered(box: QRectF) -> float:
            inside = box.intersected(area)
            outside = width * height - inside.width() * inside.height()
            return outside * 10 + sum(box.intersected(r).width() * box.intersected(r).height()
                                      for r in taken if r.intersects(box))

        box = min(sides, key=covered)  # the first of the least covered
        self.here_box = box
        painter.setPen(QPen(look.color("surface"), look.px(3)))
        painter.setBrush(look.color("accent"))
        painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
        painter.setPen(look.color("accent_text"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, words)

    def _draw_labels(self, painter: QPainter, laid: Laid) -> None:
        """Each name over a halo of the land's colour, as printed maps have: a leader line or
        the coast that passes under a name breaks round its letters instead of through them.
        The halo is the name drawn round itself in the land's colour (its glyphs are cached:
        a stroke of the letters' outlines cost four times as much)."""
        look = self.look
        painter.setFont(laid.font)
        reach = look.px(3)
        around = [QPointF(math.cos(a) * reach, math.sin(a) * reach)
                  for a in (math.pi / 4 * k for k in range(8))]
        painter.setPen(look.color("surface"))
        for rect, text in laid.labels:
            for shift in around:
                painter.drawText(rect.translated(shift), Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(look.color("text"))
        for rect, text in laid.labels:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _draw_keys(self, painter: QPainter, laid: Laid) -> None:
        """Each key's number on its marker, drawn larger for it: as large as the room the
        layout keeps round every marker (the headquarters' size) allows, less a little."""
        if not laid.keys:
            return
        look = self.look
        radius = self.radius(True) * 0.9
        font = QFont(look.font("small", bold=True))
        for key, number in laid.keys.items():
            painter.setPen(QPen(look.color("surface"), look.px(3)))
            painter.setBrush(look.color("accent"))
            painter.drawEllipse(laid.markers[key], radius, radius)
            font.setPixelSize(max(1, round(radius * (1.1 if number < 100 else 0.8))))
            painter.setFont(font)
            painter.setPen(look.color("accent_text"))
            box = QRectF(0, 0, 2 * radius, 2 * radius)
            box.moveCenter(laid.markers[key])
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(number))

    def _draw_base(self, painter: QPainter, land: QPainterPath, thin: float = 1.0) -> None:
        """The land (or staff's map picture); `thin` keeps its line width under a zoom."""
        look = self.look
        if self.scaled.isNull():
            painter.setPen(QPen(look.color("accent", 90), look.px(2) * thin))
            painter.setBrush(look.color("surface"))
            painter.drawPath(land)
        else:
            painter.drawPixmap(self.picture_rect.topLeft(), self.scaled)

    def _draw_markers(self, painter: QPainter, laid: Laid, locations: list[Location],
                      true_place: Callable[[str], QPointF]) -> None:
        """Markers, each with a leader line to its true place where it had to be moved."""
        look = self.look
        painter.setPen(QPen(look.color("text", 160), look.px(2)))
        painter.setBrush(look.color("text"))
        for loc in locations:
            place, marker = true_place(loc.id), laid.markers[loc.id]
            if (marker - place).manhattanLength() > 2:
                painter.drawLine(place, marker)
                painter.drawEllipse(place, look.px(3), look.px(3))
        painter.setPen(QPen(look.color("surface"), look.px(4)))
        painter.setBrush(look.color("accent"))
        crowded = len(locations) > MOST_NAMED
        for loc in sorted(locations, key=lambda loc: loc.headquarters):
            radius = self.radius(loc.headquarters)
            if crowded:  # each a copy of one drawn marker: a tenth of the time, at any size
                stamp = self._stamp(radius)
                painter.drawPixmap(laid.markers[loc.id] - QPointF(stamp.width() / 2,
                                                                  stamp.height() / 2), stamp)
            else:
                painter.drawEllipse(laid.markers[loc.id], radius, radius)

    def _stamp(self, radius: float) -> QPixmap:
        """A marker of `radius`, drawn once, to copy where places crowd."""
        if radius not in self._stamps:
            look = self.look
            side = math.ceil(2 * radius + look.px(4)) + 2
            stamp = QPixmap(side, side)
            stamp.fill(Qt.GlobalColor.transparent)
            painter = QPainter(stamp)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(look.color("surface"), look.px(4)))
            painter.setBrush(look.color("accent"))
            painter.drawEllipse(QPointF(side / 2, side / 2), radius, radius)
            painter.end()
            self._stamps[radius] = stamp
        return self._stamps[radius]


def _nearest_corners(a: QRectF, b: QRectF) -> QLineF:
    pairs = [(p, q) for p in (a.topLeft(), a.topRight(), a.bottomLeft(), a.bottomRight())
             for q in (b.topLeft(), b.topRight(), b.bottomLeft(), b.bottomRight())]
    p, q = min(pairs, key=lambda pq: (pq[0] - pq[1]).manhattanLength())
    return QLineF(p, q)
