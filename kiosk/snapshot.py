"""Render every screen and detail view to PNG, headless, with the texts each one shows.

Staff use it to review a content change without a touchscreen; the tests use it too.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from functools import partial
from pathlib import Path

from .core import content as contents
from .core.content import Content
from .core.exit_codes import ExitCode
from .core.site import with_site
from .qt.idle import IdleWatcher
from .ui.application import settle
from .ui.slices import finish_all


def routes(content: Content):
    from .core.session import HOME, Route

    yield HOME
    for tile in content.tiles:
        yield Route(tile.page)
        for detail in content.details(tile.page):
            yield Route(tile.page, detail.id)


def visible_texts(window) -> list[str]:
    """The texts a person sees in the window now, in reading order (top to bottom)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

    from .ui.map_view import MapView

    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.visibleRegion().isEmpty():
            continue
        texts = []
        if isinstance(widget, QLabel) and widget.text():
            texts = [widget.text().replace("\u200b", "")]  # the breaks of long words
        elif isinstance(widget, QAbstractButton) and widget.text():
            texts = [widget.text().replace("&&", "&").strip()]
        elif isinstance(widget, MapView):
            texts = widget.visible_texts()
        if texts:
            where = widget.mapTo(window, QPoint(0, 0))
            found += [(where.y(), where.x(), text) for text in texts]
    return [text for _, _, text in sorted(found, key=lambda item: item[:2])]


# Lighter compression than Qt's default: quicker to write, the files a little larger
# (docs/performance.md)
PNG_QUALITY = 80


def render(window, out: Path, app) -> dict[str, list[str]]:
    """Show each route, and each further screenful of a long one, as numbered PNG files."""
    from .core.session import HOME, Route
    texts: dict[str, list[str]] = {}

    def grab(name: str) -> None:
        finish_all(window.stack)  # the long lists, built to their ends
        settle(app)
        file_name = f"{len(texts) + 1:02d}-{name}.png"
        window.grab().save(str(out / file_name), "PNG", PNG_QUALITY)
        texts[file_name] = visible_texts(window)

    home = window.screens.get("home")
    if home is not None:
        home.finish()  # what the kiosk draws in just after its first frame
    for route in routes(window.content):
        window.show_route(route)
        grab(route.name)
        area = getattr(window.stack.currentWidget(), "scroll_area", None)
        bar = area.verticalScrollBar() if area is not None else None
        part = 2
        while bar is not None and bar.value() < bar.maximum():
            bar.setValue(min(bar.value() + bar.pageStep(), bar.maximum()))
            grab(f"{route.name}-part{part}")
            part += 1
    with tempfile.TemporaryDirectory() as folder:  # for a staff PIN, for the picture only
        for name, show, hide in overlays(window, Path(folder) / "settings.json"):
            # "Still there?" comes up over a screen a visitor left; the rest over home.
            pages = window.pages()
            window.show_route(Route(pages[1]) if name == "still-there" and len(pages) > 1
                              else HOME)
            show()
            grab(name)
            hide()
    return texts


def overlays(window, settings: Path):
    """What shows over the screens: each slide of the attract loop (what passers-by see
    first), "Still there?", the closed screen, the staff pad and panel."""
    from datetime import datetime, timedelta

    from .core.hours import next_opening
    from .core.pin import PinGate, set_pin
    from .core.usage.report import figures
    from .ui.pin_pad import PinPad
    from .ui.staff_panel import StaffPanel, StaffStatus

    content, look, language = window.content, window.look, window.language
    now = datetime.now()
    opens = next_opening(content.opening_hours, now) or \
        datetime.combine(now.date() + timedelta(days=1), datetime.min.time()).replace(hour=9)
    set_pin(settings, "480916")
    pad = PinPad(window, PinGate(settings))
    panel = StaffPanel(window)
    status = StaffStatus(str(content.source), now, (), figures([]))

    def attract_slide(index: int) -> None:
        window.start_attract(3600)  # still: the content's motion is off for pictures
        for _ in range(index):
            window.attract.advance()

    return [
        *((f"attract-{index + 1}", partial(attract_slide, index), window.attract.stop)
          for index in range(len(content.attract))),
        ("still-there", window.ask_still_there, window.overlay.stop),
        ("closed", lambda: window.set_closed(True, opens, now), lambda: window.set_closed(False)),
        ("staff-pin", lambda: pad.open(look, language), pad.hide),
        ("staff-panel", lambda: panel.open(look, language, status), panel.hide),
    ]


def snapshot(out: Path, content_path: Path, size: tuple[int, int], language: str | None,
             site: tuple[Path | None, bool] = (None, False)) -> int:
    loaded = with_site(contents.load(content_path), *site)  # the checker: not at import
    for problem in loaded.problems:
        print(problem, file=sys.stderr)
    if loaded.content is None:
        return ExitCode.CONTENT_INVALID
    content = loaded.content
    # Still pictures: no cross-fades caught half way, figures at their final values.
    content = content.with_settings(
        reduced_motion=True, default_language=language or content.settings.default_language)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .ui.application import make_application
    from .ui.window import KioskWindow

    app, family = make_application(["kiosk-snapshot"])
    out.mkdir(parents=True, exist_ok=True)
    idle = IdleWatcher(24 * 3600 * 1000)
    window = KioskWindow(content, family, idle, allow_close=True, size=size)
    window.offer_speech(frozenset(("en", "zh")))  # as a kiosk with voices for both shows it
    window.setFixedSize(*size)
    window.show()
    try:
        texts = render(window, out, app)
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
    (out / "texts.json").write_text(json.dumps(texts, ensure_ascii=False, indent=2) + "\n",
                                    encoding="utf-8")
    print(f"{len(texts)} screens written to {out}")
    return ExitCode.OK
