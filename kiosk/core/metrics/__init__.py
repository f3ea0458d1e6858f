"""What the desk watches from afar: the kiosk's figures for Prometheus, and the small web server
that gives them out (and a picture of the screen), off the UI thread. No Qt here: the window's
side (kiosk/services.py, kiosk/qt/stalls.py) tells these what happened."""

from .figures import KioskFigures
from .server import MetricsServer, start_server
from .stalls import LongestStall

__all__ = ["KioskFigures", "LongestStall", "MetricsServer", "start_server"]
