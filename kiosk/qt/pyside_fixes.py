"""Two behaviours of PySide6 6.11 that the kiosk corrects, once, when this module is imported.

Both replace one small piece of PySide6's own Python code; if a later PySide6 no longer has
that piece, the correction is skipped and the kiosk runs as before (tests/qt/test_pyside_fixes.py
checks that both are in place with the pinned version).
"""

from __future__ import annotations

import linecache
import sys
import types

from PySide6.QtCore import Qt


def _one_gesture_type_for_all_scrollers() -> None:
    """Stop a leak: each QScroller.grabGesture registers a new gesture type (257, 258, ...),
    and PySide6 turns every value Qt.GestureType has no member for into a new enum class that
    it keeps: 2.6 KiB for every scroll area ever made, which over months of rebuilt screens
    and opened details adds up. The kiosk never reads those values (nothing in it handles a
    QGesture), so an unknown gesture type is given as CustomGesture instead.
    tests/ui/test_touch.py checks that making scroll areas no longer grows memory."""
    Qt.GestureType._missing_ = classmethod(  # type: ignore[method-assign,assignment]
        lambda cls, value: cls.CustomGesture)


def _read_each_module_once() -> bool:
    """Make PySide6's check of each newly imported module cheap. For its `__feature__` imports
    PySide6 asks of every module imported after it whether the module's source mentions
    "PySide6", through `inspect.getsource`, which finds the file, detects its encoding and
    caches its lines: 0.1 ms a module, 7 ms of the kiosk's start-up for the 64 modules it
    imports before its first frame, and their lines kept in linecache for good (about 3 MiB).
    The same question is answered here by reading the file's bytes once (0.02 ms); modules
    without a .py file go to PySide6's own check as before. Imported first after PySide6
    (kiosk/app.py), so that it answers for every module after."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or hasattr(original, "pyside_own"):
        return False

    def mod_uses_pyside(module: types.ModuleType) -> bool:
        file = getattr(module, "__file__", None)
        if not isinstance(file, str) or not file.endswith(".py"):
            return bool(original(module))
        try:
            with open(file, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    setattr(mod_uses_pyside, "pyside_own", original)  # noqa: B010 (PySide6's own, kept)
    setattr(feature, "_mod_uses_pyside", mod_uses_pyside)  # noqa: B010
    linecache.clearcache()  # the lines PySide6's own check kept of the modules before this one
    return True


_one_gesture_type_for_all_scrollers()
_read_each_module_once()
