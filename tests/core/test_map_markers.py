"""Markers pushed apart (kiosk/core/maps/markers.py): where two at one place go, that a pass
stops when none is too near, and that none leaves the map's bounds."""

import math

import pytest

from kiosk.core.maps.markers import spread
from kiosk.core.maps.rects import Rect

BOUNDS = Rect(0.0, 0.0, 1000.0, 1000.0)


def test_two_markers_at_one_place_part_along_a_direction_of_their_own():
    moved = spread({"a": (500, 500), "b": (500, 500)}, 10.0, BOUNDS)
    angle = ((ord("a") + ord("b")) % 360) * math.pi / 180  # 195 degrees
    assert moved["a"] == pytest.approx((500 - 5 * math.cos(angle), 500 - 5 * math.sin(angle)))
    assert moved["b"] == pytest.approx((500 + 5 * math.cos(angle), 500 + 5 * math.sin(angle)))
    other = spread({"wuhan": (500, 500), "xian": (500, 500)}, 10.0, BOUNDS)
    assert math.dist(other["wuhan"], other["xian"]) == pytest.approx(10.0)
    assert other["wuhan"] != pytest.approx(moved["a"], abs=0.5)  # a direction of their own


def test_two_near_markers_part_along_the_line_between_them_to_the_spacing():
    moved = spread({"a": (500, 500), "b": (503, 504)}, 10.0, BOUNDS)
    assert moved["a"] == pytest.approx((500 - 0.5 * 3, 500 - 0.5 * 4))
    assert moved["b"] == pytest.approx((503 + 0.5 * 3, 504 + 0.5 * 4))


def test_markers_far_enough_apart_stay_where_they_are_exactly():
    points = {"a": (100.25, 100.5), "b": (110.25, 100.5), "c": (100.25, 110.5), "d": (990, 990)}
    assert spread(points, 10.0, BOUNDS) == points


def test_markers_near_the_edge_stay_inside_the_bounds():
    moved = spread({"a": (0, 0), "b": (0, 0), "c": (1000, 1000), "d": (1000, 1000)}, 30.0,
                   BOUNDS)
    for x, y in moved.values():
        assert 0 <= x <= 1000 and 0 <= y <= 1000
    assert moved["a"] != moved["b"] and moved["c"] != moved["d"]


def test_a_crowd_in_every_neighbouring_cell_ends_a_spacing_apart():
    points = {f"p{i}{j}": (500 + 6 * i, 500 + 6 * j) for i in range(-2, 3) for j in range(-2, 3)}
    moved = spread(points, 10.0, BOUNDS)
    closest = min(math.dist(moved[a], moved[b]) for a in moved for b in moved if a < b)
    assert closest > 9.0
