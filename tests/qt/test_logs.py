"""The kiosk's log records are cut to a bounded length."""

import logging

from kiosk.qt.logs import FORMAT, RECORD, Cut


def record(message: str) -> logging.LogRecord:
    made = logging.LogRecord("kiosk", logging.ERROR, __file__, 1, "%s", (message,), None)
    made.created, made.msecs = 1_796_299_200.0, 0.0  # one moment for all: records compared
    return made


def test_a_record_is_cut_past_its_limit_and_says_so():
    cut = Cut(FORMAT)
    short = cut.format(record("x" * 100))
    assert short.endswith(" ERROR kiosk: " + "x" * 100)
    whole = len(cut.format(record("")))
    at_limit = cut.format(record("x" * (RECORD - whole)))
    assert len(at_limit) == RECORD and "cut" not in at_limit
    over = cut.format(record("x" * (RECORD - whole + 1)))
    assert over == at_limit + "… [cut: 8,001 characters]"
    pasted = cut.format(record("data:image/png;base64," + "A" * 19_000_000))
    assert len(pasted) < RECORD + 40 and pasted.endswith(f"… [cut: {19_000_022 + whole:,} "
                                                         "characters]")
