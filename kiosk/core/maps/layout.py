"""Where the network map draws its markers, their labels and its insets, as plain arithmetic.

What a cartographer does where markers crowd, so that a visitor finds the city they came for:
markers pushed apart until each is a tap of its own (markers.py), a leader line joining a moved
marker to its true place; labels beside their markers or on short callouts (labels.py); where
markers still go unlabelled, the crowded region magnified in an inset (insets.py), up to
MOST_INSETS, larger ones where that leaves locations unnamed; and what is still unlabelled in a
column at the side of the map or the inset (columns.py). With very many locations some stay
unlabelled (the list beside the map names every one). Markers are labelled in order: the one a
detail shows, then by staff's `label_priority`, the headquarters, and north to south.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .columns import column_labels
from .insets import INSET_SHARE, LARGER_INSET_SHARE, Inset, find_inset
from .labels import CALLOUT_RINGS, Labelling, Spacing, place_labels
from .markers import spread
from .rects import Line, Point, Rect, Size

MOST_INSETS = 3
SHORT_CALLOUT_RINGS = 2  # as far as a callout goes before a crowd gets an inset instead
INSET_CALLOUT_RINGS = 3
# Markers up to which a map with unnamed locations is laid out again with larger insets (45
# markers: 25 ms a layout; 200, where most stay unnamed either way, 1 s)
SECOND_LAYOUT_UP_TO = 60
# Places on the map beyond which none is named, numbered or pushed apart, each drawn where it
# is (numbers on so many would be a blot), the list beside it where a visitor chooses: placing
# names and spreading
# markers cost more than linear time (the network's screen built in 0.4 s with 100 places,
# 1.2 s with 200, 4 s with 500, 47 s with 3,500, on the screen's thread; 200 still name an
# eighth of themselves at rest). Zoomed in, fewer are on the map, and those are named.
MOST_NAMED = 200


@dataclass
class MapLayout:
    markers: dict[str, Point]  # where each marker is drawn and tapped
    labels: dict[str, Rect]
    leaders: list[Line]
    insets: list[Inset]
    led: set[str] = field(default_factory=set)  # labels joined to their marker by a leader

    def share_labelled(self) -> float:
        return len(self.labels) / len(self.markers) if self.markers else 1.0

    def final(self) -> bool:
        """Whether another try (other insets, another view, smaller type) could name more: not
        once every place is named, nor with more than SECOND_LAYOUT_UP_TO markers (most stay
        unnamed whatever is tried, and each try costs more)."""
        return len(self.labels) == len(self.markers) or len(self.markers) > SECOND_LAYOUT_UP_TO


def lay_out(places: dict[str, Point], sizes: dict[str, Size], order: list[str],
            radius: float, spacing: float, area: Rect, gap: float,
            most_insets: int = MOST_INSETS) -> MapLayout:
    """Markers, labels and insets for locations at `places` (their true places on the map
    drawn in `area`); `sizes` are the labels' sizes, `order` who is labelled first; `radius`
    the largest marker's, `spacing` between markers' centres, `gap` between labels.

    Insets go in the map's corners, where they hide least of it. Where that leaves locations
    unnamed, the map is laid out again with larger insets, and the layout that names more is
    kept (only for maps of up to SECOND_LAYOUT_UP_TO markers). Measured on generated networks
    of 30, 45 and 50 locations in random crowds: docs/performance.md."""
    if len(places) > MOST_NAMED:  # too many to name, or to spread apart: see MOST_NAMED
        return MapLayout(dict(places), {}, [], [])
    room = Spacing(radius, spacing, gap,
                   max(h for _, h in sizes.values()) + gap if sizes else spacing)
    best: MapLayout | None = None
    markers = spread(places, spacing, area.inflated(-radius))  # the same for every try
    for share in (INSET_SHARE, LARGER_INSET_SHARE):
        laid = _lay_out(places, markers, sizes, order, room, area, most_insets, share)
        if best is None or len(laid.labels) > len(best.labels):
            best = laid
        if best.final():
            break
    assert best is not None
    return best


def _lay_out(places: dict[str, Point], markers: dict[str, Point], sizes: dict[str, Size],
             order: list[str], room: Spacing, area: Rect, most_insets: int,
             share: tuple[float, float]) -> MapLayout:
    """One layout: `markers` are the places spread apart, each its own tap."""
    insets: list[Inset] = []
    main = dict(markers)

    def label_main(rings: int) -> Labelling:
        dots = {k: places[k] for inset in insets for k in inset.keys}  # small, in their frame
        return place_labels(main, sizes, order, room, area, rings=rings,
                            blocked=[inset.box for inset in insets], others=dots)

    def taken_by_insets() -> list[Rect]:
        return [r for inset in insets for r in (inset.box, inset.source)]

    while True:  # insets before long callouts: a far label would read as another place's
        labelling = label_main(SHORT_CALLOUT_RINGS)
        missing = [k for k in order if k in main and k not in labelling.labels]
        if not missing or len(insets) >= most_insets:
            break
        inset = find_inset(missing, main, places, sizes, room, area, taken_by_insets(), share)
        if inset is None:
            break
        insets.append(inset)
        for key in inset.keys:
            del main[key]
    labelling = label_main(CALLOUT_RINGS)
    missing = [k for k in order if k in main and k not in labelling.labels]
    if missing:  # the last resort: a column at the side, with leader lines
        column_labels(missing, main, sizes, labelling, room, area, taken_by_insets())
    result = MapLayout(dict(main), dict(labelling.labels), list(labelling.leaders), insets,
                       set(labelling.led))
    for inset in insets:
        box = inset.box.inflated(-room.radius - room.marker / 4)
        moved = spread({k: inset.to_box(places[k]) for k in inset.keys}, room.marker, box)
        result.markers |= moved
        inner_labels = place_labels(moved, sizes, order, room, inset.box,
                                    rings=INSET_CALLOUT_RINGS)
        column_labels([k for k in order if k in moved and k not in inner_labels.labels], moved,
                      sizes, inner_labels, room, inset.box.inflated(-room.gap / 4))
        result.labels |= inner_labels.labels
        result.leaders += inner_labels.leaders
        result.led |= inner_labels.led
    return result
