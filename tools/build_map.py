"""Regenerate resources/map/china.json from Natural Earth (public domain).

Natural Earth 4.1 admin-0 countries at 1:50m, as redistributed by the npm package
world-atlas 2.0.2 in TopoJSON. Fetch the package and run:

    npm pack world-atlas@2.0.2
    python tools/build_map.py world-atlas-2.0.2.tgz

The output keeps longitude/latitude rings (simplified with Douglas-Peucker); the kiosk
projects them itself (kiosk/core/geo.py), the same way it projects the locations.
"""

from __future__ import annotations

import json
import sys
import tarfile
from pathlib import Path

# Natural Earth ids (ISO 3166-1 numeric): China, Taiwan, Hong Kong, Macao.
REGION_IDS = {"156", "158", "344", "446"}
TOLERANCE_DEG = 0.04
MIN_RING_POINTS = 4
OUT = Path(__file__).resolve().parent.parent / "resources" / "map" / "china.json"


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5 or 1e-12
        best, best_index = 0.0, -1
        for i in range(first + 1, last):
            x, y = points[i]
            distance = abs(dy * (x - x1) - dx * (y - y1)) / norm
            if distance > best:
                best, best_index = distance, i
        if best > tolerance:
            keep[best_index] = True
            stack += [(first, best_index), (best_index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify_ring(points: list[tuple[float, float]], tolerance: float) -> list:
    """A closed ring starts and ends on one point: simplify its two halves apart."""
    middle = len(points) // 2
    return simplify(points[: middle + 1], tolerance)[:-1] + simplify(points[middle:], tolerance)


def main(tarball: str) -> int:
    with tarfile.open(tarball) as archive:
        topo = json.load(archive.extractfile("package/countries-50m.json"))
    arcs = decode_arcs(topo)
    rings = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        if geometry.get("id") not in REGION_IDS:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for indexes in polygon:
                simplified = simplify_ring(ring(arcs, indexes), TOLERANCE_DEG)
                if len(simplified) >= MIN_RING_POINTS:
                    rings.append([[round(x, 3), round(y, 3)] for x, y in simplified])
    OUT.write_text(
        json.dumps(
            {
                "source": "Natural Earth 1:50m admin-0 countries 4.1 (public domain), "
                "via world-atlas 2.0.2; ids 156, 158, 344, 446",
                "rings": rings,
            },
            separators=(",", ":"),
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{OUT}: {len(rings)} rings, {sum(len(r) for r in rings)} points")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
