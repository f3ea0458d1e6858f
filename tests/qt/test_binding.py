"""The Qt binding itself must hold up in a process that runs for months.

PySide6 6.12.0 under Python 3.11 dropped a reference to None on every call of a method that
returns nothing (`setText`, `update`, `processEvents`); after some thousands of calls Python
aborted with "none_dealloc: deallocating None". The kiosk calls such methods all day.
"""

import sys

import pytest
from PySide6.QtWidgets import QApplication, QLabel


@pytest.mark.skipif(sys.version_info >= (3, 12),
                    reason="None is immortal from Python 3.12 on (PEP 683): its count no longer "
                           "moves, so a lost reference can neither show here nor abort Python")
def test_calls_that_return_nothing_keep_none_alive(qapp):
    label = QLabel("x")
    before = sys.getrefcount(None)
    for number in range(2000):
        label.setText(str(number))
        label.update()
    QApplication.sendPostedEvents()
    assert sys.getrefcount(None) >= before - 50


def test_the_pictures_check_refuses_are_those_qt_would_not_open():
    from PySide6.QtGui import QImageReader

    from kiosk.core.content.reader import MAX_PIXELS

    assert QImageReader.allocationLimit() * 2**20 // 4 == MAX_PIXELS
