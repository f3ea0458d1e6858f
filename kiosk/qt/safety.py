"""Never a traceback in front of visitors: an unexpected error is logged and the kiosk goes home.

Qt calls Python from its event loop (slots, paint and event handlers); an exception there
reaches sys.excepthook. The hook logs it with its traceback, then asks for a fresh session on
the next turn of the event loop (not inside the handler that failed).

One kind of handler is `guarded`: the ones Qt calls while it lays widgets out (resizeEvent,
showEvent, size hints, a layout's geometry). With PySide6 6.11, an exception raised there
while Python code waits on Qt (a screen shown by a tap: the map's resizeEvent) ends the
process with a segmentation fault instead of reaching the hook (tests/qt/test_safety.py).
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar

from PySide6.QtCore import QTimer

log = logging.getLogger("kiosk")


def install(recover: Callable[[], None]) -> None:
    def hook(kind: type[BaseException], error: BaseException,
             trace: TracebackType | None) -> None:
        log.error("unexpected error; returning to the home screen",
                  exc_info=(kind, error, trace))
        QTimer.singleShot(0, safe(recover))

    sys.excepthook = hook


def safe(action: Callable[[], None]) -> Callable[[], None]:
    def run() -> None:
        try:
            action()
        except Exception:  # recovering failed too: log it, keep the event loop alive
            log.exception("could not return to the home screen")

    return run


Handler = TypeVar("Handler", bound=Callable[..., Any])


def guarded(handler: Handler) -> Handler:
    """`handler`, a Qt virtual method a widget or layout overrides, with its exception handed
    to sys.excepthook at once (logged; the kiosk goes home) and Qt's own answer given instead,
    so that PySide6 never sees it."""
    name = handler.__name__

    @functools.wraps(handler)
    def run(self: object, *args: object) -> Any:
        try:
            return handler(self, *args)
        except Exception:
            sys.excepthook(*sys.exc_info())
            return _qt_own(self, name, args)

    return run  # type: ignore[return-value]


def _qt_own(obj: object, name: str, args: tuple[object, ...]) -> Any:
    """What Qt's own class (the first of PySide6's in `obj`'s ancestry) answers for `name`."""
    for cls in type(obj).__mro__:
        if cls.__module__.startswith("PySide6.") and name in cls.__dict__:
            return getattr(cls, name)(obj, *args)
    return None
