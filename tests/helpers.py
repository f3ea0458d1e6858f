"""Driving the kiosk as a visitor would: taps with a mouse or a finger, waiting for layout."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def settle() -> None:
    app = QApplication.instance()
    for _ in range(6):
        app.sendPostedEvents()
        app.processEvents()


def tap(qtbot, widget: QWidget, pos: QPoint | None = None) -> None:
    """A mouse tap, as a visitor with a mouse-emulating touchscreen makes: given to the window
    as the display gives it, which hands it to the widget under that point. A widget scrolled
    out of sight is scrolled to first, as a visitor would; one on no shown window is given the
    tap directly."""
    pos = pos or widget.rect().center()
    window = widget.window()
    handle = window.windowHandle()
    if handle is None or not window.isVisible():
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
        settle()
        return
    if not _under(window, widget, pos):
        for area in _scroll_areas_of(widget):  # the innermost first
            settle()  # its range, as far as what it holds has grown
            area.ensureWidgetVisible(widget)
            settle()
    assert _under(window, widget, pos), f"{widget!r} is out of sight: a visitor could not tap it"
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     widget.mapTo(window, pos))
    settle()


def _under(window: QWidget, widget: QWidget, pos: QPoint) -> bool:
    """Whether `widget` is what a tap at `pos` of it would land on."""
    point = widget.mapTo(window, pos)
    under = window.childAt(point) if window.rect().contains(point) else None
    return under is not None and (under is widget or widget.isAncestorOf(under))


def _scroll_areas_of(widget: QWidget) -> list:
    from PySide6.QtWidgets import QScrollArea

    areas, parent = [], widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            areas.append(parent)
        parent = parent.parentWidget()
    return areas


def key(window: QWidget, key: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed and released on a keyboard or keypad: given to the window as the display
    gives it, which hands it to the focused widget."""
    handle = window.windowHandle()
    assert handle is not None, "a key goes to a shown window"
    QTest.keyClick(handle, key, modifier)
    settle()


_touch_device = None


def touch_device():
    global _touch_device
    if _touch_device is None:
        _touch_device = QTest.createTouchDevice()
    return _touch_device


def touch_tap(widget: QWidget, pos: QPoint | None = None) -> None:
    """A finger tap: touch events sent to the window, as a touchscreen sends them."""
    window = widget.window()
    point = widget.mapTo(window, pos or widget.rect().center())
    QTest.touchEvent(window, touch_device()).press(0, point, window).commit()
    QTest.touchEvent(window, touch_device()).release(0, point, window).commit()
    settle()


def wait_for_idle(qtbot, window) -> None:
    """Nobody touches the screen: a short timeout runs out (set after the taps that led here)."""
    with qtbot.waitSignal(window.idle.idle, timeout=5000):
        window.idle.set_timeout(10)
        window.idle.poke()
    window.idle.set_timeout(60_000)  # the next idle period is a long one again


def fling(qtbot, widget: QWidget, start: QPoint, end: QPoint, duration_ms: int = 160) -> None:
    """A finger pressed at `start`, moving at an even speed to reach `end` after `duration_ms`,
    and lifted while still moving, as a flicking finger is.

    A kinetic scroller reads the finger's speed from the real time between the moves it
    handles, and the lift counts as the last move. So the finger is wherever an even speed puts
    it at the real time of each move and of the lift: on a busy machine a timer that fires late
    makes fewer moves, never a finger that slowed or stood still before lifting (moves placed by
    their count, and a lift at the last move's point, read as a stop when the lift was handled
    100 ms late, and the fling test failed under load). Moves come from a timer, never from
    sleeping; this returns once the finger has lifted.
    """
    from PySide6.QtCore import QElapsedTimer, QTimer

    window = widget.window()
    clock = QElapsedTimer()
    timer = QTimer(interval=16)
    lifted = []

    def at(fraction: float) -> QPoint:
        return widget.mapTo(window, start + (end - start) * fraction)

    def move() -> None:
        # A lift handled very late is placed at most a quarter of the way past `end`.
        fraction = min(1.25, clock.elapsed() / duration_ms)
        if fraction < 1.0:
            QTest.touchEvent(window, touch_device()).move(0, at(fraction), window).commit()
            return
        timer.stop()
        QTest.touchEvent(window, touch_device()).release(0, at(fraction), window).commit()
        lifted.append(True)

    timer.timeout.connect(move)
    QTest.touchEvent(window, touch_device()).press(0, at(0.0), window).commit()
    clock.start()
    timer.start()
    try:
        qtbot.waitUntil(lambda: bool(lifted), timeout=5000)
    finally:
        timer.stop()
