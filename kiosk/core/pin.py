"""The staff PIN: a salted, slow hash in the machine's settings file, and the lockout.

The PIN is never stored in plain text, in the content file or in the code: `set-pin` writes
its PBKDF2-HMAC-SHA256 hash (600,000 iterations, a random 16-byte salt) to
paths.settings_file(). Five wrong PINs lock the pad for five minutes. The wrong PINs in a row
and the lockout are kept in the same file, so a power cycle does not clear them; wrong PINs,
lockouts and staff logins are logged (never the PIN). No Qt here.

PBKDF2 rather than scrypt: the installers' build leaves OpenSSL out (4.7 MB), and PBKDF2 can be
computed without it, from the standard library's own SHA-256, with the same result.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .machine import SettingsError, read_settings, write_settings

# hashlib, hmac and secrets are imported when a PIN is set or checked: in a full Python, hashlib
# loads OpenSSL's libcrypto (3.4 MiB resident) for a pad most kiosks open rarely.
__all__ = ["PinGate", "SettingsError", "Verdict", "matches", "pin_problem", "set_pin"]

ITERATIONS = 600_000  # OWASP's figure for PBKDF2-HMAC-SHA256: 0.15 s with OpenSSL, 0.5 s without
MAX_ITERATIONS = 2_000_000  # read from the file: more would keep the pad busy for seconds
LENGTHS = (4, 12)
TRIES = 5
LOCK_SECONDS = 300
log = logging.getLogger("kiosk")
EASY = {"0123456789"[i:i + n] for n in range(4, 11) for i in range(11 - n)}


def pin_problem(pin: str) -> str | None:
    """Why this PIN cannot be used, or None."""
    if not pin.isascii() or not pin.isdigit() or not LENGTHS[0] <= len(pin) <= LENGTHS[1]:
        return f"a PIN is {LENGTHS[0]} to {LENGTHS[1]} digits (0-9)"
    if len(set(pin)) == 1 or pin in EASY or pin[::-1] in EASY:
        return "that PIN is too easy to guess (like 0000 or 1234); choose another"
    return None


def pbkdf2_sha256(secret: bytes, salt: bytes, iterations: int) -> bytes:
    """PBKDF2-HMAC-SHA256 (RFC 8018), 32 bytes: OpenSSL's when the build has it, else this."""
    try:
        from _hashlib import pbkdf2_hmac
    except ImportError:
        pass
    else:
        return pbkdf2_hmac("sha256", secret, salt, iterations)
    import hashlib

    key = (secret if len(secret) <= 64 else hashlib.sha256(secret).digest()).ljust(64, b"\0")
    inner, outer = hashlib.sha256(bytes(b ^ 0x36 for b in key)), \
        hashlib.sha256(bytes(b ^ 0x5C for b in key))

    def prf(message: bytes) -> bytes:
        first, second = inner.copy(), outer.copy()
        first.update(message)
        second.update(first.digest())
        return second.digest()

    block = prf(salt + b"\x00\x00\x00\x01")
    total = int.from_bytes(block, "big")
    for _ in range(iterations - 1):
        block = prf(block)
        total ^= int.from_bytes(block, "big")
    return total.to_bytes(32, "big")


def hashed(pin: str, salt: bytes | None = None) -> dict[str, Any]:
    import secrets

    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = pbkdf2_sha256(pin.encode(), salt, ITERATIONS)
    return {"scheme": "pbkdf2_sha256", "iterations": ITERATIONS, "salt": salt.hex(),
            "hash": digest.hex()}


def matches(pin: str, stored: dict[str, Any]) -> bool:
    try:
        if stored.get("scheme") != "pbkdf2_sha256":
            return False
        salt, expected = bytes.fromhex(stored["salt"]), bytes.fromhex(stored["hash"])
        iterations = int(stored["iterations"])
        if not 1 <= iterations <= MAX_ITERATIONS:
            return False
    except (KeyError, TypeError, ValueError, AttributeError):
        return False
    import hmac

    return hmac.compare_digest(pbkdf2_sha256(pin.encode(), salt, iterations), expected)


# -- the settings file ----------------------------------------------------------------------
def set_pin(path: Path, pin: str | None) -> None:
    """Store the hash of `pin` (None removes the PIN), keeping the file's other settings."""
    data = read_settings(path)
    if pin is None:
        data.pop("staff_pin", None)
    else:
        data["staff_pin"] = hashed(pin)
    write_settings(path, data)


# -- the pad's gate -------------------------------------------------------------------------
@dataclass(frozen=True)
class Verdict:
    ok: bool = False
    no_pin: bool = False
    damaged: bool = False  # the settings file cannot be read: the PIN cannot be checked
    tries_left: int = TRIES
    locked_seconds: int = 0


LOCKOUT = "staff_pin_lockout"  # in the settings file: {"wrong": N, "locked_until": epoch s}


class PinGate:
    """Checks PINs typed on the pad, locking it after five wrong ones in a row. The count and
    the lockout live in the settings file, on the wall clock, so a restart keeps them."""

    def __init__(self, settings: Path, clock: Callable[[], float] = time.time):
        self.settings = settings
        self.clock = clock

    def _read(self) -> dict[str, Any] | None:
        try:
            return read_settings(self.settings)
        except SettingsError as exc:
            log.error("staff PIN cannot be checked: %s", exc)
            return None

    def _lockout(self, data: dict[str, Any]) -> tuple[int, float]:
        kept: Any = data.get(LOCKOUT)
        try:
            wrong, until = int(kept["wrong"]), float(kept["locked_until"])
        except (TypeError, KeyError, ValueError):
            return 0, 0.0
        # A clock set back must not lock the pad for longer than a lockout lasts.
        return max(0, min(wrong, TRIES)), min(until, self.clock() + LOCK_SECONDS)

    def _keep(self, data: dict[str, Any], wrong: int, until: float) -> None:
        data[LOCKOUT] = {"wrong": wrong, "locked_until": round(until, 3)}
        if not wrong and not until:
            data.pop(LOCKOUT)
        try:
            write_settings(self.settings, data)
        except SettingsError as exc:
            log.error("cannot keep the count of wrong staff PINs: %s", exc)

    def status(self) -> Verdict | None:
        """Why the pad cannot take a PIN now (damaged file, no PIN, locked), or None."""
        return self._refusal(self._read())

    def _refusal(self, data: dict[str, Any] | None) -> Verdict | None:
        if data is None:
            return Verdict(damaged=True)
        if not isinstance(data.get("staff_pin"), dict):
            return Verdict(no_pin=True)
        left = max(0, int(self._lockout(data)[1] - self.clock() + 0.999))
        return Verdict(tries_left=0, locked_seconds=left) if left else None

    def check(self, pin: str) -> Verdict:
        data = self._read()  # once: the same settings for the refusal and the check
        refused = self._refusal(data)
        if refused is not None or data is None:  # _refusal refuses a file it could not read
            return refused or Verdict(damaged=True)
        wrong, _until = self._lockout(data)
        if matches(pin, data["staff_pin"]):
            log.info("staff PIN accepted: the staff panel is open")
            if LOCKOUT in data:
                self._keep(data, 0, 0.0)
            return Verdict(ok=True)
        wrong += 1
        if wrong >= TRIES:
            log.warning("staff PIN: %d wrong in a row; the pad is locked for %d minutes",
                        wrong, LOCK_SECONDS // 60)
            self._keep(data, 0, self.clock() + LOCK_SECONDS)
            return Verdict(tries_left=0, locked_seconds=LOCK_SECONDS)
        log.warning("staff PIN: a wrong PIN (%d of %d before the pad locks)", wrong, TRIES)
        self._keep(data, wrong, 0.0)
        return Verdict(tries_left=TRIES - wrong)
