"""Rectangles, lines and the grid under the map's layout (kiosk/core/maps/rects.py), at their
edges: two labels that only touch do not overlap, a label on the map's edge is inside it."""

import pytest

from kiosk.core.maps.rects import Grid, Rect, along, segments_cross, square, through

BOX = Rect(10, 20, 30, 40)  # right 40, bottom 60


@pytest.mark.parametrize(("other", "overlaps"), [
    (Rect(40, 20, 10, 10), False), (Rect(39.9, 20, 10, 10), True),  # beside, on the right
    (Rect(0, 20, 10, 10), False), (Rect(0.1, 20, 10, 10), True),  # on the left
    (Rect(10, 60, 10, 10), False), (Rect(10, 59.9, 10, 10), True),  # below
    (Rect(10, 10, 10, 10), False), (Rect(10, 10.1, 10, 10), True),  # above
])
def test_rectangles_that_only_touch_do_not_overlap(other, overlaps):
    assert BOX.intersects(other) is overlaps
    assert other.intersects(BOX) is overlaps
    grid = Grid(7)
    grid.add(BOX)
    assert grid.hits(other) is overlaps


@pytest.mark.parametrize(("inner", "inside"), [
    (BOX, True), (Rect(10, 20, 30.1, 40), False), (Rect(9.9, 20, 30, 40), False),
    (Rect(10, 19.9, 30, 40), False), (Rect(10, 20, 30, 40.1), False), (Rect(20, 30, 5, 5), True),
])
def test_a_rectangle_on_the_edge_is_inside(inner, inside):
    assert BOX.contains(inner) is inside


def test_the_measures_of_a_rectangle():
    assert (BOX.right, BOX.bottom, BOX.centre) == (40, 60, (25, 40))
    assert BOX.inflated(5) == Rect(5, 15, 40, 50) and BOX.inflated(-5) == Rect(15, 25, 20, 30)
    assert BOX.distance((25, 40)) == 0 and BOX.distance((40, 60)) == 0
    assert BOX.distance((43, 64)) == 5  # 3 right and 4 below the corner
    assert BOX.distance((5, 40)) == 5 and BOX.distance((25, 70)) == 10
    assert BOX.nearest_to((0, 100)) == (10, 60) and BOX.nearest_to((25, 30)) == (25, 30)
    assert BOX.nearest_to((50, 0)) == (40, 20)
    assert square((5, 7), 3) == Rect(2, 4, 6, 6)


def test_points_along_a_line_leave_its_ends_out():
    assert list(along((0, 0), (10, 0), 2.5)) == [(2.5, 0), (5, 0), (7.5, 0)]
    assert list(along((0, 10), (0, 0), 5)) == [(0, 5)]
    assert list(along((0, 0), (3, 4), 10)) == []  # shorter than a step: no point between
    assert list(along((0, 0), (0, 4), 0.5)) == [(0, 1), (0, 2), (0, 3)]  # a step of 1 at least


def test_a_line_through_a_rectangle_but_not_through_its_own():
    label, own = Rect(40, -5, 20, 10), Rect(100, -5, 20, 10)
    line = ((0.0, 0.0), (100.0, 0.0))
    assert through(line, [label])
    assert not through(line, [own], own)  # the label a leader line leads to
    assert through(line, [own, label], own)
    assert not through(line, [Rect(40, 6, 20, 10)])  # beside it, not across
    assert not through(((0.0, 0.0), (30.0, 0.0)), [label])  # it ends before
    assert through(((50.0, -20.0), (50.0, 20.0)), [Rect(45, -1, 10, 2)])  # thin, crossed


def test_segments_cross_only_where_they_pass_through_each_other():
    assert segments_cross((0, 0), (10, 10), (0, 10), (10, 0))
    assert not segments_cross((0, 0), (10, 0), (0, 5), (10, 5))  # side by side
    assert not segments_cross((0, 0), (10, 10), (10, 10), (20, 0))  # touching at an end
    assert not segments_cross((0, 0), (4, 4), (6, 6), (10, 10))  # on one line, apart
    assert not segments_cross((0, 0), (10, 0), (5, 1), (5, 8))  # one ends short of the other
    assert not segments_cross((5, 1), (5, 8), (0, 0), (10, 0))


def test_the_grid_finds_what_is_near_once_each():
    grid = Grid(10)
    wide = Rect(0, 0, 35, 5)  # over four cells
    grid.add(wide, "wide")
    grid.add(Rect(100, 100, 1, 1), "far")
    assert grid.near(Rect(0, 0, 40, 10)) == [(wide, "wide")]
    assert len(list(grid.entries(Rect(0, 0, 40, 10)))) == 4  # once for each cell it spans
    assert grid.near(Rect(50, 50, 5, 5)) == []
    tiny = Grid(0.2)  # a cell is a pixel at least: a thousand cells, not 25,000
    tiny.add(Rect(0, 0, 30, 30))
    assert tiny.hits(Rect(29, 29, 5, 5)) and not tiny.hits(Rect(30, 30, 5, 5))


def test_the_grid_on_both_sides_of_zero_counts_its_cells_exactly():
    """A label may stand left of or above the map's origin (an inset's, a callout's): cells
    are counted down from zero as well as up, each spanned exactly."""
    grid = Grid(10)
    west = Rect(-15, -25, 3, 3)  # in cell (-2, -3) only
    grid.add(west, "west")
    assert list(grid.entries(Rect(-20, -30, 1, 1))) == [(west, "west")]
    assert list(grid.entries(Rect(-9, -9, 1, 1))) == []  # cell (-1, -1): not there
    assert grid.hits(Rect(-14, -24, 5, 5)) and not grid.hits(Rect(-11, -21, 5, 5))
    assert list(grid.entries(Rect(-19, -29, 8, 8))) == [(west, "west")]  # within its cell
    long = Rect(-5, 0, 20, 2)  # cells (-1, 0), (0, 0), (1, 0): three, not four
    grid.add(long, "long")
    assert len(list(grid.entries(Rect(-30, -30, 60, 40)))) == 1 + 3
    assert grid.near(Rect(14, 1, 1, 1)) == [(long, "long")]
    assert grid.near(Rect(21, 1, 1, 1)) == []  # the next cell: empty


def test_a_line_touching_a_rectangles_edge_goes_through_it():
    edge = Rect(40, 0, 20, 10)
    assert through(((0.0, 0.0), (100.0, 0.0)), [edge])  # along its top edge
    assert through(((0.0, 10.0), (100.0, 10.0)), [edge])  # along its bottom edge
    assert through(((40.0, -20.0), (40.0, 20.0)), [edge])  # down its left edge
    assert through(((60.0, -20.0), (60.0, 20.0)), [edge])  # down its right edge
    assert not through(((61.0, -20.0), (61.0, 20.0)), [edge])


def test_segments_that_meet_in_a_t_do_not_cross():
    assert not segments_cross((0, 0), (10, 0), (5, 0), (5, 8))  # one ends on the other
    assert not segments_cross((5, 0), (5, 8), (0, 0), (10, 0))
    assert segments_cross((0, 0), (10, 0), (5, -1), (5, 8))  # one step further: it crosses
