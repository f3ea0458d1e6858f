"""Rectangles, points and lines on the map, and a grid that finds what is near a place."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import NamedTuple

Point = tuple[float, float]
Line = tuple[Point, Point]
Size = tuple[float, float]  # width, height


class Rect(NamedTuple):
    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def centre(self) -> Point:
        return self.left + self.width / 2, self.top + self.height / 2

    # Written with the numbers unpacked: the layout asks these a million times for a crowded map
    def intersects(self, other: Rect) -> bool:
        left, top, width, height = self
        x, y, w, h = other
        return left < x + w and x < left + width and top < y + h and y < top + height

    def contains(self, inner: Rect) -> bool:
        left, top, width, height = self
        x, y, w, h = inner
        return left <= x and top <= y and x + w <= left + width and y + h <= top + height

    def inflated(self, by: float) -> Rect:
        left, top, width, height = self
        return make(left - by, top - by, width + 2 * by, height + 2 * by)

    def distance(self, point: Point) -> float:
        """From `point` to the nearest point of the rectangle (0 inside it)."""
        left, top, width, height = self
        dx = max(left - point[0], 0.0, point[0] - left - width)
        dy = max(top - point[1], 0.0, point[1] - top - height)
        return math.hypot(dx, dy)

    def nearest_to(self, point: Point) -> Point:
        return min(max(point[0], self.left), self.right), min(max(point[1], self.top), self.bottom)


def make(left: float, top: float, width: float, height: float) -> Rect:
    """A Rect made without the named tuple's own constructor (a Python call each: the layout
    makes tens of thousands of rectangles for a crowded map, docs/performance.md)."""
    return _new(Rect, (left, top, width, height))


_new = tuple.__new__


def square(centre: Point, radius: float) -> Rect:
    """The square round a marker of `radius` at `centre`."""
    return Rect(centre[0] - radius, centre[1] - radius, 2 * radius, 2 * radius)


def along(start: Point, end: Point, step: float) -> Iterator[Point]:
    """Points on the line from `start` to `end`, `step` apart, the ends left out."""
    steps = max(1, int(math.hypot(end[0] - start[0], end[1] - start[1]) // max(step, 1.0)))
    for i in range(1, steps):
        yield (start[0] + (end[0] - start[0]) * i / steps,
               start[1] + (end[1] - start[1]) * i / steps)


def through(line: Line, rects: list[Rect], own: Rect | None = None) -> bool:
    """Whether `line` passes through any of `rects` (but `own`, the label it leads to)."""
    (x0, y0), (x1, y1) = line
    span = Rect(min(x0, x1) - 1, min(y0, y1) - 1, abs(x1 - x0) + 2, abs(y1 - y0) + 2)
    near = [rect for rect in rects if rect is not own and span.intersects(rect)]
    if near:
        step = min(rect.height for rect in near) / 3  # a label's height: none is stepped over
        for px, py in along(*line, step):
            for left, top, width, height in near:
                if left <= px <= left + width and top <= py <= top + height:
                    return True
    return False


def segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    """Whether segment ab crosses segment cd (touching at an end does not count)."""
    def side(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    return (side(a, b, c) * side(a, b, d) < 0) and (side(c, d, a) * side(c, d, b) < 0)


class Grid:
    """Rectangles (or points) in cells, so that a question about one place looks at its
    neighbours only: thousands of markers stay fast."""

    def __init__(self, cell: float):
        self._cell = max(cell, 1.0)
        self._cells: dict[tuple[int, int], list[tuple[Rect, object]]] = defaultdict(list)

    def _keys(self, rect: Rect) -> Iterable[tuple[int, int]]:
        cell = self._cell
        for x in range(int(rect.left // cell), int((rect.left + rect.width) // cell) + 1):
            for y in range(int(rect.top // cell), int((rect.top + rect.height) // cell) + 1):
                yield x, y

    def add(self, rect: Rect, item: object = None) -> None:
        entry = (rect, item)  # one entry in every cell it spans: near() tells it once
        for key in self._keys(rect):
            self._cells[key].append(entry)

    def entries(self, rect: Rect) -> Iterator[tuple[Rect, object]]:
        """What is in the cells `rect` touches: one spanning cells comes once for each."""
        cell, cells = self._cell, self._cells
        left, top, width, height = rect
        ys = range(int(top // cell), int((top + height) // cell) + 1)
        for x in range(int(left // cell), int((left + width) // cell) + 1):
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
        """Whether anything in the grid intersects `rect` (entries() and Rect.intersects(),
        written out: the layout asks this a million times for a crowded map)."""
        cell, cells = self._cell, self._cells
        left, top, width, height = rect
        right, bottom = left + width, top + height
        ys = range(int(top // cell), int(bottom // cell) + 1)
        for cx in range(int(left // cell), int(right // cell) + 1):
            for cy in ys:
                found = cells.get((cx, cy))
                if found:
                    for (x, y, w, h), _ in found:
                        if left < x + w and x < right and top < y + h and y < bottom:
                            return True
        return False
