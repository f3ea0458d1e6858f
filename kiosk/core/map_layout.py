"""Where the network map draws its markers and their labels, as plain arithmetic (no Qt).

What a cartographer does where markers crowd, so that a visitor finds the city they came for:

- Markers are pushed apart until each is a tap of its own (`spread`); a leader line joins a
  moved marker to its true place.
- A label covers no marker, keeps at least `gap` above and below every other label and
  SIDE_BY_SIDE times it beside (so that two names never read as one) and stays in the map.
  Every marker that can have its label beside it gets it there, nearer to its own marker than
  to any other, so that no name reads as a neighbour's; the rest get a callout: the label a
  step or two further out, joined by a leader line that crosses no label. Markers are
  labelled in order: the one a detail shows, then by staff's `label_priority`, the
  headquarters, and north to south.
- Where markers still go unlabelled (the Yangtze and Pearl River deltas at the park's scale),
  the crowded region, found from the content's own coordinates, is drawn again magnified in
  an inset: a box in the emptiest corner of the map, joined to a frame round the region. Its
  markers are drawn, tapped and labelled in the inset. Up to MOST_INSETS regions; larger
  ones where that leaves locations unnamed.
- What is still unlabelled gets its label in a column at the side of the map (or the inset),
  or where those are full in a second column inside each, with a leader line that passes
  through no label of a column, and no column label lies over a leader line; two labels whose
  lines cross change places in their column. With very many locations some stay unlabelled
  (the list beside the map names every one).

Rectangles are (left, top, width, height); points (x, y).
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

Point = tuple[float, float]
Rect = tuple[float, float, float, float]

SPREAD_PASSES = 40
UNTANGLE_PASSES = 4
MOST_INSETS = 3
MOST_IN_INSET = 12  # markers: more would crowd the inset as the map was crowded
INSET_SHARE = (0.40, 0.46)  # of the map's width and height, at most
# and where that leaves locations unnamed: larger insets, which take more of a crowd each
LARGER_INSET_SHARE = (0.50, 0.55)
LEAST_MAGNIFICATION = 2.0  # an inset magnifies its region this much at least
MOST_MAGNIFICATION = 12.0  # and at most
APART = 2.0  # marker spacings between the markers of an inset, at least, once magnified
# The gap beside a label, in gaps above it. A label's box is a line of its type high (1.45 of
# the type's size in the kiosk's font), with room above and below the letters and none beside
# them: names above each other stand the gap and that room apart, about the type's size; side
# by side, 1.4 gaps are 1.01 of the type's size (1.3 was not at 3840x2160: 47 px for 48)
SIDE_BY_SIDE = 1.4
CALLOUT_RINGS = 4  # steps out from a marker a callout's label may stand
SHORT_CALLOUT_RINGS = 2  # as far as a callout goes before a crowd gets an inset instead
INSET_CALLOUT_RINGS = 3
# Markers up to which a map with unnamed locations is laid out again with larger insets (45
# markers: 25 ms a layout; 200, where most stay unnamed either way, 1 s)
SECOND_LAYOUT_UP_TO = 60
# the eight places beside a marker, the likeliest to read well first; sixteen for callouts
DIRECTIONS = [(math.cos(a), math.sin(a)) for a in
              (0, math.pi, -math.pi / 2, math.pi / 2, -math.pi / 4, math.pi / 4,
               -3 * math.pi / 4, 3 * math.pi / 4)]
CALLOUT_DIRECTIONS = DIRECTIONS + [(math.cos(a), math.sin(a)) for a in
                                   (math.pi / 8 * k for k in (1, 3, 5, 7, 9, 11, 13, 15))]


# -- rectangles -----------------------------------------------------------------------------------
def intersects(a: Rect, b: Rect) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def inflated(rect: Rect, by: float) -> Rect:
    return rect[0] - by, rect[1] - by, rect[2] + 2 * by, rect[3] + 2 * by


def apart(rect: Rect, gap: float) -> Rect:
    """`rect` grown by the room another label must keep from it: `gap` above and below,
    SIDE_BY_SIDE times it beside."""
    side = gap * SIDE_BY_SIDE
    return rect[0] - side, rect[1] - gap, rect[2] + 2 * side, rect[3] + 2 * gap


def contains(outer: Rect, inner: Rect) -> bool:
    return (outer[0] <= inner[0] and outer[1] <= inner[1]
            and inner[0] + inner[2] <= outer[0] + outer[2]
            and inner[1] + inner[3] <= outer[1] + outer[3])


def distance(rect: Rect, point: Point) -> float:
    """From `point` to the nearest point of `rect` (0 inside it)."""
    dx = max(rect[0] - point[0], 0.0, point[0] - rect[0] - rect[2])
    dy = max(rect[1] - point[1], 0.0, point[1] - rect[1] - rect[3])
    return math.hypot(dx, dy)


def nearest_on(rect: Rect, point: Point) -> Point:
    return (min(max(point[0], rect[0]), rect[0] + rect[2]),
            min(max(point[1], rect[1]), rect[1] + rect[3]))


class Grid:
    """Rectangles (or points) in cells, so that a question about one place looks at its
    neighbours only: thousands of markers stay fast."""

    def __init__(self, cell: float):
        self._cell = max(cell, 1.0)
        self._cells: dict[tuple[int, int], list[tuple[Rect, object]]] = defaultdict(list)

    def _keys(self, rect: Rect) -> Iterable[tuple[int, int]]:
        cell = self._cell
        for x in range(int(rect[0] // cell), int((rect[0] + rect[2]) // cell) + 1):
            for y in range(int(rect[1] // cell), int((rect[1] + rect[3]) // cell) + 1):
                yield x, y

    def add(self, rect: Rect, item: object = None) -> None:
        for key in self._keys(rect):
            self._cells[key].append((rect, item))

    def entries(self, rect: Rect) -> Iterator[tuple[Rect, object]]:
        """What is in the cells `rect` touches: one spanning cells comes once for each."""
        cell, cells = self._cell, self._cells
        ys = range(int(rect[1] // cell), int((rect[1] + rect[3]) // cell) + 1)
        for x in range(int(rect[0] // cell), int((rect[0] + rect[2]) // cell) + 1):
            for y in ys:
                found = cells.get((x, y))
                if found:
                    yield from found

    def near(self, rect: Rect) -> list[tuple[Rect, object]]:
        found: dict[int, tuple[Rect, object]] = {}
        for entry in self.entries(rect):
            found[id(entry)] = entry
        return list(found.values())

    def hits(self, rect: Rect) -> bool:
        """Whether anything in the grid intersects `rect` (entries() and intersects(), written
        out: the layout asks this a million times for a crowded map)."""
        cell, cells = self._cell, self._cells
        left, top, right, bottom = rect[0], rect[1], rect[0] + rect[2], rect[1] + rect[3]
        ys = range(int(top // cell), int(bottom // cell) + 1)
        for cx in range(int(left // cell), int(right // cell) + 1):
            for cy in ys:
                found = cells.get((cx, cy))
                if found:
                    for (x, y, width, height), _ in found:
                        if left < x + width and x < right and top < y + height and y < bottom:
                            return True
        return False


# -- markers --------------------------------------------------------------------------------------
def spread(points: dict[str, Point], spacing: float, bounds: Rect) -> dict[str, Point]:
    """Push points apart until no two are closer than `spacing` (or the passes run out),
    keeping them inside `bounds`. Neighbours are found through a grid of `spacing`-sized
    cells, so a pass costs about one look per point, even for thousands of locations."""
    moved = {key: (float(x), float(y)) for key, (x, y) in points.items()}
    keys = sorted(moved)
    left, top, right, bottom = bounds[0], bounds[1], bounds[0] + bounds[2], bounds[1] + bounds[3]
    for _ in range(SPREAD_PASSES):
        cells: dict[tuple[int, int], list[str]] = defaultdict(list)
        for key in keys:
            cells[(int(moved[key][0] // spacing), int(moved[key][1] // spacing))].append(key)
        pushed = False
        for (cx, cy), members in cells.items():
            near = [k for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                    for k in cells.get((cx + dx, cy + dy), ())]
            for a in members:
                for b in near:
                    if b <= a:
                        continue
                    dx, dy = moved[b][0] - moved[a][0], moved[b][1] - moved[a][1]
                    length = math.hypot(dx, dy)
                    if length >= spacing:
                        continue
                    if length < 1e-6:  # the same place: apart in a direction of their own
                        angle = (sum(map(ord, a + b)) % 360) * math.pi / 180
                        dx, dy, length = math.cos(angle), math.sin(angle), 1.0
                    push = (spacing - length) / length / 2
                    moved[a] = (moved[a][0] - dx * push, moved[a][1] - dy * push)
                    moved[b] = (moved[b][0] + dx * push, moved[b][1] + dy * push)
                    pushed = True
        for key in keys:
            x, y = moved[key]
            moved[key] = (min(max(x, left), right), min(max(y, top), bottom))
        if not pushed:
            break
    return moved


# -- labels ---------------------------------------------------------------------------------------
@dataclass
class Labelling:
    labels: dict[str, Rect] = field(default_factory=dict)
    leaders: list[tuple[Point, Point]] = field(default_factory=list)
    led: set[str] = field(default_factory=set)  # the labels joined to their marker by a leader


def place_labels(markers: dict[str, Point], sizes: dict[str, tuple[float, float]],
                 order: list[str], radius: float, bounds: Rect, gap: float, step: float,
                 rings: int = CALLOUT_RINGS, blocked: Iterable[Rect] = (),
                 others: dict[str, Point] | None = None) -> Labelling:
    """Labels for the markers in `order`. First every marker that can have one beside it, no
    nearer to another marker than to its own; then, for the rest, a callout: the label up to
    `rings` steps further out, joined by a leader line. A marker with no such place is left
    unlabelled (for `column_labels`). `others` are markers drawn nearby (in the same space)
    that labels must neither cover nor stand nearer to."""
    every = dict(others or {}) | markers
    points = Grid(4 * radius + gap)
    for key, (x, y) in every.items():
        points.add((x - radius, y - radius, 2 * radius, 2 * radius), key)
    blocked = list(blocked)
    taken = Grid(step * 2)
    for rect in blocked:  # covered by no label, and kept the gap from (an inset's labels)
        points.add(rect, None)
        taken.add(rect)
    result = Labelling()

    def free(rect: Rect) -> bool:
        return contains(bounds, rect) and not taken.hits(apart(rect, gap))

    def put(key: str, rect: Rect, leader: bool) -> None:
        result.labels[key] = rect
        taken.add(rect)
        if leader:
            result.leaders.append((markers[key], nearest_on(rect, markers[key])))
            result.led.add(key)

    for key in (k for k in order if k in markers and k in sizes):  # beside the marker
        reach = radius + gap / 4
        for rect in _around(markers[key], sizes[key], reach, DIRECTIONS):
            if free(rect) and _clear_and_nearest(rect, key, markers[key], points, radius):
                put(key, rect, False)
                break
    for key in (k for k in order if k in markers and k in sizes and k not in result.labels):
        for ring in range(1, rings + 1):  # a callout, further out
            reach = radius + gap / 4 + ring * step
            callout = next((r for r in _around(markers[key], sizes[key], reach,
                                               CALLOUT_DIRECTIONS)
                            if free(r) and _clear(r, points, radius)
                            and not _crosses(markers[key], r, taken, radius)), None)
            if callout is not None:
                put(key, callout, True)
                break
    return result


def _around(point: Point, size: tuple[float, float], reach: float,
            directions: list[Point]) -> Iterable[Rect]:
    """A label's rectangle at `reach` from `point` in each direction, touching it there."""
    x, y = point
    width, height = size
    for dx, dy in directions:
        ax, ay = x + dx * reach, y + dy * reach
        left = ax if dx > 0.3 else ax - width if dx < -0.3 else ax - width / 2
        top = ay if dy > 0.3 else ay - height if dy < -0.3 else ay - height / 2
        yield left, top, width, height


def _clear(rect: Rect, points: Grid, radius: float) -> bool:
    """`rect` covers no marker and nothing blocked."""
    for other, item in points.entries(rect):  # one seen twice gives the same answer
        if item is None:
            if intersects(rect, other):
                return False
        elif distance(rect, (other[0] + radius, other[1] + radius)) <= radius:
            return False
    return True


def _crosses(point: Point, rect: Rect, taken: Grid, radius: float) -> bool:
    """Whether the leader line from `point` to `rect` crosses a label already placed."""
    return any(taken.hits((x - 1, y - 1, 2, 2))
               for x, y in _along(point, nearest_on(rect, point), radius))


def _along(start: Point, end: Point, step: float) -> Iterator[Point]:
    """Points on the line from `start` to `end`, `step` apart, the ends left out."""
    steps = max(1, int(math.hypot(end[0] - start[0], end[1] - start[1]) // max(step, 1.0)))
    for i in range(1, steps):
        yield (start[0] + (end[0] - start[0]) * i / steps,
               start[1] + (end[1] - start[1]) * i / steps)


def _through(line: tuple[Point, Point], rects: list[Rect], own: Rect | None = None) -> bool:
    """Whether `line` passes through any of `rects` (but `own`, the label it leads to)."""
    (x0, y0), (x1, y1) = line
    span = (min(x0, x1) - 1, min(y0, y1) - 1, abs(x1 - x0) + 2, abs(y1 - y0) + 2)
    near = [rect for rect in rects if rect is not own and intersects(span, rect)]
    if near:
        step = min(rect[3] for rect in near) / 3  # a label's height: no label is stepped over
        for px, py in _along(*line, step):
            for left, top, width, height in near:
                if left <= px <= left + width and top <= py <= top + height:
                    return True
    return False


def _segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    """Whether segment ab crosses segment cd (touching at an end does not count)."""
    def side(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    return (side(a, b, c) * side(a, b, d) < 0) and (side(c, d, a) * side(c, d, b) < 0)


def column_labels(missing: list[str], markers: dict[str, Point],
                  sizes: dict[str, tuple[float, float]], labelling: Labelling, radius: float,
                  bounds: Rect, gap: float, blocked: Iterable[Rect] = ()) -> None:
    """Labels for markers still without one, in columns at the map's left and right edges
    (and a second column inside each, where those are full), each in the free slot nearest
    its marker, joined to it by a leader line."""
    blocked = list(blocked)
    taken = Grid(gap * 4)
    for rect in labelling.labels.values():
        taken.add(rect)
    for rect in blocked:
        taken.add(rect)
    points = Grid(4 * radius + gap)
    for key, (x, y) in markers.items():
        points.add((x - radius, y - radius, 2 * radius, 2 * radius), key)
    widest = max((sizes[key][0] for key in missing), default=0.0)
    right = bounds[0] + bounds[2]
    # each column: the x its labels line up on, and whether by their right end
    columns = [(bounds[0], False), (right, True), (bounds[0] + widest + 2 * gap, False),
               (right - widest - 2 * gap, True)]
    placed: dict[str, tuple[int, int]] = {}  # a label's leader (its index) and its column
    narrowest = min((sizes[key][0] for key in missing), default=0.0)
    full: set[tuple[int, float, float]] = set()  # slots with no room even for the narrowest
    lines = Grid(gap * 4)  # the leader lines drawn, as points: no label goes over one
    columned = Grid(gap * 4)  # the labels in columns: no leader line goes through one

    def draw(line: tuple[Point, Point]) -> None:
        for x, y in _along(*line, radius):
            lines.add((x, y, 0, 0))

    for line in labelling.leaders:
        draw(line)
    for key in missing:
        width, height = sizes[key]
        x, y = markers[key]
        # the slots nearest the marker first: in the columns at the edges, then the inner ones
        slots = itertools.chain.from_iterable(
            heapq.merge(*(_column_slots(columns[c], c, (width, height), bounds, (x, y))
                          for c in pair)) for pair in ((0, 1), (2, 3)))
        for _, _, rect, column in slots:
            if (column, rect[1], height) in full:
                continue
            anchor, by_right = columns[column]  # the narrowest label there: is there room?
            narrow = (anchor - narrowest if by_right else anchor, rect[1], narrowest, height)
            if not contains(bounds, narrow) or taken.hits(apart(narrow, gap)) \
                    or lines.hits(narrow):
                full.add((column, rect[1], height))  # for good: labels and lines only come
                continue
            if contains(bounds, rect) and not taken.hits(apart(rect, gap)) \
                    and _clear(rect, points, radius) and not lines.hits(rect) \
                    and not _crosses((x, y), rect, columned, radius):
                labelling.labels[key] = rect
                placed[key] = (len(labelling.leaders), column)
                labelling.leaders.append(((x, y), nearest_on(rect, (x, y))))
                labelling.led.add(key)
                taken.add(rect)
                columned.add(rect)
                draw(labelling.leaders[-1])
                break
    _untangle(placed, columns, markers, labelling, points, radius, gap, blocked)


def _column_slots(column: tuple[float, bool], index: int, size: tuple[float, float],
                  bounds: Rect, point: Point) -> Iterator[tuple[float, int, Rect, int]]:
    """A column's slots for a label of `size` (half a label's height apart), nearest to
    `point` first: (distance, order, rect, `index`)."""
    (anchor, by_right), (width, height) = column, size
    left = anchor - width if by_right else anchor
    dx = max(left - point[0], 0.0, point[0] - left - width)
    step, first = height / 2, bounds[1]
    count = int((bounds[3] - height) // step) + 1 if bounds[3] >= height else 0
    if count <= 0:
        return

    def dy(i: int) -> float:
        top = first + i * step
        return max(top - point[1], 0.0, point[1] - top - height)

    middle = min(max(round((point[1] - height / 2 - first) / step), 0), count - 1)
    below, above = middle, middle + 1
    while below >= 0 or above < count:  # outwards from the slot level with the point
        if above >= count or (below >= 0 and dy(below) <= dy(above)):
            i, below = below, below - 1
        else:
            i, above = above, above + 1
        yield math.hypot(dx, dy(i)), i, (left, first + i * step, width, height), index


def _untangle(placed: dict[str, tuple[int, int]], columns: list[tuple[float, bool]],
              markers: dict[str, Point], labelling: Labelling, points: Grid, radius: float,
              gap: float, blocked: list[Rect]) -> None:
    """Two labels of a column whose leader lines cross change places in it, where both still
    fit there: the lines then run side by side (`placed`: each label's leader, by its index
    in labelling.leaders, and its column)."""
    def leader(key: str, rect: Rect) -> tuple[Point, Point]:
        return markers[key], nearest_on(rect, markers[key])

    def crossings(line: tuple[Point, Point], skip: set[int]) -> int:
        return sum(_segments_cross(*line, a, b) for i, (a, b) in enumerate(labelling.leaders)
                   if i not in skip)

    def moved(rect: Rect, top: float, column: int) -> Rect:
        anchor, by_right = columns[column]
        return anchor - rect[2] if by_right else anchor, top, rect[2], rect[3]

    for _ in range(UNTANGLE_PASSES):
        swapped = False
        for a, b in itertools.combinations(list(placed), 2):
            (ia, column), (ib, other_column) = placed[a], placed[b]
            if column != other_column or not _segments_cross(*labelling.leaders[ia],
                                                             *labelling.leaders[ib]):
                continue
            ra, rb = labelling.labels[a], labelling.labels[b]
            na, nb = moved(ra, rb[1], column), moved(rb, ra[1], column)
            others = [r for k, r in labelling.labels.items() if k not in (a, b)] + blocked
            if not (_clear(na, points, radius) and _clear(nb, points, radius)) or any(
                    intersects(apart(new, gap), r) for new in (na, nb) for r in others):
                continue
            la, lb = leader(a, na), leader(b, nb)
            # as placed: no line through a label of a column, no label over a line
            labels = [labelling.labels[k] for k in placed if k not in (a, b)] + [na, nb]
            if any(_through(line, labels, own) for line, own in ((la, na), (lb, nb))) or any(
                    _through(line, [na, nb]) for i, line in enumerate(labelling.leaders)
                    if i not in (ia, ib)):
                continue
            before = crossings(labelling.leaders[ia], {ia, ib}) + \
                crossings(labelling.leaders[ib], {ia, ib}) + 1
            after = crossings(la, {ia, ib}) + crossings(lb, {ia, ib}) + _segments_cross(*la, *lb)
            if after < before:
                labelling.labels[a], labelling.labels[b] = na, nb
                labelling.leaders[ia], labelling.leaders[ib] = la, lb
                swapped = True
        if not swapped:
            break


def _clear_and_nearest(rect: Rect, key: str, own: Point, points: Grid, radius: float) -> bool:
    """`rect` covers no marker (nor anything blocked), and no other marker is as near to it as
    its own (measured to the marker's edge, so a marker's size does not count against it)."""
    if not _clear(rect, points, radius):
        return False
    mine = distance(rect, own)
    return not any(item is not None and item != key
                   and distance(rect, (other[0] + radius, other[1] + radius)) <= mine
                   for other, item in points.near(inflated(rect, mine + radius)))


# -- insets ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Inset:
    """A region of the map (`source`) drawn again, magnified, in `box`."""

    source: Rect
    box: Rect
    keys: tuple[str, ...]

    @property
    def scale(self) -> float:
        return self.box[2] / self.source[2]

    def to_box(self, point: Point) -> Point:
        return (self.box[0] + (point[0] - self.source[0]) * self.scale,
                self.box[1] + (point[1] - self.source[1]) * self.scale)


@dataclass
class MapLayout:
    markers: dict[str, Point]  # where each marker is drawn and tapped
    labels: dict[str, Rect]
    leaders: list[tuple[Point, Point]]
    insets: list[Inset]
    led: set[str] = field(default_factory=set)  # labels joined to their marker by a leader

    def share_labelled(self) -> float:
        return len(self.labels) / len(self.markers) if self.markers else 1.0

    def final(self) -> bool:
        """Whether another try (other insets, another view, smaller type) could name more: not
        once every place is named, nor with more than SECOND_LAYOUT_UP_TO markers (most stay
        unnamed whatever is tried, and each try costs more)."""
        return len(self.labels) == len(self.markers) or len(self.markers) > SECOND_LAYOUT_UP_TO


def lay_out(places: dict[str, Point], sizes: dict[str, tuple[float, float]], order: list[str],
            radius: float, spacing: float, area: Rect, gap: float,
            most_insets: int = MOST_INSETS) -> MapLayout:
    """Markers, labels and insets for locations at `places` (their true places on the map
    drawn in `area`); `sizes` are the labels' sizes, `order` who is labelled first.

    Insets go in the map's corners, where they hide least of it. Where that leaves locations
    unnamed, the map is laid out again with larger insets, and the layout that names more is
    kept (only for maps of up to SECOND_LAYOUT_UP_TO markers). Measured on generated networks
    of 30, 45 and 50 locations in random crowds: docs/performance.md."""
    best: MapLayout | None = None
    markers = spread(places, spacing, inflated(area, -radius))  # the same for every try
    for share in (INSET_SHARE, LARGER_INSET_SHARE):
        laid = _lay_out(places, markers, sizes, order, radius, spacing, area, gap, most_insets,
                        share)
        if best is None or len(laid.labels) > len(best.labels):
            best = laid
        if best.final():
            break
    assert best is not None
    return best


def _lay_out(places: dict[str, Point], markers: dict[str, Point],
             sizes: dict[str, tuple[float, float]], order: list[str], radius: float,
             spacing: float, area: Rect, gap: float, most_insets: int,
             share: tuple[float, float]) -> MapLayout:
    """One layout: `markers` are the places spread apart, each its own tap."""
    insets: list[Inset] = []
    step = max(h for _, h in sizes.values()) + gap if sizes else spacing
    main = dict(markers)

    def label_main(rings: int) -> Labelling:
        dots = {k: places[k] for inset in insets for k in inset.keys}  # small, in their frame
        return place_labels(main, sizes, order, radius, area, gap, step, rings=rings,
                            blocked=[inset.box for inset in insets], others=dots)

    while True:  # insets before long callouts: a far label would read as another place's
        labelling = label_main(SHORT_CALLOUT_RINGS)
        missing = [k for k in order if k in main and k not in labelling.labels]
        if not missing or len(insets) >= most_insets:
            break
        blocked = [r for inset in insets for r in (inset.box, inset.source)]
        inset = _inset(missing, main, places, sizes, radius, spacing, area, gap, blocked,
                       share)
        if inset is None:
            break
        insets.append(inset)
        for key in inset.keys:
            del main[key]
    labelling = label_main(CALLOUT_RINGS)
    missing = [k for k in order if k in main and k not in labelling.labels]
    if missing:  # the last resort: a column at the side, with leader lines
        column_labels(missing, main, sizes, labelling, radius, area, gap,
                      [r for inset in insets for r in (inset.box, inset.source)])
    result = MapLayout(dict(main), dict(labelling.labels), list(labelling.leaders), insets,
                       set(labelling.led))
    for inset in insets:
        box = inflated(inset.box, -radius - spacing / 4)
        moved = spread({k: inset.to_box(places[k]) for k in inset.keys}, spacing, box)
        result.markers |= moved
        inner_labels = place_labels(moved, sizes, order, radius, inset.box, gap, step,
                                    rings=INSET_CALLOUT_RINGS)
        column_labels([k for k in order if k in moved and k not in inner_labels.labels], moved,
                      sizes, inner_labels, radius, inflated(inset.box, -gap / 4), gap)
        result.labels |= inner_labels.labels
        result.leaders += inner_labels.leaders
        result.led |= inner_labels.led
    return result


def _inset(missing: list[str], markers: dict[str, Point], places: dict[str, Point],
           sizes: dict[str, tuple[float, float]], radius: float, spacing: float, area: Rect,
           gap: float, blocked: list[Rect], share: tuple[float, float]) -> Inset | None:
    """The crowded region round the unlabelled markers, and the emptiest corner to show it
    in, or None if none is free of other markers."""
    room = (area[2] * share[0], area[3] * share[1])
    label_room = (max(w for w, _ in sizes.values()) + radius + gap,
                  2 * (max(h for _, h in sizes.values()) + gap))
    keys = _crowd(missing, markers, places, spacing,
                  (room[0] - label_room[0], room[1] - label_room[1]), APART * spacing)
    if not keys:
        return None
    xs = [places[k][0] for k in keys]
    ys = [places[k][1] for k in keys]
    span = (max(xs) - min(xs) + spacing, max(ys) - min(ys) + spacing)
    # Room round the markers, once magnified, for a label on either side and above and below
    widest = (max(sizes[k][0] for k in keys) + radius + gap) / 2
    tallest = max(sizes[k][1] for k in keys) + gap
    scale = min((room[0] - 2 * widest) / span[0], (room[1] - 2 * tallest) / span[1],
                MOST_MAGNIFICATION)
    if scale < LEAST_MAGNIFICATION:
        return None
    pad = (widest / scale + spacing / 2, tallest / scale + spacing / 2)
    source = (min(xs) - pad[0], min(ys) - pad[1], max(xs) - min(xs) + 2 * pad[0],
              max(ys) - min(ys) + 2 * pad[1])
    box_size = (source[2] * scale, source[3] * scale)
    # every location in the region is shown in the inset, not only the crowd it was made for
    keys = [k for k in markers if distance(inflated(source, -spacing / 2), places[k]) == 0]
    if len(keys) < 2:  # one place magnified on its own looks like a mistake; a callout it is
        return None
    best, best_score = None, None
    others = [p for k, p in markers.items() if k not in keys]
    for corner in _corners(area, box_size):
        if intersects(corner, inflated(source, spacing)) or \
                any(intersects(corner, other) for other in blocked):
            continue
        covered = sum(1 for p in others if distance(inflated(corner, radius + gap), p) == 0)
        score = (covered, distance(corner, (source[0] + source[2] / 2,
                                            source[1] + source[3] / 2)))
        if best_score is None or score < best_score:
            best, best_score = corner, score
    if best is None or best_score is None or best_score[0] > 0:  # no corner free of markers
        return None
    return Inset(source, best, tuple(sorted(keys)))


def _crowd(missing: list[str], markers: dict[str, Point], places: dict[str, Point],
           spacing: float, room: tuple[float, float], apart: float) -> list[str]:
    """The crowd an inset shows: grown from the unlabelled marker nearest to another marker,
    nearest marker first, for as long as the inset can magnify the group so that no two of
    its markers are nearer than `apart`, and by LEAST_MAGNIFICATION at least."""
    def near(a: str, b: str) -> float:
        return math.hypot(places[a][0] - places[b][0], places[a][1] - places[b][1])

    floor = spacing / 2  # markers nearer than this are spread apart in the inset anyway
    seed = min(missing, key=lambda k: min((near(k, o) for o in markers if o != k),
                                          default=math.inf))
    group, closest = [seed], math.inf
    for key in sorted(markers, key=lambda k: near(k, seed)):
        if key == seed:
            continue
        if len(group) >= MOST_IN_INSET:
            break
        xs = [places[k][0] for k in (*group, key)]
        ys = [places[k][1] for k in (*group, key)]
        scale = min(room[0] / (max(xs) - min(xs) + spacing),
                    room[1] / (max(ys) - min(ys) + spacing), MOST_MAGNIFICATION)
        nearest = min(closest, max(min(near(key, k) for k in group), floor))
        if scale < LEAST_MAGNIFICATION or nearest * scale < apart:
            break
        group.append(key)
        closest = nearest
    return group


def _corners(area: Rect, size: tuple[float, float]) -> list[Rect]:
    """Where an inset may stand: the map's corners, where it hides least of the map."""
    left, top, width, height = area
    w, h = size
    return [(left + width - w, top + height - h, w, h), (left, top + height - h, w, h),
            (left + width - w, top, w, h), (left, top, w, h)]
