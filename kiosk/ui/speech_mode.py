"""Reading aloud, for one kiosk window (Section 508 402, EN 301 549 5.1.3.1): a visitor turns it
on with the bar's button or the * key (F1 too), and from then on each screen is read as it
opens, the focused control first, in the visitor's language. A first touch on a control says
what it is and marks it; a second touch on it presses it, as EZ Access kiosks do (the switch
itself, Volume and More time act at once: a visitor who cannot see them needs them
first). A touch on a text reads it. Keys move the focus and each control is announced as it
gets it; Return presses. The Volume button steps round from softest to loudest; + and - (and
the volume keys) step louder and softer. The end of a session (kiosk/core/session.py) turns
reading aloud off and the volume back, and the voice stops.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from ..core.speech import VOLUMES, utterance
from ..core.words import words
from ..qt.voice import Voice
from ..qt.watchers import off_the_application, on_the_application, on_the_window
from .countdown import CountdownOverlay
from .keypad import Keypad
from .reading import button_of, control_text, text_at, texts
from .window import KioskWindow

SWITCH = {Qt.Key.Key_Asterisk, Qt.Key.Key_F1}
LOUDER = {Qt.Key.Key_Plus, Qt.Key.Key_VolumeUp}
SOFTER = {Qt.Key.Key_Minus, Qt.Key.Key_VolumeDown}
AT_ONCE = {"moreTime"}  # object names of controls pressed by the first touch


class SpeechMode(QObject):
    """Given the window's keys (kiosk/qt/watchers.py) by `start`; while reading aloud is on,
    the touches on its widgets as well (`touches`)."""

    KINDS = frozenset({QEvent.Type.KeyPress})

    def __init__(self, window: KioskWindow, voice: Voice, keypad: Keypad):
        super().__init__(window)
        self.window, self.voice, self.keypad = window, voice, keypad
        self.armed: QAbstractButton | None = None  # touched once: the next touch presses it
        self._read_at = -1  # the time of the last touch whose text was read
        self.touches = Touches(self)
        nav = window.nav
        nav.switch_speech.connect(self.toggle)
        nav.volume.connect(lambda: self._volume(window.session.next_volume()))
        voice.ready.connect(lambda: window.offer_speech(voice.languages))
        window.shown.connect(lambda *_: self._shown())
        window.session_reset.connect(self._reset)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def start(self) -> None:
        on_the_window(self.window, self)
        self._follow()

    def _follow(self) -> None:
        """The touches on the window's widgets watched while reading aloud is on, and only
        then: a filter on the application is asked about every event (kiosk/qt/watchers.py)."""
        if self.window.speech:
            on_the_application(self.touches)
        else:
            off_the_application(self.touches)

    @property
    def on(self) -> bool:
        """Reading aloud is on, in a language with a voice."""
        return self.window.speech and self.window.language in self.voice.languages

    def toggle(self) -> None:
        window = self.window
        if window.language not in self.voice.languages:
            return
        window.nav.show_speech(window.session.toggle_speech(), window.session.volume_step)
        self._follow()
        self._disarm()
        if self.on:
            self.say([words("speech.on", window.language), *self.screen_texts()])
        else:
            self.say([words("speech.off", window.language)])

    def screen_texts(self) -> list[str]:
        """What the screen shows, the focused control first; the countdown if it shows."""
        window, language = self.window, self.window.language
        first = []
        focused = QApplication.focusWidget()
        if self.keypad.keyed and isinstance(focused, QAbstractButton) \
                and focused.window() is window:
            first.append(control_text(focused, language))
        if window.overlays.counting_down:
            return first + texts(window.overlay, language)
        screen = window.stack.currentWidget()
        shown = texts(screen, language) if screen is not None else []
        return first + [text for text in shown if text not in first]

    def say(self, parts: list[str]) -> None:
        self.voice.say(utterance(parts, self.window.language), self.window.language)

    def _shown(self) -> None:
        self._follow()
        self._disarm()
        if self.on:
            self.say(self.screen_texts())

    def _volume(self, level: int) -> None:
        self.voice.set_volume(VOLUMES[level])
        self.window.nav.show_speech(self.window.speech, self.window.session.volume_step)
        if self.on:
            self.say([words("speech.volume", self.window.language, level=level + 1,
                            levels=len(VOLUMES))])

    def _reset(self) -> None:
        """A session ended: the voice stops, at the volume a new visitor starts with."""
        self._follow()
        self._disarm()
        self.voice.stop()
        self.voice.set_volume(VOLUMES[self.window.volume])

    def _disarm(self) -> None:
        if self.armed is not None and not self.keypad.keyed:
            self.keypad.ring.hide()
        self.armed = None

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.on and self.keypad.keyed and isinstance(new, QAbstractButton) \
                and new.window() is self.window:
            self.say([control_text(new, self.window.language)])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(Qt.Key(event.key()))
        return False

    def touched(self, watched: QObject, event: QEvent) -> bool:
        """An event of the application's while reading aloud is on (`Touches`)."""
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(watched, CountdownOverlay) \
                and watched.window() is self.window and self.on:
            self.say(texts(watched, self.window.language))  # "Still there?" came up
            return False
        if kind != QEvent.Type.MouseButtonRelease or not isinstance(watched, QWidget) \
                or not self.on or watched.window() is not self.window:
            return False
        button = button_of(watched)
        if button is None:  # a text, read once (the release goes on to the widget's parents)
            if isinstance(event, QMouseEvent) and event.timestamp() != self._read_at:
                self._read_at = event.timestamp()
                text = text_at(watched, event.position().toPoint())
                if text:
                    self.say([text])
            return False
        if button is self.armed or self._at_once(button):
            self._disarm()
            return False  # pressed
        self.armed = button
        button.setDown(False)
        self.keypad.ring.around(button, self.window.look)
        self.say([control_text(button, self.window.language)])
        return True  # not pressed: the press waits for a second touch

    def _key(self, key: Qt.Key) -> bool:
        if key in SWITCH:
            self.toggle()
            return True
        if self.on and key in LOUDER | SOFTER:
            session = self.window.session
            self._volume(session.louder() if key in LOUDER else session.softer())
            return True
        return False

    def _at_once(self, button: QAbstractButton) -> bool:
        nav = self.window.nav
        return button in (nav.speech_button, nav.volume_button) \
            or button.objectName() in AT_ONCE


class Touches(QObject):
    """The application's releases on widgets and shows of widgets, for reading aloud: which
    control a touch lands on (to say it, and keep the press from it until a second touch),
    and the countdown coming up."""

    KINDS = frozenset({QEvent.Type.Show, QEvent.Type.MouseButtonRelease})

    def __init__(self, speech: SpeechMode):
        super().__init__(speech)
        self.speech = speech

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return self.speech.touched(watched, event)
