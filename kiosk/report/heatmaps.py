"""Where people tap, over each screen as visitors see it: the screen drawn by the kiosk's own
code at the kiosk's display size (as `snapshot` draws it), the taps counted on a grid and
shown over it by matplotlib, warmer where more fell."""

from __future__ import annotations

import base64
import io
import os
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
import numpy

from ..core.content.model import Content
from ..core.session import Route
from . import charts  # noqa: F401  (it sets matplotlib to the file-only backend)

GRID = (48, 27)  # cells across and down, at 16:9
WIDTH_PX = 960


def screen_pictures(content: Content, keys: list[str], size: tuple[int, int], language: str
                    ) -> dict[str, Any]:
    """Each screen named in `keys` ("clusters", or "clusters/detail" for its first detail)
    as an RGB array, drawn offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage

    from ..qt.idle import IdleWatcher
    from ..ui.application import make_application, settle
    from ..ui.slices import finish_all
    from ..ui.window import KioskWindow

    app, family = make_application(["kiosk-report"])
    window = KioskWindow(content.with_settings(reduced_motion=True, default_language=language),
                         family,
                         IdleWatcher(24 * 3600 * 1000), allow_close=True, size=size)
    window.setFixedSize(*size)
    window.show()
    found = {}
    try:
        for key in keys:
            page, _, detail = key.partition("/")
            details = content.details(page) if detail else ()
            route = Route(page, details[0].id) if details else Route(page)
            if page not in window.pages():
                continue
            window.show_route(route)
            finish_all(window.stack)
            settle(app)
            image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
            pixels = numpy.frombuffer(image.constBits(), numpy.uint8)
            found[key] = pixels.reshape(image.height(), image.bytesPerLine())[
                :, :image.width() * 3].reshape(image.height(), image.width(), 3).copy()
    finally:
        window.close()
        window.deleteLater()
    return found


def counted(taps: list[list[float]]) -> Any:
    """The taps on a GRID of cells over the screen: [row][column] counts."""
    if not taps:
        return numpy.zeros((GRID[1], GRID[0]))
    xs, ys = numpy.array(taps).T
    grid, _, _ = numpy.histogram2d(ys, xs, bins=(GRID[1], GRID[0]), range=((0, 1), (0, 1)))
    return grid


def heatmap(picture: Any, taps: list[list[float]]) -> str:
    """The screen with its taps over it, as a PNG data URI."""
    height, width = picture.shape[:2]
    figure = plt.figure(figsize=(WIDTH_PX / 100, WIDTH_PX / 100 * height / width), dpi=100)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.imshow(picture, extent=(0, 1, 1, 0), aspect="auto")
    grid = counted(taps)
    if grid.max() > 0:
        # transparent where nobody tapped, warmer and more opaque the more taps fell there
        colours = matplotlib.colormaps["YlOrRd"](0.35 + 0.65 * grid / grid.max())
        colours[..., 3] = numpy.where(grid > 0, 0.35 + 0.5 * grid / grid.max(), 0.0)
        axes.imshow(colours, extent=(0, 1, 1, 0), aspect="auto", interpolation="bilinear")
    axes.axis("off")
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=100, pil_kwargs={"compress_level": 1})  # quick
    plt.close(figure)
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii")
