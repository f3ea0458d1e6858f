"""Which part of the country a map shows (kiosk/core/maps/view.py): the fit, a place's
surroundings, the view a crowded network rests in, and a visitor's zoom."""

import pytest

from kiosk.core.maps import view as views
from kiosk.core.maps.layout import MapLayout
from kiosk.core.maps.rects import Rect
from kiosk.core.maps.view import IDENTITY, MOST_ZOOM, Affine, Zoom


def test_affines_compose_as_qt_composes_transforms():
    first, then = Affine(2, -2, 10, 20), Affine(3, 3, -5, 7)
    both = first.then(then)
    for point in ((0, 0), (1.5, -4), (100, 3)):
        assert both.map(point) == pytest.approx(then.map(first.map(point)))
    assert first.then(IDENTITY) is first and IDENTITY.then(then) is then
    assert IDENTITY.identity and not Affine(1, 1, 0.5, 0).identity


def test_the_fit_centres_the_bounds_in_the_area_with_one_scale_north_up():
    fitted = views.fit((0.0, 0.0, 2.0, 1.0), Rect(10, 20, 400, 400))
    assert fitted.sx == -fitted.sy == 200  # the width decides: 400 / 2
    assert fitted.map((0, 1)) == (10, 120)  # north-west corner: the top left, centred down
    assert fitted.map((2, 0)) == (410, 320)  # south-east: the bottom right


def test_round_a_place_its_five_nearest_and_at_least_800_km():
    projected = {"here": (0.0, 0.0), **{f"n{i}": (0.001 * i, 0.0) for i in range(1, 9)}}
    near, (x0, y0, x1, y1) = views.round_focus(projected, "here")
    assert near == ["here", "n1", "n2", "n3", "n4", "n5"]
    assert x1 - x0 == y1 - y0 == views.FOCUS_SPAN  # all near: the least span
    far = {"here": (0.0, 0.0), "there": (0.2, 0.1)}
    near, (x0, y0, x1, y1) = views.round_focus(far, "here")
    assert (x0, x1) == pytest.approx((-0.26, 0.26))  # the farthest shown, with 30 % margin


def test_only_the_places_on_the_widget_are_laid_out():
    places = {"in": (0.0, 0.0), "edge": (100.0, 50.0), "out": (100.1, 10.0), "above": (5, -1)}
    assert set(views.on_screen(places, 100, 50)) == {"in", "edge"}


@pytest.mark.parametrize(("asked", "given"), [(0.5, 1.0), (1.0005, 1.0), (1.01, 1.01),
                                              (MOST_ZOOM, MOST_ZOOM), (MOST_ZOOM + 1, MOST_ZOOM)])
def test_a_zoom_is_held_between_the_whole_map_and_six_times(asked, given):
    zoom = views.zoomed(asked, (50.0, 50.0), Zoom(), (100, 100))
    assert zoom.zoom == given
    assert (zoom.centre is None) == (given == 1.0)


def test_a_zoomed_map_moves_at_most_half_the_widget_off_centre():
    zoom = views.zoomed(2.0, (1000.0, -1000.0), Zoom(), (200, 100))
    assert zoom.centre == (150.0, 25.0)  # the whole map's middle, 100x50, moved 50 and 25
    again = views.zoomed(3.0, None, zoom, (200, 100))  # no centre given: where it is
    assert again.centre == zoom.centre


def test_a_point_zoomed_to_goes_back_to_where_it_was_on_the_whole_map():
    zoom = views.zoomed(2.5, (80.0, 30.0), Zoom(), (200, 100))
    middle = (100.0, 50.0)
    on_widget = zoom.view(middle).map((80.0, 30.0))
    assert on_widget == middle  # the centre chosen is in the middle
    assert zoom.to_base(on_widget, middle) == pytest.approx((80.0, 30.0))
    assert Zoom().to_base((3.0, 4.0), middle) == (3.0, 4.0) and Zoom().view(middle).identity


def test_a_pinch_moves_the_last_picture_until_the_map_is_laid_out_again():
    middle = (100.0, 50.0)
    assert views.preview(Zoom(), Zoom(), middle) is IDENTITY
    move = views.preview(Zoom(), Zoom(2.0, (100.0, 50.0)), middle)
    assert move.map(middle) == middle and move.sx == 2.0  # scaled round the middle
    shifted = views.preview(Zoom(2.0, (100.0, 50.0)), Zoom(2.0, (90.0, 50.0)), middle)
    assert shifted.map((0.0, 0.0)) == (20.0, 0.0)  # the map's point 10 px right, twice as large


def named(count: int, named_count: int) -> MapLayout:
    markers = {f"p{i}": (float(i), 0.0) for i in range(count)}
    labels = {f"p{i}": Rect(i, 0, 1, 1) for i in range(named_count)}
    return MapLayout(markers, labels, [], [])


def test_a_network_named_whole_on_the_whole_country_rests_there_in_the_usual_type():
    projected = {f"p{i}": (i / 10, i / 20) for i in range(4)}
    tried = []

    def lay_out(places, names):
        tried.append(names)
        return named(4, 4)

    rest = views.rest(projected, IDENTITY, Rect(0, 0, 800, 600), 18,
                      lambda scale: ({k: (100 * scale, 30) for k in projected}, 10), lay_out)
    assert (rest.frame, rest.type_scale) == (IDENTITY, 1.0) and len(tried) == 1


def test_a_crowded_network_rests_framed_round_it_then_in_smaller_type():
    """The whole country names 2 of 4; enlarged round the network, 3; in smaller type, 3 on
    the whole country and all 4 enlarged."""
    projected = {f"p{i}": (100 + i * 10.0, 100 + i * 5.0) for i in range(4)}
    tried = []

    def lay_out(places, names):
        framed = max(x for x, _ in places.values()) - min(x for x, _ in places.values()) > 30
        smaller = names[0]["p0"][0] < 100
        tried.append((framed, smaller))
        return named(4, 2 + framed + smaller)

    rest = views.rest(projected, IDENTITY, Rect(0, 0, 800, 600), 18,
                      lambda scale: ({k: (100 * scale, 30) for k in projected}, 10), lay_out,
                      fits=(1.5,), smaller=(0.9, 0.85))
    assert not rest.frame.identity and rest.frame.sx == 1.5
    assert rest.type_scale == 0.9 and rest.layout.share_labelled() == 1.0
    assert tried == [(False, False), (True, False), (False, True), (True, True)]  # then no more


def test_the_fit_of_bounds_away_from_the_origin_centres_the_spare_room():
    tall = views.fit((1.0, 2.0, 2.0, 4.0), Rect(10, 20, 400, 400))  # 1 wide, 2 high: height
    assert tall.sx == -tall.sy == 200
    assert tall.map((1, 4)) == (110, 20)  # north-west: 100 px of spare width on either side
    assert tall.map((2, 2)) == (310, 420)
    wide = views.fit((1.0, 2.0, 3.0, 3.0), Rect(10, 20, 400, 400))  # 2 wide, 1 high: width
    assert wide.map((1, 3)) == (10, 120) and wide.map((3, 2)) == (410, 320)


def test_round_a_place_away_from_the_origin():
    projected = {"here": (1.0, 2.0), "east": (1.1, 2.0), "north": (1.0, 2.2),
                 **{f"far{i}": (5.0 + i, -5.0) for i in range(6)}}
    near, bounds = views.round_focus(projected, "here")
    assert near[:3] == ["here", "east", "north"] and "far5" not in near
    half = (5.0 + 3 - 1.0) * 1.3  # the farthest of the six shown, far3, 7 across: 30 % more
    assert bounds == pytest.approx((1.0 - half, 2.0 - half, 1.0 + half, 2.0 + half))


def test_a_zoom_just_past_the_whole_map_is_the_whole_map():
    assert views.zoomed(1.001, (10.0, 10.0), Zoom(), (100, 100)) == Zoom()
    assert views.zoomed(1.0011, (50.0, 50.0), Zoom(), (100, 100)).zoom == 1.0011


def test_a_point_off_the_middle_of_a_zoomed_map_is_nearer_its_centre_on_the_whole():
    zoom = Zoom(2.0, (80.0, 30.0))
    assert zoom.to_base((120.0, 70.0), (100.0, 50.0)) == (90.0, 40.0)  # 20 px: 10 on the whole


def test_a_pinch_from_a_zoomed_view_moves_the_picture_both_ways():
    middle = (100.0, 50.0)
    move = views.preview(Zoom(2.0, (60.0, 40.0)), Zoom(3.0, (50.0, 30.0)), middle)
    assert move.sx == move.sy == 1.5
    assert move.map(middle) == (130.0, 80.0)  # the old middle, 10 and 10 further, three times


def test_a_view_that_names_no_more_is_not_taken():
    """A tie keeps the first: the whole country in the usual type."""
    projected = {f"p{i}": (100 + i * 10.0, 100 + i * 5.0) for i in range(4)}
    rest = views.rest(projected, IDENTITY, Rect(0, 0, 800, 600), 18,
                      lambda scale: ({k: (100 * scale, 30) for k in projected}, 10),
                      lambda places, names: named(4, 2), fits=(1.25, 1.5), smaller=(0.9,))
    assert (rest.frame, rest.type_scale) == (IDENTITY, 1.0)


def test_a_crowd_is_framed_as_far_as_it_fits_with_room_for_its_names():
    """Enlarged round the network's middle, by no more than leaves room for a label beside its
    outermost markers."""
    projected = {"a": (300.0, 200.0), "b": (500.0, 300.0)}
    frames = []

    def lay_out(places, names):
        frames.append(places)
        return named(2, 1)

    views.rest(projected, IDENTITY, Rect(0, 0, 800, 600), 18,
               lambda scale: ({k: (82.0, 30.0) for k in projected}, 10), lay_out,
               fits=(1.25, 1.5, 4.0), smaller=())
    # room: 100 px a side across (82 + 18), 60 px above and below; 200 x 100 px of network
    # fits (800 - 200) / 200 = 3 times across and (600 - 120) / 100 = 4.8 down: 4.0 is cut to 3
    assert [round(p["b"][0] - p["a"][0]) for p in frames] == [200, 250, 300, 600]
    for places in frames[1:]:  # centred on the area's middle
        assert (places["a"][0] + places["b"][0]) / 2 == pytest.approx(400)
        assert (places["a"][1] + places["b"][1]) / 2 == pytest.approx(300)
