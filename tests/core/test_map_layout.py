"""The network map's layout as arithmetic, without a window (kiosk/core/maps/layout.py): the
label rules on generated networks and on the park's own, markers a tap apart, insets."""

import itertools
import math

import pytest

from kiosk.core import geo, paths
from kiosk.core.content import load
from kiosk.core.maps import view as views
from kiosk.core.maps.insets import LEAST_MAGNIFICATION, MOST_MAGNIFICATION
from kiosk.core.maps.layout import MOST_INSETS, MOST_NAMED, lay_out
from kiosk.core.maps.rects import Rect

from ..map_rules import clustered, layout_problems
from ..samples import BUNDLED

# As the widget lays out the network screen's map at 1920x1080: its area, the largest marker's
# radius, the room between markers, a label's height and the gap between labels (24 px type)
AREA = Rect(24, 24, 1128, 657)
RADIUS, SPACING, HEIGHT, GAP = 18.0, 34.0, 35.0, 17.5


def sizes_of(names: dict[str, str]) -> dict[str, tuple[float, float]]:
    """A label's box: about 13 px a letter in the kiosk's 24 px bold type."""
    return {key: (13.0 * len(name) + 2, HEIGHT) for key, name in names.items()}


def placed(lat_lons: dict[str, tuple[float, float]], area: Rect = AREA):
    """Locations where the map widget puts them: projected, the country fitted to `area`."""
    projected = {key: geo.project(lon, lat) for key, (lat, lon) in lat_lons.items()}
    fitted = views.fit(views_bounds(projected), area)
    return {key: fitted.map(p) for key, p in projected.items()}


def views_bounds(projected):
    """The whole country's bounds, as the widget's (its outline and the places)."""
    rings = geo.outline(paths.china_outline())
    return geo.bounds([p for ring in rings for p in ring] + list(projected.values()))


def generated(count: int, seed: int) -> dict[str, tuple[float, float]]:
    return {f"p{index}": place for index, place in enumerate(clustered(count, seed))}


def lay_out_places(places, names):
    order = sorted(places, key=lambda key: -places[key][1])
    return lay_out(places, sizes_of(names), order, RADIUS, SPACING, AREA, GAP)


@pytest.mark.parametrize(("count", "seed"), [(5, 1), (10, 2), (20, 3), (30, 4), (45, 5),
                                             (60, 6), (200, 7)])
def test_generated_networks_keep_the_label_rules(count, seed):
    places = placed(generated(count, seed))
    names = {key: f"City {key}" for key in places}
    laid = lay_out_places(places, names)
    assert layout_problems(laid, places, RADIUS, GAP, AREA) == []
    assert set(laid.markers) == set(places)  # every place has its marker, main map or inset
    assert set(laid.labels) <= set(laid.markers)
    assert len(laid.insets) <= MOST_INSETS
    if count <= 30:
        assert laid.share_labelled() == 1.0, laid.share_labelled()


@pytest.mark.parametrize(("count", "seed"), [(20, 3), (45, 5), (200, 7)])
def test_every_marker_is_a_tap_of_its_own_and_inside_the_map(count, seed):
    places = placed(generated(count, seed))
    laid = lay_out_places(places, {key: "Name" for key in places})
    in_inset = {key for inset in laid.insets for key in inset.keys}
    main = {key: p for key, p in laid.markers.items() if key not in in_inset}
    inner = AREA.inflated(-RADIUS)
    assert all(inner.inflated(0.001).contains(Rect(x, y, 0, 0)) for x, y in main.values())
    if count <= 45:  # with 200, the passes run out before every pair is apart
        for (a, pa), (b, pb) in itertools.combinations(main.items(), 2):
            assert math.dist(pa, pb) >= SPACING - 1, (a, b)


def test_a_crowd_is_magnified_in_an_inset_in_a_corner_that_hides_no_marker():
    """The Yangtze delta: a dozen cities within 250 km of each other cannot each have a name
    beside them on the whole country."""
    delta = {"shanghai": (31.23, 121.47), "suzhou": (31.30, 120.59), "kunshan": (31.38, 120.98),
             "wuxi": (31.49, 120.31), "hangzhou": (30.27, 120.16), "nanjing": (32.06, 118.80),
             "changzhou": (31.81, 119.97), "jiaxing": (30.75, 120.76), "nantong": (31.98, 120.89),
             "huzhou": (30.87, 120.09), "shaoxing": (30.00, 120.58), "ningbo": (29.87, 121.54),
             "beijing": (39.90, 116.41), "chengdu": (30.57, 104.07)}
    places = placed(delta)
    laid = lay_out_places(places, {key: key.title() for key in delta})
    assert layout_problems(laid, places, RADIUS, GAP, AREA) == []
    assert laid.share_labelled() == 1.0
    [inset] = laid.insets
    assert {"shanghai", "suzhou", "kunshan"} <= set(inset.keys)
    assert LEAST_MAGNIFICATION <= inset.scale <= MOST_MAGNIFICATION
    assert AREA.contains(inset.box)
    outside = [p for key, p in laid.markers.items() if key not in inset.keys]
    assert not any(inset.box.inflated(RADIUS).distance(p) == 0 for p in outside)
    for key in inset.keys:  # drawn and tapped in the inset, where the magnified place is
        assert inset.box.contains(Rect(*laid.markers[key], 0, 0))
        assert math.dist(laid.markers[key], inset.to_box(places[key])) < 2 * SPACING


def test_the_parks_own_network_is_named_whole():
    network = load(BUNDLED).content.network
    lat_lons = {loc.id: (loc.latitude, loc.longitude) for loc in network.locations}
    places = placed(lat_lons)
    laid = lay_out_places(places, {loc.id: loc.detail.title.en for loc in network.locations})
    assert layout_problems(laid, places, RADIUS, GAP, AREA) == []
    assert laid.share_labelled() == 1.0
    assert laid.final()


def test_a_label_led_to_its_marker_has_its_leader_line():
    places = placed(generated(45, 5))
    laid = lay_out_places(places, {key: f"City {key}" for key in places})
    starts = {leader[0] for leader in laid.leaders}
    assert laid.led and all(laid.markers[key] in starts for key in laid.led)
    for _start, end in laid.leaders:  # each ends on its label's edge
        assert any(rect.distance(end) < 1e-6 for rect in laid.labels.values())


@pytest.mark.parametrize("count", [MOST_NAMED, MOST_NAMED + 1])
def test_past_the_most_named_places_none_is_named_or_moved(count):
    """Named and pushed apart, up to MOST_NAMED places on the map; past it each is drawn where it
    is (and numbered, as in the list), in linear time: 3,500 places had kept the screen's
    thread busy for 47 s."""
    spots = {f"p{i}": point for i, point in enumerate(clustered(count, seed=5))}
    places = placed(spots)
    names = sizes_of({key: f"Place {key}" for key in places})
    laid = lay_out(places, names, sorted(places), RADIUS, SPACING, AREA, GAP)
    if count > MOST_NAMED:
        assert (laid.markers, laid.labels, laid.leaders, laid.insets) == (places, {}, [], [])
    else:
        assert laid.labels and laid.markers != places  # some named; crowded ones moved apart
