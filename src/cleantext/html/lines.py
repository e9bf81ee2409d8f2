"""The line builder: inline text goes in, whole lines with breaks and link counts come out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import regex

if TYPE_CHECKING:
    from cleantext.html.render import Frame

CELL_MARK = "\ue000"
"""Placeholder between table cells until whitespace is collapsed (becomes a tab)."""
CELLS = regex.compile(r"\s*\ue000[\s\ue000]*")


@dataclass(slots=True)
class RenderedLine:
    """One output line: its text, the break before it (1 newline or 2), where it came from,
    its characters (without a list item's bullet), link characters and words."""

    text: str
    brk: int
    frame: Frame
    link_chars: int
    chars: int
    words: int


@dataclass(slots=True)
class LineBuilder:
    """Collects inline text into lines; ``request(n)`` asks for ``n`` newlines before more text.

    >>> builder = LineBuilder()
    >>> builder.add("  Hello \\n world ", "frame")
    >>> builder.request(2)
    >>> builder.add("Next", "frame")
    >>> builder.flush()
    >>> builder.text()
    'Hello world\\n\\nNext'
    """

    lines: list[RenderedLine] = field(default_factory=list)
    prefix: str = ""
    links: int = 0
    pre: int = 0
    _parts: list[str] = field(default_factory=list)
    _frame: Any = None
    _link_chars: int = 0
    _pending: int = 0
    _raw: bool = False
    _prefix: str = ""

    def add(self, text: str, frame: Any) -> None:
        """Append inline ``text`` seen inside ``frame``."""
        parts = self._parts
        if not parts:
            if not self.pre and (not text or text.isspace()):
                return
            self._frame = frame
            self._raw = self.pre > 0
            self._prefix, self.prefix = self.prefix, ""
        parts.append(text)
        if self.links:
            self._link_chars += len(text.strip())

    def cell(self) -> None:
        """Start a table cell: separate it from the previous cell of the row."""
        if self._parts:
            self._parts.append(CELL_MARK)

    def request(self, newlines: int) -> None:
        """End the current line; at least ``newlines`` line breaks come before the next text."""
        if self._parts:
            self.flush()
        if newlines > self._pending:
            self._pending = newlines
        if newlines >= 2:
            self.prefix = ""

    def flush(self) -> None:
        """Turn the collected text into line(s)."""
        if not self._parts:
            return
        joined = "".join(self._parts)
        if self._raw:
            self._flush_pre(joined)
        else:
            words = joined.split()
            content = " ".join(words)
            if CELL_MARK in content:
                content = CELLS.sub("\t", content).strip("\t ")
                words = content.split()
            if content:  # the prefix (a bullet) ends in a space: its words simply add
                count = len(words) + len(self._prefix.split())
                self._emit(self._prefix + content, len(content), count)
        self._parts, self._link_chars = [], 0

    def text(self) -> str:
        """The rendered text: lines joined by their breaks."""
        pieces: list[str] = []
        for line in self.lines:
            if pieces:
                pieces.append("\n" * line.brk)
            pieces.append(line.text)
        return "".join(pieces)

    def _flush_pre(self, joined: str) -> None:
        blank = False
        for raw in joined.replace("\r\n", "\n").split("\n"):
            text = self._prefix + raw.rstrip().replace(CELL_MARK, "\t")
            self._prefix = ""
            if not text.strip():
                blank = bool(self.lines)
                continue
            if blank:
                self._pending = max(self._pending, 2)
            self._emit(text, len(text.strip()), len(text.split()))
            self._pending, blank = 1, False

    def _emit(self, text: str, chars: int, words: int) -> None:
        brk = max(self._pending, 1)
        link_chars = min(self._link_chars, chars)
        self.lines.append(RenderedLine(text, brk, self._frame, link_chars, chars, words))
        self._pending = 0
