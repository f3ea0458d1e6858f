"""Markers pushed apart until each is a tap of its own."""

from __future__ import annotations

import math
from collections import defaultdict

from .rects import Point, Rect

SPREAD_PASSES = 40


def spread(points: dict[str, Point], spacing: float, bounds: Rect) -> dict[str, Point]:
    """Push points apart until no two are closer than `spacing` (or the passes run out),
    keeping them inside `bounds`. Neighbours are found through a grid of `spacing`-sized
    cells, so a pass costs about one look per point, even for thousands of locations."""
    moved = {key: (float(x), float(y)) for key, (x, y) in points.items()}
    keys = sorted(moved)
    left, top, right, bottom = bounds.left, bounds.top, bounds.right, bounds.bottom
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
