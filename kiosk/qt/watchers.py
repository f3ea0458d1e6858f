"""One event filter for the kiosk's watchers of visitors' input: on the window, as it arrives.

The idle watcher, the exit keys' lock, the taps for the usage figures, the staff's corner
gesture and the keypad each want a few kinds of input (KINDS). Each is given them on the kiosk
window's QWindow, where the display delivers every touch, click and key before Qt hands it to
a widget: once per event, and nothing else. A filter on the application instead is asked about
every event of every widget (paints, layouts, timers: thousands as a long page opens), each a
call into Python: one such filter held the opening of a page of a thousand places 75-100 ms
against 35-54 with none, six made it 232-240 (docs/performance.md).

Reading aloud needs the widget a touch lands on, to keep the press from it: it watches the
application, and only while it is on (`on_the_application`, `off_the_application`).

A filter asks each event's kind once and hands it only to the watchers of that kind, in Qt's
order, the last one added first; a watcher that returns True stops the event, as an event
filter does. It leaves as the application quits (a filter left there while the windows are
destroyed crashed the kiosk at exit), and a watcher leaves it when destroyed.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget


class Watchers(QObject):
    def __init__(self, watched: QObject):
        super().__init__(watched)
        self._watched = watched
        self._watchers: list[tuple[QObject, frozenset[QEvent.Type]]] = []  # the last added first
        self._by_kind: dict[QEvent.Type, tuple[QObject, ...]] = {}
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._leave)

    @classmethod
    def of(cls, watched: QObject) -> Watchers:
        """The one filter on `watched`, made when first asked for."""
        found = watched.findChild(cls, "", Qt.FindChildOption.FindDirectChildrenOnly)
        return found if found is not None else cls(watched)

    def watch(self, watcher: QObject) -> None:
        """Hand `watcher` the events of its KINDS from now on (installed again after a quit).
        A watcher without KINDS is a mistake: it raises here, not silently never called."""
        if watcher in self.watching():
            return
        kinds: frozenset[QEvent.Type] = watcher.KINDS  # type: ignore[attr-defined]
        self._watchers.insert(0, (watcher, kinds))
        watcher.destroyed.connect(lambda: self._gone(watcher))
        self._sort()
        self._watched.installEventFilter(self)

    def unwatch(self, watcher: QObject) -> None:
        """`watcher` is no longer given events; with none left, the filter leaves too (asked
        about every event, even with nobody to hand them to, it costs a call into Python)."""
        self._watchers = [(w, kinds) for w, kinds in self._watchers if w is not watcher]
        self._sort()
        if not self._watchers:
            self._watched.removeEventFilter(self)

    def _gone(self, watcher: QObject) -> None:
        if shiboken6.isValid(self) and shiboken6.isValid(self._watched):  # not when the
            self.unwatch(watcher)  # window it watches is being destroyed with the watcher

    def watching(self) -> list[QObject]:
        """The watchers, in the order they are given an event."""
        return [watcher for watcher, _kinds in self._watchers]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        watchers = self._by_kind.get(event.type())
        if watchers:
            for watcher in watchers:
                if watcher.eventFilter(watched, event):
                    return True
        return False

    def _sort(self) -> None:
        by_kind: dict[QEvent.Type, list[QObject]] = {}
        for watcher, kinds in self._watchers:
            for kind in kinds:
                by_kind.setdefault(kind, []).append(watcher)
        self._by_kind = {kind: tuple(watchers) for kind, watchers in by_kind.items()}

    def _leave(self) -> None:
        self._watched.removeEventFilter(self)
        self._watchers = []
        self._by_kind = {}


def on_the_window(window: QWidget, watcher: QObject) -> None:
    """`watcher` is given the input of its KINDS that the display delivers to `window`, until
    the application quits or it is destroyed."""
    if window.windowHandle() is None:
        window.winId()  # the window's QWindow, made now if it was not shown yet
    handle = window.windowHandle()
    assert handle is not None  # made by winId
    Watchers.of(handle).watch(watcher)


def off_the_window(window: QWidget, watcher: QObject) -> None:
    handle = window.windowHandle()
    if handle is not None:  # none: never watched
        Watchers.of(handle).unwatch(watcher)


def on_the_application(watcher: QObject) -> None:
    """`watcher` is given the events of its KINDS, of every widget, until the application
    quits, it is destroyed or `off_the_application`."""
    app = QCoreApplication.instance()
    if app is not None:
        Watchers.of(app).watch(watcher)


def off_the_application(watcher: QObject) -> None:
    app = QCoreApplication.instance()
    if app is not None:
        Watchers.of(app).unwatch(watcher)
