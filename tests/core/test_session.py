"""The visitor's session without a window: navigating, idling, closing and resetting."""

from pathlib import Path

import pytest

from kiosk.core.content import load
from kiosk.core.session import HOME, OnIdle, Route, Session
from kiosk.core.speech import DEFAULT_VOLUME, VOLUMES

BUNDLED = Path(__file__).resolve().parents[2] / "content.yaml"


def load_text(text: str):
    from kiosk.core.content.loader import load_bytes

    loaded = load_bytes(text.encode(), "content.yaml", BUNDLED.parent)
    assert loaded.content is not None, [str(p) for p in loaded.problems]
    return loaded.content


@pytest.fixture(scope="module")
def content():
    return load(BUNDLED).content


def test_a_visitor_goes_in_and_back_out(content):
    session = Session(content)
    assert session.route == HOME and session.language == "en"
    assert session.navigate(Route("clusters"))
    assert session.navigate(Route("clusters", "hi-tech"))
    assert not session.navigate(Route("clusters", "hi-tech"))  # a second tap: nowhere new
    assert session.history == [HOME, Route("clusters")]
    assert session.back() == Route("clusters")
    assert session.back() == HOME
    assert session.back() == HOME  # nothing left to go back to


def test_home_forgets_the_way_back(content):
    session = Session(content)
    session.navigate(Route("mission"))
    session.navigate(Route("network"))
    assert session.home() == HOME
    assert session.history == []


def test_a_route_that_is_not_there_lands_on_its_page_or_home(content):
    session = Session(content)
    assert session.jump(Route("clusters", "no-such-cluster")) == Route("clusters")
    assert session.jump(Route("no-such-page", "x")) == HOME
    assert not session.exists(Route("no-such-page"))
    assert session.exists(Route("network", "shanghai"))


def test_a_network_is_a_page_only_when_the_content_has_one(content):
    assert "network" in Session(content).pages()
    without = content._replace(network=None)
    assert "network" not in Session(without).pages()
    assert Session(without).jump(Route("network")) == HOME


def test_idle_counts_down_away_from_home_and_resets_a_changed_home(content):
    session = Session(content)
    assert session.on_idle(covered=False) is OnIdle.LEFT
    session.navigate(Route("mission"))
    assert session.on_idle(covered=False) is OnIdle.COUNTDOWN
    assert session.on_idle(covered=True) is OnIdle.NOTHING
    session.home()
    session.toggle_language()
    assert session.language == "zh"
    assert session.on_idle(covered=False) is OnIdle.RESET
    session.reset()
    assert (session.route, session.language, session.larger_text) == (HOME, "en", False)
    session.toggle_larger_text()
    assert session.on_idle(covered=False) is OnIdle.RESET


def test_the_attract_loop_plays_on_an_open_home_screen_with_slides(content):
    session = Session(content)
    assert content.attract
    assert session.attract_now(counting_down=False)
    assert not session.attract_now(counting_down=True)
    session.navigate(Route("mission"))
    assert not session.attract_now(counting_down=False)
    session.home()
    session.closed = True
    assert not session.attract_now(counting_down=False)
    session.closed = False
    assert not Session(content._replace(attract=())).attract_now(False)


def test_new_content_waits_for_the_visitor_then_replaces_the_old(content):
    session = Session(content)
    session.navigate(Route("network"))
    chinese = content.with_settings(default_language="zh")
    assert not session.offer(chinese, counting_down=False)  # someone is looking at the map
    assert session.content is content and session.waiting is chinese
    assert session.reset()
    assert session.content is chinese and session.waiting is None
    assert session.language == "zh"
    assert not session.reset()  # nothing waited this time


def test_new_content_is_shown_at_once_when_nobody_is_there(content):
    session = Session(content)
    assert session.offer(content.with_settings(idle_timeout=30), counting_down=False)
    assert not session.offer(content, counting_down=True)  # "Still there?" is up
    session.toggle_language()
    assert not session.offer(content, counting_down=False)  # a visitor chose Chinese


def test_content_replaced_at_once_keeps_the_visitor_where_they_still_can_be(content):
    """The preview's saves: whoever is there, the new content at once, the place kept."""
    session = Session(content)
    session.navigate(Route("clusters"))
    session.navigate(Route("clusters", "hi-tech"))
    session.toggle_language()
    session.toggle_larger_text()
    session.offer(content, counting_down=False)  # a save the kiosk would have kept waiting
    renamed = load_text(BUNDLED.read_text("utf-8").replace("- id: hi-tech", "- id: high-tech"))
    moved = []
    session.moved.append(moved.append)
    assert session.replace(content) == Route("clusters", "hi-tech")
    assert session.waiting is None
    assert session.history == [HOME, Route("clusters")]
    assert (session.language, session.larger_text) == ("zh", True)
    assert session.replace(renamed) == Route("clusters")  # its detail is gone: its page
    assert session.content is renamed and session.route == Route("clusters")
    assert session.history == [HOME]  # Back leads somewhere else, not to where it is
    session.navigate(Route("network"))
    session.navigate(Route("network", "beijing"))
    session.navigate(Route("mission"))
    assert session.replace(renamed._replace(network=None)) == Route("mission")
    assert session.history == [HOME, Route("clusters")]  # the way back, without what is gone
    assert session.replace(renamed._replace(pages={})) == HOME  # no page left: home, as Home
    assert session.history == []
    assert moved == [Route("network"), Route("network", "beijing"), Route("mission")]  # the
    # visitor's moves only: a replacement is drawn by the window itself (KioskWindow.show_now)


def test_the_pages_are_home_the_contents_and_the_network(content):
    assert Session(content).pages() == ["home", "mission", "strategies", "clusters", "network"]
    assert Session(content._replace(network=None)).pages()[-1] == "clusters"


def test_the_language_switch_goes_back_and_forth(content):
    session = Session(content)
    assert session.language == "en"
    assert [session.toggle_language() for _ in range(3)] == ["zh", "en", "zh"]


def test_every_move_is_told_with_where_the_visitor_is_now(content):
    session = Session(content)
    told = []
    session.moved.append(told.append)
    session.navigate(Route("network", "xiamen"))
    session.navigate(Route("network", "xiamen"))  # already there: no move
    session.back()
    session.at(Route("network", "no-such-place"))  # the nearest that exists
    session.home()
    assert told == [Route("network", "xiamen"), HOME, Route("network"), HOME]


def test_reading_aloud_or_its_volume_changed_at_home_is_reset_when_idle(content):
    session = Session(content)
    assert (session.speech, session.volume) == (False, DEFAULT_VOLUME)
    assert session.toggle_speech() is True
    assert session.on_idle(covered=False) is OnIdle.RESET  # not LEFT: the voice must stop
    session.toggle_speech()
    assert session.on_idle(covered=False) is OnIdle.LEFT
    session.louder()
    assert session.on_idle(covered=False) is OnIdle.RESET
    session.toggle_speech()
    session.reset()
    assert (session.speech, session.volume) == (False, DEFAULT_VOLUME)
    assert session.on_idle(covered=False) is OnIdle.LEFT


def test_the_volume_steps_stop_at_both_ends_and_the_button_goes_round(content):
    session = Session(content)
    assert [session.louder() for _ in range(3)] == [3, 3, 3]
    assert [session.softer() for _ in range(5)] == [2, 1, 0, 0, 0]
    assert [session.next_volume() for _ in range(5)] == [1, 2, 3, 0, 1]
    assert len(VOLUMES) == 4 and VOLUMES[DEFAULT_VOLUME] == 0.75


def test_a_new_session_starts_at_home_in_the_kiosks_language_with_nothing_chosen(content):
    session = Session(content)
    assert (session.route, session.history, session.language, session.larger_text,
            session.speech, session.volume, session.closed, session.waiting, session.moved) \
        == (HOME, [], content.settings.default_language, False, False, DEFAULT_VOLUME, False,
            None, [])
    other = Session(content)
    other.history.append(Route("mission"))  # each session's own lists
    other.moved.append(print)
    assert session.history == [] and session.moved == []
