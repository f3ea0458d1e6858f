"""Building a widget that may raise: what it half built is handed to Qt before Python frees it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLayout, QWidget

log = logging.getLogger("kiosk")
Built = TypeVar("Built")


def built(make: Callable[[], Built], what: str, builder: QWidget) -> Built | None:
    """What `make` builds, or None if building it raised (logged with its traceback).

    Whatever was half built is handed to Qt before Python lets go of it (see
    _dispose_half_built): a screen that raised half way through its constructor, freed as
    its traceback was, crashed the kiosk (SIGSEGV in a parentless layout's destructor).
    """
    try:
        return make()
    except Exception as exc:
        log.error("could not build %s; showing another screen instead", what, exc_info=exc)
        _dispose_half_built(exc, builder)
        return None


def _dispose_half_built(exc: BaseException, builder: QWidget) -> None:
    """Give every widget and layout that the failed frames made (not the `builder`, the
    window that asked for them) a Qt parent, and delete those parents with Qt: Qt then deletes
    children before parents, as it should, instead of Python's reference counting freeing
    them in whatever order their frames held them."""
    import shiboken6

    found: dict[int, QObject] = {}
    trace = exc.__traceback__
    while trace is not None:
        for value in trace.tb_frame.f_locals.values():
            if isinstance(value, (QWidget, QLayout)) and value is not builder \
                    and shiboken6.isValid(value):
                found[id(value)] = value
        trace = trace.tb_next
    holders: list[QWidget] = []
    for thing in found.values():
        if isinstance(thing, QLayout) and thing.parent() is None:
            holders.append(QWidget())
            holders[-1].setLayout(thing)  # its items' widgets go to the holder too
    for thing in found.values():
        if isinstance(thing, QWidget) and thing.parent() is None and thing not in holders:
            holders.append(QWidget())
            thing.setParent(holders[-1])
    exc.__traceback__ = None
    found.clear()
    for holder in holders:
        holder.deleteLater()
