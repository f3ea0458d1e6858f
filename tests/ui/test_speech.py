"""Reading aloud (kiosk/ui/speech_mode.py) with a real engine: speech-dispatcher and eSpeak NG
(tests/speech_server.py), in English and Chinese, sound measured as it comes out; every screen
read in its language; a first touch announcing a control and a second pressing it; keys; the
volume; and all of it reset when the visitor's session ends."""

import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from kiosk.core.session import HOME, Route
from kiosk.core.speech import DEFAULT_VOLUME, VOLUMES
from kiosk.qt.voice import Voice
from kiosk.qt.watchers import Watchers, off_the_application, on_the_window
from kiosk.snapshot import routes
from kiosk.ui.buttons import NavButton
from kiosk.ui.keypad import Keypad
from kiosk.ui.reading import plain
from kiosk.ui.speech_mode import SpeechMode

from ..helpers import key, settle, touch_tap, wait_for_idle


class Heard:
    """What the kiosk asked its voice to say, in order."""

    def __init__(self, voice):
        self.said: list[tuple[str, str]] = []
        voice.asked.connect(lambda text, language: self.said.append((text, language)))

    @property
    def last(self) -> str:
        return self.said[-1][0] if self.said else ""


@pytest.fixture
def speaking(make_window, voice):
    """A kiosk window with its keys and reading aloud, on the real voice."""
    made = []

    def make(**options):
        window = make_window(**options)
        keypad = Keypad(window, lambda: window.look, window.back)
        speech = SpeechMode(window, voice, keypad)
        on_the_window(window, keypad)
        speech.start()
        made.append(speech)
        window.offer_speech(voice.languages)
        settle()  # the bar's new buttons show in the next turn of the event loop
        return window, speech, Heard(voice)

    yield make
    for speech in made:
        off_the_application(speech.touches)
    voice.stop()
    voice.set_volume(VOLUMES[DEFAULT_VOLUME])


def turn_on(window) -> None:
    tap_button(window.nav.speech_button)
    assert window.speech


def tap_button(button) -> None:
    touch_tap(button)


def wait_until_quiet(qtbot, voice) -> None:
    qtbot.waitUntil(lambda: voice.engine.state() == QTextToSpeech.State.Ready, timeout=30_000)


def test_the_real_engine_speaks_english_and_chinese_out_loud(qtbot, voice, speech_server):
    assert voice.languages == {"en", "zh"}
    voices = voice._voices  # the voices chosen: eSpeak NG's British English, and Mandarin
    assert voices["en"].name() == "English (Great Britain)"
    assert voices["zh"].name() == "Chinese (Mandarin, latin as English)"
    for text, language in (("Welcome to Beijing TusPark.", "en"), ("欢迎来到启迪科技园。", "zh")):
        wait_until_quiet(qtbot, voice)
        before = speech_server.written()
        with qtbot.waitSignal(voice.engine.stateChanged, timeout=30_000,
                              check_params_cb=lambda state: state == QTextToSpeech.State.Ready):
            voice.say(text, language)
        qtbot.waitUntil(lambda start=before: speech_server.written() > start, timeout=30_000)
        seconds, loudness = speech_server.since(before)
        assert 0.8 < seconds < 10, (language, seconds)  # a short sentence, said
        assert loudness > 500, (language, loudness)  # not silence


def test_the_volume_reaches_the_sound(qtbot, voice, speech_server):
    """The softest step is quieter than the loudest, measured in the sound written."""
    loudness = {}
    for level in (0, len(VOLUMES) - 1):
        voice.set_volume(VOLUMES[level])
        wait_until_quiet(qtbot, voice)
        before = speech_server.written()
        with qtbot.waitSignal(voice.engine.stateChanged, timeout=30_000,
                              check_params_cb=lambda state: state == QTextToSpeech.State.Ready):
            voice.say("The volume of the kiosk.", "en")
        qtbot.waitUntil(lambda start=before: speech_server.written() > start, timeout=30_000)
        loudness[level] = speech_server.since(before)[1]
    voice.set_volume(VOLUMES[DEFAULT_VOLUME])
    assert loudness[0] < 0.6 * loudness[len(VOLUMES) - 1], loudness


def test_without_an_engine_the_control_is_hidden_and_the_log_says_why(
        qtbot, make_window, caplog):
    missing = Voice(engine="no-such-engine")
    with caplog.at_level(logging.WARNING, logger="kiosk"), \
            qtbot.waitSignal(missing.ready, timeout=30_000):
        missing.open()
    assert missing.languages == frozenset()
    assert [record.getMessage() for record in caplog.records] == [
        f"reading aloud in {name} is not offered: Qt has no 'no-such-engine' speech engine "
        f"(it has: {', '.join(QTextToSpeech.availableEngines())})"
        for name in ("English", "Chinese")]
    window = make_window()
    window.offer_speech(missing.languages)
    assert window.nav.speech_button.isHidden()


def test_the_control_shows_only_in_a_language_with_a_voice(make_window):
    window = make_window()
    window.offer_speech(frozenset({"en"}))
    settle()
    assert window.nav.speech_button.isVisible()
    touch_tap(window.language_button)
    assert window.language == "zh"
    assert window.nav.speech_button.isHidden()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_screen_is_read_in_its_language_as_it_opens(speaking, content, language):
    window, _speech, heard = speaking(given=content.with_settings(default_language=language))
    turn_on(window)
    assert heard.said[-1][1] == language
    for route in routes(window.content):
        window.show_route(route)
        settle()
        text, said_in = heard.said[-1]
        assert said_in == language, route
        screen = window.stack.currentWidget()
        labels = [label for label in screen.findChildren(QLabel)
                  if label.isVisibleTo(screen) and plain(label.text())]
        assert labels, route
        for label in labels:  # every text the screen shows
            assert plain(label.text()) in text, (route, label.text(), text[:300])
        position = 0
        for label in labels:  # those outside controls in the order they show
            if not isinstance(label.parentWidget(), QAbstractButton):
                found = text.find(plain(label.text()), position)
                assert found >= 0, (route, label.text(), text[:300])
                position = found


def test_a_first_touch_announces_a_control_and_a_second_presses_it(speaking):
    window, speech, heard = speaking()
    turn_on(window)
    tile = window.screens["home"].tiles["mission"]
    touch_tap(tile)
    assert window.route == HOME
    # its name, then all the tile shows, then what it is
    assert heard.last == "Mission, 770,000 m², of construction area, Who we are and what we " \
        "build, button."
    assert speech.armed is tile and window.findChild(type(speech.keypad.ring)).isVisible()
    touch_tap(tile)
    assert window.route == Route("mission")
    assert heard.last.startswith("Mission.")
    assert speech.armed is None


def test_another_control_touched_is_announced_instead(speaking):
    window, speech, heard = speaking()
    turn_on(window)
    tiles = window.screens["home"].tiles
    touch_tap(tiles["mission"])
    touch_tap(tiles["network"])
    assert window.route == HOME and speech.armed is tiles["network"]
    assert heard.last.startswith("National Network, ")


def test_a_touch_on_a_text_reads_it(speaking, content):
    window, _speech, heard = speaking()
    turn_on(window)
    home = window.screens["home"]
    motto = next(label for label in home.findChildren(QLabel)
                 if plain(label.text()) == content.organisation.motto.get("en"))
    touch_tap(motto)
    assert heard.last == "Limited Space for Unlimited Dream."


def test_off_a_touch_presses_at_once_and_nothing_is_said(speaking):
    window, _speech, heard = speaking()
    touch_tap(window.screens["home"].tiles["mission"])
    assert window.route == Route("mission") and heard.said == []


def test_the_volume_button_steps_round_and_says_the_step(speaking, voice):
    window, _speech, heard = speaking()
    turn_on(window)
    assert window.nav.volume_button.isVisible()
    assert window.nav.volume_button.text().strip() == f"{DEFAULT_VOLUME + 1}/{len(VOLUMES)}"
    steps = []
    for _ in range(len(VOLUMES)):
        touch_tap(window.nav.volume_button)  # acts at the first touch
        steps.append((window.volume, voice.volume, heard.last))
    assert steps == [(3, 1.0, "Volume 4 of 4."), (0, 0.25, "Volume 1 of 4."),
                     (1, 0.5, "Volume 2 of 4."), (2, 0.75, "Volume 3 of 4.")]


def test_keys_switch_reading_aloud_and_step_the_volume_within_its_ends(speaking, voice):
    window, _speech, heard = speaking()
    window.activateWindow()
    key(window, Qt.Key.Key_Asterisk)
    assert window.speech and heard.last.startswith("Reading aloud. Touch an item once")
    levels = []
    for pressed in [Qt.Key.Key_Plus] * 3 + [Qt.Key.Key_Minus] * 5:
        key(window, pressed)
        levels.append(window.volume)
    assert levels == [3, 3, 3, 2, 1, 0, 0, 0]
    assert voice.volume == VOLUMES[0]
    key(window, Qt.Key.Key_F1)
    assert not window.speech and heard.last == "Reading aloud is off."


def test_keys_announce_each_control_as_it_gets_the_focus(speaking):
    window, speech, heard = speaking()
    window.activateWindow()
    key(window, Qt.Key.Key_Asterisk)
    key(window, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert heard.last.startswith(plain(focused.accessibleName()) + ", ")
    assert heard.last.endswith("button.")
    key(window, Qt.Key.Key_Return)  # keys press at once
    assert window.route != HOME


def test_chinese_is_read_with_chinese_words(speaking, content):
    window, _speech, heard = speaking(given=content.with_settings(default_language="zh"))
    turn_on(window)
    assert heard.said[-1][1] == "zh"
    assert heard.last.startswith("朗读已开启。轻触一次朗读，再次轻触即可选择。北京清华科技园。")
    touch_tap(window.screens["home"].tiles["mission"])
    assert heard.last.endswith("，按钮。")


def test_still_there_is_read(qtbot, speaking):
    window, _speech, heard = speaking()
    turn_on(window)
    touch_tap(window.screens["home"].tiles["mission"])
    touch_tap(window.screens["home"].tiles["mission"])
    window.ask_still_there()
    assert heard.last.startswith("Still there? Returning to the start in 20 s. Tap anywhere "
                                 "to stay. More time, button.")


def test_the_end_of_a_session_stops_the_voice_and_resets_it(qtbot, speaking, voice, content):
    """Nobody touches the screen: "Still there?" (read aloud), and at its end the reset."""
    window, _speech, heard = speaking(given=content.with_settings(countdown=0.05))
    turn_on(window)
    touch_tap(window.nav.volume_button)
    tile = window.screens["home"].tiles["mission"]
    touch_tap(tile)
    touch_tap(tile)
    qtbot.waitUntil(lambda: voice.engine.state() == QTextToSpeech.State.Speaking,
                    timeout=30_000)  # the mission page, being read
    with qtbot.waitSignals([window.session_reset, voice.stopped], timeout=5000):
        wait_for_idle(qtbot, window)
        assert heard.last.startswith("Still there?")
    assert window.route == HOME
    assert (window.speech, window.volume, voice.volume) == (False, DEFAULT_VOLUME,
                                                            VOLUMES[DEFAULT_VOLUME])
    qtbot.waitUntil(lambda: voice.engine.state() == QTextToSpeech.State.Ready, timeout=5000)
    assert not window.nav.speech_button.isChecked() and window.nav.volume_button.isHidden()
    said = len(heard.said)
    touch_tap(window.screens["home"].tiles["mission"])  # the next visitor: no voice, one tap
    assert window.route == Route("mission") and len(heard.said) == said


def test_the_applications_events_are_watched_only_while_reading_aloud_is_on(speaking, qapp):
    """Reading aloud needs the widget a touch lands on: it watches the application's events,
    each a call into Python, only while a visitor has it on (kiosk/qt/watchers.py)."""
    window, speech, _heard = speaking()

    def watched() -> bool:
        return speech.touches in Watchers.of(qapp).watching()

    assert not watched()
    turn_on(window)
    assert watched()
    touch_tap(window.nav.speech_button)  # the switch acts at the first touch
    assert not window.speech and not watched()
    turn_on(window)
    window.reset()  # the session's end turns it off
    assert not window.speech and not watched()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1280, 800), (3840, 2160)])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_bar_fits_its_buttons_with_reading_aloud_on(make_window, content, size, language):
    """No button's words cut: where all would not fit (a tall screen with reading aloud on),
    Back and Home keep their icons only."""
    window = make_window(given=content.with_settings(default_language=language), size=size)
    window.offer_speech(frozenset({"en", "zh"}))
    nav = window.nav
    worded = {}
    for route in (HOME, Route("mission")):
        window.show_route(route)
        for speech in (False, True):
            if window.speech != speech:
                window.session.toggle_speech()
            nav.show_speech(speech, (DEFAULT_VOLUME + 1, len(VOLUMES)))
            settle()
            shown = [button for button in nav.findChildren(NavButton) if button.isVisible()]
            for button in shown:
                assert button.width() >= button.sizeHint().width(), (route, speech, button.text())
                assert button.height() >= window.look.tap
            assert max(button.geometry().right() for button in shown) < nav.width()
            worded[route, speech] = bool(nav.back_button.text())
    assert worded[Route("mission"), False]  # room enough for Back's words everywhere
    assert worded[Route("mission"), True] == (size != (1080, 1920))


def test_kiosk_voices_tells_an_installer_which_voice_reads_each_language(
        qapp, speech_server, capsys, monkeypatch):
    from kiosk import cli

    assert cli.main(["voices"]) == 0
    assert capsys.readouterr().out == (
        "English: English (Great Britain) (speechd engine)\n"
        "Chinese: Chinese (Mandarin, latin as English) (speechd engine)\n")
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{speech_server.folder}/nothing-here")
    assert cli.main(["voices"]) == 1
    assert capsys.readouterr().out == (
        "English: not offered: the speechd engine did not start: Connection to "
        "speech-dispatcher failed\n"
        "Chinese: not offered: the speechd engine did not start: Connection to "
        "speech-dispatcher failed\n")


def test_the_engine_opens_when_nobody_is_there_once(qtbot, speech_server, make_window):
    """Opening it holds the screen up (kiosk/qt/voice.py): not while a visitor may be there."""
    from kiosk.services import open_when_nobody_is_there

    window = make_window()
    later = Voice()
    opened = []
    later.ready.connect(lambda: opened.append(later.engine))
    open_when_nobody_is_there(window.idle, later)
    touch_tap(window.screens["home"].tiles["mission"])
    assert later.engine is None and window.nav.speech_button.isHidden()
    with qtbot.waitSignal(later.ready, timeout=30_000):
        wait_for_idle(qtbot, window)
    assert later.languages == {"en", "zh"}
    wait_for_idle(qtbot, window)
    assert len(opened) == 1  # not again


def test_a_voice_gone_before_the_idle_time_is_not_opened(qtbot, make_window):
    """Its window closed first (the voice is its child): the idle time that follows opens
    nothing and raises nothing (a lambda kept the deleted voice's opening connected)."""
    from PySide6.QtWidgets import QWidget

    from kiosk.services import open_when_nobody_is_there

    window = make_window()
    owner = QWidget()
    gone = Voice(parent=owner)
    open_when_nobody_is_there(window.idle, gone)
    with qtbot.waitSignal(owner.destroyed):
        owner.deleteLater()
    wait_for_idle(qtbot, window)  # an exception in a slot fails the test (pytest-qt)
