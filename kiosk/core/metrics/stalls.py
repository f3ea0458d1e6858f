"""The longest the event loop was held up within the last minute: a frozen screen shows as a
stall that grows, one that froze once as a spike that passes."""

from __future__ import annotations

import threading
from collections import deque

WINDOW_S = 60.0


class LongestStall:
    """Stalls as they are measured (in seconds, at a clock's time); the longest of the last
    WINDOW_S on request, from any thread."""

    def __init__(self, window_s: float = WINDOW_S):
        self.window_s = window_s
        self._seen: deque[tuple[float, float]] = deque()  # (when, seconds), longest last kept
        self._lock = threading.Lock()

    def add(self, now: float, seconds: float) -> None:
        with self._lock:
            # only what could still be the longest is kept: a shorter, older one never is
            while self._seen and self._seen[-1][1] <= seconds:
                self._seen.pop()
            self._seen.append((now, seconds))
            self._drop(now)

    def longest(self, now: float) -> float:
        with self._lock:
            self._drop(now)
            return self._seen[0][1] if self._seen else 0.0

    def _drop(self, now: float) -> None:
        while self._seen and self._seen[0][0] < now - self.window_s:
            self._seen.popleft()
