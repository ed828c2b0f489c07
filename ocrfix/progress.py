"""Progress of a batch run: a one-line bar on a terminal, and a summary at the end.

The bar (files done, rate, time left) is drawn on standard error only when
it is a terminal, so logs and pipes get the summary alone.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TextIO


def bar(done: int, total: int, elapsed: float) -> str:
    """The progress line: files done of all, files per second, time left.

    >>> bar(12, 200, 4.0)
    'ocrfix: 12/200 files, 3.0 files/s, 1:03 left'
    """
    rate = done / elapsed if elapsed > 0 else 0.0
    left = f"{_clock((total - done) / rate)} left" if rate > 0 else "time left unknown"
    return f"ocrfix: {done}/{total} files, {rate:.1f} files/s, {left}"


def _clock(seconds: float) -> str:
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@dataclass
class Progress:
    """Counts of a batch run; draws the bar when ``live``."""

    total: int
    stream: TextIO
    live: bool
    files: int = 0
    changed: int = 0
    flags: int = 0
    fixes: int = 0
    errors: int = 0
    done_before: int = 0
    started: float = field(default_factory=time.monotonic)

    def step(self, flags: int = 0, fixes: int = 0, error: bool = False) -> None:
        """One file processed (or failed)."""
        self.files += 1
        self.flags += flags
        self.fixes += fixes
        self.changed += fixes > 0
        self.errors += error
        if self.live:
            line = bar(self.files, self.total, time.monotonic() - self.started)
            self.stream.write("\r" + line + "\x1b[K")
            self.stream.flush()

    def summary(self) -> str:
        """The closing line (the bar, if drawn, is cleared first)."""
        if self.live:
            self.stream.write("\r\x1b[K")
        before = f", {self.done_before} done before (skipped)" if self.done_before else ""
        return (
            f"ocrfix: {self.files} files: {self.changed} changed, {self.flags} flags, "
            f"{self.fixes} fixes, {self.errors} errors{before}"
        )
