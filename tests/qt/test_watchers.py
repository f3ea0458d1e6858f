"""The watchers' one event filter (kiosk/qt/watchers.py): on a window, each watcher is given the
input of the kinds it asks for as the display delivers it, in Qt's order; on the application,
every widget's events, and only while someone watches; a watcher leaves when destroyed, and the
filter as the application quits."""

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk.qt.watchers import Watchers, off_the_application, on_the_application, on_the_window


class Seen(QObject):
    """Keeps the kinds of event it is given, and who they were for; stops those in `stops`."""

    def __init__(self, kinds, stops=()):
        super().__init__()
        self.KINDS = frozenset(kinds)
        self.stops = set(stops)
        self.seen: list[QEvent.Type] = []
        self.targets: list[QObject] = []

    def eventFilter(self, watched, event):  # noqa: N802
        self.seen.append(event.type())
        self.targets.append(watched)
        return event.type() in self.stops


def shown_button(qtbot, text="Tap"):
    button = QPushButton(text)
    qtbot.addWidget(button)
    button.resize(200, 100)
    button.show()
    qtbot.waitExposed(button)
    return button


def click(button):
    """A click given to the button's window, as the display gives it."""
    QTest.mouseClick(button.windowHandle(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, QPoint(100, 50))


class Counted(Watchers):
    """The filter, counting the events it is asked about."""

    asked = 0

    def eventFilter(self, watched, event):  # noqa: N802
        Counted.asked += 1
        return super().eventFilter(watched, event)


def test_a_window_watcher_is_given_its_kinds_once_each_as_the_window_receives_them(qtbot):
    button = shown_button(qtbot)
    presses = Seen({QEvent.Type.MouseButtonPress})
    on_the_window(button, presses)
    clicked = []
    button.clicked.connect(lambda: clicked.append(True))
    click(button)
    # the press once, as the window received it; no release, no paint; the click went on
    assert presses.seen == [QEvent.Type.MouseButtonPress]
    assert presses.targets == [button.windowHandle()]
    assert clicked == [True]


def test_the_last_watcher_added_is_asked_first_and_may_stop_the_event(qtbot):
    button = shown_button(qtbot, "Keys")
    first = Seen({QEvent.Type.KeyPress})
    stopping = Seen({QEvent.Type.KeyPress, QEvent.Type.KeyRelease}, stops={QEvent.Type.KeyPress})
    on_the_window(button, first)
    on_the_window(button, stopping)
    on_the_window(button, first)  # once only, where it was
    watchers = Watchers.of(button.windowHandle())
    assert watchers.watching() == [stopping, first]
    reached = Seen({QEvent.Type.KeyPress})
    button.installEventFilter(reached)
    QTest.keyClick(button.windowHandle(), Qt.Key.Key_A)
    assert QEvent.Type.KeyPress in stopping.seen and QEvent.Type.KeyRelease in stopping.seen
    assert first.seen == []  # stopped before it
    assert QEvent.Type.KeyPress not in reached.seen  # and before the button


def test_a_destroyed_watcher_is_forgotten(qtbot):
    button = shown_button(qtbot)
    gone = Seen({QEvent.Type.MouseButtonPress})
    on_the_window(button, gone)
    watchers = Watchers.of(button.windowHandle())
    assert gone in watchers.watching()
    gone.deleteLater()
    qtbot.waitUntil(lambda: gone not in watchers.watching())
    click(button)  # nothing asks the deleted watcher


def test_a_window_not_shown_yet_is_given_its_window_now(qtbot):
    button = QPushButton("Later")
    qtbot.addWidget(button)
    presses = Seen({QEvent.Type.MouseButtonPress})
    on_the_window(button, presses)
    button.resize(200, 100)
    button.show()
    qtbot.waitExposed(button)
    click(button)
    assert presses.seen == [QEvent.Type.MouseButtonPress]


def test_the_application_is_watched_only_while_someone_watches_it(qtbot, qapp):
    button = shown_button(qtbot)
    releases = Seen({QEvent.Type.MouseButtonRelease})
    on_the_application(releases)
    click(button)
    # the release as the window received it, then as the button did
    assert releases.targets == [button.windowHandle(), button]
    off_the_application(releases)
    click(button)
    assert len(releases.targets) == 2


def test_with_nobody_left_to_watch_it_the_filter_is_asked_nothing(qtbot):
    watched = QObject()
    counted = Counted(watched)
    one = Seen({QEvent.Type.User})
    counted.watch(one)
    QApplication.sendEvent(watched, QEvent(QEvent.Type.User))
    assert one.seen == [QEvent.Type.User] and Counted.asked == 1
    counted.unwatch(one)
    QApplication.sendEvent(watched, QEvent(QEvent.Type.User))
    assert Counted.asked == 1  # no call into Python for every event
    counted.watch(one)  # and back for a new watcher
    QApplication.sendEvent(watched, QEvent(QEvent.Type.User))
    assert Counted.asked == 2


def test_it_leaves_as_the_application_quits_and_comes_back_for_a_new_watcher(qtbot, qapp):
    button = shown_button(qtbot)
    before = Seen({QEvent.Type.MouseButtonPress})
    on_the_window(button, before)
    qapp.aboutToQuit.emit()
    assert Watchers.of(button.windowHandle()).watching() == []
    after = Seen({QEvent.Type.MouseButtonPress})
    on_the_window(button, after)
    click(button)
    assert before.seen == [] and after.seen == [QEvent.Type.MouseButtonPress]


@pytest.fixture(autouse=True)
def _no_application_watchers_left(qapp):
    yield
    found = qapp.findChild(Watchers, "", Qt.FindChildOption.FindDirectChildrenOnly)
    if found is not None:
        for watcher in found.watching():
            found.unwatch(watcher)
