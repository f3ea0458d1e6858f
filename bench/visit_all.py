"""The kiosk, visiting every screen and detail as a visitor would, then printing its memory.

Run by bench/run.py in a process of its own: `python bench/visit_all.py`.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent  # noqa: E402

import kiosk.qt.pyside_fixes  # noqa: E402, F401  (first after PySide6, as kiosk/app.py has it)
from bench.bare import rss_kib  # noqa: E402
from bench.kiosk_app import kiosk_app  # noqa: E402
from kiosk.core import paths  # noqa: E402
from kiosk.core.content import cache  # noqa: E402
from kiosk.qt.idle import IdleWatcher  # noqa: E402
from kiosk.snapshot import routes, settle  # noqa: E402
from kiosk.ui.window import KioskWindow  # noqa: E402

app, family = kiosk_app()
# as the kiosk starts (kiosk/core/crash_loop.py): from the content cache, once it is written
content = cache.load(paths.default_content(), paths.state_dir() / "content-cache.pickle").content
window = KioskWindow(content, family, IdleWatcher(3_600_000), size=(1920, 1080))
window.show()
settle(app)
for route in routes(content):
    window.navigate(route)
    settle(app)
    window.repaint()
    window.finish_transition()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # as app.exec() would
print(f"rss_kib {rss_kib()}", flush=True)
