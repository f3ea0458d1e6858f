"""With site.yaml's `here`: "You are here" on the network map and in its list, and each place's
distance and direction from here, at four display sizes in both languages; without it, none."""

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.core.session import Route
from kiosk.snapshot import visible_texts

from ..helpers import settle, tap

SIZES = [(1920, 1080), (1080, 1920), (1280, 800), (3840, 2160)]
HERE = {"en": "You are here", "zh": "您在这里"}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["en", "zh"])
def test_you_are_here_on_the_map_clear_of_every_name(make_window, content, size, language):
    here = content._replace(here="shenzhen").with_settings(default_language=language)
    window = make_window(here, size=size)
    window.show_route(Route("network"))
    settle()
    screen = window.screens["network"]
    view = screen.map
    view.grab()  # drawn, as on screen
    assert HERE[language] in visible_texts(window)
    box = view._paint.here_box
    assert view.rect().toRectF().contains(box), (box, view.rect())
    for rect, name in view.laid.labels:
        assert not rect.intersects(box), name  # no place's name hidden under it
    marker = view.laid.markers["shenzhen"]
    assert not box.contains(marker)
    listed = screen.buttons["shenzhen"].text()
    assert listed.endswith(f" · {HERE[language]}")


@pytest.mark.parametrize(("language", "expected"), [
    ("en", ["About 900 km north of here (Shenzhen)",
            "About 1,060 km south of Beijing, the headquarters"]),
    ("zh", ["距这里（深圳）约 900 公里，位于其北方", "距总部北京约 1,060 公里，位于其南方"]),
])
def test_a_place_says_how_far_it_is_from_here_and_from_the_headquarters(
        qtbot, make_window, content, language, expected):
    window = make_window(content._replace(here="shenzhen").with_settings(
        default_language=language))
    window.show_route(Route("network"))
    settle()
    tap(qtbot, window.screens["network"].buttons["wuhan"])
    assert window.route == Route("network", "wuhan")
    texts = [label.text() for label in window.screens["detail"].findChildren(QLabel)]
    assert "\n".join(expected) in texts


def test_here_itself_says_only_its_way_from_the_headquarters(make_window, content):
    window = make_window(content._replace(here="shenzhen"))
    window.show_route(Route("network", "shenzhen"))
    settle()
    texts = [label.text() for label in window.screens["detail"].findChildren(QLabel)]
    assert any(t.startswith("About ") and t.endswith("of Beijing, the headquarters")
               for t in texts)
    assert not any("of here" in t for t in texts)
    assert HERE["en"] in visible_texts(window)  # its map rings it


def test_without_a_site_nothing_says_here(make_window, content):
    window = make_window(content)
    window.show_route(Route("network"))
    settle()
    assert HERE["en"] not in visible_texts(window)
    assert not window.screens["network"].buttons["shenzhen"].text().endswith(HERE["en"])
