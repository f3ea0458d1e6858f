"""Touch as visitors use it: flings with momentum, drags that scroll instead of pressing."""

import sys

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QPushButton, QScroller

from kiosk.core.session import Route

from ..helpers import fling, settle


def test_a_fling_keeps_scrolling_after_the_finger_lifts(qtbot, make_window):
    window = make_window()
    window.show_route(Route("mission"))
    settle()
    area = window.screens["mission"].scroll_area
    bar = area.verticalScrollBar()
    assert bar.maximum() > 300
    view = area.viewport()
    middle = view.rect().center()
    fling(qtbot, view, middle + QPoint(0, 150), middle - QPoint(0, 150))
    scroller = QScroller.scroller(view)
    at_release = bar.value()
    assert scroller.state() == QScroller.State.Scrolling  # momentum after the finger lifted
    qtbot.waitUntil(lambda: bar.value() > at_release, timeout=5000)
    scroller.stop()  # its slowing to a stop is Qt's own: not waited for
    assert window.route == Route("mission")


def test_a_drag_that_starts_on_a_button_scrolls_and_does_not_press_it(qtbot, make_window):
    window = make_window()
    window.show_route(Route("network"))
    settle()
    network = window.screens["network"]
    bar = network.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0
    view = network.scroll_area.viewport()
    buttons = network.scroll_area.widget().findChildren(QPushButton)
    button = max((b for b in buttons if b.visibleRegion().boundingRect().height() == b.height()),
                 key=lambda b: b.mapTo(view, b.rect().center()).y())
    start = button.mapTo(view, button.rect().center())
    fling(qtbot, view, start, start - QPoint(0, 200))
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=5000)
    QScroller.scroller(view).stop()  # the finger is up: a press would have gone through
    settle()
    assert window.route == Route("network")
    assert not any(b.isChecked() for b in network.buttons.values())


def test_scrolling_keeps_the_session_alive(qtbot, make_window, monkeypatch):
    """A kinetic scroll still moving after the finger lifted counts as a visitor still there:
    each change of its state starts the idle time again, its end included."""
    from kiosk.qt.idle import IdleWatcher

    pokes = []
    poke = IdleWatcher.poke
    monkeypatch.setattr(IdleWatcher, "poke", lambda self: (pokes.append(1), poke(self)))
    window = make_window()
    window.show_route(Route("mission"))
    settle()
    view = window.screens["mission"].scroll_area.viewport()
    scroller = QScroller.scroller(view)
    middle = view.rect().center()
    fling(qtbot, view, middle + QPoint(0, 150), middle - QPoint(0, 150))
    assert scroller.state() == QScroller.State.Scrolling  # momentum, the finger up
    before = len(pokes)
    scroller.stop()  # as it ends by itself, a moment later
    assert len(pokes) == before + 1
    assert window.idle.timer.isActive()


def test_a_finger_shows_pressed_at_once_inside_a_scroll_area(qtbot, make_window):
    """No 250 ms wait: the card under the finger is down as soon as the finger lands."""
    from PySide6.QtTest import QTest

    from ..helpers import touch_device

    window = make_window()
    window.show_route(Route("clusters"))
    settle()
    card = window.screens["clusters"].items["hi-tech"]
    point = card.mapTo(window, card.rect().center())
    QTest.touchEvent(window, touch_device()).press(0, point, window).commit()
    QApplication.sendPostedEvents()
    assert card.isDown()
    QTest.touchEvent(window, touch_device()).release(0, point, window).commit()
    settle()
    assert window.route == Route("clusters", "hi-tech")


def test_making_scroll_areas_does_not_grow_memory(qtbot):
    """Each kinetic scroll area grabs a gesture with a new gesture type; PySide6 kept a new
    enum class for each (kiosk/ui/widgets.py). Counted in bytes, not time."""
    import gc
    import tracemalloc

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QLabel

    from kiosk.core.content.model import Theme
    from kiosk.ui.theme import Look
    from kiosk.ui.widgets import scroll

    app = QApplication.instance()
    look = Look(Theme(), 1920, 1080, family="Sans")

    def make(count: int) -> None:
        for _ in range(count):
            scroll(QLabel("x"), look).deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        gc.collect()

    make(100)  # warm up: first-time caches
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    make(500)  # the leak was 2.6 KiB each: 1.3 MiB
    grown = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert grown / 500 < 200, f"{grown / 500:.0f} bytes per scroll area"


def test_sessions_leave_no_references_to_the_window_behind(qtbot, make_window, monkeypatch):
    """Each session end rebuilds the screens, the rest of them after the first is painted;
    that must not leave anything behind (PySide6 kept a weak reference for every delayed
    QTimer.singleShot with the window as context)."""
    import weakref

    window = make_window(build_ahead_ms=1)  # not 100 ms a session

    def all_built() -> bool:
        return all(name in window.screens for name in window.pages()) \
            and not window.building_ahead

    window.reset()
    qtbot.waitUntil(all_built)
    before = weakref.getweakrefcount(window)
    for _ in range(2):  # a reference left behind is one more each time
        window.reset()
        qtbot.waitUntil(all_built)
    assert weakref.getweakrefcount(window) == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallinfo2")
def test_scroll_areas_shown_and_deleted_leave_nothing_behind(qtbot, make_window):
    """Qt's style-sheet style kept cache entries for every scroll area's viewport it painted,
    never removed (0.6 KiB for each detail a visitor opened): kiosk/ui/widgets.py gives the
    viewport a blank style sheet of its own. Counted in bytes of the C++ heap, not in time."""
    import ctypes

    from PySide6.QtWidgets import QLabel

    from kiosk.ui.widgets import scroll

    class MallInfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
            "fordblks", "keepcost")]

    libc = ctypes.CDLL("libc.so.6")
    libc.mallinfo2.restype = MallInfo2

    def in_use() -> int:
        info = libc.mallinfo2()
        return info.uordblks + info.hblkhd

    window = make_window()

    def show_and_delete(count: int) -> None:
        for _ in range(count):
            area = scroll(QLabel("Tsinghua Science Park"), window.look)
            window.stack.addWidget(area)
            window.stack.setCurrentWidget(area)
            area.repaint()
            window.stack.removeWidget(area)
            with qtbot.waitSignal(area.destroyed):
                area.deleteLater()

    show_and_delete(50)  # warm up: first-time caches
    before = in_use()
    show_and_delete(400)
    grown = (in_use() - before) / 400
    assert grown < 150, f"{grown:.0f} bytes per scroll area"
