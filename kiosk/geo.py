"""Map geometry in plain Python: the Albers equal-area projection and the China outline.

Natural Earth's outline (resources/map/china.json, made by tools/build_map.py) and each
location are projected the same way; the map widget only scales the result to its size.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

# Albers equal-area conic for China: standard parallels 25N and 47N, central meridian 105E.
PHI1, PHI2, LAMBDA0, PHI0 = map(math.radians, (25.0, 47.0, 105.0, 0.0))
_N = (math.sin(PHI1) + math.sin(PHI2)) / 2
_C = math.cos(PHI1) ** 2 + 2 * _N * math.sin(PHI1)
_RHO0 = math.sqrt(_C - 2 * _N * math.sin(PHI0)) / _N

Point = tuple[float, float]


def project(longitude: float, latitude: float) -> Point:
    """Longitude/latitude in degrees to projected x (east) and y (north), unit sphere."""
    rho = math.sqrt(max(_C - 2 * _N * math.sin(math.radians(latitude)), 0.0)) / _N
    theta = _N * (math.radians(longitude) - LAMBDA0)
    return rho * math.sin(theta), _RHO0 - rho * math.cos(theta)


@cache
def outline(path: Path) -> tuple[tuple[Point, ...], ...]:
    """The projected rings of the map outline."""
    rings = json.loads(path.read_text(encoding="utf-8"))["rings"]
    return tuple(tuple(project(lon, lat) for lon, lat in ring) for ring in rings)


def bounds(points: list[Point]) -> tuple[float, float, float, float]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)
