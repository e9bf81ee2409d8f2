"""The line builder: inline text goes in, whole lines with breaks and link counts come out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import regex

from cleantext.html.shape import Shaper
from cleantext.structure import CLOSE, IMAGE, LINK, PLAIN, Event, Shape

if TYPE_CHECKING:
    from cleantext.html.render import Frame

CELL_MARK = "\ue000"
"""Placeholder between table cells until whitespace is collapsed (becomes a tab)."""
CELLS = regex.compile(r"\s*\ue000[\s\ue000]*")


@dataclass(slots=True)
class RenderedLine:
    """One output line: its text, the break before it (1 newline or 2), where it came from,
    its characters (without a list item's bullet), link characters and words, its structure
    and its link and image events (counted in non-space characters after the bullet)."""

    text: str
    brk: int
    frame: Frame
    link_chars: int
    chars: int
    words: int
    shape: Shape = PLAIN
    events: tuple[Event, ...] = ()


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
    shaper: Shaper = field(default_factory=Shaper)
    _parts: list[str] = field(default_factory=list)
    _frame: Any = None
    _link_chars: int = 0
    _pending: int = 0
    _raw: bool = False
    _prefix: str = ""
    _links: list[str] = field(default_factory=list)
    _events: list[Event] | None = None
    _images: list[Event] = field(default_factory=list)
    _nonspace: int = 0
    _columns: list[int] = field(default_factory=list)
    _new_cell: bool = False

    def add(self, text: str, frame: Any) -> None:
        """Append inline ``text`` seen inside ``frame``."""
        parts = self._parts
        if not parts:
            if not self.shaper.pre and (not text or text.isspace()):
                return
            self._start_line(frame)
        elif self._new_cell and not text.isspace():
            self._columns.append(self.shaper.column)
            self._new_cell = False
        parts.append(text)
        if self._links:
            self._link_chars += len(text.strip())
        if self._events is not None:
            self._nonspace += len("".join(text.split()))

    def cell(self) -> None:
        """Start a table cell: separate it from the previous cell of the row."""
        if self._parts:
            self._parts.append(CELL_MARK)
            self._new_cell = True

    def open_link(self, url: str) -> None:
        """A link to ``url`` starts here."""
        self._links.append(url)
        self._event(LINK, url)

    def close_link(self) -> None:
        """The innermost open link ends here."""
        if self._links:
            self._links.pop()
            self._event(CLOSE, "")

    def image(self, url: str, alt: str) -> None:
        """An image stands here (one outside any line goes at the start of the next line)."""
        if self._parts:
            self._event(IMAGE, url, alt)
        else:
            self._images.append((0, IMAGE, url, alt))

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
                events = tuple(self._events) if self._events else ()
                self._emit(self._prefix + content, len(content), count, events)
        self._parts, self._link_chars, self._events = [], 0, None

    def _start_line(self, frame: Any) -> None:
        """The first text of a line: note its frame, prefix, cell and the links open around it."""
        self._frame = frame
        self._raw = self.shaper.pre > 0
        self._prefix, self.prefix = self.prefix, ""
        column = self.shaper.column
        self._columns = [column] if column >= 0 else []
        self._new_cell = False
        if self._links or self._images:
            self._events = [(0, LINK, url, "") for url in self._links] + self._images
            self._images = []
            self._nonspace = 0

    def _event(self, kind: str, url: str, alt: str = "") -> None:
        if not self._parts:
            return
        if self._events is None:
            self._events = []
            self._nonspace = sum(len("".join(part.split())) for part in self._parts) - (
                self._parts.count(CELL_MARK)
            )
        self._events.append((self._nonspace, kind, url, alt))

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
            self._emit(text, len(text.strip()), len(text.split()), ())
            self._pending, blank = 1, False

    def _emit(self, text: str, chars: int, words: int, events: tuple[Event, ...]) -> None:
        brk = max(self._pending, 1)
        link_chars = min(self._link_chars, chars)
        shape = self.shaper.shape(tuple(self._columns) if self._columns else ())
        line = RenderedLine(text, brk, self._frame, link_chars, chars, words, shape, events)
        self.lines.append(line)
        self._pending = 0
