"""Everything the command line writes to stderr: warnings, errors and the progress line.

Warnings and errors past a limit are counted, not printed, so a file of a
million bad lines does not flood the terminal. The progress line is drawn only
when asked (stderr is a terminal) and erased before any message and at the end.

>>> import io
>>> stream = io.StringIO()
>>> console = Console(stream, show_progress=False, limit=1)
>>> console.warn("a.txt: line 3: invalid UTF-8")
>>> console.warn("a.txt: line 9: invalid UTF-8")
>>> console.finish()
>>> console.finish()
>>> print(stream.getvalue(), end="")
cleantext: warning: a.txt: line 3: invalid UTF-8
cleantext: 1 more warning not shown
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

MESSAGE_LIMIT = 20
"""Warnings (and, separately, errors) printed before the rest are only counted."""
REDRAW_SECONDS = 0.25
"""Shortest time between two redraws of the progress line."""
MIN_RATE_SECONDS = 1.0
"""The progress line shows rates only once this much time has passed: before, they mean nothing."""


@dataclass
class Console:
    """The stderr of one command-line run."""

    stream: TextIO
    show_progress: bool
    unit: str = "records"
    limit: int = MESSAGE_LIMIT
    clock: Callable[[], float] = time.monotonic
    records: int = 0
    bytes_read: int = 0
    hidden: dict[str, int] = field(default_factory=dict)
    shown: dict[str, int] = field(default_factory=dict)
    started: float | None = None
    drawn_at: float = 0.0
    drawn: bool = False

    def warn(self, message: str) -> None:
        """Print ``cleantext: warning: message`` (or count it once past the limit)."""
        self._say("warning", message)

    def error(self, message: str) -> None:
        """Print ``cleantext: error: message`` (or count it once past the limit)."""
        self._say("error", message)

    def _say(self, kind: str, message: str) -> None:
        if self.shown.get(kind, 0) >= self.limit:
            self.hidden[kind] = self.hidden.get(kind, 0) + 1
            return
        self.shown[kind] = self.shown.get(kind, 0) + 1
        self._erase()
        self.stream.write(f"cleantext: {kind}: {message}\n")
        self.stream.flush()

    def start(self) -> None:
        """Start the clock the rates are measured with (else the first :meth:`advance` does)."""
        self.started = self.clock()

    def advance(self, records: int, size: int) -> None:
        """Count ``records`` more records of ``size`` bytes; redraw the progress line if due."""
        now = self.clock()
        if self.started is None:
            self.started = now
        self.records += records
        self.bytes_read += size
        if self.show_progress and now - self.drawn_at >= REDRAW_SECONDS:
            self._draw(now)

    def progress_line(self, now: float) -> str:
        """``records, records/s, MB, MB/s`` since the start; no rates in the first second.

        >>> import io
        >>> console = Console(io.StringIO(), show_progress=True, records=500, bytes_read=3_000_000, started=0.0)
        >>> console.progress_line(2.0)
        'cleantext: 500 records  250 records/s  3.0 MB  1.5 MB/s'
        >>> console.progress_line(0.0)
        'cleantext: 500 records  3.0 MB'
        """
        started = now if self.started is None else self.started
        seconds = now - started
        megabytes = self.bytes_read / 1e6
        count = f"{self.records:,} {self.unit if self.records != 1 else self.unit.rstrip('s')}"
        if seconds < MIN_RATE_SECONDS:
            return f"cleantext: {count}  {megabytes:,.1f} MB"
        rates = f"{self.records / seconds:,.0f} {self.unit}/s  {megabytes:,.1f} MB  {megabytes / seconds:,.1f} MB/s"
        return f"cleantext: {count}  {rates}"

    def _draw(self, now: float) -> None:
        self.stream.write("\r" + self.progress_line(now) + "\x1b[K")
        self.stream.flush()
        self.drawn_at, self.drawn = now, True

    def _erase(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.drawn = False

    def finish(self) -> None:
        """Erase the progress line; say how many messages were not shown (once)."""
        self._erase()
        for kind, count in sorted(self.hidden.items()):
            self.stream.write(
                f"cleantext: {count:,} more {kind}{'' if count == 1 else 's'} not shown\n"
            )
        self.hidden.clear()
        self.stream.flush()
