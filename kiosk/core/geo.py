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


EARTH_KM = 6371.0  # the mean radius


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two places (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def compass(lat1: float, lon1: float, lat2: float, lon2: float) -> int:
    """Which way the second place lies from the first, as one of eight points: 0 north,
    1 north-east, 2 east ... 7 north-west (from the initial great-circle bearing)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    bearing = math.degrees(math.atan2(math.sin(dl) * math.cos(p2),
                                      math.cos(p1) * math.sin(p2)
                                      - math.sin(p1) * math.cos(p2) * math.cos(dl)))
    return round((bearing % 360) / 45) % 8


def nearest(latitude: float, longitude: float, places: list[tuple[str, float, float]],
            count: int) -> list[tuple[str, float, int]]:
    """The `count` places (key, latitude, longitude) nearest to a point, nearest first, each
    with its distance in km and its way from the point (`compass`); a place at the point
    itself (closer than 1 km) is left out."""
    found = sorted((distance_km(latitude, longitude, lat, lon), key, lat, lon)
                   for key, lat, lon in places)
    return [(key, km, compass(latitude, longitude, lat, lon))
            for km, key, lat, lon in found if km >= 1][:count]
