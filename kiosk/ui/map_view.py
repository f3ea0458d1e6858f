"""A map of China with a tappable marker per location, and the headquarters linked to each.

Geometry is computed when the widget is resized, never while painting: the outline (or a map
picture staff supplied, with its bounds), then the markers, labels and insets that
kiosk/core/maps/layout.py places (every marker its own tap, every label by its own marker, crowded
regions drawn again magnified). Where the whole country leaves a network's locations unnamed,
its map rests enlarged round the network, in a frame; where every view leaves some unnamed, its
names are set in smaller type. A marker left without room for its name carries its number in
the network's list instead, and the list shows that number by the name (a key, as printed maps
have where places crowd).
"""

from __future__ import annotations

import math
from functools import cache

from PySide6.QtCore import QElapsedTimer, QEvent, QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QEventPoint,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core import geo, paths
from ..core.content.model import Location, MapImage
from ..core.maps.layout import MapLayout, lay_out
from ..core.maps.rects import Rect
from ..qt.safety import guarded
from .theme import Look

MARKER_SPACING = 34  # px at the design size between marker centres: each its own tap
GAP = 0.5  # label heights between labels above each other (beside: maps/labels.py SIDE_BY_SIDE)
NEIGHBOURS = 5  # a location's detail map shows it with this many nearest neighbours
MOST_ZOOM = 6.0  # a pinch zooms the map in this far at most
DOUBLE_TAP_ZOOM = 2.5
DOUBLE_TAP_MS = 400
FOCUS_SPAN = 0.125  # projected units (the unit sphere's radius): about 800 km
# How much a crowded network's map at rest may be enlarged round it, tried in turn (more leaves
# no room for insets; each tried names every location of more generated networks)
FITS = (1.25, 1.5, 1.75)
LEAST_FIT = 1.1  # less would hardly change the map
# A crowded map's names where its usual type leaves places unnamed, as printed maps set dense
# regions in smaller type, tried in turn: 24 px names at 1920x1080 become 22, then 20 (every
# generated network of 30 to 50 locations named whole: docs/performance.md)
SMALLER_TYPES = (0.9, 0.85)
LINKS_AT_FULL = 24  # links from the headquarters drawn at full strength, at most
LINKS_FAINTEST = 28  # of 255: the faintest they are drawn, with very many


def link_alpha(links: int) -> int:
    """How strongly the links from the headquarters are drawn (of 255): fainter the more they
    are, so that a crowd's fan of them does not draw over its leader lines and names."""
    return max(LINKS_FAINTEST, round(70 * min(1.0, LINKS_AT_FULL / max(links, 1))))


Names = tuple[dict[str, tuple[float, float]], float]  # each name's box, and the gap above


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
def _outline_path(rings: tuple[tuple[geo.Point, ...], ...]) -> QPainterPath:
    """The outline's rings as one path, in projected units: each map transforms a copy."""
    path = QPainterPath()
    for ring in rings:
        path.moveTo(*ring[0])
        for point in ring[1:]:
            path.lineTo(*point)
        path.closeSubpath()
    return path


class MapView(QWidget):
    location_selected = Signal(str)
    keys_changed = Signal(dict)  # {location: its number}, for the markers with no name beside

    def __init__(self, locations: tuple[Location, ...], look: Look, language: str,
                 image: MapImage | None = None, focus: str = "", mini: bool = False):
        """`focus`: a location's detail shows the map round it, its neighbours named;
        `mini`: the home screen's glimpse, markers only."""
        super().__init__()
        self.setAccessibleName("Map")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(look.px(80 if mini else 300), look.px(60 if mini else 240))
        self._mini = mini
        # a location's number: its place in the network's list, from 1
        self._numbers = {loc.id: index + 1 for index, loc in enumerate(locations)}
        self.keys: dict[str, int] = {}
        self._zoom = 1.0  # a visitor's pinch or double tap; 1: the whole map
        self._centre: QPointF | None = None  # the unzoomed map's point at the middle
        self._laid_view = (1.0, None)  # the zoom the drawn picture was laid out at
        self._pinch: tuple | None = None  # distance, zoom, centroid, centre at its start
        self._touch_start: QPointF | None = None
        self._last_tap = (QElapsedTimer(), QPointF())
        # the network screen's map is pinched, panned and zoomed; elsewhere it is a picture
        self._zoomable = not mini and not focus
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, self._zoomable)
        self._look = look
        self._language = language
        self._locations = locations
        self._image = image
        self._selected = ""
        self._picture = QPixmap(str(image.path)) if image else QPixmap()
        self._scaled = QPixmap()
        self._picture_rect = QRectF()
        if self._picture.isNull():
            self._rings = geo.outline(paths.china_outline())
            self._projected = {loc.id: geo.project(loc.longitude, loc.latitude)
                               for loc in locations}
            points = [p for ring in self._rings for p in ring] + list(self._projected.values())
            self._bounds = geo.bounds(points)
            if focus in self._projected:  # it and its neighbours only, the rest left out
                fx, fy = self._projected[focus]
                near = sorted(self._projected, key=lambda k: (self._projected[k][0] - fx) ** 2
                              + (self._projected[k][1] - fy) ** 2)[:NEIGHBOURS + 1]
                self._locations = tuple(loc for loc in locations if loc.id in near)
                self._projected = {key: self._projected[key] for key in near}
                self._bounds = self._round(focus)
                self._selected = focus
        self._framed = bool(focus)  # a part of the map: drawn in a frame, the sea tinted
        self._font = look.font("small", bold=True)
        self.label_font = self._font  # the names' type at the size shown (see _rest_view)
        self._land = QPainterPath()
        self.places: dict[str, QPointF] = {}  # where each location truly is
        self.markers: dict[str, QPointF] = {}  # where its marker is drawn and tapped
        self._labels: list[tuple[QRectF, str]] = []
        self._leaders: list[tuple[QPointF, QPointF]] = []
        self._press: QPointF | None = None
        self._picture_cache = QPixmap()
        self._layout_key: tuple | None = None
        self._layouts: dict[tuple, tuple] = {}  # by size and zoom: what _layout() found
        # by size, at rest: the picture, once painted (a zoomed view's is drawn again when it
        # comes back: kept, each would hold 3 to 13 MB for as long as the screen)
        self._drawn: dict[tuple, QPixmap] = {}
        # by size: the view at rest, and the type of its names
        self._rests: dict[tuple[int, int], tuple[QTransform, QFont]] = {}
        self.layout_result: MapLayout | None = None

    def _round(self, focus: str) -> tuple[float, float, float, float]:
        """The map's bounds round `focus`, the place in the middle: every location shown (it
        and its NEIGHBOURS nearest) with a margin, and at least FOCUS_SPAN across (800 km)."""
        fx, fy = self._projected[focus]
        half = max(FOCUS_SPAN / 2, *(max(abs(x - fx), abs(y - fy)) * 1.3
                                     for x, y in self._projected.values()))
        return fx - half, fy - half, fx + half, fy + half

    # -- geometry ------------------------------------------------------------------------------
    @guarded
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self) -> None:
        key = (self.width(), self.height(), self._zoom,
               None if self._centre is None else (self._centre.x(), self._centre.y()))
        keys_before = self.keys
        if key not in self._layouts:  # the screen is shown at two sizes, with and without
            self._layout()            # the bar of Back and Home: each is laid out once
            self._layouts[key] = (self.places, self.markers, self._labels, self._leaders,
                                  self.layout_result, self.keys, self.label_font)
        (self.places, self.markers, self._labels, self._leaders, self.layout_result,
         self.keys, self.label_font) = self._layouts[key]
        # drawn when first painted: a map laid out at a size it is never shown at (a screen's
        # first layout pass) is never drawn
        self._picture_cache = self._drawn.get(key, QPixmap())
        self._laid_view = (self._zoom, self._centre)
        self._layout_key = key
        if self.keys != keys_before:
            self.keys_changed.emit(dict(self.keys))

    def _layout(self) -> None:
        margin = self._look.px(24)
        area = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)
        texts = {loc.id: loc.detail.title.get(self._language) for loc in self._locations}
        # The location a detail shows first, then by staff's label_priority, the
        # headquarters, north to south.
        order = [loc.id for loc in sorted(self._locations, key=lambda loc: (
            loc.id != self._selected, -loc.label_priority, not loc.headquarters,
            -loc.latitude))]
        laid: MapLayout | None = None
        font = self._font
        if self._picture.isNull():
            rest, font, laid = self._rest_view(area, texts, order)
            self._layout_outline(area, rest)
            if self._centre is not None:  # zoomed: not the view at rest
                laid = None
        else:
            self._layout_picture(area)
        self.label_font = font
        if self._mini:  # a glimpse: the places as they are, no labels
            laid = MapLayout(self._shown(), {}, [], [])
        elif laid is None:
            laid = self._lay_out(area, name_boxes(font, texts), order)
        self.layout_result = laid
        self.markers = {key: QPointF(*p) for key, p in laid.markers.items()}
        self._labels = [(QRectF(*laid.labels[key]), texts[key]) for key in order
                        if key in laid.labels]
        self._leaders = [(QPointF(*a), QPointF(*b)) for a, b in laid.leaders]
        self.keys = {} if self._mini else {key: self._numbers[key] for key in laid.markers
                                            if key not in laid.labels}

    def _shown(self) -> dict[str, tuple[float, float]]:
        """The places on screen as they are now (zoomed: the rest is off screen)."""
        seen = QRectF(self.rect())
        return {key: (p.x(), p.y()) for key, p in self.places.items() if seen.contains(p)}

    def _lay_out(self, area: QRectF, names: Names, order: list[str]) -> MapLayout:
        """Markers, labels and insets for the places as they are now, with `names`."""
        sizes, gap = names
        return lay_out(
            self._shown(), sizes, order, self._marker_radius(True),
            self._look.px(MARKER_SPACING), Rect(area.left(), area.top(), area.width(),
                                                area.height()), gap)

    def _rest_view(self, area: QRectF, texts: dict[str, str], order: list[str]
                   ) -> tuple[QTransform, QFont, MapLayout | None]:
        """The network's map as it rests (before a visitor zooms), and the type of its names:
        the views of _framed_view in the usual type, then, while none names every place, in
        each of SMALLER_TYPES; the view and type that name most. Chosen once for each size;
        the layout it was chosen by comes with it, the first time."""
        size = (self.width(), self.height())
        if size in self._rests or not self._zoomable:
            view, font = self._rests.get(size, (QTransform(), self._font))
            return view, font, None
        best: tuple[QTransform, QFont, MapLayout] | None = None
        for scale in (1.0, *SMALLER_TYPES):
            font = QFont(self._font)
            font.setPixelSize(max(1, round(self._font.pixelSize() * scale)))
            view, laid = self._framed_view(area, name_boxes(font, texts), order)
            if best is None or len(laid.labels) > len(best[2].labels):
                best = (view, font, laid)
            if best[2].final():
                break
        assert best is not None
        self._rests[size] = best[:2]
        return best

    def _framed_view(self, area: QRectF, names: Names, order: list[str]
                     ) -> tuple[QTransform, MapLayout]:
        """The whole country; or, where that leaves locations unnamed, the country enlarged
        round the network (by each of FITS in turn, as far as the network fits, as a printed
        map is framed to its subject): the view that names most (measured on generated
        networks of 30 to 50 locations: docs/performance.md)."""
        whole = QTransform()
        self._layout_outline(area, whole, visitor=False)
        laid = self._lay_out(area, names, order)
        if laid.final():
            return whole, laid
        xs = [p.x() for p in self.places.values()]
        ys = [p.y() for p in self.places.values()]
        # room round the network for a label beside its outermost markers
        sizes, _gap = names
        room_x = max(w for w, _ in sizes.values()) + self._marker_radius(True)
        room_y = 2 * max(h for _, h in sizes.values())
        most = min((area.width() - 2 * room_x) / max(max(xs) - min(xs), 1.0),
                   (area.height() - 2 * room_y) / max(max(ys) - min(ys), 1.0))
        middle, best, view = area.center(), laid, whole
        for fit in sorted({min(f, most) for f in FITS if min(f, most) >= LEAST_FIT}):
            framed = QTransform(fit, 0, 0, fit, middle.x() - (max(xs) + min(xs)) / 2 * fit,
                                middle.y() - (max(ys) + min(ys)) / 2 * fit)
            self._layout_outline(area, framed, visitor=False)
            closer = self._lay_out(area, names, order)
            if len(closer.labels) > len(best.labels):
                best, view = closer, framed
                if best.final():
                    break
        return view, best

    @property
    def framed_at_rest(self) -> bool:
        """Whether the map rests enlarged round the network, at the size it is now."""
        view, _font = self._rests.get((self.width(), self.height()), (QTransform(), self._font))
        return not view.isIdentity()

    def _layout_outline(self, area: QRectF, rest: QTransform, visitor: bool = True) -> None:
        x0, y0, x1, y1 = self._bounds
        scale = min(area.width() / (x1 - x0), area.height() / (y1 - y0))
        left = area.left() + (area.width() - (x1 - x0) * scale) / 2
        top = area.top() + (area.height() - (y1 - y0) * scale) / 2

        middle, zoom, centre = area.center(), self._zoom, self._centre
        # projected units to the widget: the map fitted to the area, framed as it rests, then
        # the visitor's zoom
        place = QTransform(scale, 0, 0, -scale, left - x0 * scale, top + y1 * scale) * rest
        if centre is not None and visitor:
            place *= QTransform(zoom, 0, 0, zoom, middle.x() - centre.x() * zoom,
                                middle.y() - centre.y() * zoom)
        self.places = {key: place.map(QPointF(*p)) for key, p in self._projected.items()}
        if not visitor:  # only the places, to choose the view by
            return
        self._land = place.map(_outline_path(self._rings))
        # Round a place, or zoomed in, most of the country is off the map: drawn whole, its
        # outline cost 1.4 ms a map at 840x740 (the pen's stroke of it all), cut 0.65 ms
        seen = QRectF(self.rect()).adjusted(-8, -8, 8, 8)  # the cut edges out of sight
        if not seen.contains(self._land.boundingRect()):
            frame = QPainterPath()
            frame.addRect(seen)
            self._land = self._land.intersected(frame)

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

    def _marker_radius(self, headquarters: bool) -> float:
        if self._mini:
            return self._look.px(7 if headquarters else 4)
        return self._look.px(18 if headquarters else 12)

    # -- painting ------------------------------------------------------------------------------
    def _draw_map(self) -> None:
        """Draw everything but the selection once, into a picture the paint events copy."""
        look = self._look
        insets = self.layout_result.insets if self.layout_result else []
        inside = {key: inset for inset in insets for key in inset.keys}

        def on_main(key: str) -> QPointF:  # where a location shows on the main map
            return self.places[key] if key in inside else self.markers[key]

        self._picture_cache = QPixmap(self.size())
        self._picture_cache.fill(Qt.GlobalColor.transparent)
        painter = QPainter(self._picture_cache)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # a part of the map (round a place, or a network framed at rest): in a frame, the
        # sea tinted, so that the country's cut edges read as the frame's
        if self._framed or self.framed_at_rest:
            frame = QPainterPath()
            frame.addRoundedRect(QRectF(self.rect()), look.px(24), look.px(24))
            painter.fillPath(frame, QColor(look.tint("accent", 0.1)))
            painter.setClipPath(frame)
        self._draw_base(painter)
        shown = [loc for loc in self._locations if loc.id in self.markers]
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
            painter.drawLine(self._nearest_corners(source, box))
            painter.setBrush(look.color("accent"))
            painter.setPen(Qt.PenStyle.NoPen)
            for key in inset.keys:
                painter.drawEllipse(self.places[key], look.px(4), look.px(4))
        self._draw_markers(painter, [loc for loc in shown if loc.id not in inside],
                           lambda key: self.places[key])
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
            self._draw_base(painter, 1 / scale)
            painter.restore()
            self._draw_markers(painter, [loc for loc in self._locations if loc.id in inset.keys],
                               lambda key, inset=inset: QPointF(*inset.to_box(
                                   (self.places[key].x(), self.places[key].y()))))
        painter.setPen(QPen(look.color("text", 140), look.px(1.5)))
        for start, end in self._leaders:
            painter.drawLine(start, end)
        self._draw_labels(painter)
        self._draw_keys(painter)
        painter.end()

    def _draw_labels(self, painter: QPainter) -> None:
        """Each name over a halo of the land's colour, as printed maps have: a leader line or
        the coast that passes under a name breaks round its letters instead of through them.
        The halo is the name drawn round itself in the land's colour (its glyphs are cached:
        a stroke of the letters' outlines cost four times as much)."""
        look = self._look
        painter.setFont(self.label_font)
        reach = look.px(3)
        around = [QPointF(math.cos(a) * reach, math.sin(a) * reach)
                  for a in (math.pi / 4 * k for k in range(8))]
        painter.setPen(look.color("surface"))
        for rect, text in self._labels:
            for shift in around:
                painter.drawText(rect.translated(shift), Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(look.color("text"))
        for rect, text in self._labels:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _draw_keys(self, painter: QPainter) -> None:
        """Each key's number on its marker, drawn larger for it: as large as the room the
        layout keeps round every marker (the headquarters' size) allows, less a little."""
        if not self.keys:
            return
        look = self._look
        radius = self._marker_radius(True) * 0.9
        font = QFont(self._font)
        for key, number in self.keys.items():
            painter.setPen(QPen(look.color("surface"), look.px(3)))
            painter.setBrush(look.color("accent"))
            painter.drawEllipse(self.markers[key], radius, radius)
            font.setPixelSize(max(1, round(radius * (1.1 if number < 100 else 0.8))))
            painter.setFont(font)
            painter.setPen(look.color("accent_text"))
            box = QRectF(0, 0, 2 * radius, 2 * radius)
            box.moveCenter(self.markers[key])
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(number))

    def _draw_base(self, painter: QPainter, thin: float = 1.0) -> None:
        """The land (or staff's map picture); `thin` keeps its line width under a zoom."""
        look = self._look
        if self._scaled.isNull():
            painter.setPen(QPen(look.color("accent", 90), look.px(2) * thin))
            painter.setBrush(look.color("surface"))
            painter.drawPath(self._land)
        else:
            painter.drawPixmap(self._picture_rect.topLeft(), self._scaled)

    def _draw_markers(self, painter: QPainter, locations: list[Location], true_place) -> None:
        """Markers, each with a leader line to its true place where it had to be moved."""
        look = self._look
        painter.setPen(QPen(look.color("text", 160), look.px(2)))
        painter.setBrush(look.color("text"))
        for loc in locations:
            place, marker = true_place(loc.id), self.markers[loc.id]
            if (marker - place).manhattanLength() > 2:
                painter.drawLine(place, marker)
                painter.drawEllipse(place, look.px(3), look.px(3))
        painter.setPen(QPen(look.color("surface"), look.px(4)))
        painter.setBrush(look.color("accent"))
        for loc in sorted(locations, key=lambda loc: loc.headquarters):
            radius = self._marker_radius(loc.headquarters)
            painter.drawEllipse(self.markers[loc.id], radius, radius)

    @staticmethod
    def _nearest_corners(a: QRectF, b: QRectF) -> QLineF:
        pairs = [(p, q) for p in (a.topLeft(), a.topRight(), a.bottomLeft(), a.bottomRight())
                 for q in (b.topLeft(), b.topRight(), b.bottomLeft(), b.bottomRight())]
        p, q = min(pairs, key=lambda pq: (pq[0] - pq[1]).manhattanLength())
        return QLineF(p, q)

    def paintEvent(self, event) -> None:
        if self._picture_cache.isNull() and self._layout_key is not None:
            self._draw_map()
            if self._layout_key[3] is None:  # laid out at rest, not zoomed
                self._drawn[self._layout_key] = self._picture_cache
        painter = QPainter(self)
        painter.setTransform(self._preview())  # during a pinch: the last picture, moved
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
        if press is not None and \
                (event.position() - press).manhattanLength() <= self._look.px(30):
            self._tap(event.position())

    def _tap(self, point: QPointF) -> None:
        """A marker opens its location; a double tap elsewhere zooms in there, or back out."""
        found = self.location_at(point)
        if found:
            self.location_selected.emit(found)
            return
        clock, where = self._last_tap
        if clock.isValid() and clock.elapsed() <= DOUBLE_TAP_MS and \
                (point - where).manhattanLength() <= self._look.px(60):
            clock.invalidate()
            if self._zoom > 1:
                self.zoom_to(1.0)
            else:
                self.zoom_to(DOUBLE_TAP_ZOOM, self._to_base(point))
            return
        clock.start()
        self._last_tap = (clock, point)

    # -- zoom ------------------------------------------------------------------------------------
    def _to_base(self, point: QPointF) -> QPointF:
        """A point on screen as a point of the whole (unzoomed) map."""
        return point if self._centre is None else \
            (point - QRectF(self.rect()).center()) / self._zoom + self._centre

    def zoom_to(self, zoom: float, centre: QPointF | None = None) -> None:
        """Show the map `zoom` times larger round `centre` (a point of the whole map); 1 and
        no centre: the whole map. Markers and labels are laid out again for it."""
        if not self._zoomable or not self._picture.isNull():  # a staff picture is shown whole
            return
        zoom = min(max(zoom, 1.0), MOST_ZOOM)
        middle = QRectF(self.rect()).center()
        if zoom <= 1.001:
            self._zoom, self._centre = 1.0, None
        else:  # the whole map's middle may move at most half the view off centre
            reach_x = self.width() / 2 * (1 - 1 / zoom)
            reach_y = self.height() / 2 * (1 - 1 / zoom)
            base = centre if centre is not None else (self._centre or middle)
            self._zoom = zoom
            self._centre = QPointF(min(max(base.x(), middle.x() - reach_x), middle.x() + reach_x),
                                   min(max(base.y(), middle.y() - reach_y), middle.y() + reach_y))
        self._relayout()
        self.update()

    def _preview(self) -> QTransform:
        """From the view the picture was drawn for to the view now (identity when laid out)."""
        (zoom0, centre0), middle = self._laid_view, QRectF(self.rect()).center()
        if (zoom0, centre0) == (self._zoom, self._centre):
            return QTransform()
        base0 = centre0 if centre0 is not None else middle
        base1 = self._centre if self._centre is not None else middle
        ratio = self._zoom / zoom0
        shift = middle + (base0 - base1) * self._zoom
        return QTransform().translate(shift.x(), shift.y()).scale(ratio, ratio) \
            .translate(-middle.x(), -middle.y())

    def event(self, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                    QEvent.Type.TouchCancel):
            self._touch(event)
            return True
        return super().event(event)

    def _touch(self, event) -> None:
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
                self._pinch = (apart, self._zoom, centroid, self._to_base(centroid))
                return
            apart0, zoom0, _, anchor = self._pinch
            zoom = min(max(zoom0 * apart / apart0, 1.0), MOST_ZOOM)
            self._zoom = zoom  # the anchor stays under the fingers' middle
            self._centre = anchor - (centroid - QRectF(self.rect()).center()) / zoom
            self.update()
            return
        if kind == QEvent.Type.TouchBegin and points:
            self._touch_start = points[0].position()
        if kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            if self._pinch is not None:
                self._pinch = None
                self.zoom_to(self._zoom, self._centre)
            elif self._touch_start is not None and kind == QEvent.Type.TouchEnd:
                end = event.points()[0].position()
                if (end - self._touch_start).manhattanLength() <= self._look.px(30):
                    self._tap(end)
            self._touch_start = None

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
