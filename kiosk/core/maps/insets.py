"""Insets: a crowded region of the map drawn again, magnified, in an empty corner.

The crowd is found from the content's own coordinates (the Yangtze and Pearl River deltas at the
park's scale); its markers are drawn, tapped and labelled in the inset, which a frame round the
region joins.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .labels import Spacing
from .rects import Point, Rect, Size

MOST_IN_INSET = 12  # markers: more would crowd the inset as the map was crowded
INSET_SHARE = (0.40, 0.46)  # of the map's width and height, at most
# and where that leaves locations unnamed: larger insets, which take more of a crowd each
LARGER_INSET_SHARE = (0.50, 0.55)
LEAST_MAGNIFICATION = 2.0  # an inset magnifies its region this much at least
MOST_MAGNIFICATION = 12.0  # and at most
APART = 2.0  # marker spacings between the markers of an inset, at least, once magnified


@dataclass(frozen=True)
class Inset:
    """A region of the map (`source`) drawn again, magnified, in `box`."""

    source: Rect
    box: Rect
    keys: tuple[str, ...]

    @property
    def scale(self) -> float:
        return self.box.width / self.source.width

    def to_box(self, point: Point) -> Point:
        return (self.box.left + (point[0] - self.source.left) * self.scale,
                self.box.top + (point[1] - self.source.top) * self.scale)


def find_inset(missing: list[str], markers: dict[str, Point], places: dict[str, Point],
               sizes: dict[str, Size], room: Spacing, area: Rect, blocked: list[Rect],
               share: tuple[float, float]) -> Inset | None:
    """The crowded region round the unlabelled markers, and the emptiest corner to show it
    in, or None if none is free of other markers."""
    radius, spacing, gap = room.radius, room.marker, room.gap
    most = (area.width * share[0], area.height * share[1])
    label_room = (max(w for w, _ in sizes.values()) + radius + gap,
                  2 * (max(h for _, h in sizes.values()) + gap))
    keys = _crowd(missing, markers, places, spacing,
                  (most[0] - label_room[0], most[1] - label_room[1]), APART * spacing)
    if not keys:
        return None
    xs = [places[k][0] for k in keys]
    ys = [places[k][1] for k in keys]
    span = (max(xs) - min(xs) + spacing, max(ys) - min(ys) + spacing)
    # Room round the markers, once magnified, for a label on either side and above and below
    widest = (max(sizes[k][0] for k in keys) + radius + gap) / 2
    tallest = max(sizes[k][1] for k in keys) + gap
    scale = min((most[0] - 2 * widest) / span[0], (most[1] - 2 * tallest) / span[1],
                MOST_MAGNIFICATION)
    if scale < LEAST_MAGNIFICATION:
        return None
    pad = (widest / scale + spacing / 2, tallest / scale + spacing / 2)
    source = Rect(min(xs) - pad[0], min(ys) - pad[1], max(xs) - min(xs) + 2 * pad[0],
                  max(ys) - min(ys) + 2 * pad[1])
    box_size = (source.width * scale, source.height * scale)
    # every location in the region is shown in the inset, not only the crowd it was made for
    inner = source.inflated(-spacing / 2)
    keys = [k for k in markers if inner.distance(places[k]) == 0]
    if len(keys) < 2:  # one place magnified on its own looks like a mistake; a callout it is
        return None
    best: Rect | None = None
    best_score: tuple[int, float] | None = None
    others = [p for k, p in markers.items() if k not in keys]
    around = source.inflated(spacing)
    for corner in _corners(area, box_size):
        if corner.intersects(around) or any(corner.intersects(other) for other in blocked):
            continue
        covering = corner.inflated(radius + gap)
        covered = sum(1 for p in others if covering.distance(p) == 0)
        score = (covered, corner.distance(source.centre))
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


def _corners(area: Rect, size: Size) -> list[Rect]:
    """Where an inset may stand: the map's corners, where it hides least of the map."""
    left, top, width, height = area
    w, h = size
    return [Rect(left + width - w, top + height - h, w, h), Rect(left, top + height - h, w, h),
            Rect(left + width - w, top, w, h), Rect(left, top, w, h)]
