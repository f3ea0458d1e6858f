"""The staff PIN: `set-pin`, its hash in the settings file, the lockout, and every mistake."""

import io
import json

import pytest

from kiosk import cli
from kiosk.core import paths
from kiosk.core.pin import LOCK_SECONDS, PinGate, matches, pin_problem, set_pin


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def settings(tmp_path, monkeypatch):
    where = tmp_path / "settings.json"
    monkeypatch.setattr(paths, "settings_file", lambda: where)
    return where


def typed(monkeypatch, *lines):
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))


@pytest.mark.real_pin_rounds
def test_set_pin_stores_a_salted_slow_hash_never_the_pin(settings, monkeypatch, capsys):
    typed(monkeypatch, "480916", "480916")
    assert cli.main(["set-pin"]) == 0
    assert capsys.readouterr().out == f"The staff PIN is set. Its hash is kept in {settings}.\n"
    text = settings.read_text()
    assert "480916" not in text
    stored = json.loads(text)["staff_pin"]
    assert stored["scheme"] == "pbkdf2_sha256" and stored["iterations"] >= 600_000
    assert len(stored["salt"]) == 32
    assert matches("480916", stored) and not matches("480917", stored)
    assert settings.stat().st_mode & 0o077 == 0  # readable by its owner only
    typed(monkeypatch, "480916", "480916")
    cli.main(["set-pin"])
    assert json.loads(settings.read_text())["staff_pin"]["salt"] != stored["salt"]


@pytest.mark.parametrize(("lines", "message"), [
    (("12a4", "12a4"), "Not changed: a PIN is 4 to 12 digits (0-9).\n"),
    (("123", "123"), "Not changed: a PIN is 4 to 12 digits (0-9).\n"),
    (("1234567890123", ""), "Not changed: a PIN is 4 to 12 digits (0-9).\n"),
    (("", ""), "Not changed: a PIN is 4 to 12 digits (0-9).\n"),
    (("１２３４５６", ""), "Not changed: a PIN is 4 to 12 digits (0-9).\n"),  # full-width
    (("0000", "0000"), "Not changed: that PIN is too easy to guess (like 0000 or 1234); "
                       "choose another.\n"),
    (("98765", "98765"), "Not changed: that PIN is too easy to guess (like 0000 or 1234); "
                         "choose another.\n"),
    (("480916", "480961"), "Not changed: the two PINs are not the same.\n"),
])
def test_set_pin_mistakes_get_exact_messages(settings, monkeypatch, capsys, lines, message):
    typed(monkeypatch, *lines)
    assert cli.main(["set-pin"]) == 2
    assert capsys.readouterr().err == message
    assert not settings.exists()


def test_set_pin_refuses_to_overwrite_a_damaged_settings_file(settings, monkeypatch, capsys):
    settings.write_text('{"staff_pin": {"scheme": ')
    typed(monkeypatch, "480916", "480916")
    assert cli.main(["set-pin"]) == 2
    assert capsys.readouterr().err == (f"Not changed: {settings} is damaged (line 1): fix it "
                                       "or delete it\n")
    assert settings.read_text() == '{"staff_pin": {"scheme": '


def test_set_pin_keeps_other_settings_and_remove_takes_the_pin_away(settings, monkeypatch,
                                                                    capsys):
    settings.write_text('{"display_off": ["wlopm", "--off", "*"]}')
    typed(monkeypatch, "480916", "480916")
    assert cli.main(["set-pin"]) == 0
    assert json.loads(settings.read_text())["display_off"] == ["wlopm", "--off", "*"]
    assert cli.main(["set-pin", "--remove"]) == 0
    assert "removed" in capsys.readouterr().out
    assert json.loads(settings.read_text()) == {"display_off": ["wlopm", "--off", "*"]}


def test_five_wrong_pins_lock_the_pad_for_five_minutes(tmp_path):
    where = tmp_path / "settings.json"
    set_pin(where, "480916")
    clock = Clock()
    gate = PinGate(where, clock)
    assert [gate.check("1111").tries_left for _ in range(4)] == [4, 3, 2, 1]
    locked = gate.check("1111")
    assert (locked.ok, locked.locked_seconds) == (False, LOCK_SECONDS) == (False, 300)
    # Locked: even the right PIN is refused, and says how long is left.
    clock.now += 299
    verdict = gate.check("480916")
    assert (verdict.ok, verdict.locked_seconds) == (False, 1)
    clock.now += 1
    assert gate.check("480916").ok
    assert gate.check("1111").tries_left == 4  # a right PIN starts the count again


def test_no_pin_set_means_no_staff_panel(tmp_path):
    gate = PinGate(tmp_path / "settings.json")
    assert gate.check("").no_pin and not gate.check("").ok


def test_a_damaged_settings_file_is_said_and_logged_not_taken_for_no_pin(tmp_path, caplog):
    where = tmp_path / "settings.json"
    where.write_text('{"staff_pin": ')
    verdict = PinGate(where).check("1234")
    assert (verdict.ok, verdict.damaged, verdict.no_pin) == (False, True, False)
    assert f"staff PIN cannot be checked: {where} is damaged (line 1): fix it or delete it" \
        in caplog.text


def test_the_lockout_survives_a_restart_and_the_log_tells_without_the_pin(tmp_path, caplog):
    caplog.set_level("INFO")
    where = tmp_path / "settings.json"
    set_pin(where, "480916")
    clock = Clock()
    for _ in range(4):
        PinGate(where, clock).check("113355")  # a new gate each time: as after a power cycle
    assert PinGate(where, clock).check("113355").locked_seconds == LOCK_SECONDS
    clock.now += 10
    after_restart = PinGate(where, clock)
    assert after_restart.check("480916").locked_seconds == LOCK_SECONDS - 10
    clock.now += LOCK_SECONDS
    assert after_restart.check("480916").ok
    assert "staff PIN: a wrong PIN (1 of 5 before the pad locks)" in caplog.text
    assert "staff PIN: 5 wrong in a row; the pad is locked for 5 minutes" in caplog.text
    assert "staff PIN accepted: the staff panel is open" in caplog.text
    assert "113355" not in caplog.text and "480916" not in caplog.text
    assert "staff_pin_lockout" not in json.loads(where.read_text())  # a right PIN clears it


def test_a_clock_set_back_does_not_lengthen_the_lockout(tmp_path):
    where = tmp_path / "settings.json"
    set_pin(where, "480916")
    clock = Clock()
    for _ in range(5):
        PinGate(where, clock).check("113355")
    clock.now -= 86_400
    assert PinGate(where, clock).check("480916").locked_seconds == LOCK_SECONDS


def test_an_iteration_count_past_the_cap_never_matches():
    from kiosk.core.pin import MAX_ITERATIONS, hashed

    stored = hashed("480916")
    assert matches("480916", dict(stored, iterations=MAX_ITERATIONS + 1)) is False
    assert MAX_ITERATIONS == 2_000_000


def test_pbkdf2_without_openssl_gives_the_same_hash(monkeypatch):
    """The installers' build has no OpenSSL: its PBKDF2 must agree with OpenSSL's."""
    import hashlib
    import sys

    from kiosk.core.pin import pbkdf2_sha256

    expected = hashlib.pbkdf2_hmac("sha256", b"480916", b"0123456789abcdef", 1000)
    monkeypatch.setitem(sys.modules, "_hashlib", None)  # as if it were not there
    assert pbkdf2_sha256(b"480916", b"0123456789abcdef", 1000) == expected
    long_key = b"9" * 100  # longer than a SHA-256 block: hashed first
    assert pbkdf2_sha256(long_key, b"s", 3) == hashlib.pbkdf2_hmac("sha256", long_key, b"s", 3)


def test_a_stored_hash_written_wrongly_never_matches():
    for stored in ({}, {"scheme": "scrypt"}, {"scheme": "pbkdf2_sha256", "salt": "zz",
                                               "hash": "00", "iterations": 1},
                   {"scheme": "pbkdf2_sha256", "salt": "00", "hash": "00", "iterations": -5}):
        assert not matches("480916", stored)


def test_pin_rules():
    assert pin_problem("480916") is None
    assert pin_problem("13579") is None
    assert pin_problem("4321") is not None
    # the lengths at both ends, and one past each
    assert pin_problem("4809") is None and pin_problem("480916357208") is None  # 4 and 12
    assert pin_problem("480") == pin_problem("4809163572081") == "a PIN is 4 to 12 digits (0-9)"


def test_after_a_lockout_a_wrong_pin_has_the_full_count_again(tmp_path):
    """Once the five minutes are over, staff get five tries again, not one."""
    where = tmp_path / "settings.json"
    set_pin(where, "480916")
    clock = Clock()
    gate = PinGate(where, clock)
    for _ in range(5):
        gate.check("1111")
    clock.now += LOCK_SECONDS
    assert [gate.check("1111").tries_left for _ in range(4)] == [4, 3, 2, 1]
    assert gate.check("1111").locked_seconds == LOCK_SECONDS


def test_set_pin_stopped_with_ctrl_c_changes_nothing(settings, monkeypatch, capsys):
    def interrupted(prompt):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "read_pin", interrupted)
    assert cli.main(["set-pin"]) == 2
    assert capsys.readouterr().err == "\nNot changed.\n"
    assert not settings.exists()



def test_a_stored_count_of_rounds_is_taken_from_one_to_the_cap():
    import hashlib

    from kiosk.core.pin import MAX_ITERATIONS

    def stored(rounds: int) -> dict:
        digest = hashlib.pbkdf2_hmac("sha256", b"480916", b"salt", max(rounds, 1))
        return {"scheme": "pbkdf2_sha256", "iterations": rounds, "salt": b"salt".hex(),
                "hash": digest.hex()}

    assert matches("480916", stored(1)) and not matches("480916", stored(0))
    assert matches("480916", stored(MAX_ITERATIONS))  # 2 million rounds: about a second


def test_pbkdf2_without_openssl_at_the_block_size_of_a_key(monkeypatch):
    """A key of 64 bytes is used as it is, one of 65 hashed first (RFC 2104)."""
    import hashlib
    import sys

    from kiosk.core.pin import pbkdf2_sha256

    monkeypatch.setitem(sys.modules, "_hashlib", None)
    for key in (b"7" * 64, b"7" * 65):
        assert pbkdf2_sha256(key, b"s", 2) == hashlib.pbkdf2_hmac("sha256", key, b"s", 2)


def test_the_pad_locked_has_no_tries_left_and_the_log_says_why(tmp_path, caplog):
    caplog.set_level("INFO")
    where = tmp_path / "settings.json"
    set_pin(where, "480916")
    clock = Clock()
    gate = PinGate(where, clock)
    gate.check("1111")
    assert "staff PIN: a wrong PIN (1 of 5 before the pad locks)" in caplog.text
    for _ in range(4):
        locked = gate.check("1111")
    assert (locked.tries_left, locked.locked_seconds) == (0, LOCK_SECONDS)
    assert "staff PIN: 5 wrong in a row; the pad is locked for 5 minutes" in caplog.text
    assert gate.check("480916").tries_left == 0  # still locked: the refusal says so too
    clock.now += LOCK_SECONDS
    assert gate.check("480916").ok
    assert "staff PIN accepted: the staff panel is open" in caplog.text
    assert "staff_pin_lockout" not in where.read_text()  # the count is gone once it opens
