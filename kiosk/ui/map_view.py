"""A map of China with a tappable marker per location, drawn from the cached outline."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QMouseEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from .. import geo, paths
from ..content.model import Location
from .theme import Look


class MapView(QWidget):
    location_selected = Signal(str)

    def __init__(self, locations: tuple[Location, ...], look: Look, language: str):
        super().__init__()
        self.setAccessibleName("Map")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(look.px(300), look.px(240))
        self._look = look
        self._language = language
        self._locations = locations
        self._rings = geo.outline(paths.china_outline())
        self._projected = {loc.id: geo.project(loc.longitude, loc.latitude) for loc in locations}
        points = [p for ring in self._rings for p in ring] + list(self._projected.values())
        self._bounds = geo.bounds(points)
        self._font = look.font("small", bold=True)
        self._selected = ""
        self._land = QPainterPath()
        self.markers: dict[str, QPointF] = {}
        self._labels: list[tuple[QRectF, str]] = []
        self._press: QPointF | None = None

    # -- geometry, computed on resize and never while painting --------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout()

    def _layout(self) -> None:
        margin = self._look.px(24)
        x0, y0, x1, y1 = self._bounds
        width, height = self.width() - 2 * margin, self.height() - 2 * margin
        scale = min(width / (x1 - x0), height / (y1 - y0))
        left = margin + (width - (x1 - x0) * scale) / 2
        top = margin + (height - (y1 - y0) * scale) / 2

        def to_widget(point: geo.Point) -> QPointF:
            return QPointF(left + (point[0] - x0) * scale, top + (y1 - point[1]) * scale)

        self._land = QPainterPath()
        for ring in self._rings:
            self._land.moveTo(to_widget(ring[0]))
            for point in ring[1:]:
                self._land.lineTo(to_widget(point))
            self._land.closeSubpath()
        self.markers = {key: to_widget(p) for key, p in self._projected.items()}
        self._place_labels()

    def _place_labels(self) -> None:
        """Give each marker a label beside it where one fits without covering another."""
        metrics = QFontMetricsF(self._font)
        radius = self._marker_radius(True)
        taken = [QRectF(p.x() - radius, p.y() - radius, 2 * radius, 2 * radius)
                 for p in self.markers.values()]
        bounds = QRectF(self.rect())
        self._labels = []
        order = sorted(self._locations, key=lambda loc: (not loc.headquarters, -loc.latitude))
        for loc in order:
            text = loc.detail.title.get(self._language)
            point = self.markers[loc.id]
            size = metrics.size(0, text)
            gap = radius + self._look.px(6)
            candidates = [
                QRectF(point.x() + gap, point.y() - size.height() / 2, size.width(), size.height()),
                QRectF(point.x() - gap - size.width(), point.y() - size.height() / 2,
                       size.width(), size.height()),
                QRectF(point.x() - size.width() / 2, point.y() - gap - size.height(),
                       size.width(), size.height()),
                QRectF(point.x() - size.width() / 2, point.y() + gap, size.width(), size.height()),
            ]
            for rect in candidates:
                if bounds.contains(rect) and not any(rect.intersects(t) for t in taken):
                    self._labels.append((rect, text))
                    taken.append(rect)
                    break

    def _marker_radius(self, headquarters: bool) -> float:
        return self._look.px(18 if headquarters else 12)

    # -- painting ------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        look = self._look
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(look.color("accent", 90), look.px(2)))
        painter.setBrush(look.color("surface"))
        painter.drawPath(self._land)
        headquarters = [loc for loc in self._locations if loc.headquarters]
        painter.setPen(QPen(look.color("accent", 70), look.px(2)))
        for hq in headquarters:
            for loc in self._locations:
                if loc is not hq:
                    painter.drawLine(self.markers[hq.id], self.markers[loc.id])
        for loc in sorted(self._locations, key=lambda loc: loc.headquarters):
            radius = self._marker_radius(loc.headquarters)
            selected = loc.id == self._selected
            painter.setPen(QPen(look.color("surface"), look.px(4)))
            painter.setBrush(look.color("text" if selected else "accent"))
            painter.drawEllipse(self.markers[loc.id], radius * (1.4 if selected else 1), radius
                                * (1.4 if selected else 1))
        painter.setFont(self._font)
        painter.setPen(look.color("text"))
        for rect, text in self._labels:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
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
