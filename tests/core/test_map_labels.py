"""The map's label placement as arithmetic, without a window (kiosk/core/maps/)."""

import math

import pytest

from kiosk.core.maps.columns import UNTANGLE_PASSES, column_labels
from kiosk.core.maps.labels import SIDE_BY_SIDE, Labelling, Spacing, apart
from kiosk.core.maps.rects import Rect, segments_cross, through

ROOM = Spacing(radius=8, marker=34, gap=10, step=30)


def _crossings(leaders) -> int:
    return sum(segments_cross(*a, *b)
               for i, a in enumerate(leaders) for b in leaders[i + 1:])


def test_column_labels_whose_leader_lines_cross_change_places():
    """Two markers at one height near the right edge: the first takes the slot level with it
    in the column there, the second the next one down, and its line would cross the first's;
    the two labels change places instead."""
    markers = {"first": (359.0, 204.0), "second": (494.0, 203.0)}
    sizes = {key: (80.0, 20.0) for key in markers}

    def columns(untangle: int) -> Labelling:
        labelling = Labelling()
        column_labels(list(markers), markers, sizes, labelling, ROOM, Rect(0, 0, 600, 600),
                      untangle=untangle)
        return labelling

    tangled = columns(untangle=0)
    assert _crossings(tangled.leaders) == 1
    untangled = columns(untangle=UNTANGLE_PASSES)
    assert _crossings(untangled.leaders) == 0
    assert set(untangled.labels) == set(markers) == untangled.led
    # the labels took each other's places in the column, by the right edge of the map
    assert untangled.labels["first"].top == tangled.labels["second"].top
    assert untangled.labels["second"].top == tangled.labels["first"].top
    assert {rect.right for rect in untangled.labels.values()} == {600}


def test_segments_cross_only_where_they_pass_through_each_other():
    cross = segments_cross
    assert cross((0, 0), (10, 10), (0, 10), (10, 0))
    assert not cross((0, 0), (10, 0), (0, 5), (10, 5))  # side by side
    assert not cross((0, 0), (10, 10), (10, 10), (20, 0))  # touching at an end
    assert not cross((0, 0), (4, 4), (6, 6), (10, 10))  # on one line, apart


def test_where_the_edge_columns_are_full_a_second_column_inside_takes_the_rest():
    """Seven markers in a row on a map three labels high: the columns at the left and right
    edges hold three labels each, and the seventh goes in a column inside, a label's width
    and two gaps in from the edge; no leader line passes through a label of a column."""
    markers = {f"m{i}": (250.0 + 20 * i, 60.0) for i in range(7)}
    sizes = {key: (80.0, 20.0) for key in markers}
    labelling = Labelling()
    column_labels(list(markers), markers, sizes, labelling, ROOM, Rect(0, 0, 600, 120))
    assert set(labelling.labels) == set(markers)
    lefts = sorted(rect.left for rect in labelling.labels.values())
    assert lefts == [0, 0, 0, 600 - 80 - 20 - 80, 520, 520, 520]
    columned = list(labelling.labels.values())
    for start, end in labelling.leaders:
        own = next(rect for rect in columned if rect.nearest_to(start) == end)
        assert not through((start, end), columned, own)


def test_names_side_by_side_keep_more_room_than_names_above_each_other():
    """A label's box is a line of type high, with room above and below its letters and none
    beside them: two names 12 px apart side by side read as one where 12 px above each other
    do not, so beside a label the gap is SIDE_BY_SIDE times the gap above it."""
    gap, label = 10, Rect(0.0, 0.0, 80.0, 20.0)
    room = apart(label, gap)
    assert room.intersects(Rect(80 + 12, 0, 80, 20))  # beside it, 12 px off
    assert not room.intersects(Rect(80 + gap * SIDE_BY_SIDE, 0, 80, 20))
    assert not room.intersects(Rect(0, 20 + 12, 80, 20))  # below it, 12 px off
    assert room.intersects(Rect(0, 20 + 9, 80, 20))


def test_a_label_around_a_point_touches_it_on_the_side_it_goes():
    """Right of the point: its left edge at the reach; left: its right edge; above or below:
    centred; diagonals: the corner at the reach."""
    from kiosk.core.maps.labels import DIRECTIONS, around

    found = list(around((100.0, 200.0), (40.0, 10.0), 20.0, DIRECTIONS))
    d = 20 * math.sqrt(0.5)
    expected = [(120, 195), (40, 195), (80, 170), (80, 220),          # right, left, up, down
                (100 + d, 200 - d - 10), (100 + d, 200 + d),          # up-right, down-right
                (100 - d - 40, 200 - d - 10), (100 - d - 40, 200 + d)]  # up-left, down-left
    assert len(found) == 8
    for rect, (left, top) in zip(found, expected, strict=True):
        assert (rect.left, rect.top, rect.width, rect.height) == (
            pytest.approx(left), pytest.approx(top), 40, 10)


def test_a_label_is_clear_of_a_marker_only_beyond_its_radius_and_of_what_is_blocked():
    from kiosk.core.maps.labels import clear
    from kiosk.core.maps.rects import Grid

    points = Grid(50.0)
    points.add(Rect(92.0, 92.0, 16.0, 16.0), "wuhan")  # a marker of radius 8 centred at 100
    assert not clear(Rect(108.0, 90.0, 40.0, 10.0), points, 8.0)  # its edge, 8 from the centre
    assert clear(Rect(108.5, 90.0, 40.0, 10.0), points, 8.0)
    points.add(Rect(200.0, 200.0, 30.0, 30.0))  # blocked: a legend, say
    assert not clear(Rect(229.0, 190.0, 20.0, 20.0), points, 8.0)
    assert clear(Rect(230.5, 190.0, 20.0, 20.0), points, 8.0)


def test_a_leader_line_crosses_a_label_only_where_it_passes_through_it():
    from kiosk.core.maps.labels import crosses
    from kiosk.core.maps.rects import Grid

    taken = Grid(60.0)
    taken.add(Rect(140.0, 95.0, 20.0, 10.0), "xian")
    assert crosses((100.0, 100.0), Rect(200.0, 95.0, 40.0, 10.0), taken, 8.0)  # through it
    assert not crosses((100.0, 100.0), Rect(200.0, 140.0, 40.0, 10.0), taken, 8.0)  # below
    assert not crosses((100.0, 100.0), Rect(0.0, 95.0, 40.0, 10.0), taken, 8.0)  # the other way
