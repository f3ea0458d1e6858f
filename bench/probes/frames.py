"""The frames of a cross-fade between screens."""

from __future__ import annotations

import time

from .common import kiosk_window


def frames(app, content, transitions: int, size=(1920, 1080)) -> list[float]:
    """The paint time of each frame of a cross-fade between screens, at `size`."""
    from kiosk.core.session import Route
    from kiosk.ui.fade import FadingPicture

    window = kiosk_window(app, content, size, motion=True)
    times = []
    for index in range(transitions):
        page = window.pages()[1 + index % (len(window.pages()) - 1)]
        window.navigate(Route(page))
        app.processEvents()  # the fade starts on the next turn of the event loop
        picture = window.fade.picture  # the fade of this transition (not an older one)
        assert isinstance(picture, FadingPicture)
        for step in range(16):  # ~16 frames of a 250 ms fade at 60 Hz
            picture.set_opacity(1 - step / 15)
            begin = time.perf_counter()
            picture.repaint()
            times.append((time.perf_counter() - begin) * 1000)
        window.finish_transition()
        window.navigate(Route("home"))
        window.finish_transition()
        app.processEvents()
    window.close()
    return times
