"""A map of China with a tappable marker per location, and the headquarters linked to each.

Geometry is computed when the widget is resized, never while painting: the outline (or a map
picture staff supplied, with its bounds), marker positions pushed apart until each can be
tapped on its own (a leader line joins a moved marker to its true place), and labels placed
where they cover no other label or marker.
"""

from __future__ import annotations

import math
from collections import defaultdict

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QMouseEvent, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from .. import geo, paths
from ..content.model import Location, MapImage
from .theme import Look

SPREAD_PASSES = 40
MARKER_SPACING = 34  # px at the design size between marker centres: each its own tap
MOST_LABELS = 120  # more would not fit a screen anyway; the list beside the map names all
LABEL_RINGS = 2  # beside the marker, or one step out with a short leader line


def spread(points: dict[str, QPointF], distance: float, bounds: QRectF) -> dict[str, QPointF]:
    """Push points apart until no two are closer than `distance` (or the passes run out).

    Neighbours are found through a grid of `distance`-sized cells, so a pass costs about one
    look per point, even for thousands of locations.
    """
    moved = {key: QPointF(point) for key, point in points.items()}
    keys = sorted(moved)
    for _ in range(SPREAD_PASSES):
        cells: dict[tuple[int, int], list[str]] = defaultdict(list)
        for key in keys:
            cells[(int(moved[key].x() // distance), int(moved[key].y() // distance))].append(key)
        pushed = False
        for (cx, cy), members in cells.items():
            near = [k for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                    for k in cells.get((cx + dx, cy + dy), ())]
            for a in members:
                for b in near:
                    if b <= a:
                        continue
                    delta = moved[b] - moved[a]
                    length = math.hypot(delta.x(), delta.y())
                    if length >= distance:
                        continue
                    if length < 1e-6:
                        angle = (hash(a + b) % 360) * math.pi / 180
                        delta, length = QPointF(math.cos(angle), math.sin(angle)), 1.0
                    push = delta * ((distance - length) / length / 2)
                    moved[a] -= push
                    moved[b] += push
                    pushed = True
        for key in keys:
            point = moved[key]
            moved[key] = QPointF(min(max(point.x(), bounds.left()), bounds.right()),
                                 min(max(point.y(), bounds.top()), bounds.bottom()))
        if not pushed:
            break
    return moved


class Occupied:
    """Rectangles already taken on the map, in a grid of cells, so that asking whether a new
    one collides looks at its neighbours only (thousands of markers stay fast)."""

    def __init__(self, cell: float):
        self._cell = cell
        self._cells: dict[tuple[int, int], list[QRectF]] = defaultdict(list)

    def _keys(self, rect: QRectF):
        cell = self._cell
        for x in range(int(rect.left() // cell), int(rect.right() // cell) + 1):
            for y in range(int(rect.top() // cell), int(rect.bottom() // cell) + 1):
                yield x, y

    def add(self, rect: QRectF) -> None:
        for key in self._keys(rect):
            self._cells[key].append(rect)

    def hits(self, rect: QRectF) -> bool:
        return any(rect.intersects(other) for key in self._keys(rect)
                   for other in self._cells.get(key, ()))


class MapView(QWidget):
    location_selected = Signal(str)

    def __init__(self, locations: tuple[Location, ...], look: Look, language: str,
                 image: MapImage | None = None):
        super().__init__()
        self.setAccessibleName("Map")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(look.px(300), look.px(240))
        self._look = look
        self._language = language
        self._locations = locations
        self._image = image
        self._picture = QPixmap(str(image.path)) if image else QPixmap()
        self._scaled = QPixmap()
        self._picture_rect = QRectF()
        if self._picture.isNull():
            self._rings = geo.outline(paths.china_outline())
            self._projected = {loc.id: geo.project(loc.longitude, loc.latitude)
                               for loc in locations}
            points = [p for ring in self._rings for p in ring] + list(self._projected.values())
            self._bounds = geo.bounds(points)
        self._font = look.font("small", bold=True)
        self._selected = ""
        self._land = QPainterPath()
        self.places: dict[str, QPointF] = {}  # where each location truly is
        self.markers: dict[str, QPointF] = {}  # where its marker is drawn and tapped
        self._labels: list[tuple[QRectF, str]] = []
        self._leaders: list[tuple[QPointF, QPointF]] = []
        self._press: QPointF | None = None
        self._picture_cache = QPixmap()
        self._layouts: dict[tuple[int, int], tuple] = {}

    # -- geometry ------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        key = (self.width(), self.height())
        if key not in self._layouts:  # the screen is shown at two sizes, with and without
            self._layout()            # the bar of Back and Home: each is laid out once
            self._layouts[key] = (self.places, self.markers, self._labels, self._leaders,
                                  self._picture_cache)
        self.places, self.markers, self._labels, self._leaders, self._picture_cache = \
            self._layouts[key]

    def _layout(self) -> None:
        margin = self._look.px(24)
        area = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)
        if self._picture.isNull():
            self._layout_outline(area)
        else:
            self._layout_picture(area)
        radius = self._marker_radius(False)
        self.markers = spread(self.places, self._look.px(MARKER_SPACING), area.adjusted(
            radius, radius, -radius, -radius))
        self._place_labels()
        self._draw_map()

    def _layout_outline(self, area: QRectF) -> None:
        x0, y0, x1, y1 = self._bounds
        scale = min(area.width() / (x1 - x0), area.height() / (y1 - y0))
        left = area.left() + (area.width() - (x1 - x0) * scale) / 2
        top = area.top() + (area.height() - (y1 - y0) * scale) / 2

        def to_widget(point: geo.Point) -> QPointF:
            return QPointF(left + (point[0] - x0) * scale, top + (y1 - point[1]) * scale)

        self._land = QPainterPath()
        for ring in self._rings:
            self._land.moveTo(to_widget(ring[0]))
            for point in ring[1:]:
                self._land.lineTo(to_widget(point))
            self._land.closeSubpath()
        self.places = {key: to_widget(p) for key, p in self._projected.items()}

    def _layout_picture(self, area: QRectF) -> None:
        """A staff-supplied map picture in plate carrée: longitude and latitude are linear."""
        self._scaled = self._picture.scaled(area.size().toSize(),
                                            Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation)
        rect = QRectF(0, 0, self._scaled.width(), self._scaled.height())
        rect.moveCenter(area.center())
        self._picture_rect = rect
        image = self._image
        self.places = {
            loc.id: QPointF(
                rect.left() + (loc.longitude - image.west) / (image.east - image.west)
                * rect.width(),
                rect.top() + (image.north - loc.latitude) / (image.north - image.south)
                * rect.height())
            for loc in self._locations
        }

    def _place_labels(self) -> None:
        """Give each marker a label where it covers no other label or marker.

        Beside the marker first, in eight directions; where all are taken, further out with a
        leader line back to the marker.
        """
        metrics = QFontMetricsF(self._font)
        radius = self._marker_radius(True)
        taken = Occupied(self._look.px(80))
        for p in self.markers.values():
            taken.add(QRectF(p.x() - radius, p.y() - radius, 2 * radius, 2 * radius))
        bounds = QRectF(self.rect())
        self._labels = []
        self._leaders: list[tuple[QPointF, QPointF]] = []
        # A location selected before the first layout (a detail's map) is labelled first.
        order = sorted(self._locations, key=lambda loc: (
            loc.id != self._selected, not loc.headquarters, -loc.latitude))[:MOST_LABELS]
        directions = [(math.cos(a), math.sin(a)) for a in
                      (0, math.pi, -math.pi / 2, math.pi / 2, -math.pi / 4, math.pi / 4,
                       -3 * math.pi / 4, 3 * math.pi / 4)]
        for loc in order:
            text = loc.detail.title.get(self._language)
            point = self.markers[loc.id]
            size = metrics.size(0, text)
            placed = None
            for ring in range(LABEL_RINGS + (3 if loc.id == self._selected else 0)):
                reach = radius + self._look.px(4) + ring * self._look.px(34)
                for dx, dy in directions:
                    anchor = point + QPointF(dx, dy) * reach
                    left = (anchor.x() if dx > 0.3 else anchor.x() - size.width() if dx < -0.3
                            else anchor.x() - size.width() / 2)
                    top = (anchor.y() if dy > 0.3 else anchor.y() - size.height() if dy < -0.3
                           else anchor.y() - size.height() / 2)
                    rect = QRectF(left, top, size.width(), size.height())
                    if bounds.contains(rect) and not taken.hits(rect):
                        placed = (rect, ring)
                        break
                if placed:
                    break
            if placed:
                rect, ring = placed
                self._labels.append((rect, text))
                taken.add(rect)
                if ring:
                    nearest = QPointF(min(max(point.x(), rect.left()), rect.right()),
                                      min(max(point.y(), rect.top()), rect.bottom()))
                    self._leaders.append((point, nearest))

    def _marker_radius(self, headquarters: bool) -> float:
        return self._look.px(18 if headquarters else 12)

    # -- painting ------------------------------------------------------------------------------
    def _draw_map(self) -> None:
        """Draw everything but the selection once, into a picture the paint events copy."""
        look = self._look
        self._picture_cache = QPixmap(self.size())
        self._picture_cache.fill(Qt.GlobalColor.transparent)
        painter = QPainter(self._picture_cache)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._scaled.isNull():
            painter.setPen(QPen(look.color("accent", 90), look.px(2)))
            painter.setBrush(look.color("surface"))
            painter.drawPath(self._land)
        else:
            painter.drawPixmap(self._picture_rect.topLeft(), self._scaled)
        painter.setPen(QPen(look.color("accent", 70), look.px(2)))
        for hq in (loc for loc in self._locations if loc.headquarters):
            for loc in self._locations:
                if loc is not hq:
                    painter.drawLine(self.markers[hq.id], self.markers[loc.id])
        painter.setPen(QPen(look.color("text", 160), look.px(2)))
        painter.setBrush(look.color("text"))
        for key, marker in self.markers.items():
            place = self.places[key]
            if (marker - place).manhattanLength() > 2:
                painter.drawLine(place, marker)  # a leader line to the true place
                painter.drawEllipse(place, look.px(3), look.px(3))
        painter.setPen(QPen(look.color("surface"), look.px(4)))
        for loc in sorted(self._locations, key=lambda loc: loc.headquarters):
            painter.setBrush(look.color("accent"))
            radius = self._marker_radius(loc.headquarters)
            painter.drawEllipse(self.markers[loc.id], radius, radius)
        painter.setPen(QPen(look.color("text", 140), look.px(1.5)))
        for start, end in self._leaders:
            painter.drawLine(start, end)
        painter.setFont(self._font)
        painter.setPen(look.color("text"))
        for rect, text in self._labels:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture_cache)
        if self._selected in self.markers:
            look = self._look
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(look.color("surface"), look.px(4)))
            painter.setBrush(look.color("text"))
            headquarters = any(loc.headquarters for loc in self._locations
                               if loc.id == self._selected)
            radius = self._marker_radius(headquarters) * 1.4
            painter.drawEllipse(self.markers[self._selected], radius, radius)
        painter.end()

    # -- taps ------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        if press is None or (event.position() - press).manhattanLength() > self._look.px(30):
            return
        found = self.location_at(event.position())
        if found:
            self.location_selected.emit(found)

    def location_at(self, point: QPointF) -> str:
        """The marker nearest to `point` within half a tap target, or ''."""
        reach = self._look.tap / 2
        best, best_distance = "", reach * reach
        for key, marker in self.markers.items():
            delta = marker - point
            distance = delta.x() ** 2 + delta.y() ** 2
            if distance <= best_distance:
                best, best_distance = key, distance
        return best

    def select(self, key: str) -> None:
        self._selected = key
        self.update()

    def visible_texts(self) -> list[str]:
        return [text for _, text in self._labels]
