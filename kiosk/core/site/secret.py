"""The password a Prometheus scrape gives, and its hash in site.yaml.

A password the kiosk makes itself, 32 random characters (190 bits): a plain SHA-256 of it
cannot be reversed in practice, and checking one is microseconds, so a scrape (or a stranger
guessing) never holds up the screen, as a deliberately slow hash computed in Python would
(the staff PIN's PBKDF2, 0.5 s without OpenSSL, holds the interpreter meanwhile). A hash
that is accepted is kept, and compared in constant time."""

from __future__ import annotations

import re

PREFIX = "sha256:"
HASH = re.compile(r"sha256:[0-9a-f]{64}")
ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/l/I
LENGTH = 32


# hashlib, hmac and secrets are imported when used: hashlib loads OpenSSL's libcrypto (3.4 MiB
# resident), which a kiosk without metrics never needs.
def new_password() -> str:
    import secrets

    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def password_hash(password: str) -> str:
    import hashlib

    return PREFIX + hashlib.sha256(password.encode()).hexdigest()


def matches(password: str, stored: str) -> bool:
    import hmac

    return hmac.compare_digest(password_hash(password), stored)
