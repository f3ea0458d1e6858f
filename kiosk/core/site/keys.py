"""Every key of site.yaml, once, in the form content.yaml's are declared
(kiosk/core/content/keys.py): the checker reads from here, and site.schema.json and the
README's table are written from here."""

from __future__ import annotations

from ..content.keys import ID, OPENING_HOURS, Form, Key, Kind, Section, choice, section
from ..content.model import LANGUAGE_NAMES

METRICS = Section("metrics", (
    Key("listen", Form(Kind.ADDRESS),
        'where to serve /metrics and /screen.png, like "127.0.0.1:9464"; on any other host '
        "than 127.0.0.1, localhost or ::1 a username and a password_hash are required", True),
    Key("username", Form(Kind.WORD), "the user name Prometheus gives (basic_auth)"),
    Key("password_hash", Form(Kind.WORD),
        "the hash of its password, as `kiosk metrics-password` prints it (the password itself "
        "goes in Prometheus' configuration, never here)"),
), "Prometheus metrics of this kiosk; nothing listens without this section")

SITE = Section("site.yaml", (
    Key("name", ID, "this kiosk's name, as the desk sees it (lowercase letters, digits and -)",
        True),
    Key("here", ID, "the id of the network's location where this kiosk stands: its map says "
                    '"You are here" there, and each place\'s page how far it is from here'),
    Key("default_language", choice(tuple(LANGUAGE_NAMES)),
        "the language each visitor starts in here, in place of the content's"),
    Key("opening_hours", section(OPENING_HOURS), "this lobby's hours, in place of the content's"),
    Key("metrics", section(METRICS)),
    Key("link_tags", Form(Kind.WORD),
        'added to every take-away link, so that web analytics credit this lobby, like '
        '"utm_source={name}&utm_medium=kiosk" ({name}: the kiosk\'s name)'),
))
