"""A map of China with a tappable marker per location, and the headquarters linked to each.

The widget keeps what a visitor does (taps, a double tap, a pinch) and the pictures it drew.
Which part of the country it shows is kiosk/core/maps/view.py; where markers, names and insets go
is kiosk/core/maps/layout.py; drawing them is map_paint.py. Geometry is computed when the widget
is resized or zoomed, never while painting. A marker left without room for its name carries its
number in the network's list instead (a key, as printed maps have where places crowd).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QElapsedTimer, QEvent, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QEventPoint,
    QFont,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QTouchEvent,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core import geo, paths
from ..core.content.model import Location, MapImage
from ..core.maps import view as views
from ..core.maps.layout import MOST_NAMED, MapLayout, lay_out
from ..core.maps.rects import Point, Rect
from ..qt.safety import guarded
from .map_paint import Laid, MapPainter, name_boxes, outline_path
from .read_picture import read_picture
from .theme import Look

MARKER_SPACING = 34  # px at the design size between marker centres: each its own tap
DOUBLE_TAP_ZOOM = 2.5
DOUBLE_TAP_MS = 400


@dataclass(frozen=True)
class Framing:
    """How a network's map may rest, tried in turn where the whole country leaves places
    unnamed: enlarged round the network by each of `fits`, names in each of `types` (shares of
    the usual type)."""

    fits: tuple[float, ...] = views.FITS
    types: tuple[float, ...] = views.SMALLER_TYPES


def _laid(name: str) -> property:
    """The map's `name`, as laid out at its size and zoom now."""
    return property(lambda view: getattr(view.laid, name))


def _transform(affine: views.Affine) -> QTransform:
    return QTransform(affine.sx, 0, 0, affine.sy, affine.dx, affine.dy)


class MapView(QWidget):
    location_selected = Signal(str)
    keys_changed = Signal(dict)  # {location: its number}, for the markers with no name beside

    def __init__(self, locations: tuple[Location, ...], look: Look, language: str,
                 image: MapImage | None = None, focus: str = "", mini: bool = False,
                 framing: Framing = Framing()):
        """`focus`: a location's detail shows the map round it, its neighbours named;
        `mini`: the home screen's glimpse, markers only."""
        super().__init__()
        self.setAccessibleName("Map")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(look.px(80 if mini else 300), look.px(60 if mini else 240))
        self.look = look
        self._mini = mini
        self._framing = framing
        self._language = language
        # a location's number: its place in the network's list, from 1
        self._numbers = {loc.id: index + 1 for index, loc in enumerate(locations)}
        self._image = image
        self._picture = read_picture(image.path if image else None)
        self.selected = ""  # the location marked larger: the one a page shows, or was opened
        self.here: tuple[str, str] = ("", "")  # the kiosk's own place, and "You are here"
        self.double_tap_ms = DOUBLE_TAP_MS
        self._projected: dict[str, Point] = {}
        self._rings: tuple[tuple[Point, ...], ...] = ()
        self._bounds = (0.0, 0.0, 1.0, 1.0)
        if self._picture.isNull():
            self._rings = geo.outline(paths.china_outline())
            self._projected = {loc.id: geo.project(loc.longitude, loc.latitude)
                               for loc in locations}
            points = [p for ring in self._rings for p in ring] + list(self._projected.values())
            self._bounds = geo.bounds(points)
            if focus in self._projected:  # it and its neighbours only, the rest left out
                near, self._bounds = views.round_focus(self._projected, focus)
                locations = tuple(loc for loc in locations if loc.id in near)
                self._projected = {key: self._projected[key] for key in near}
                self.selected = focus
        self.locations = locations
        self._framed = bool(focus)  # a part of the map: drawn in a frame, the sea tinted
        # the network screen's map is pinched, panned and zoomed; elsewhere it is a picture
        self._zoomable = not mini and not focus
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, self._zoomable)
        self._font = look.font("small", bold=True)
        self._paint = MapPainter(look, locations, mini)
        self._zoom = views.Zoom()  # a visitor's pinch or double tap
        self.laid = Laid({}, {}, [], [], None, {}, self._font)
        self._picture_cache = QPixmap()
        # the size and zoom the map on show was laid out (and its picture drawn) at
        self._layout_key: tuple[int, int, views.Zoom] | None = None
        self._layouts: dict[tuple[int, int, views.Zoom], Laid] = {}  # by size and zoom
        # by size, at rest: the picture, once painted (a zoomed view's is drawn again when it
        # comes back: kept, each would hold 3 to 13 MB for as long as the screen)
        self._drawn: dict[tuple[int, int, views.Zoom], QPixmap] = {}
        # by size: how the map rests, and the type of its names
        self._rests: dict[tuple[int, int], tuple[views.Affine, QFont]] = {}
        self._press: QPointF | None = None
        self._pinch: tuple[float, views.Zoom, Point] | None = None  # apart, zoom, anchor
        self._touch_start: QPointF | None = None
        self._last_tap = (QElapsedTimer(), QPointF())

    # -- what is laid out, as tests and the network screen read it (map_paint.Laid) ---------
    places = _laid("places")  # where each location truly is
    markers = _laid("markers")  # where its marker is drawn and tapped
    keys = _laid("keys")  # the markers with no name beside them, and their numbers
    layout_result = _laid("layout")
    label_font = _laid("font")  # the names' type at the size shown
    labels = _laid("labels")

    @property
    def zoom(self) -> float:
        return self._zoom.zoom

    @property
    def picture_rect(self) -> QRectF:
        """Where a staff-supplied map picture is drawn."""
        return self._paint.picture_rect

    @property
    def framed_at_rest(self) -> bool:
        """Whether the map rests enlarged round the network, at the size it is now."""
        frame, _font = self._rests.get((self.width(), self.height()),
                                       (views.IDENTITY, self._font))
        return not frame.identity

    def marker_radius(self, headquarters: bool) -> float:
        return self._paint.radius(headquarters)

    def visible_texts(self) -> list[str]:
        here = [self.here[1]] if self.here[0] in self.laid.markers and not self._mini else []
        return [text for _, text in self.laid.labels] + here

    # -- geometry ------------------------------------------------------------------------------
    @guarded
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self) -> None:
        """Lay the map out for its size and zoom, once for each (the screen is shown at two
        sizes, with and without the bar of Back and Home)."""
        key = (self.width(), self.height(), self._zoom)
        keys_before = self.keys
        if key not in self._layouts:
            self._layouts[key] = self._lay_out_view()
        self.laid = self._layouts[key]
        # drawn when first painted: a map laid out at a size it is never shown at (a screen's
        # first layout pass) is never drawn
        self._picture_cache = self._drawn.get(key, QPixmap())
        self._layout_key = key
        if self.keys != keys_before:
            self.keys_changed.emit(dict(self.keys))

    def _lay_out_view(self) -> Laid:
        margin = self.look.px(24)
        area = Rect(margin, margin, self.width() - margin - margin,
                    self.height() - margin - margin)
        texts = {loc.id: loc.detail.title.get(self._language) for loc in self.locations}
        # The location a detail shows first, then by staff's label_priority, the
        # headquarters, north to south.
        order = [loc.id for loc in sorted(self.locations, key=lambda loc: (
            loc.id != self.selected, -loc.label_priority, not loc.headquarters,
            -loc.latitude))]
        laid: MapLayout | None = None
        font = self._font
        land = QPainterPath()
        if self._picture.isNull():
            frame, font, laid = self._rest(area, texts, order)
            place = views.fit(self._bounds, area).then(frame).then(self._zoom.view(area.centre))
            places = {key: place.map(p) for key, p in self._projected.items()}
            land = self._land(_transform(place))
            if self._zoom.centre is not None:  # zoomed: not the view at rest
                laid = None
        else:
            places = self._lay_out_picture(area)
        on_screen = self._on_screen(places)
        crowded = len(on_screen) > MOST_NAMED
        if self._mini or crowded:  # a glimpse, or too many to name: the places as they are
            laid = MapLayout(on_screen, {}, [], [])
        elif laid is None:
            laid = self._lay_out_names(places, name_boxes(font, texts), order, area)
        return Laid(
            places={key: QPointF(*p) for key, p in places.items()},
            markers={key: QPointF(*p) for key, p in laid.markers.items()},
            labels=[(QRectF(*laid.labels[key]), texts[key]) for key in order
                    if key in laid.labels],
            leaders=[(QPointF(*a), QPointF(*b)) for a, b in laid.leaders],
            layout=laid,
            keys={} if self._mini or crowded  # numbers on so many would be a blot
            else {key: self._numbers[key] for key in laid.markers if key not in laid.labels},
            font=font, land=land, framed=self._framed or self.framed_at_rest)

    def _on_screen(self, places: dict[str, Point]) -> dict[str, Point]:
        return views.on_screen(places, self.width(), self.height())

    def _lay_out_names(self, places: dict[str, Point], names: views.Names, order: list[str],
                       area: Rect) -> MapLayout:
        """Markers, labels and insets for the places on screen, with `names`."""
        sizes, gap = names
        return lay_out(self._on_screen(places), sizes, order, self.marker_radius(True),
                       self.look.px(MARKER_SPACING), area, gap)

    def _rest(self, area: Rect, texts: dict[str, str], order: list[str]
              ) -> tuple[views.Affine, QFont, MapLayout | None]:
        """How the network's map rests at this size, and the type of its names, chosen once
        for each size (kiosk/core/maps/view.py); the layout it was chosen by comes with it,
        the first time."""
        size = (self.width(), self.height())
        if size in self._rests or not self._zoomable or len(self._projected) > MOST_NAMED:
            frame, font = self._rests.get(size, (views.IDENTITY, self._font))
            return frame, font, None

        def font_at(scale: float) -> QFont:
            font = QFont(self._font)
            font.setPixelSize(max(1, round(self._font.pixelSize() * scale)))
            return font

        chosen = views.rest(
            self._projected, views.fit(self._bounds, area), area, self.marker_radius(True),
            lambda scale: name_boxes(font_at(scale), texts),
            lambda places, names: self._lay_out_names(places, names, order, area),
            self._framing.fits, self._framing.types)
        font = font_at(chosen.type_scale)
        self._rests[size] = (chosen.frame, font)
        return chosen.frame, font, chosen.layout

    def _land(self, place: QTransform) -> QPainterPath:
        """The outline on the widget. Round a place, or zoomed in, most of the country is off
        the map: cut to the widget, its stroke costs half as much."""
        land = place.map(outline_path(self._rings))
        seen = QRectF(self.rect()).adjusted(-8, -8, 8, 8)  # the cut edges out of sight
        if not seen.contains(land.boundingRect()):
            frame = QPainterPath()
            frame.addRect(seen)
            land = land.intersected(frame)
        return land

    def _lay_out_picture(self, area: Rect) -> dict[str, Point]:
        """A staff-supplied map picture in plate carrée: longitude and latitude are linear."""
        scaled = self._picture.scaled(QSizeF(area.width, area.height).toSize(),
                                      Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation)
        rect = QRectF(0, 0, scaled.width(), scaled.height())
        rect.moveCenter(QPointF(*area.centre))
        self._paint.scaled, self._paint.picture_rect = scaled, rect
        image = self._image
        assert image is not None
        return {
            loc.id: (rect.left() + (loc.longitude - image.west) / (image.east - image.west)
                     * rect.width(),
                     rect.top() + (image.north - loc.latitude) / (image.north - image.south)
                     * rect.height())
            for loc in self.locations
        }

    # -- painting ------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        drawn = self._layout_key[2] if self._layout_key is not None else views.Zoom()
        if self._picture_cache.isNull() and self._layout_key is not None:
            self._picture_cache = self._paint.draw(self.laid, self.size())
            if drawn.centre is None:  # laid out at rest, not zoomed
                self._drawn[self._layout_key] = self._picture_cache
        painter = QPainter(self)
        middle = QRectF(self.rect()).center()  # during a pinch: the last picture, moved
        painter.setTransform(_transform(views.preview(drawn, self._zoom,
                                                      (middle.x(), middle.y()))))
        painter.drawPixmap(0, 0, self._picture_cache)
        self._paint.draw_selected(painter, self.laid, self.selected)
        self._paint.draw_here(painter, self.laid, *self.here)
        painter.end()

    # -- taps ------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        if press is not None and \
                (event.position() - press).manhattanLength() <= self.look.px(30):
            self._tap(event.position())

    def _tap(self, point: QPointF) -> None:
        """A marker opens its location; a double tap elsewhere zooms in there, or back out."""
        found = self.location_at(point)
        if found:
            self.location_selected.emit(found)
            return
        clock, where = self._last_tap
        if clock.isValid() and clock.elapsed() <= self.double_tap_ms and \
                (point - where).manhattanLength() <= self.look.px(60):
            clock.invalidate()
            if self._zoom.zoom > 1:
                self.zoom_to(1.0)
            else:
                self.zoom_to(DOUBLE_TAP_ZOOM, self.to_base(point))
            return
        clock.start()
        self._last_tap = (clock, point)

    def location_at(self, point: QPointF) -> str:
        """The marker nearest to `point` within half a tap target, or ''."""
        reach = self.look.tap / 2
        best, best_distance = "", reach * reach
        for key, marker in self.markers.items():
            delta = marker - point
            distance = delta.x() ** 2 + delta.y() ** 2
            if distance <= best_distance:
                best, best_distance = key, distance
        return best

    def select(self, key: str) -> None:
        self.selected = key
        self.update()

    # -- zoom ------------------------------------------------------------------------------------
    def _middle(self) -> Point:
        middle = QRectF(self.rect()).center()
        return middle.x(), middle.y()

    def to_base(self, point: QPointF) -> QPointF:
        """A point on screen as a point of the whole (unzoomed) map."""
        return QPointF(*self._zoom.to_base((point.x(), point.y()), self._middle()))

    def zoom_to(self, zoom: float, centre: QPointF | None = None) -> None:
        """Show the map `zoom` times larger round `centre` (a point of the whole map); 1 and
        no centre: the whole map. Markers and labels are laid out again for it."""
        if not self._zoomable or not self._picture.isNull():  # a staff picture is shown whole
            return
        self._zoom = views.zoomed(zoom, None if centre is None else (centre.x(), centre.y()),
                                  self._zoom, (self.width(), self.height()))
        self._relayout()
        self.update()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                    QEvent.Type.TouchCancel):
            self._touch(cast(QTouchEvent, event))
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        """One finger taps; two pinch to zoom and move together to pan. While the fingers
        move, the picture drawn last is moved with them; once they lift, the map is laid out
        again for the new view."""
        event.accept()
        points = [p for p in event.points()
                  if p.state() != QEventPoint.State.Released]
        kind = event.type()
        if len(points) >= 2:
            a, b = points[0].position(), points[1].position()
            apart = max(math.hypot(a.x() - b.x(), a.y() - b.y()), 1.0)
            centroid = (a + b) / 2
            self._touch_start = None  # no tap
            if self._pinch is None:
                anchor = self.to_base(centroid)
                self._pinch = (apart, self._zoom, (anchor.x(), anchor.y()))
                return
            apart0, zoom0, (ax, ay) = self._pinch
            zoom = min(max(zoom0.zoom * apart / apart0, 1.0), views.MOST_ZOOM)
            mx, my = self._middle()  # the anchor stays under the fingers' middle
            self._zoom = views.Zoom(zoom, (ax - (centroid.x() - mx) / zoom,
                                           ay - (centroid.y() - my) / zoom))
            self.update()
            return
        if kind == QEvent.Type.TouchBegin and points:
            self._touch_start = points[0].position()
        if kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            if self._pinch is not None:
                self._pinch = None
                self.zoom_to(self._zoom.zoom, QPointF(*self._zoom.centre)
                             if self._zoom.centre else None)
            elif self._touch_start is not None and kind == QEvent.Type.TouchEnd:
                end = event.points()[0].position()
                if (end - self._touch_start).manhattanLength() <= self.look.px(30):
                    self._tap(end)
            self._touch_start = None
