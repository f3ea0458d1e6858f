"""Regenerate the README's pictures in docs/screens/ with the snapshot command.

    python tools/readme_pictures.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screens"
# (size, language, snapshot file, picture name)
PICTURES = [
    ("1920x1080", "en", "home.png", "home-landscape-en.png"),
    ("1920x1080", "en", "mission.png", "mission-landscape-en.png"),
    ("1920x1080", "zh", "network.png", "network-landscape-zh.png"),
    ("1920x1080", "en", "clusters-intermediary-service.png", "detail-landscape-en.png"),
    ("1080x1920", "zh", "home.png", "home-portrait-zh.png"),
    ("1080x1920", "en", "strategies.png", "strategies-portrait-en.png"),
    ("1920x1080", "en", "attract-2.png", "attract-landscape-en.png"),
    ("1920x1080", "en", "network-shenzhen.png", "location-landscape-en.png"),
]


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for size, language in sorted({(p[0], p[1]) for p in PICTURES}):
            folder = Path(tmp) / f"{size}-{language}"
            subprocess.run([sys.executable, str(ROOT / "main.py"), "snapshot", "--out",
                            str(folder), "--size", size, "--lang", language], check=True)
        for size, language, shot, name in PICTURES:
            # the screen's file, whatever its number in the order of the screens
            found = next((Path(tmp) / f"{size}-{language}").glob(f"[0-9][0-9]-{shot}"))
            image = QImage(str(found))
            width = 960 if image.width() > image.height() else 540
            image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation).save(
                str(OUT / name))
            print(OUT / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
