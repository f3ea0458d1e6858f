"""Content: plain data loaded from content.yaml. Imports nothing from Qt."""

from .loader import Loaded, load, load_bytes
from .model import Content, Detail, Location, Page, Text
from .problems import Problem

__all__ = ["Content", "Detail", "Loaded", "Location", "Page", "Problem", "Text", "load",
           "load_bytes"]
