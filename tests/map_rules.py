"""The label rules of the network map (kiosk/core/maps/), checked on a layout: by the core's
tests on layouts it makes, and by the map widget's on what it shows. No Qt."""

import itertools
import random

from kiosk.core.maps.labels import SIDE_BY_SIDE, apart
from kiosk.core.maps.layout import MapLayout
from kiosk.core.maps.rects import Point, Rect


def clustered(count: int, seed: int) -> list[tuple[float, float]]:
    """`count` places (latitude, longitude) in random clusters over eastern and central China,
    a cluster's places within about 150 km of its centre."""
    chance = random.Random(seed)
    centres = [(chance.uniform(102, 122), chance.uniform(23, 41))
               for _ in range(max(2, count // 8))]
    places = []
    for _ in range(count):
        lon, lat = chance.choice(centres)
        places.append((lat + chance.gauss(0, 1.5), lon + chance.gauss(0, 1.5)))
    return places


def layout_problems(laid: MapLayout, places: dict[str, Point], radius: float, gap: float,
                    bounds: Rect) -> list[str]:
    """Every broken rule, in words: two labels nearer than the gap (above each other) or
    SIDE_BY_SIDE gaps (side by side); a label outside its map (or its inset); a label over a
    marker drawn where it is; a label nearer another marker than its own, unless a leader line
    joins them. `places`: where each location truly is (an inset's are drawn there, small)."""
    inset_of = {key: inset for inset in laid.insets for key in inset.keys}
    problems = []

    def space(key: str) -> dict[str, Point]:  # the points drawn where this label is
        inset = inset_of.get(key)
        if inset is not None:
            return {k: laid.markers[k] for k in inset.keys}
        return {k: places[k] if k in inset_of else p for k, p in laid.markers.items()}

    labels = list(laid.labels.items())
    for (a, ra), (b, rb) in itertools.combinations(labels, 2):
        if apart(ra, gap * 0.99).intersects(rb):
            problems.append(f"labels of {a} and {b} nearer than {gap:.0f} px above each other "
                            f"or {gap * SIDE_BY_SIDE:.0f} px side by side")
    for key, rect in labels:
        inset = inset_of.get(key)
        if not (inset.box if inset else bounds).contains(rect):
            problems.append(f"label of {key} outside its map")
        own = rect.distance(laid.markers[key])
        for other, point in space(key).items():
            if other != key and rect.distance(point) <= radius:
                problems.append(f"label of {key} covers the marker of {other}")
            elif other != key and key not in laid.led and rect.distance(point) <= own:
                problems.append(f"label of {key} is as near to {other} as to its own marker")
    return problems
