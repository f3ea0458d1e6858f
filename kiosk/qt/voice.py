"""The kiosk's voice: Qt TextToSpeech on the system's speech engine (speech-dispatcher with
eSpeak NG on Linux, the system's own voices on Windows).

Opening the engine holds the kiosk up: Qt's speech-dispatcher plugin lists every voice as it
opens (1.5 to 2 s with eSpeak NG's 1,500), and PySide6 keeps Python's interpreter lock for the
whole call, so that a thread of its own does not help (measured: the screen stalled 1.8 s all
the same). So the kiosk opens it when nobody is there (kiosk/services.py: the first idle
timeout after the start). Where there is no engine, or no voice for a language, the log says
why and `languages` leaves that language out, so that the control that turns reading aloud on
is not shown in it (kiosk/ui/nav_bar.py).
"""

from __future__ import annotations

import logging
import sys
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QLoggingCategory,
    QObject,
    Qt,
    Signal,
    SignalInstance,
)

from ..core.speech import DEFAULT_VOLUME, VOLUMES, VoiceInfo, choose

log = logging.getLogger("kiosk")

# Linux: speech-dispatcher, by name (Qt would otherwise take the first plugin it finds,
# which may be its "mock" engine). Elsewhere Qt's default for the platform.
ENGINE = "speechd" if sys.platform.startswith("linux") else ""
LANGUAGES = ("en", "zh")
# Qt Multimedia, loaded with TextToSpeech, looks for PipeWire and warns where there is none;
# speech-dispatcher plays its sound itself, so nothing is missing.
QUIET = "qt.multimedia.symbolsresolver=false"


class Opened(NamedTuple):
    engine: Any  # the QTextToSpeech; None if none could be opened
    voices: dict[str, Any]  # language: its QVoice
    why_not: dict[str, str]  # language: why it has no voice


class Voice(QObject):
    ready = Signal()  # the engine is open, or could not be: `languages` says which have a voice
    asked = Signal(str, str)  # what the kiosk asked to be said, and in which language
    stopped = Signal()  # the kiosk asked the voice to stop

    def __init__(self, engine: str = ENGINE, parent: QObject | None = None):
        super().__init__(parent)
        self.engine_name = engine
        self.languages: frozenset[str] = frozenset()
        self.volume = VOLUMES[DEFAULT_VOLUME]
        self._engine: Any = None
        self._voices: dict[str, Any] = {}

    def open(self) -> None:
        """Open the engine (1.5 to 2 s: see above); `ready` when done."""
        QLoggingCategory.setFilterRules(QUIET)
        self._opened(_open(self.engine_name))

    def open_at(self, signal: SignalInstance) -> None:
        """Open the engine at the first `signal`. Connected to this object's own method, so
        that the connection goes with it (a lambda kept a deleted voice's open alive: seen in
        the tests, where an idle watcher outlived its window)."""
        signal.connect(self.open, Qt.ConnectionType.SingleShotConnection)

    @property
    def engine(self) -> Any:
        """The QTextToSpeech in use (None until open, or where there is none)."""
        return self._engine

    def _opened(self, opened: Opened) -> None:
        self._engine, self._voices = opened.engine, opened.voices
        if self._engine is not None:
            self._engine.setParent(self)
            self._engine.setVolume(self.volume)
        for language, why in opened.why_not.items():
            log.warning("reading aloud in %s is not offered: %s",
                        "English" if language == "en" else "Chinese", why)
        self.languages = frozenset(self._voices)
        if self.languages:
            log.info("reading aloud offered in %s (%s engine)",
                     ", ".join(sorted(self.languages)), self._engine.engine())
        self.ready.emit()

    def say(self, text: str, language: str) -> None:
        """Say `text` in `language` at once, cutting short what was being said."""
        voice = self._voices.get(language)
        if voice is None or not text:
            return
        self.asked.emit(text, language)
        self._engine.stop()
        self._engine.setVoice(voice)
        self._engine.say(text)

    def stop(self) -> None:
        if self._engine is not None:
            self._engine.stop()
            self.stopped.emit()

    def set_volume(self, volume: float) -> None:
        self.volume = volume
        if self._engine is not None:
            self._engine.setVolume(volume)

    def close(self) -> None:
        self.stop()


def _open(engine: str) -> Opened:
    """The engine and each language's voice, or why not."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as error:
        return Opened(None, {}, dict.fromkeys(LANGUAGES, f"Qt TextToSpeech is missing ({error})"))
    engines = QTextToSpeech.availableEngines()
    if engine and engine not in engines:
        why = f"Qt has no {engine!r} speech engine (it has: {', '.join(engines) or 'none'})"
        return Opened(None, {}, dict.fromkeys(LANGUAGES, why))
    speech = QTextToSpeech(engine) if engine else QTextToSpeech()
    if speech.state() == QTextToSpeech.State.Error:
        why = f"the {speech.engine()} engine did not start: {speech.errorString() or 'no reason'}"
        return Opened(None, {}, dict.fromkeys(LANGUAGES, why))
    listed: list[tuple[VoiceInfo, Any]] = []
    for locale in speech.availableLocales():
        if locale.language() in (QLocale.Language.English, QLocale.Language.Chinese,
                                 QLocale.Language.C):
            speech.setLocale(locale)
            listed += [(VoiceInfo(voice.name(), voice.locale().name()), voice)
                       for voice in speech.availableVoices()]
    voices, why_not = {}, {}
    for language in LANGUAGES:
        chosen = choose([info for info, _voice in listed], language)
        if chosen is None:
            why_not[language] = f"the {speech.engine()} engine has no voice for it"
        else:
            voices[language] = next(voice for info, voice in listed if info == chosen)
    return Opened(speech, voices, why_not)


def tell_voices(engine: str = ENGINE) -> int:
    """`kiosk voices`: the voice reading aloud takes in each language on this computer, or
    why there is none (for installers: run it as the kiosk's user). 0 if both have one."""
    app = QCoreApplication.instance() or QCoreApplication(["kiosk-voices"])
    assert app is not None
    QLoggingCategory.setFilterRules(QUIET)
    opened = _open(engine)
    for language in LANGUAGES:
        name = "English" if language == "en" else "Chinese"
        voice = opened.voices.get(language)
        if voice is not None:
            print(f"{name}: {voice.name()} ({opened.engine.engine()} engine)")
        else:
            print(f"{name}: not offered: {opened.why_not[language]}")
    return 0 if len(opened.voices) == len(LANGUAGES) else 1
