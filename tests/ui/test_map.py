"""The national network map: every marker its own tap, labels that never collide."""

import itertools
import math

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QImage

from kiosk.core.content import load_bytes
from kiosk.core.content.model import Detail, Location, MapImage, Text
from kiosk.core.maps.rects import Rect
from kiosk.core.session import Route
from kiosk.ui.map_paint import GAP, link_alpha
from kiosk.ui.map_view import DOUBLE_TAP_ZOOM, MARKER_SPACING, Framing, MapView

from ..helpers import settle, tap
from ..map_rules import clustered, layout_problems
from ..samples import ROOT


def open_map(make_window, content=None, size=(1920, 1080)):
    window = make_window(content, size=size)
    window.show_route(Route("network"))
    settle()
    return window, window.screens["network"].map


def test_close_locations_stay_separately_tappable(qtbot, make_window):
    window, view = open_map(make_window)
    spacing = window.look.px(MARKER_SPACING)
    for a, b in itertools.combinations(view.markers, 2):
        delta = view.markers[a] - view.markers[b]
        assert (delta.x() ** 2 + delta.y() ** 2) ** 0.5 >= spacing - 1, (a, b)
    for key in ("suzhou", "kunshan", "wuxi", "shanghai", "beijing", "tianjin"):
        assert view.location_at(view.markers[key]) == key
        tap(qtbot, view, view.markers[key].toPoint())
        assert window.route == Route("network", key)
        window.show_route(Route("network"))
        settle()
        view = window.screens["network"].map


def test_labels_never_overlap_each_other_or_markers(make_window):
    for size in ((1920, 1080), (1080, 1920), (1280, 800)):
        window, view = open_map(make_window, size=size)
        rects = [rect for rect, _ in view.labels]
        assert len(rects) >= 14, size
        for a, b in itertools.combinations(rects, 2):
            assert not a.intersects(b), size
        radius = view.marker_radius(False)
        for rect in rects:
            assert view.rect().contains(rect.toRect()), size
            for marker in view.markers.values():
                assert not rect.adjusted(-radius, -radius, radius, radius).contains(marker)
        assert "Beijing" in view.visible_texts()


def test_map_and_list_select_together(qtbot, make_window):
    window, view = open_map(make_window)
    tap(qtbot, window.screens["network"].buttons["xiamen"])
    tap(qtbot, window.back_button)
    network = window.screens["network"]
    assert network.map.selected == "xiamen"
    assert network.buttons["xiamen"].isChecked()
    assert not network.buttons["beijing"].isChecked()


def test_headquarters_is_linked_to_every_location(make_window):
    window, view = open_map(make_window)
    headquarters = [loc.id for loc in view.locations if loc.headquarters]
    assert headquarters == ["beijing"]
    image = view.grab().toImage()
    beijing, harbin = view.markers["beijing"], view.markers["harbin"]
    middle = (beijing + harbin) / 2
    assert image.pixelColor(middle.toPoint()) != QColor(window.look.theme.surface)
    # the park's 20 links at full strength; a crowd's fainter, down to a floor
    assert [link_alpha(n) for n in (20, 24, 44, 100, 199)] == [70, 70, 38, 28, 28]


def test_a_map_picture_with_bounds_replaces_the_outline(make_window, content, tmp_path):
    picture = QImage(800, 600, QImage.Format.Format_RGB32)
    picture.fill(QColor("#DDEEFF"))
    path = tmp_path / "reviewed-map.png"
    picture.save(str(path))
    image = MapImage(path, west=73.0, east=135.0, south=18.0, north=54.0)
    network = content.network._replace(map_image=image)
    window, view = open_map(make_window, content._replace(network=network))
    rect = view.picture_rect
    beijing = next(loc for loc in content.network.locations if loc.id == "beijing")
    expected_x = rect.left() + (beijing.longitude - 73) / 62 * rect.width()
    expected_y = rect.top() + (54 - beijing.latitude) / 36 * rect.height()
    assert abs(view.places["beijing"].x() - expected_x) < 0.5
    assert abs(view.places["beijing"].y() - expected_y) < 0.5
    assert abs(rect.width() / rect.height() - 800 / 600) < 0.01
    grabbed = view.grab().toImage()
    corner = rect.topLeft().toPoint() + (rect.bottomRight() - rect.topLeft()).toPoint() / 50
    assert grabbed.pixelColor(corner) == QColor("#DDEEFF")


# -- labels: every location named, by its own marker -----------------------------------------------
CITIES = ["Beijing", "Tianjin", "Shanghai", "Guangzhou", "Shenzhen", "Hong Kong", "Chongqing",
          "Chengdu", "Wuhan", "Nanjing", "Hangzhou", "Suzhou", "Xi'an", "Zhengzhou", "Changsha",
          "Hefei", "Jinan", "Qingdao", "Dalian", "Shenyang", "Harbin", "Changchun", "Kunming",
          "Guiyang", "Nanning", "Fuzhou", "Xiamen", "Nanchang", "Taiyuan", "Shijiazhuang"]


def generated(count: int, seed: int) -> tuple[Location, ...]:
    """`count` locations in random clusters (tests/map_rules.py), the first the
    headquarters."""
    locations = []
    for index, (lat, lon) in enumerate(clustered(count, seed)):
        name = CITIES[index % len(CITIES)] + (f" {index // len(CITIES) + 1}"
                                             if index >= len(CITIES) else "")
        locations.append(Location(Detail(f"place{index}", Text(name, name)), lat, lon,
                                  headquarters=index == 0))
    return tuple(locations)


def label_problems(view) -> list[str]:
    """The label rules of kiosk/core/maps/ (tests/map_rules.py), checked on the map as laid
    out, and the names' letters as drawn."""
    places = {key: (p.x(), p.y()) for key, p in view.places.items()}
    gap = QFontMetricsF(view.label_font).height() * GAP
    return layout_problems(view.layout_result, places, view.marker_radius(True), gap,
                           Rect(0, 0, view.width(), view.height())) + names_too_near(view)


def names_too_near(view) -> list[str]:
    """Two names whose letters, as drawn, stand less than a line of their type (its pixel
    size) apart, whichever way: above each other, side by side or corner to corner."""
    metrics = QFontMetricsF(view.label_font)
    least = view.label_font.pixelSize()
    inks = []
    for rect, text in view.labels:  # drawn centred in its rectangle, one line high
        letters = metrics.tightBoundingRect(text)
        left = rect.left() + (rect.width() - metrics.horizontalAdvance(text)) / 2
        baseline = rect.top() + (rect.height() - metrics.height()) / 2 + metrics.ascent()
        inks.append((text, letters.translated(left, baseline)))
    problems = []
    for (a, ink_a), (b, ink_b) in itertools.combinations(inks, 2):
        dx = max(ink_a.left() - ink_b.right(), ink_b.left() - ink_a.right(), 0.0)
        dy = max(ink_a.top() - ink_b.bottom(), ink_b.top() - ink_a.bottom(), 0.0)
        if math.hypot(dx, dy) < least:
            problems.append(f"the letters of {a} and {b} {math.hypot(dx, dy):.1f} px apart, "
                            f"less than the type's {least} px")
    return problems


def rest_map(qtbot, make_window, locations, framing: Framing):
    """The network screen's map at 1920x1080 as it would rest with `framing`: a map widget
    of the same size, on its own."""
    size = lay_out_map(make_window, locations, (1920, 1080), "en").size()
    window = make_window(size=(1920, 1080))
    view = MapView(locations, window.look, "en", framing=framing)
    qtbot.addWidget(view)
    view.resize(size)
    view.show()
    qtbot.waitExposed(view)
    return view


def lay_out_map(make_window, locations, size, language):
    content = load_bytes((ROOT / "content.yaml").read_bytes(), "content.yaml", ROOT).content
    content = content._replace(network=content.network._replace(locations=locations))
    window, view = open_map(make_window, content.with_settings(default_language=language), size)
    return view


SIZES = [(1920, 1080), (1080, 1920), (1280, 800), (3840, 2160)]


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_location_of_the_park_is_named_by_its_own_marker(make_window, content, size,
                                                               language):
    view = lay_out_map(make_window, content.network.locations, size, language)
    assert label_problems(view) == []
    laid = view.layout_result
    assert sorted(laid.labels) == sorted(loc.id for loc in content.network.locations)
    assert not view.framed_at_rest  # the whole country: every place is named on it
    assert view.label_font.pixelSize() == view.look.font_px("small")  # in the usual type
    if size == (1920, 1080) and language == "en":  # the Yangtze delta, magnified
        delta = next(i for i in laid.insets if "shanghai" in i.keys)
        assert {"suzhou", "kunshan"} <= set(delta.keys) and delta.scale >= 2


@pytest.mark.parametrize(("count", "seed", "least"), [(10, 1, 1.0), (10, 4, 1.0), (45, 2, 1.0),
                                                       (45, 5, 1.0), (50, 2, 1.0), (200, 3, 0.12)])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_generated_networks_keep_the_label_rules(make_window, size, count, seed, least, capsys):
    locations = generated(count, seed)
    view = lay_out_map(make_window, locations, size, "en")
    assert label_problems(view) == []
    laid = view.layout_result
    share = laid.share_labelled()
    with capsys.disabled():  # the share is reported: the rest carry their numbers
        print(f"\n  map labels, {count} locations (seed {seed}) at {size[0]}x{size[1]}: "
              f"{len(laid.labels)} named ({share:.0%}), {len(view.keys)} by number, "
              f"{len(laid.insets)} insets", end="")
    assert share >= least
    # every marker shown has its name beside it, or its number on it and by its name in the list
    assert set(laid.labels) | set(view.keys) == set(laid.markers)
    assert not set(laid.labels) & set(view.keys)
    buttons = view.window().screens["network"].buttons
    for index, loc in enumerate(locations):
        text = buttons[loc.id].text().strip()
        if loc.id in view.keys:
            assert view.keys[loc.id] == index + 1
            assert text.startswith(f"{index + 1} · "), text
        else:
            assert text.startswith(loc.detail.title.en[:3]), text


def test_a_crowded_network_rests_framed_round_it_and_zooms_from_there(qtbot, make_window):
    """Where the whole country leaves locations unnamed, the map rests enlarged round the
    network, in a frame: it names more; a visitor's zoom starts from that view."""
    locations = generated(45, 3)
    # the framing alone (the type: below), against the whole country
    whole = rest_map(qtbot, make_window, locations, Framing(fits=(), types=()))
    assert not whole.framed_at_rest
    view = rest_map(qtbot, make_window, locations, Framing(types=()))
    assert view.framed_at_rest
    assert label_problems(view) == []
    laid = view.layout_result
    assert len(laid.labels) > len(whole.layout_result.labels), \
        (len(laid.labels), len(whole.layout_result.labels))
    inside = QRectF(view.rect())
    assert all(inside.contains(point) for point in view.markers.values())
    corner = view.grab().toImage().pixelColor(view.width() // 2, 2)  # the sea, tinted
    assert corner == QColor(view.look.tint("accent", 0.1))
    rest = dict(view.markers)
    middle = view.markers[locations[0].id]
    view.zoom_to(DOUBLE_TAP_ZOOM, middle)
    settle()
    assert label_problems(view) == []
    assert view.location_at(QRectF(view.rect()).center()) == locations[0].id  # zoomed round it
    view.zoom_to(1.0)
    assert view.markers == rest


def test_a_crowded_network_is_named_in_smaller_type_where_the_usual_leaves_places_unnamed(
        qtbot, make_window):
    """As printed maps set a dense region's names smaller: a network that the usual type
    leaves a place of unnamed, on the whole country and framed, is named whole in type 0.9
    of it; the same type when a visitor zooms. The park's own map keeps the usual type."""
    locations = generated(45, 3)
    usual = rest_map(qtbot, make_window, locations, Framing(types=()))
    assert usual.keys and usual.label_font.pixelSize() == usual.look.font_px("small") == 24
    view = lay_out_map(make_window, locations, (1920, 1080), "en")
    assert view.label_font.pixelSize() == 22  # 24 x 0.9
    assert not view.keys and view.layout_result.share_labelled() == 1.0
    assert label_problems(view) == []
    view.zoom_to(DOUBLE_TAP_ZOOM, view.markers[locations[0].id])
    settle()
    assert view.label_font.pixelSize() == 22 and label_problems(view) == []


def test_a_network_that_type_0_9_leaves_a_place_of_unnamed_is_named_in_0_85(qtbot,
                                                                            make_window):
    locations = generated(45, 15)
    smaller = rest_map(qtbot, make_window, locations, Framing(types=(0.9,)))
    assert smaller.keys and smaller.label_font.pixelSize() == 22
    view = lay_out_map(make_window, locations, (1920, 1080), "en")
    assert view.label_font.pixelSize() == 20  # 24 x 0.85
    assert not view.keys and label_problems(view) == []


ACCENTED = ["Ångström", "Évry", "Øresund", "Škofja Loka", "Zürich", "Łódź", "Québec",
            "Ærøskøbing", "Île-de-France", "Göteborg", "Ústí", "Çanakkale", "Århus", "Ōsaka"]


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)], ids=["1920x1080", "3840x2160"])
def test_names_with_accents_over_capitals_keep_the_type_size_apart(make_window, size):
    """Å and É reach above the usual capitals, into the room a name's box leaves over its
    letters: names above each other still stand the type's size apart."""
    locations = tuple(loc._replace(detail=loc.detail._replace(title=Text(name, name)))
                      for loc, name in zip(generated(45, 2), itertools.cycle(ACCENTED)))
    assert len({loc.detail.title.en for loc in locations}) == len(ACCENTED)
    view = lay_out_map(make_window, locations, size, "en")
    assert label_problems(view) == []
    assert view.layout_result.share_labelled() == 1.0


def test_a_marker_without_room_for_its_name_carries_its_number(make_window):
    """Drawn on the marker in the colour text has on the accent, so it reads as a key."""
    view = lay_out_map(make_window, generated(70, 2), (1280, 800), "en")
    assert view.keys
    image = view.grab().toImage()
    look = view.look
    ink, accent = look.color("accent_text"), look.color("accent")
    for key in view.keys:
        middle, half = view.markers[key], round(view.marker_radius(False) / 2)
        x0, y0 = round(middle.x()), round(middle.y())
        inked = [(x, y) for x in range(x0 - half, x0 + half) for y in range(y0 - half, y0 + half)
                 if _nearer(image.pixelColor(x, y), ink, accent)]
        assert len(inked) >= 4, key


def _nearer(colour: QColor, a: QColor, b: QColor) -> bool:
    def far(c: QColor) -> int:
        return abs(colour.red() - c.red()) + abs(colour.green() - c.green()) \
            + abs(colour.blue() - c.blue())
    return far(a) < far(b)


def test_staff_may_say_which_locations_are_labelled_first(make_window):
    """With 100 locations not all can be named: a label_priority puts a location first."""
    locations = list(generated(100, 3))
    view = lay_out_map(make_window, tuple(locations), (1920, 1080), "en")
    laid = view.layout_result

    def room(loc: Location) -> float:  # how far its marker is from the nearest other
        x, y = laid.markers[loc.id]
        return min(math.hypot(x - ox, y - oy) for key, (ox, oy) in laid.markers.items()
                   if key != loc.id)

    unnamed = max((loc for loc in locations if loc.id not in laid.labels), key=room)
    locations[locations.index(unnamed)] = unnamed._replace(label_priority=10)
    view = lay_out_map(make_window, tuple(locations), (1920, 1080), "en")
    assert unnamed.id in view.layout_result.labels


def test_a_locations_detail_shows_the_map_round_it_and_its_way_from_headquarters(make_window):
    from kiosk.snapshot import visible_texts
    from kiosk.ui.map_view import MapView

    window = make_window()
    window.show_route(Route("network", "shanghai"))
    settle()
    view = window.screens["detail"].findChild(MapView)
    names = view.visible_texts()
    assert {"Shanghai", "Suzhou", "Kunshan", "Wuxi"} <= set(names)  # its neighbours named
    assert "Harbin" not in names  # far away: not on this map
    place, middle = view.markers["shanghai"], view.rect().center()
    assert abs(place.x() - middle.x()) < view.width() / 4  # the place near the middle
    assert abs(place.y() - middle.y()) < view.height() / 4
    assert "About 1,080 km south-east of Beijing, the headquarters" in visible_texts(window)
    window.toggle_language()
    window.show_route(Route("network", "shanghai"))
    settle()
    assert "距总部北京约 1,080 公里，位于其东南方" in visible_texts(window)
    window.show_route(Route("network", "beijing"))
    settle()
    assert not [t for t in visible_texts(window) if "总部北京约" in t]  # not for itself


def test_a_locations_page_opens_its_nearest_neighbours_and_back_returns_to_the_map(qtbot,
                                                                                  make_window):
    from PySide6.QtWidgets import QPushButton

    from kiosk.snapshot import visible_texts

    window = make_window()
    window.navigate(Route("network"))
    window.navigate(Route("network", "shenzhen"))
    settle()
    assert "Nearest in the network" in visible_texts(window)
    buttons = {b.accessibleName(): b for b in window.screens["detail"].findChildren(QPushButton)}
    assert "Xiamen, 460 km north-east" in buttons
    tap(qtbot, buttons["Xiamen, 460 km north-east"])
    assert window.route == Route("network", "xiamen")
    window.back()
    assert window.route == Route("network")  # a neighbour replaced the page: back is the map
    window.toggle_language()
    window.show_route(Route("network", "shenzhen"))
    settle()
    assert "网络中距离最近的地点" in visible_texts(window)
    assert "厦门，东北约 460 公里" in visible_texts(window)


# -- zoom: a double tap and a pinch -------------------------------------------------------------
def an_empty_spot(view, near: str) -> QPoint:
    """A point on the map near a marker, but out of reach of every marker's tap."""
    for dx, dy in sorted(itertools.product(range(-6, 7), repeat=2),
                         key=lambda d: abs(d[0]) + abs(d[1])):
        point = view.markers[near] + QPointF(dx, dy) * view.look.tap / 3
        if view.rect().contains(point.toPoint()) and not view.location_at(point):
            return point.toPoint()
    raise AssertionError("no empty spot")


def test_a_double_tap_zooms_in_round_it_and_another_zooms_out(qtbot, make_window):
    window, view = open_map(make_window)
    view.double_tap_ms = 10_000  # a slow shared machine: still one
    spot = an_empty_spot(view, "jinan")
    whole = dict(view.markers)
    tap(qtbot, view, spot)
    assert view.zoom == 1  # one tap on the map's empty land does nothing
    tap(qtbot, view, spot)
    assert view.zoom == DOUBLE_TAP_ZOOM
    assert window.route == Route("network")  # no location opened
    assert "harbin" not in view.markers, sorted(view.markers)  # far away: off this view
    near = view.markers["jinan"] - view.markers["zhengzhou"]
    before = whole["jinan"] - whole["zhengzhou"]
    assert math.hypot(near.x(), near.y()) > 1.5 * math.hypot(before.x(), before.y())
    assert label_problems(view) == []
    assert set(view.layout_result.labels) == set(view.markers)  # all in view named
    tap(qtbot, view, view.markers["jinan"].toPoint())  # a marker still opens its location
    assert window.route == Route("network", "jinan")
    tap(qtbot, window.back_button)
    view = window.screens["network"].map
    view.double_tap_ms = 10_000
    assert view.zoom == DOUBLE_TAP_ZOOM  # back from the location: the map as it was left
    spot = an_empty_spot(view, "jinan")
    tap(qtbot, view, spot)
    tap(qtbot, view, spot)
    assert view.zoom == 1 and "harbin" in view.markers  # the whole map again


def test_two_fingers_pinch_to_zoom_and_the_idle_reset_shows_the_whole_map(make_window):
    from PySide6.QtTest import QTest

    from ..helpers import touch_device

    window, view = open_map(make_window)
    middle = view.markers["zhengzhou"].toPoint()
    anchor = view.to_base(QPointF(middle))
    gap = QPoint(view.look.px(60), 0)
    at = lambda point: view.mapTo(window, point)  # noqa: E731
    QTest.touchEvent(window, touch_device()).press(0, at(middle - gap), window) \
        .press(1, at(middle + gap), window).commit()
    for step in range(1, 6):  # the fingers move apart, three times as far
        spread_out = gap * (1 + 0.4 * step)
        QTest.touchEvent(window, touch_device()).move(0, at(middle - spread_out), window) \
            .move(1, at(middle + spread_out), window).commit()
    QTest.touchEvent(window, touch_device()).release(0, at(middle - gap * 3), window) \
        .release(1, at(middle + gap * 3), window).commit()
    settle()
    assert view.zoom == pytest.approx(3.0, rel=0.05)
    now = view.to_base(QPointF(middle))
    assert (now.x(), now.y()) == pytest.approx((anchor.x(), anchor.y()), abs=1)  # stayed put
    assert window.route == Route("network")  # a pinch opens nothing
    assert label_problems(view) == []
    window.reset()  # the visitor left: the next one sees the whole map
    window.show_route(Route("network"))
    settle()
    assert window.screens["network"].map.zoom == 1
