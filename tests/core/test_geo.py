"""Distances and directions between places, for a location's "About 1,070 km south-east of
Beijing": the haversine against the spherical law of cosines, and a degree of latitude."""

import math

import pytest

from kiosk.core.geo import EARTH_KM, compass, distance_km, nearest

BEIJING = (39.9042, 116.4074)


def law_of_cosines(lat1, lon1, lat2, lon2):
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    return EARTH_KM * math.acos(math.sin(p1) * math.sin(p2)
                                + math.cos(p1) * math.cos(p2) * math.cos(dl))


@pytest.mark.parametrize(("place", "way"), [
    ((31.2304, 121.4737), 3),  # Shanghai: south-east
    ((45.8038, 126.5350), 1),  # Harbin: north-east
    ((30.5728, 104.0668), 5),  # Chengdu: south-west
    ((39.1256, 117.1901), 3),  # Tianjin: south-east, near
    ((40.8414, 111.7519), 6),  # Hohhot: west
    ((51.5074, -0.1278), 7),  # London: the great circle leaves Beijing to the north-west
])
def test_distance_and_direction_from_beijing(place, way):
    assert distance_km(*BEIJING, *place) == pytest.approx(law_of_cosines(*BEIJING, *place),
                                                          rel=1e-6)
    assert compass(*BEIJING, *place) == way


def test_a_degree_of_latitude_and_no_distance():
    assert distance_km(30, 120, 31, 120) == pytest.approx(111.19, abs=0.01)
    assert distance_km(*BEIJING, *BEIJING) == 0


def test_the_nearest_places_come_nearest_first_with_their_way_and_never_the_place_itself():
    places = [("beijing", *BEIJING), ("shanghai", 31.2304, 121.4737),
              ("tianjin", 39.1256, 117.1901), ("harbin", 45.8038, 126.5350)]
    found = nearest(*BEIJING, places, 2)
    assert [(key, way) for key, _km, way in found] == [("tianjin", 3), ("harbin", 1)]
    assert found[0][1] == pytest.approx(distance_km(*BEIJING, 39.1256, 117.1901))
    assert [key for key, _, _ in nearest(*BEIJING, places, 10)] == ["tianjin", "harbin",
                                                                     "shanghai"]
    assert nearest(*BEIJING, [], 3) == []
