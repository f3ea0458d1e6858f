"""Usage figures: what visitors do, with no personal data. No Qt here."""

from .record import Session, View
from .store import UsageStore

__all__ = ["Session", "UsageStore", "View"]
