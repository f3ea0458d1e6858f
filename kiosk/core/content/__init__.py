"""Content: plain data loaded from content.yaml. Imports nothing from Qt.

The loader (and PyYAML with it) is imported when first asked for, not with the package: a
kiosk starting on an unchanged content file takes it from the cache (cache.py) and never
needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import Content, Detail, Location, Page, Text
from .problems import Loaded, Problem

if TYPE_CHECKING:
    from .loader import load, load_bytes

__all__ = ["Content", "Detail", "Loaded", "Location", "Page", "Problem", "Text", "load",
           "load_bytes"]


def __getattr__(name: str) -> Any:
    if name in ("load", "load_bytes"):
        from . import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
