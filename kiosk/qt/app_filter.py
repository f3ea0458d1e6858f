"""One event filter on the application, for every watcher of the kiosk's events.

The idle watcher, the exit keys' lock, the taps for the usage figures, the staff's corner
gesture, the keypad's focus ring and reading aloud each want a few kinds of event from every
widget. Each installed on the application, every event of every widget (paints, layouts,
timers: hundreds for one tap at 3840x2160) passed through each of them in Python: five such
filters made a tap at 4K 3 to 4 ms slower, a third of it (docs/performance.md). Here one
filter asks each event's kind once and hands it only to the watchers of that kind (each
watcher's `KINDS`), in Qt's order, the last one added first; a watcher that returns True stops
the event, as an event filter does.

It leaves the application as the application quits (a filter left there while the windows are
destroyed crashed the kiosk at exit), and a watcher leaves it when destroyed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject


class ApplicationFilter(QObject):
    def __init__(self, app: QCoreApplication):
        super().__init__(app)
        self._app = app
        self._watchers: list[tuple[QObject, frozenset[QEvent.Type]]] = []  # the last added first
        self._by_kind: dict[QEvent.Type, tuple[QObject, ...]] = {}
        app.aboutToQuit.connect(self._leave)

    @classmethod
    def of(cls, app: QCoreApplication) -> ApplicationFilter:
        """The application's one filter, made when first asked for."""
        found = app.findChild(cls)
        return found if found is not None else cls(app)

    def watch(self, watcher: QObject) -> None:
        """Hand `watcher` the events of its KINDS from now on (installed again after a quit).
        A watcher without KINDS is a mistake: it raises here, not silently never called."""
        if watcher in self.watching():
            return
        kinds: frozenset[QEvent.Type] = watcher.KINDS  # type: ignore[attr-defined]
        self._watchers.insert(0, (watcher, kinds))
        watcher.destroyed.connect(lambda: self.unwatch(watcher))
        self._sort()
        self._app.installEventFilter(self)

    def unwatch(self, watcher: QObject) -> None:
        self._watchers = [(w, kinds) for w, kinds in self._watchers if w is not watcher]
        self._sort()

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
        self._app.removeEventFilter(self)
        self._watchers = []
        self._by_kind = {}


def on_the_application(watcher: QObject) -> None:
    """`watcher` is given the events of its KINDS, of every widget, until the application
    quits or it is destroyed."""
    app = QCoreApplication.instance()
    if app is not None:
        ApplicationFilter.of(app).watch(watcher)
