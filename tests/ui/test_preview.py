"""`kiosk preview`: the kiosk beside the editor, following every save of the content file.

Driven as staff drive it: taps on the kiosk, saves of the file (the watcher's debounce made
short), the bar's buttons and keys."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.core.content import load
from kiosk.core.session import HOME, Route
from kiosk.ui.preview_stage import SMALLEST
from kiosk.ui.preview_window import PreviewWindow

from ..helpers import settle, tap

HI_TECH = "title: {en: Hi-tech enterprise innovation cluster, zh: 高新技术企业创新集群}"
SETTINGS = "settings:"


@pytest.fixture
def preview(qtbot, family, content_file):
    def make(path=content_file, **options) -> PreviewWindow:
        window = PreviewWindow(path, family, debounce_ms=5, fit_ms=0, **options)
        qtbot.addWidget(window)
        window.resize(1440, 900)
        window.show()
        qtbot.waitExposed(window)
        window.start(load(path))
        settle()
        return window

    return make


def save(qtbot, window, path, old: str, new: str) -> None:
    """`old` replaced by `new` in the file, and its reading by the preview waited for."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    with qtbot.waitSignal(window.watcher.read, timeout=5000):
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    settle()


def texts(window) -> list[str]:
    return [label.text() for label in window.stage.kiosk.findChildren(QLabel)
            if label.isVisible() and label.text()]


def open_hi_tech(qtbot, window) -> None:
    """As a visitor: the clusters' tile on home, then the first cluster's card."""
    kiosk = window.stage.kiosk
    tiles = [b for b in kiosk.findChildren(QPushButton, "tile") if b.isVisible()]
    tap(qtbot, next(t for t in tiles if "Business Clusters" in
                    " ".join(label.text() for label in t.findChildren(QLabel))))
    cards = [b for b in kiosk.screens["clusters"].findChildren(QPushButton, "item")]
    tap(qtbot, cards[0])
    assert kiosk.route == Route("clusters", "hi-tech")


def test_a_save_while_a_detail_shows_keeps_the_detail_and_shows_the_change(
        qtbot, preview, content_file):
    window = preview()
    open_hi_tech(qtbot, window)
    save(qtbot, window, content_file, HI_TECH,
         "title: {en: Deep-tech companies, zh: 深科技企业}")
    assert window.stage.kiosk.route == Route("clusters", "hi-tech")
    assert "Deep-tech companies" in texts(window)
    assert not window.panel.isVisible()
    tap(qtbot, window.stage.kiosk.back_button)  # the way back is kept too
    assert window.stage.kiosk.route == Route("clusters")


def test_a_detail_removed_in_a_save_leaves_the_viewer_on_its_page(qtbot, preview, content_file):
    window = preview()
    open_hi_tech(qtbot, window)
    save(qtbot, window, content_file, "- id: hi-tech", "- id: high-tech")
    assert window.stage.kiosk.route == Route("clusters")


def test_a_bad_save_shows_its_problem_over_the_last_good_screen_and_a_fix_clears_it(
        qtbot, preview, content_file):
    window = preview()
    open_hi_tech(qtbot, window)
    shown = texts(window)
    save(qtbot, window, content_file, SETTINGS, "settings：")  # a Chinese input method's colon
    line = next(n for n, text in enumerate(content_file.read_text("utf-8").splitlines(), 1)
                if text.startswith("settings："))
    assert window.panel.isVisible()
    assert window.panel.texts() == [
        f"{content_file}:{line}:9: YAML syntax error: '：' here is a Chinese (full-width) "
        "colon: YAML needs the English ':' (请把中文冒号 '：' 改为英文 ':') (YAML: mapping "
        "values are not allowed in this context)"]
    assert window.panel.title.text().startswith("The save at ")
    assert "is not shown: 1 problem to fix." in window.panel.title.text()
    assert not window.panel.hide_button.isVisible()  # it stays until the file is fixed
    assert window.stage.kiosk.route == Route("clusters", "hi-tech")
    assert texts(window) == shown  # the last good screen, under the problem
    assert "not shown: 1 problem" in window.statusBar().currentMessage()

    save(qtbot, window, content_file, "settings：", SETTINGS)
    assert not window.panel.isVisible()
    assert window.stage.kiosk.route == Route("clusters", "hi-tech")
    assert window.statusBar().currentMessage().endswith(": shown")


def test_a_click_on_a_problem_copies_it(qtbot, preview, content_file):
    window = preview()
    save(qtbot, window, content_file, "  idle_timeout: 60", "  idle_timeout: sixty")
    [line] = window.panel.lines_shown()
    assert line.text().endswith("'idle_timeout' must be a number, not the text \"sixty\"")
    QGuiApplication.clipboard().clear()
    tap(qtbot, line)
    assert QGuiApplication.clipboard().text() == line.text()
    assert window.statusBar().currentMessage() == f"Copied: {line.text()}"


def test_warnings_show_over_a_screen_that_is_shown_and_can_be_hidden(
        qtbot, preview, content_file):
    window = preview()
    save(qtbot, window, content_file, "  countdown: 20", "  countdown: 10")
    assert window.panel.isVisible()
    assert window.panel.title.text().startswith("Shown, with 1 warning (saved at ")
    [warning] = window.panel.texts()
    assert "warning: 'countdown' is 10 seconds" in warning
    assert window.stage.kiosk.content.settings.countdown == 10
    tap(qtbot, window.panel.hide_button)
    assert not window.panel.isVisible()


def test_a_file_that_cannot_be_used_at_first_shows_its_problems_then_the_kiosk_once_fixed(
        qtbot, preview, content_file):
    good = content_file.read_text("utf-8")
    content_file.write_text(good.replace(SETTINGS, "settings：", 1), encoding="utf-8")
    window = preview()
    assert window.stage.kiosk is None
    assert window.panel.isVisible() and len(window.panel.texts()) == 1
    assert window.stage.widget().text().startswith("Nothing to show yet")
    for name in ("en", "zh", "larger", "closed"):
        assert not window.actions_by_name[name].isEnabled()
    window.actions_by_name["attract"].trigger()  # nothing to show it on: nothing happens
    save(qtbot, window, content_file, "settings：", SETTINGS)
    assert window.stage.kiosk is not None and window.stage.kiosk.route == HOME
    assert not window.panel.isVisible()
    assert window.actions_by_name["en"].isEnabled()


def test_the_language_and_larger_text_from_the_bar_stay_through_a_save(
        qtbot, preview, content_file):
    window = preview(language="zh")
    kiosk = window.stage.kiosk
    assert kiosk.language == "zh" and window.actions_by_name["zh"].isChecked()
    window.actions_by_name["en"].trigger()
    assert kiosk.language == "en"
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert kiosk.language == "zh"
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert kiosk.larger_text and window.actions_by_name["larger"].isChecked()
    save(qtbot, window, content_file, HI_TECH, "title: {en: Deep tech, zh: 深科技}")
    assert (kiosk.language, kiosk.larger_text) == ("zh", True)
    tap(qtbot, kiosk.language_button)  # the kiosk's own button: the bar follows
    assert window.actions_by_name["en"].isChecked()


@pytest.mark.parametrize(("number", "display", "portrait"), [
    (1, (1920, 1080), False), (2, (1080, 1920), True), (3, (1280, 800), False),
    (4, (3840, 2160), False)])
def test_each_display_size_is_shown_in_its_proportions(qtbot, preview, number, display,
                                                       portrait):
    window = preview()
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
    settle()
    kiosk = window.stage.kiosk
    assert window.stage.display == display
    width, height = kiosk.width(), kiosk.height()
    assert abs(width / height - display[0] / display[1]) < 0.01
    assert kiosk.look.portrait is portrait
    assert min(width, height) >= SMALLEST  # the look is the display's, only smaller
    viewport = window.stage.maximumViewportSize()
    assert (width <= viewport.width() and height <= viewport.height()) or \
        min(width, height) == SMALLEST  # whole, unless it would be smaller than that
    assert window.where.text() == f"{display[0]}×{display[1]} shown at {window.stage.percent}%"


def test_a_larger_preview_window_shows_the_display_larger_up_to_its_own_size(qtbot, preview):
    window = preview()
    before = window.stage.kiosk.width()
    window.resize(2400, 1500)
    qtbot.waitUntil(lambda: window.stage.kiosk.width() > before)
    window.resize(3000, 1800)
    qtbot.waitUntil(lambda: window.stage.kiosk.size().toTuple() == (1920, 1080))
    assert window.stage.percent == 100


def test_the_attract_loop_still_there_and_the_closed_screen_open_from_the_bar(qtbot, preview):
    window = preview()
    kiosk = window.stage.kiosk
    window.actions_by_name["attract"].trigger()
    assert kiosk.attract.isVisible()
    tap(qtbot, kiosk.attract)  # a visitor's touch ends it
    assert not kiosk.attract.isVisible()
    window.actions_by_name["still-there"].trigger()
    assert kiosk.overlay.isVisible()
    assert "Still there?" in [label.text() for label in kiosk.overlay.findChildren(QLabel)]
    tap(qtbot, kiosk.overlay.findChild(QPushButton, "moreTime"))
    assert not kiosk.overlay.isVisible()
    window.actions_by_name["closed"].trigger()
    assert kiosk.closed_view.isVisible() and window.actions_by_name["closed"].isChecked()
    window.actions_by_name["closed"].trigger()
    assert not kiosk.closed_view.isVisible()
    assert not window.actions_by_name["closed"].isChecked()


def test_still_there_runs_out_as_on_the_kiosk(qtbot, preview, content_file):
    window = preview()
    save(qtbot, window, content_file, "  countdown: 20", "  countdown: 3")
    kiosk = window.stage.kiosk
    open_hi_tech(qtbot, window)
    window.actions_by_name["still-there"].trigger()
    with qtbot.waitSignal(kiosk.session_reset, timeout=6000):
        pass
    assert kiosk.route == HOME


def test_the_kiosk_in_the_preview_never_goes_idle_by_itself(qtbot, preview):
    window = preview()
    assert window.stage.idle.timer.interval() == 2**31 - 1
    assert not window.stage.idle.timer.isActive() or \
        window.stage.idle.timer.remainingTime() > 24 * 3600 * 1000


def test_hours_and_times_show_what_no_screen_shows(qtbot, preview, content_file):
    window = preview()
    hours = ('opening_hours:\n  monday: "09:00-17:30"\n  saturday: "10:00-16:00"\n'
             "  closed_on: [2099-01-01]\n\ntheme:")
    save(qtbot, window, content_file, "theme:", hours)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    settle()
    shown = window.unseen.texts()
    assert window.unseen.isVisible()
    for text in ("Monday", "09:00–17:30", "Tuesday", "closed", "Saturday", "10:00–16:00",
                 "2099-01-01 (Thursday)", '"Still there?" appears after',
                 "60 s without a touch, on any screen but home",
                 "20 s, then the kiosk goes home and undoes the visitor's changes"):
        assert text in shown


def test_reload_shows_the_file_again_even_unchanged(qtbot, preview):
    window = preview()
    kiosk = window.stage.kiosk
    home = kiosk.screens["home"]
    with qtbot.waitSignal(window.watcher.read, timeout=5000):
        window.actions_by_name["reload"].trigger()
    settle()
    assert kiosk.screens["home"] is not home  # built again: a replaced picture shows
    assert window.statusBar().currentMessage().startswith(f"content.yaml, read at "
                                                          f"{datetime.now():%H}")


def test_a_save_keeps_the_place_scrolled_to_on_a_long_page(qtbot, preview, content_file):
    window = preview(display=(1080, 1920))
    kiosk = window.stage.kiosk
    kiosk.navigate(Route("strategies"))
    settle()
    bar = kiosk.stack.currentWidget().scroll_area.verticalScrollBar()
    assert bar.maximum() > 300
    bar.setValue(bar.maximum() * 2 // 3)
    place = bar.value()
    save(qtbot, window, content_file, HI_TECH, "title: {en: Deep tech, zh: 深科技}")
    bar = kiosk.stack.currentWidget().scroll_area.verticalScrollBar()
    assert kiosk.route == Route("strategies")
    assert bar.value() == place


def test_a_display_size_from_the_command_line_is_offered_beside_the_usual_ones(preview):
    window = preview(display=(1366, 768))
    assert window.display_box.currentText() == "1366×768"
    assert window.display_box.count() == 5
    assert window.stage.kiosk.width() / window.stage.kiosk.height() == pytest.approx(1366 / 768,
                                                                                      abs=0.01)
