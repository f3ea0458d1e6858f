"""A picture staff named in content.yaml, read for the screen: `check` knows its name and that
the file is there, but only Qt can tell whether it can draw it (a damaged file, a format whose
plugin is missing). One it cannot draw is left out, as if none were named, and the log says
which and why, once per file, for staff and installers to find."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QPixmap

log = logging.getLogger("kiosk")
_told: set[str] = set()  # the files already named in the log


def read_picture(path: Path | None) -> QPixmap:
    """The picture at `path`; an empty one if there is none or it cannot be drawn."""
    if path is None:
        return QPixmap()
    pixmap = QPixmap(str(path))
    if pixmap.isNull() and str(path) not in _told:
        _told.add(str(path))
        from PySide6.QtGui import QImageReader  # only for one it cannot draw (its enums: 0.3 ms)

        reader = QImageReader(str(path))
        reader.read()
        log.warning("the picture %s cannot be drawn (Qt: %s): it is left out", path,
                    reader.errorString())
    return pixmap
