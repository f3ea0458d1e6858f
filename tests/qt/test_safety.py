"""An unexpected error never leaves a visitor looking at a broken screen."""

import logging
import sys

import pytest

from kiosk.core.session import HOME, Route
from kiosk.qt import safety

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


def test_a_failing_recovery_is_logged_not_raised(caplog):
    def fails() -> None:
        raise ValueError("no")

    with caplog.at_level(logging.ERROR, logger="kiosk"):
        safety.safe(fails)()
    assert "could not return to the home screen" in caplog.text
