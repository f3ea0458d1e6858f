"""The national network map: every marker its own tap, labels that never collide."""

import itertools

from PySide6.QtGui import QColor, QImage

from kiosk.content.model import MapImage
from kiosk.ui.map_view import MARKER_SPACING
from kiosk.ui.window import Route

from ..helpers import settle, tap


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
        rects = [rect for rect, _ in view._labels]
        assert len(rects) >= 14, size
        for a, b in itertools.combinations(rects, 2):
            assert not a.intersects(b), size
        radius = view._marker_radius(False)
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
    assert network.map._selected == "xiamen"
    assert network.buttons["xiamen"].isChecked()
    assert not network.buttons["beijing"].isChecked()


def test_headquarters_is_linked_to_every_location(make_window):
    window, view = open_map(make_window)
    headquarters = [loc.id for loc in view._locations if loc.headquarters]
    assert headquarters == ["beijing"]
    image = view.grab().toImage()
    beijing, harbin = view.markers["beijing"], view.markers["harbin"]
    middle = (beijing + harbin) / 2
    assert image.pixelColor(middle.toPoint()) != QColor(window.look.theme.surface)


def test_a_map_picture_with_bounds_replaces_the_outline(make_window, content, tmp_path):
    picture = QImage(800, 600, QImage.Format.Format_RGB32)
    picture.fill(QColor("#DDEEFF"))
    path = tmp_path / "reviewed-map.png"
    picture.save(str(path))
    image = MapImage(path, west=73.0, east=135.0, south=18.0, north=54.0)
    network = content.network._replace(map_image=image)
    window, view = open_map(make_window, content._replace(network=network))
    rect = view._picture_rect
    beijing = next(loc for loc in content.network.locations if loc.id == "beijing")
    expected_x = rect.left() + (beijing.longitude - 73) / 62 * rect.width()
    expected_y = rect.top() + (54 - beijing.latitude) / 36 * rect.height()
    assert abs(view.places["beijing"].x() - expected_x) < 0.5
    assert abs(view.places["beijing"].y() - expected_y) < 0.5
    assert abs(rect.width() / rect.height() - 800 / 600) < 0.01
    grabbed = view.grab().toImage()
    corner = rect.topLeft().toPoint() + (rect.bottomRight() - rect.topLeft()).toPoint() / 50
    assert grabbed.pixelColor(corner) == QColor("#DDEEFF")
