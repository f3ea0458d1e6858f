"""What the kiosk's voice says and with which voice, with no Qt: the voice chosen for a
language among those the system's speech engine offers, the volume steps a visitor moves
through, and a screen's texts made into one utterance. kiosk/qt/voice.py speaks it;
kiosk/ui/speech_mode.py decides when.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

# The volume steps of the Softer and Louder buttons (the engine's 0 to 1); a new visitor
# starts at DEFAULT_VOLUME, loud enough in a lobby without being the loudest step.
VOLUMES = (0.25, 0.5, 0.75, 1.0)
DEFAULT_VOLUME = 2

# The territories tried first for each language, then any other of the language; among equals,
# the engine's own order (which lists a locale's main voice first: eSpeak NG lists "English
# (Great Britain)" before its regional voices, but "English (Caribbean)" under en_US first).
PREFERRED = {"en": ("GB", "US"), "zh": ("CN", "SG", "TW")}
# eSpeak NG calls Mandarin "cmn", which Qt's speech-dispatcher plugin cannot make a locale of:
# its voices come with the "C" locale and a name saying what they are.
UNNAMED_LOCALE = "C"
NAMED_BY_NAME = {"zh": "Chinese (Mandarin"}

SENTENCE_ENDS = ".!?。！？:：;；…"
FULL_STOP = {"en": ".", "zh": "。"}


class VoiceInfo(NamedTuple):
    """A voice as the engine lists it: its name, and its locale's name ("en_GB", "C")."""

    name: str
    locale: str

    @property
    def language(self) -> str:
        return self.locale.split("_")[0]

    @property
    def territory(self) -> str:
        parts = self.locale.split("_")
        return parts[1] if len(parts) > 1 else ""

    @property
    def variant(self) -> bool:
        """eSpeak NG lists each voice again with variants ("English (America)+Alex")."""
        return "+" in self.name


def choose(voices: Sequence[VoiceInfo], language: str) -> VoiceInfo | None:
    """The voice for `language` ("en", "zh"): one of the language, from a preferred territory
    first, a plain voice before a variant; else (Mandarin on speech-dispatcher) one the engine
    could not give a locale, named for the language. None: the engine has no such voice."""
    mine = [voice for voice in voices if voice.language == language]
    if not mine and language in NAMED_BY_NAME:
        mine = [voice for voice in voices if voice.locale == UNNAMED_LOCALE
                and voice.name.startswith(NAMED_BY_NAME[language])]
    if not mine:
        return None
    territories = PREFERRED.get(language, ())

    def rank(voice: VoiceInfo) -> tuple[int, int]:
        where = territories.index(voice.territory) if voice.territory in territories \
            else len(territories)
        return (voice.variant, where)

    return min(mine, key=rank)


def utterance(texts: Iterable[str], language: str) -> str:
    """The texts as one thing to say, each a sentence of its own (a title with no full stop
    would otherwise run into the next line), with no empty parts and no doubled spaces."""
    stop = FULL_STOP.get(language, ".")
    parts = []
    for text in texts:
        text = " ".join(text.split())
        if text:
            parts.append(text if text[-1] in SENTENCE_ENDS else text + stop)
    return (" " if language != "zh" else "").join(parts)


def louder(level: int) -> int:
    return min(level + 1, len(VOLUMES) - 1)


def softer(level: int) -> int:
    return max(level - 1, 0)
