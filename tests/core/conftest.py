"""The core's tests run without Qt: `make test` runs them with pytest-qt switched off, and a
test that imports Qt (itself, or through the kiosk) fails there."""

import sys

import pytest


@pytest.fixture(autouse=True)
def no_qt(request):
    yield
    if not request.config.pluginmanager.has_plugin("pytest-qt"):
        assert "PySide6" not in sys.modules, "a core test imported Qt"
