"""Larger text for visitors who need it, and a name for every control."""

import pytest
from PySide6.QtWidgets import QAbstractButton

from kiosk.core.content.contrast import ratio, weak_pairs
from kiosk.core.content.model import Theme
from kiosk.core.session import HOME, Route
from kiosk.snapshot import routes, visible_texts
from kiosk.ui.qr import QUIET_ZONE, QrCode
from kiosk.ui.theme import LARGER_TEXT

from ..helpers import settle, tap


def test_larger_text_switch_and_its_reset(qtbot, make_window):
    window = make_window()
    normal = window.look.font_px("body")
    tap(qtbot, window.screens["home"].tiles["mission"])
    tap(qtbot, window.larger_text_button)
    assert window.larger_text
    assert window.look.font_px("body") == round(normal * LARGER_TEXT)
    assert window.route == Route("mission")
    assert window.larger_text_button.isChecked()
    window.reset()
    assert not window.larger_text
    assert window.look.font_px("body") == normal
    assert window.route == HOME


def test_larger_text_from_home(qtbot, make_window):
    window = make_window()
    tap(qtbot, window.larger_text_button)
    assert window.larger_text
    assert window.larger_text_button.isChecked()


def test_every_control_has_an_accessible_name(make_window, content):
    window = make_window()
    for route in routes(content):
        window.show_route(route)
        for button in window.findChildren(QAbstractButton):
            if button.isVisible():
                assert button.accessibleName().strip(), (route, button.text())


DARK = Theme(background="#0B1D2E", surface="#13293D", text="#F2F5F8", muted_text="#C5D0DA",
             accent="#7FC8F8", accent_text="#0B1D2E")


@pytest.mark.parametrize("theme", [None, DARK], ids=["bundled", "dark"])
def test_qr_code_is_drawn_module_for_module_dark_on_light(qtbot, make_window, content, theme):
    """Whatever the theme: a pale code on white (a dark theme's text colour) no phone reads."""
    window = make_window(content._replace(theme=theme) if theme else content)
    window.show_route(Route("network", "beijing"))
    code = window.screens["detail"].findChild(QrCode)
    assert code.accessibleName() == "QR code: http://www.spmember.com/"
    image = code.grab().toImage()
    modules = len(code.matrix) + 2 * QUIET_ZONE
    cell = code.width() // modules
    offset = (code.width() - cell * modules) / 2 + QUIET_ZONE * cell
    for row, line in enumerate(code.matrix):
        for col, dark in enumerate(line):
            pixel = image.pixelColor(int(offset + col * cell + cell / 2),
                                     int(offset + row * cell + cell / 2))
            assert (pixel.lightness() < 128) == bool(dark), (row, col)
    assert image.pixelColor(2, 2).lightness() > 200  # the quiet zone is light
    dark = image.pixelColor(int(offset + cell / 2), int(offset + cell / 2))  # a finder's corner
    assert ratio(dark.name(), image.pixelColor(2, 2).name()) >= 7
    assert len(code.matrix) >= 21  # a full QR code, never a Micro QR


def test_the_smallest_qr_code_is_the_one_check_measures_links_against(qapp):
    from kiosk.core.content.model import Theme
    from kiosk.core.content.qr_sizes import QR_SMALLEST_PX
    from kiosk.ui.theme import Look

    assert Look(Theme(), 1280, 720).px(180) == QR_SMALLEST_PX  # link_card(compact=True)
    assert Look(Theme(), 720, 1280).px(180) == QR_SMALLEST_PX


@pytest.mark.parametrize("length", [857, 950, 2331])  # modules of 1 px, and of less
def test_a_qr_code_too_fine_for_its_box_is_still_drawn_never_an_empty_box(qtbot, length):
    code = QrCode("https://example.com/" + "a" * (length - 20), 120)
    qtbot.addWidget(code)
    code.resize(120, 120)
    image = code.grab().toImage()
    dark = sum(image.pixelColor(x, y).lightness() < 128 for x in range(120) for y in range(120))
    assert dark > 120 * 120 // 5  # a code's modules are about half dark, its margin light
    assert image.pixelColor(0, 0).lightness() > 200


def test_qr_matrices_are_segnos_own_and_segno_still_imports_whole():
    """The kiosk imports segno's encoder alone (kiosk/ui/qr.py): the codes must be exactly
    segno.make_qr's, and a later `import segno` must give the real package."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from kiosk.ui.qr import qr_matrix\n"
        "urls = ['http://www.spmember.com/', 'https://example.org/a?b=c&d=%E4%B8%AD', 'x' * 300]\n"
        "mine = [qr_matrix(u) for u in urls]\n"
        "assert 'urllib.request' not in sys.modules and 'segno' not in sys.modules\n"
        "import segno\n"
        "assert [segno.make_qr(u, error='m').matrix for u in urls] == mine\n"
        "print('same')\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout == "same\n", result.stderr


@pytest.mark.parametrize("theme", [None, DARK], ids=["bundled", "dark"])
def test_overlays_dim_the_screen_whatever_the_theme(qtbot, make_window, content, theme):
    """The "Still there?" veil is the theme's darker colour: a dark theme's light text made
    it a pale grey wash over the screen."""
    window = make_window(content._replace(theme=theme) if theme else content)
    window.overlay.start(30, window.look, window.content.labels, "en")
    corner = window.grab().toImage().pixelColor(5, 5)
    window.overlay.stop()
    assert corner.lightness() < 128, corner.name()  # darker than mid grey


def test_a_file_without_a_theme_gets_a_neutral_one_that_reads_well():
    theme = Theme()
    assert theme.accent != "#660874"  # not the park's Tsinghua purple
    assert weak_pairs(theme) == []


def test_the_home_screen_offers_the_organisations_link(make_window):
    window = make_window()
    window.build_next()  # it is drawn in once the first frame is shown
    settle()
    codes = window.screens["home"].findChildren(QrCode)
    assert [code.url for code in codes] == ["http://www.spmember.com/"]
    assert "For more information about Beijing TusPark" in visible_texts(window)


def test_home_tiles_give_a_glimpse_of_their_pages(make_window, content, monkeypatch):
    """A key figure, the first items, the network's map: the story at a glance."""
    from kiosk.ui.map_view import MapView

    window = make_window()
    tiles = window.screens["home"].tiles
    texts = visible_texts(window)
    assert "770,000 m²" in texts and "of construction area" in texts  # mission's first figure
    assert "·  Internationalization" in texts  # the strategies, by name
    assert "·  +2" in texts  # four clusters: two named, and how many more
    holder = tiles["network"].glimpse
    assert holder.findChild(MapView) is None  # drawn in once the first frame is shown
    window.build_next()
    settle()
    mini = holder.findChild(MapView)
    assert len(mini.markers) == len(content.network.locations)
    assert mini.visible_texts() == []  # markers only: too small for names


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800), (1080, 1920), (3840, 2160)])
def test_a_tiles_photo_fills_its_box_round_its_middle_unstretched(make_window, content,
                                                                  tmp_path, size):
    """An 800x600 photo: blue, a green band along its top, a red block of 200x150 in its
    middle. It fills the box between the tile's icon and title (blue or green at each corner),
    its middle in the box's middle, the block still 4:3."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter

    from kiosk.ui.photo import Photo

    image = QImage(800, 600, QImage.Format.Format_RGB32)
    image.fill(QColor("#1565C0"))
    painter = QPainter(image)
    painter.fillRect(QRect(0, 0, 800, 60), QColor("#2E7D32"))
    painter.fillRect(QRect(300, 225, 200, 150), QColor("#C62828"))
    painter.end()
    image.save(str(tmp_path / "lab.png"))
    tiles = tuple(t._replace(image=tmp_path / "lab.png") if t.page == "clusters" else t
                  for t in content.tiles)
    window = make_window(content._replace(tiles=tiles), size=size)
    glimpse = window.screens["home"].tiles["clusters"].glimpse
    assert isinstance(glimpse, Photo)
    assert "·  +2" not in visible_texts(window)  # the photo, instead of the list
    shot = glimpse.grab().toImage()
    w, h = shot.width(), shot.height()
    assert w > 50 and h > 50, (w, h)
    inset = window.look.px(16)  # past the rounded corners
    for x, y in ((inset, inset), (w - inset, inset), (inset, h - inset), (w - inset, h - inset)):
        assert QColor(shot.pixel(x, y)).name() in ("#1565c0", "#2e7d32"), (x, y)
    assert QColor(shot.pixel(w // 2, h // 2)).name() == "#c62828"
    red = [(x, y) for y in range(0, h, 2) for x in range(0, w, 2)
           if QColor(shot.pixel(x, y)).name() == "#c62828"]
    across = max(x for x, _ in red) - min(x for x, _ in red)
    down = max(y for _, y in red) - min(y for _, y in red)
    assert abs(across / down - 4 / 3) < 0.1, (across, down)


def test_a_home_screen_built_off_screen_gets_its_glimpses_too(qtbot, make_window):
    """The home screen built later (the language switched on another page) is finished when
    it is built: its map and QR code do not wait for a first frame that already passed."""
    from kiosk.ui.map_view import MapView

    window = make_window()
    window.build_ahead_ms = 1  # built ahead, soon
    window.show_route(Route("mission"))
    tap(qtbot, window.language_button)  # all screens built again, mission first
    qtbot.waitUntil(lambda: "home" in window.screens, timeout=5000)
    qtbot.waitUntil(lambda: window.screens["home"].later == [], timeout=5000)
    home = window.screens["home"]
    assert home.findChildren(QrCode) and home.findChildren(MapView)
