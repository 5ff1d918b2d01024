"""A progress line on stderr: points done, rate and time left, redrawn a few times a second.

Quiet when asked, or when stderr is not a terminal (a log file gets no carriage returns).
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

REDRAW_S = 0.25


class Progress:
    """``update(done)`` as points finish; ``close()`` ends the line."""

    def __init__(self, total: int, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.total = total
        self._stream = stream or sys.stderr
        self._on = not quiet and self._stream.isatty()
        self._start = self._drawn = time.monotonic()
        self._done = 0

    def update(self, done: int) -> None:
        self._done = done
        now = time.monotonic()
        if self._on and (now - self._drawn >= REDRAW_S or done == self.total):
            self._drawn = now
            self._stream.write("\r" + self.line(now))
            self._stream.flush()

    def line(self, now: float) -> str:
        """``  1,234 / 10,000 points  56/s  2m37s left``."""
        elapsed = max(now - self._start, 1e-9)
        rate = self._done / elapsed
        left = (self.total - self._done) / rate if rate > 0 else float("inf")
        return (f"{self._done:>{len(f'{self.total:,}')},} / {self.total:,} points  "
                f"{rate:,.0f}/s  {_duration(left)} left ")

    def close(self) -> None:
        if self._on:
            self._stream.write("\n")
            self._stream.flush()


def _duration(seconds: float) -> str:
    if seconds == float("inf"):
        return "?"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s" if minutes \
        else f"{secs}s"
