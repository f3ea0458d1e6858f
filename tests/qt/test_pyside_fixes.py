"""The kiosk's corrections of PySide6 are in place with the pinned PySide6, and the quicker
module check answers as PySide6's own does."""

import importlib
import sys

from PySide6.QtCore import Qt

from kiosk.qt import pyside_fixes


def test_both_corrections_are_in_place():
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside.pyside_own
    assert Qt.GestureType(300) is Qt.GestureType.CustomGesture
    assert not pyside_fixes._read_each_module_once()  # once only: not wrapped twice


def test_the_module_check_answers_as_pyside6s_own():
    feature = sys.modules["shibokensupport.feature"]
    quick = feature._mod_uses_pyside
    modules = [importlib.import_module(name) for name in (
        "kiosk.app", "kiosk.ui.widgets", "kiosk.core.content.model", "kiosk.core.paths", "json",
        "argparse", "sys", "_json", "pytestqt.qtbot")]
    original = quick.pyside_own
    answers = {module.__name__: quick(module) for module in modules}
    assert answers == {module.__name__: original(module) for module in modules}
    assert answers["kiosk.app"] and answers["kiosk.ui.widgets"]
    assert not answers["kiosk.core.content.model"] and not answers["sys"]
