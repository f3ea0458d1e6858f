"""The last resort for a name: a column at the side of the map, with a leader line.

A leader line passes through no label of a column, and no column label lies over a leader line;
two labels whose lines cross change places in their column.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Iterable, Iterator

from .labels import Labelling, Spacing, apart, clear, crosses, marker_grid
from .rects import Grid, Line, Point, Rect, Size, along, make, segments_cross, through

UNTANGLE_PASSES = 4
Column = tuple[float, bool]  # the x its labels line up on, and whether by their right end


def column_labels(missing: list[str], markers: dict[str, Point], sizes: dict[str, Size],
                  labelling: Labelling, room: Spacing, bounds: Rect,
                  blocked: Iterable[Rect] = (), untangle: int = UNTANGLE_PASSES) -> None:
    """Labels for markers still without one, in columns at the map's left and right edges
    (and a second column inside each, where those are full), each in the free slot nearest
    its marker, joined to it by a leader line; lines that cross untangled in up to `untangle`
    passes."""
    radius, gap = room.radius, room.gap
    blocked = list(blocked)
    taken = Grid(gap * 4)
    for rect in labelling.labels.values():
        taken.add(rect)
    for rect in blocked:
        taken.add(rect)
    points = marker_grid(markers, room)
    widest = max((sizes[key][0] for key in missing), default=0.0)
    right = bounds.right
    columns: list[Column] = [(bounds.left, False), (right, True),
                             (bounds.left + widest + 2 * gap, False),
                             (right - widest - 2 * gap, True)]
    placed: dict[str, tuple[int, int]] = {}  # a label's leader (its index) and its column
    narrowest = min((sizes[key][0] for key in missing), default=0.0)
    full: set[tuple[int, float, float]] = set()  # slots with no room even for the narrowest
    lines = Grid(gap * 4)  # the leader lines drawn, as points: no label goes over one
    columned = Grid(gap * 4)  # the labels in columns: no leader line goes through one

    def draw(line: Line) -> None:
        for x, y in along(*line, radius):
            lines.add(make(x, y, 0, 0))

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
            if (column, rect.top, height) in full:
                continue
            anchor, by_right = columns[column]  # the narrowest label there: is there room?
            narrow = Rect(anchor - narrowest if by_right else anchor, rect.top, narrowest,
                          height)
            if not bounds.contains(narrow) or taken.hits(apart(narrow, gap)) \
                    or lines.hits(narrow):
                full.add((column, rect.top, height))  # for good: labels and lines only come
                continue
            if bounds.contains(rect) and not taken.hits(apart(rect, gap)) \
                    and clear(rect, points, radius) and not lines.hits(rect) \
                    and not crosses((x, y), rect, columned, radius):
                labelling.labels[key] = rect
                placed[key] = (len(labelling.leaders), column)
                labelling.leaders.append(((x, y), rect.nearest_to((x, y))))
                labelling.led.add(key)
                taken.add(rect)
                columned.add(rect)
                draw(labelling.leaders[-1])
                break
    _untangle(placed, columns, markers, labelling, points, room, blocked, untangle)


def _column_slots(column: Column, index: int, size: Size, bounds: Rect, point: Point
                  ) -> Iterator[tuple[float, int, Rect, int]]:
    """A column's slots for a label of `size` (half a label's height apart), nearest to
    `point` first: (distance, order, rect, `index`)."""
    (anchor, by_right), (width, height) = column, size
    left = anchor - width if by_right else anchor
    dx = max(left - point[0], 0.0, point[0] - left - width)
    step, first = height / 2, bounds.top
    count = int((bounds.height - height) // step) + 1 if bounds.height >= height else 0
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
        yield math.hypot(dx, dy(i)), i, make(left, first + i * step, width, height), index


def _untangle(placed: dict[str, tuple[int, int]], columns: list[Column],
              markers: dict[str, Point], labelling: Labelling, points: Grid, room: Spacing,
              blocked: list[Rect], passes: int) -> None:
    """Two labels of a column whose leader lines cross change places in it, where both still
    fit there: the lines then run side by side (`placed`: each label's leader, by its index
    in labelling.leaders, and its column)."""
    radius, gap = room.radius, room.gap

    def leader(key: str, rect: Rect) -> Line:
        return markers[key], rect.nearest_to(markers[key])

    def crossings(line: Line, skip: set[int]) -> int:
        return sum(segments_cross(*line, a, b) for i, (a, b) in enumerate(labelling.leaders)
                   if i not in skip)

    def moved(rect: Rect, top: float, column: int) -> Rect:
        anchor, by_right = columns[column]
        return Rect(anchor - rect.width if by_right else anchor, top, rect.width, rect.height)

    for _ in range(passes):
        swapped = False
        for a, b in itertools.combinations(list(placed), 2):
            (ia, column), (ib, other_column) = placed[a], placed[b]
            if column != other_column or not segments_cross(*labelling.leaders[ia],
                                                            *labelling.leaders[ib]):
                continue
            ra, rb = labelling.labels[a], labelling.labels[b]
            na, nb = moved(ra, rb.top, column), moved(rb, ra.top, column)
            others = [r for k, r in labelling.labels.items() if k not in (a, b)] + blocked
            if not (clear(na, points, radius) and clear(nb, points, radius)) or any(
                    apart(new, gap).intersects(r) for new in (na, nb) for r in others):
                continue
            la, lb = leader(a, na), leader(b, nb)
            # as placed: no line through a label of a column, no label over a line
            labels = [labelling.labels[k] for k in placed if k not in (a, b)] + [na, nb]
            if any(through(line, labels, own) for line, own in ((la, na), (lb, nb))) or any(
                    through(line, [na, nb]) for i, line in enumerate(labelling.leaders)
                    if i not in (ia, ib)):
                continue
            before = crossings(labelling.leaders[ia], {ia, ib}) + \
                crossings(labelling.leaders[ib], {ia, ib}) + 1
            after = crossings(la, {ia, ib}) + crossings(lb, {ia, ib}) + segments_cross(*la, *lb)
            if after < before:
                labelling.labels[a], labelling.labels[b] = na, nb
                labelling.leaders[ia], labelling.leaders[ib] = la, lb
                swapped = True
        if not swapped:
            break
