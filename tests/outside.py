"""Waiting on a program outside the test (a server starting): no signal to wait on, so polled."""

import time


def wait_for(check, timeout: float = 60.0):
    """`check()` until it gives something, polling an outside process (no signal to wait on)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            found = check()
        except OSError:
            found = None
        if found:
            return found
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)
