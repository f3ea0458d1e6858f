"""Regenerate resources/icons/kiosk.ico (the Windows program icon) and kiosk.png.

    python tools/make_icon.py
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"


def main() -> int:
    app = QApplication([])
    from kiosk.ui import icons

    OUT.mkdir(parents=True, exist_ok=True)
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#660874"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(8, 8, 240, 240), 48, 48)
    painter.drawPixmap(48, 48, icons.pixmap("fa6s.building-columns", "#FFFFFF", 160))
    painter.end()
    image.save(str(OUT / "kiosk.png"))
    image.scaled(64, 64, Qt.AspectRatioMode.KeepAspectRatio,
                 Qt.TransformationMode.SmoothTransformation).save(str(OUT / "kiosk.ico"))
    del app
    print(OUT / "kiosk.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
