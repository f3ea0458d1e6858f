"""Labels beside their markers, or a step or two out on a leader line (a callout).

A label covers no marker, keeps at least the gap above and below every other label and
SIDE_BY_SIDE times it beside (so that two names never read as one) and stays in the map. Every
marker that can have its label beside it gets it there, nearer to its own marker than to any
other, so that no name reads as a neighbour's; the rest get a callout, joined by a leader line
that crosses no label.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from .rects import Grid, Line, Point, Rect, Size, along, make, square

# The gap beside a label, in gaps above it. A label's box is a line of its type high, with
# room above and below the letters and none beside them: side by side, 1.4 gaps are about the
# type's size, as the gap and that room are above each other (docs/performance.md)
SIDE_BY_SIDE = 1.4
CALLOUT_RINGS = 4  # steps out from a marker a callout's label may stand
# the eight places beside a marker, the likeliest to read well first; sixteen for callouts
DIRECTIONS = [(math.cos(a), math.sin(a)) for a in
              (0, math.pi, -math.pi / 2, math.pi / 2, -math.pi / 4, math.pi / 4,
               -3 * math.pi / 4, 3 * math.pi / 4)]
CALLOUT_DIRECTIONS = DIRECTIONS + [(math.cos(a), math.sin(a)) for a in
                                   (math.pi / 8 * k for k in (1, 3, 5, 7, 9, 11, 13, 15))]


@dataclass(frozen=True)
class Spacing:
    """The distances a map's layout keeps, in pixels."""

    radius: float  # a marker's, the largest one's (the headquarters')
    marker: float  # between marker centres: each a tap of its own
    gap: float  # between labels above each other (SIDE_BY_SIDE times it beside)
    step: float  # from one ring of a callout's places to the next, out from its marker


@dataclass
class Labelling:
    labels: dict[str, Rect] = field(default_factory=dict)
    leaders: list[Line] = field(default_factory=list)
    led: set[str] = field(default_factory=set)  # the labels joined to their marker by a leader


def apart(rect: Rect, gap: float) -> Rect:
    """`rect` grown by the room another label must keep from it: `gap` above and below,
    SIDE_BY_SIDE times it beside."""
    side = gap * SIDE_BY_SIDE
    left, top, width, height = rect
    return make(left - side, top - gap, width + 2 * side, height + 2 * gap)


def marker_grid(markers: dict[str, Point], room: Spacing) -> Grid:
    """Each marker's square in a grid, to ask what a label would cover."""
    points = Grid(4 * room.radius + room.gap)
    for key, point in markers.items():
        points.add(square(point, room.radius), key)
    return points


def place_labels(markers: dict[str, Point], sizes: dict[str, Size], order: list[str],
                 room: Spacing, bounds: Rect, rings: int = CALLOUT_RINGS,
                 blocked: Iterable[Rect] = (), others: dict[str, Point] | None = None
                 ) -> Labelling:
    """Labels for the markers in `order`. First every marker that can have one beside it, no
    nearer to another marker than to its own; then, for the rest, a callout: the label up to
    `rings` steps further out, joined by a leader line. A marker with no such place is left
    unlabelled (for the columns). `others` are markers drawn nearby (in the same space) that
    labels must neither cover nor stand nearer to."""
    radius, gap = room.radius, room.gap
    points = marker_grid(dict(others or {}) | markers, room)
    taken = Grid(room.step * 2)
    for rect in blocked:  # covered by no label, and kept the gap from (an inset's labels)
        points.add(rect, None)
        taken.add(rect)
    result = Labelling()

    def free(rect: Rect) -> bool:
        return bounds.contains(rect) and not taken.hits(apart(rect, gap))

    def put(key: str, rect: Rect, leader: bool) -> None:
        result.labels[key] = rect
        taken.add(rect)
        if leader:
            result.leaders.append((markers[key], rect.nearest_to(markers[key])))
            result.led.add(key)

    for key in (k for k in order if k in markers and k in sizes):  # beside the marker
        reach = radius + gap / 4
        for rect in around(markers[key], sizes[key], reach, DIRECTIONS):
            if free(rect) and _clear_and_nearest(rect, key, markers[key], points, radius):
                put(key, rect, False)
                break
    for key in (k for k in order if k in markers and k in sizes and k not in result.labels):
        for ring in range(1, rings + 1):  # a callout, further out
            reach = radius + gap / 4 + ring * room.step
            callout = next((r for r in around(markers[key], sizes[key], reach,
                                              CALLOUT_DIRECTIONS)
                            if free(r) and clear(r, points, radius)
                            and not crosses(markers[key], r, taken, radius)), None)
            if callout is not None:
                put(key, callout, True)
                break
    return result


def around(point: Point, size: Size, reach: float, directions: list[Point]) -> Iterable[Rect]:
    """A label's rectangle at `reach` from `point` in each direction, touching it there."""
    x, y = point
    width, height = size
    for dx, dy in directions:
        ax, ay = x + dx * reach, y + dy * reach
        left = ax if dx > 0.3 else ax - width if dx < -0.3 else ax - width / 2
        top = ay if dy > 0.3 else ay - height if dy < -0.3 else ay - height / 2
        yield make(left, top, width, height)


def clear(rect: Rect, points: Grid, radius: float) -> bool:
    """`rect` covers no marker and nothing blocked."""
    for other, item in points.entries(rect):  # one seen twice gives the same answer
        if item is None:
            if rect.intersects(other):
                return False
        elif rect.distance((other.left + radius, other.top + radius)) <= radius:
            return False
    return True


def crosses(point: Point, rect: Rect, taken: Grid, radius: float) -> bool:
    """Whether the leader line from `point` to `rect` crosses a label already placed."""
    return any(taken.hits(make(x - 1, y - 1, 2, 2))
               for x, y in along(point, rect.nearest_to(point), radius))


def _clear_and_nearest(rect: Rect, key: str, own: Point, points: Grid, radius: float) -> bool:
    """`rect` covers no marker (nor anything blocked), and no other marker is as near to it as
    its own (measured to the marker's edge, so a marker's size does not count against it)."""
    if not clear(rect, points, radius):
        return False
    mine = rect.distance(own)
    return not any(item is not None and item != key
                   and rect.distance((other.left + radius, other.top + radius)) <= mine
                   for other, item in points.near(rect.inflated(mine + radius)))
