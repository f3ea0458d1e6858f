"""The application's one event filter: each watcher is given the kinds of event it asks for, in
Qt's order, and leaves when destroyed or as the application quits."""

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QPushButton

from kiosk.qt.app_filter import ApplicationFilter, on_the_application


class Seen(QObject):
    """Keeps the kinds of event it is given; stops those in `stops`."""

    def __init__(self, kinds, stops=()):
        super().__init__()
        self.KINDS = frozenset(kinds)
        self.stops = set(stops)
        self.seen: list[QEvent.Type] = []

    def eventFilter(self, watched, event):  # noqa: N802
        self.seen.append(event.type())
        return event.type() in self.stops


def shown_button(qtbot, text="Tap"):
    button = QPushButton(text)
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    return button


@pytest.fixture
def app_filter(qapp):
    found = ApplicationFilter.of(qapp)
    before = found.watching()
    yield found
    for watcher in found.watching():
        if watcher not in before:
            found.unwatch(watcher)


def test_a_watcher_is_given_only_the_kinds_it_asks_for(qtbot, app_filter):
    presses = Seen({QEvent.Type.MouseButtonPress})
    on_the_application(presses)
    button = shown_button(qtbot)
    clicked = []
    button.clicked.connect(lambda: clicked.append(True))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    # the press (QTest sends it to the button itself); no paint, no show, no release
    assert presses.seen == [QEvent.Type.MouseButtonPress]
    assert clicked == [True]


def test_the_last_watcher_added_is_asked_first_and_may_stop_the_event(qtbot, app_filter):
    first = Seen({QEvent.Type.KeyPress})
    stopping = Seen({QEvent.Type.KeyPress, QEvent.Type.KeyRelease}, stops={QEvent.Type.KeyPress})
    on_the_application(first)
    on_the_application(stopping)
    on_the_application(first)  # once only, where it was
    assert app_filter.watching()[:2] == [stopping, first]
    button = shown_button(qtbot, "Keys")
    qtbot.keyClick(button, Qt.Key.Key_A)
    assert QEvent.Type.KeyPress in stopping.seen and QEvent.Type.KeyRelease in stopping.seen
    assert first.seen == []  # stopped before it


def test_a_destroyed_watcher_is_forgotten(qtbot, app_filter):
    gone = Seen({QEvent.Type.MouseButtonPress})
    on_the_application(gone)
    assert gone in app_filter.watching()
    gone.deleteLater()
    qtbot.waitUntil(lambda: gone not in app_filter.watching())
    button = shown_button(qtbot)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # nothing asks the deleted watcher


def test_it_leaves_the_application_as_it_quits_and_comes_back_for_a_new_watcher(
        qtbot, qapp, app_filter):
    before = Seen({QEvent.Type.MouseButtonPress})
    on_the_application(before)
    qapp.aboutToQuit.emit()
    assert app_filter.watching() == []
    after = Seen({QEvent.Type.MouseButtonPress})
    on_the_application(after)
    button = shown_button(qtbot)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert before.seen == [] and after.seen == [QEvent.Type.MouseButtonPress]
