"""The README's picture of the preview, made as staff would meet it: the preview open on a
cluster's detail, a save with a Chinese colon, the problem over the last good screen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/preview_picture.py

Writes docs/screens/preview-problem.png (1440x900, the size the preview opens at).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402

from kiosk.core.content import load  # noqa: E402
from kiosk.core.session import Route  # noqa: E402
from kiosk.preview import SIZE  # noqa: E402
from kiosk.ui.application import make_application, settle  # noqa: E402
from kiosk.ui.preview_window import PreviewWindow  # noqa: E402

TITLE = "title: {en: Hi-tech enterprise innovation cluster, zh: 高新技术企业创新集群}"


def main() -> int:
    """Within the event loop, as staff's clicks are: a cross-fade's picture is let go there
    (one deleted outside any loop waits for one to start)."""
    app, _family = make_application()
    QTimer.singleShot(0, lambda: app.exit(picture()))
    return app.exec()


def picture() -> int:
    app, family = make_application()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "content.yaml"
        shutil.copy(ROOT / "content.yaml", path)
        window = PreviewWindow(path, family, debounce_ms=50)
        window.resize(*SIZE)
        window.show()
        window.start(load(path))
        settle(app)
        assert window.stage.kiosk is not None
        window.stage.kiosk.navigate(Route("clusters"))
        window.stage.kiosk.navigate(Route("clusters", "hi-tech"))
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(TITLE, TITLE.replace("title:", "title：")),
                        encoding="utf-8")
        deadline = time.monotonic() + 20
        while not window.panel.isVisible() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        end = time.monotonic() + 1  # the cross-fade to the detail over
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)
        settle(app)
        out = ROOT / "docs" / "screens" / "preview-problem.png"
        window.grab().save(str(out), "PNG")
        print(f"{out}: {window.panel.texts()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
