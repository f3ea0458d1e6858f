"""Which part of the country a map shows, and where each place falls on the widget.

The projection (kiosk/core/geo.py) is fitted to the widget; a location's page shows the country
round it; a crowded network's map rests enlarged round the network, in the type that names most;
a visitor's pinch or double tap zooms it. Each is an `Affine`, composed as Qt composes
transforms, so that the widget draws the outline with the same numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .layout import MapLayout
from .rects import Point, Rect, Size

NEIGHBOURS = 5  # a location's detail map shows it with this many nearest neighbours
FOCUS_SPAN = 0.125  # projected units (the unit sphere's radius): about 800 km
MOST_ZOOM = 6.0  # a pinch zooms the map in this far at most
# How much a crowded network's map at rest may be enlarged round it, tried in turn (more leaves
# no room for insets; each tried names every location of more generated networks)
FITS = (1.25, 1.5, 1.75)
LEAST_FIT = 1.1  # less would hardly change the map
# A crowded map's names where its usual type leaves places unnamed, as printed maps set dense
# regions in smaller type, tried in turn (docs/performance.md)
SMALLER_TYPES = (0.9, 0.85)

Names = tuple[dict[str, Size], float]  # each name's box, and the gap between names


@dataclass(frozen=True)
class Affine:
    """x' = sx x + dx, y' = sy y + dy: a scale and a shift, as a Qt transform of that kind."""

    sx: float = 1.0
    sy: float = 1.0
    dx: float = 0.0
    dy: float = 0.0

    @property
    def identity(self) -> bool:
        return self == IDENTITY

    def map(self, point: Point) -> Point:
        return self.sx * point[0] + self.dx, self.sy * point[1] + self.dy

    def then(self, other: Affine) -> Affine:
        """This map, then `other` (Qt's `self * other`, its arithmetic in the same order)."""
        if other.identity:
            return self
        if self.identity:
            return other
        return Affine(self.sx * other.sx, self.sy * other.sy, self.dx * other.sx + other.dx,
                      self.dy * other.sy + other.dy)


IDENTITY = Affine()


def fit(bounds: tuple[float, float, float, float], area: Rect) -> Affine:
    """Projected units (y north) to the widget (y down): `bounds` fitted into `area` with one
    scale, centred."""
    x0, y0, x1, y1 = bounds
    scale = min(area.width / (x1 - x0), area.height / (y1 - y0))
    left = area.left + (area.width - (x1 - x0) * scale) / 2
    top = area.top + (area.height - (y1 - y0) * scale) / 2
    return Affine(scale, -scale, left - x0 * scale, top + y1 * scale)


def round_focus(projected: dict[str, Point], focus: str
                ) -> tuple[list[str], tuple[float, float, float, float]]:
    """The place `focus` and its NEIGHBOURS nearest, and the bounds that show them round it
    with a margin, at least FOCUS_SPAN across (800 km)."""
    fx, fy = projected[focus]
    near = sorted(projected, key=lambda k: (projected[k][0] - fx) ** 2
                  + (projected[k][1] - fy) ** 2)[:NEIGHBOURS + 1]
    half = max(FOCUS_SPAN / 2, *(max(abs(projected[k][0] - fx), abs(projected[k][1] - fy)) * 1.3
                                 for k in near))
    return near, (fx - half, fy - half, fx + half, fy + half)


def on_screen(places: dict[str, Point], width: float, height: float) -> dict[str, Point]:
    """The places inside a widget of this size (zoomed in, the rest are off it)."""
    return {key: (x, y) for key, (x, y) in places.items()
            if 0 <= x <= width and 0 <= y <= height}


@dataclass(frozen=True)
class Rest:
    """A network's map as it rests, before a visitor zooms: how it is framed (after the fit),
    the type of its names (a share of the usual), and the layout they were chosen by."""

    frame: Affine
    type_scale: float
    layout: MapLayout


def rest(projected: dict[str, Point], fitted: Affine, area: Rect, radius: float,
         names: Callable[[float], Names], lay_out: Callable[[dict[str, Point], Names], MapLayout],
         fits: tuple[float, ...] = FITS, smaller: tuple[float, ...] = SMALLER_TYPES) -> Rest:
    """The whole country, then enlarged round the network by each of `fits` (_framed), in the
    usual type, then, while no view names every place, in each of `smaller` types: the view
    and type that name most. `fitted` maps the projection to the whole country on the widget;
    `names(scale)` measures the names in that share of the usual type; `lay_out(places,
    names)` lays them out."""
    best: Rest | None = None
    for scale in (1.0, *smaller):
        measured = names(scale)
        frame, laid = _framed(projected, fitted, area, radius, measured, lay_out, fits)
        if best is None or len(laid.labels) > len(best.layout.labels):
            best = Rest(frame, scale, laid)
        if best.layout.final():
            break
    assert best is not None
    return best


def _framed(projected: dict[str, Point], fitted: Affine, area: Rect, radius: float,
            names: Names, lay_out: Callable[[dict[str, Point], Names], MapLayout],
            fits: tuple[float, ...]) -> tuple[Affine, MapLayout]:
    """The whole country; or, where that leaves locations unnamed, the country enlarged round
    the network (by each of `fits` in turn, as far as the network fits, as a printed map is
    framed to its subject): the view that names most (measured on generated networks of 30
    to 50 locations: docs/performance.md)."""
    places = {key: fitted.map(p) for key, p in projected.items()}
    laid = lay_out(places, names)
    if laid.final():
        return IDENTITY, laid
    xs = [x for x, _ in places.values()]
    ys = [y for _, y in places.values()]
    # room round the network for a label beside its outermost markers
    sizes, _gap = names
    room_x = max(w for w, _ in sizes.values()) + radius
    room_y = 2 * max(h for _, h in sizes.values())
    most = min((area.width - 2 * room_x) / max(max(xs) - min(xs), 1.0),
               (area.height - 2 * room_y) / max(max(ys) - min(ys), 1.0))
    (mx, my), best, frame = area.centre, laid, IDENTITY
    for scale in sorted({min(f, most) for f in fits if min(f, most) >= LEAST_FIT}):
        framed = Affine(scale, scale, mx - (max(xs) + min(xs)) / 2 * scale,
                        my - (max(ys) + min(ys)) / 2 * scale)
        through = fitted.then(framed)
        closer = lay_out({key: through.map(p) for key, p in projected.items()}, names)
        if len(closer.labels) > len(best.labels):
            best, frame = closer, framed
            if best.final():
                break
    return frame, best


@dataclass(frozen=True)
class Zoom:
    """A visitor's zoom: how far in, and the whole map's point at the widget's middle (None:
    the whole map, unzoomed)."""

    zoom: float = 1.0
    centre: Point | None = None

    def view(self, middle: Point) -> Affine:
        """From the whole map, as it rests, to the widget."""
        if self.centre is None:
            return IDENTITY
        z, (cx, cy) = self.zoom, self.centre
        return Affine(z, z, middle[0] - cx * z, middle[1] - cy * z)

    def to_base(self, point: Point, middle: Point) -> Point:
        """A point on the widget as a point of the whole (unzoomed) map."""
        if self.centre is None:
            return point
        return ((point[0] - middle[0]) / self.zoom + self.centre[0],
                (point[1] - middle[1]) / self.zoom + self.centre[1])


def zoomed(zoom: float, centre: Point | None, now: Zoom, size: Size) -> Zoom:
    """The map `zoom` times larger round `centre` (a point of the whole map; None: where it is
    now), within 1 and MOST_ZOOM; the whole map's middle moves at most half the widget off
    centre."""
    zoom = min(max(zoom, 1.0), MOST_ZOOM)
    if zoom <= 1.001:
        return Zoom()
    width, height = size
    mx, my = width / 2, height / 2
    reach_x = width / 2 * (1 - 1 / zoom)
    reach_y = height / 2 * (1 - 1 / zoom)
    bx, by = centre if centre is not None else (now.centre or (mx, my))
    return Zoom(zoom, (min(max(bx, mx - reach_x), mx + reach_x),
                       min(max(by, my - reach_y), my + reach_y)))


def preview(drawn: Zoom, now: Zoom, middle: Point) -> Affine:
    """From the picture drawn at zoom `drawn` to the view `now` (during a pinch, before the
    map is laid out again): the picture moved and scaled."""
    if drawn == now:
        return IDENTITY
    base0 = drawn.centre if drawn.centre is not None else middle
    base1 = now.centre if now.centre is not None else middle
    ratio = now.zoom / drawn.zoom
    shift = (middle[0] + (base0[0] - base1[0]) * now.zoom,
             middle[1] + (base0[1] - base1[1]) * now.zoom)
    return Affine(ratio, ratio, shift[0] - middle[0] * ratio, shift[1] - middle[1] * ratio)
