"""The map's label placement as arithmetic, without a window (kiosk/core/map_layout.py)."""

from kiosk.core import map_layout
from kiosk.core.map_layout import Labelling, column_labels


def _crossings(leaders) -> int:
    return sum(map_layout._segments_cross(*a, *b)
               for i, a in enumerate(leaders) for b in leaders[i + 1:])


def test_column_labels_whose_leader_lines_cross_change_places(monkeypatch):
    """Two markers near each other: the first takes the slot beside it, the second the next
    one down, and its line would cross the first's; the two labels change places instead."""
    markers = {"first": (159.0, 409.0), "second": (164.0, 402.0)}
    sizes = {key: (80.0, 20.0) for key in markers}

    def columns() -> Labelling:
        labelling = Labelling()
        column_labels(list(markers), markers, sizes, labelling, radius=8, bounds=(0, 0, 600, 600),
                      gap=10)
        return labelling

    monkeypatch.setattr(map_layout, "UNTANGLE_PASSES", 0)
    tangled = columns()
    assert _crossings(tangled.leaders) == 1
    monkeypatch.undo()
    untangled = columns()
    assert _crossings(untangled.leaders) == 0
    assert set(untangled.labels) == set(markers) == untangled.led
    # the labels took each other's places in the column, by the left edge of the map
    assert untangled.labels["first"][1] == tangled.labels["second"][1]
    assert untangled.labels["second"][1] == tangled.labels["first"][1]
    assert {rect[0] for rect in untangled.labels.values()} == {0}


def test_segments_cross_only_where_they_pass_through_each_other():
    cross = map_layout._segments_cross
    assert cross((0, 0), (10, 10), (0, 10), (10, 0))
    assert not cross((0, 0), (10, 0), (0, 5), (10, 5))  # side by side
    assert not cross((0, 0), (10, 10), (10, 10), (20, 0))  # touching at an end
    assert not cross((0, 0), (4, 4), (6, 6), (10, 10))  # on one line, apart
