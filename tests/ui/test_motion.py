"""Motion: cross-fades between screens and figures counting up; never in the way of a tap."""


from kiosk.core.session import Route
from kiosk.snapshot import visible_texts
from kiosk.ui.count_up import partial
from kiosk.ui.fade import FadingPicture

from ..helpers import settle, tap


def test_navigation_cross_fades_and_a_tap_during_it_goes_through(qtbot, make_window):
    # a fade long enough to be still running after the taps on a slow shared machine
    window = make_window(motion=True, transition_ms=3000)
    tap(qtbot, window.screens["home"].tiles["strategies"])
    assert window.findChildren(FadingPicture)  # fading from home to strategies
    item = window.screens["strategies"].items["internationalization"]
    tap(qtbot, item)  # while the fade runs
    assert window.route == Route("strategies", "internationalization")
    assert window.fade is not None  # a fade to the detail, under way
    window.finish_transition()  # not waited for: test_the_fade_finishes_by_itself waits for one
    qtbot.waitUntil(lambda: not [p for p in window.findChildren(FadingPicture)
                                 if p.isVisible()], timeout=5000)


def test_the_fade_finishes_by_itself(qtbot, make_window):
    window = make_window(motion=True, transition_ms=60)  # not 250: waited for here
    window.navigate(Route("clusters"))
    fade = window.fade
    assert fade is not None
    with qtbot.waitSignal(fade.finished, timeout=5000):
        pass
    settle()
    assert window.fade is None


def test_a_fade_ended_by_the_next_is_gone_at_once(qtbot, make_window):
    """Two moves in one turn (the preview's, or a script's): the first fade's picture is
    hidden when it ends, not only deleted when the event loop gets to it."""
    window = make_window(motion=True, transition_ms=60)
    window.navigate(Route("clusters"))
    window.navigate(Route("clusters", "hi-tech"))
    fade = window.fade
    with qtbot.waitSignal(fade.finished, timeout=5000):
        pass
    assert not [p for p in window.findChildren(FadingPicture) if p.isVisible()]


def test_figures_count_up_to_their_value(qtbot, make_window):
    # a count long enough to be still running after the tap on a slow shared machine
    window = make_window(motion=True, count_up_ms=60_000)
    tap(qtbot, window.screens["home"].tiles["mission"])
    screen = window.screens["mission"]
    assert len(screen.count_ups) == 5
    first = screen.count_ups[0]
    assert first.animation.state() == first.animation.State.Running
    assert first.animation.duration() == 60_000
    assert first.target.text() != "770,000"  # on its way up, from zero
    with qtbot.waitSignal(first.animation.finished, timeout=5000):
        first.animation.setCurrentTime(60_000)  # the end of the count
    assert first.target.text() == "770,000"


def test_counting_keeps_the_figure_format():
    assert partial("770,000", 0.5) == "385,000"
    assert partial("1,000+", 0.25) == "250+"
    assert partial("≈20", 0.5) == "≈10"
    assert partial("近20", 1.0) == "近20"
    assert partial("12.5%", 0.5) == "6.2%"
    assert partial("no number", 0.5) == "no number"


def test_reduced_motion_turns_motion_off(qtbot, make_window, content):
    content = content.with_settings(reduced_motion=True)
    window = make_window(content)
    tap(qtbot, window.screens["home"].tiles["mission"])
    assert window.fade is None
    assert not window.findChildren(FadingPicture)
    assert window.screens["mission"].count_ups == []
    assert "770,000" in visible_texts(window)
