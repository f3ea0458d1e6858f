"""An unexpected error never leaves a visitor looking at a broken screen."""

import logging
import sys

import pytest

from kiosk.core.session import HOME, Route
from kiosk.qt import safety
from kiosk.ui import map_view

from ..helpers import settle, tap


@pytest.fixture
def hook():
    before = sys.excepthook
    yield
    sys.excepthook = before


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_screen_is_logged_and_the_kiosk_goes_home(qtbot, make_window, hook,
                                                                 caplog):
    window = make_window()
    safety.install(window.reset)
    tap(qtbot, window.screens["home"].tiles["clusters"])
    tap(qtbot, window.language_button)
    card = window.screens["clusters"].items["hi-tech"]

    def broken() -> None:
        raise RuntimeError("a bug in a screen")

    card.clicked.connect(broken)
    with caplog.at_level(logging.ERROR, logger="kiosk"), \
            qtbot.waitSignal(window.session_reset, timeout=5000):
        tap(qtbot, card)
    settle()
    assert window.route == HOME
    assert window.language == "en"
    record = next(r for r in caplog.records if "unexpected error" in r.getMessage())
    assert record.exc_info[0] is RuntimeError
    tap(qtbot, window.screens["home"].tiles["mission"])  # and the kiosk still works
    assert window.route == Route("mission")


@pytest.mark.qt_no_exception_capture
def test_an_error_while_a_screen_is_laid_out_is_logged_and_the_kiosk_goes_home(
        qtbot, make_window, hook, caplog, monkeypatch):
    """Raised in the map's resizeEvent as a visitor opens the network: left to PySide6 6.11,
    the process ends with a segmentation fault (the test run with it); guarded, it goes the
    way of any other error."""
    window = make_window()
    safety.install(window.reset)

    def broken(self) -> None:
        raise RuntimeError("a bug in the map's layout")

    monkeypatch.setattr(map_view.MapView, "_relayout", broken)
    with caplog.at_level(logging.ERROR, logger="kiosk"), \
            qtbot.waitSignal(window.session_reset, timeout=5000):
        tap(qtbot, window.screens["home"].tiles["network"])
    settle()
    assert window.route == HOME
    record = next(r for r in caplog.records if "unexpected error" in r.getMessage())
    assert record.exc_info[0] is RuntimeError
    tap(qtbot, window.screens["home"].tiles["mission"])  # and the kiosk still works
    assert window.route == Route("mission")


def test_a_guarded_handler_gives_qt_its_own_answer_when_it_fails(qapp, hook, monkeypatch):
    """A size hint that raises: the error goes to the hook, and Qt gets QWidget's own hint."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QWidget

    class Broken(QWidget):
        @safety.guarded
        def sizeHint(self) -> QSize:
            raise ValueError("no size")

    seen = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: seen.append(kind))
    widget = Broken()
    assert widget.sizeHint() == QWidget().sizeHint()
    assert seen == [ValueError]


def test_a_failing_recovery_is_logged_not_raised(caplog):
    def fails() -> None:
        raise ValueError("no")

    with caplog.at_level(logging.ERROR, logger="kiosk"):
        safety.safe(fails)()
    assert "could not return to the home screen" in caplog.text
