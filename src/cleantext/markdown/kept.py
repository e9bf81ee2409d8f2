"""The kept lines of a result and the pieces of Markdown made from them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from cleantext import structure
from cleantext.model import Result
from cleantext.text.page import Page


class KeptLine(NamedTuple):
    """A line of ``result.source_text`` that the result keeps: its number among the page's
    lines, its text (``source_text[start:end]``), and its block (blank lines start a new one)."""

    number: int
    start: int
    end: int
    text: str
    block: int


class Piece(NamedTuple):
    """One block of Markdown, the kept lines it renders (indices into the page's lines) and
    the separator that goes before it (a newline, or a blank line)."""

    lines: tuple[int, ...]
    markdown: str
    before: str = "\n\n"


def kept_lines(result: Result) -> list[KeptLine]:
    """The lines of ``result.source_text`` that no removed segment covers, in order.

    >>> from cleantext import clean
    >>> [line.text for line in kept_lines(clean("print PRINT\\n\\nThe council met on Monday."))]
    ['The council met on Monday.']
    """
    source = result.source_text
    lines = Page.from_text(source).lines
    return [
        KeptLine(line.index, line.start, line.end, source[line.start : line.end], line.block)
        for line in structure.kept_lines(lines, result.removed)
    ]


def join(pieces: Sequence[Piece]) -> str:
    """The Markdown of ``pieces``, each after its separator.

    >>> join([Piece((0,), "- a"), Piece((1,), "- b", "\\n")])
    '- a\\n- b'
    """
    parts: list[str] = []
    for piece in pieces:
        if parts:
            parts.append(piece.before)
        parts.append(piece.markdown)
    return "".join(parts)


def follows(line: KeptLine, previous: KeptLine | None) -> bool:
    """True when ``line`` comes right after ``previous`` in the same block (a single newline)."""
    return (
        previous is not None and line.number == previous.number + 1 and line.block == previous.block
    )
