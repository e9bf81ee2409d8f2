"""Markdown from plain text: paragraphs and lists, read from the text's own shape.

Every kept line is a paragraph, except lines that start with a list marker
(``•``, ``-``, ``*``, ``+``, ``–``, ``1.``, ``1)``): consecutive ones make a
list, nested by their indentation.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from cleantext.markdown.escape import escape, escape_start
from cleantext.markdown.kept import KeptLine, Piece

LIST_MARKER = regex.compile(r"(?:([-*+•◦▪‣●·–])|(\d{1,9})[.)])[ \t]+(?=\S)")
"""A list item's marker at the start of a stripped line, and the space after it."""


def text_pieces(lines: Sequence[KeptLine]) -> list[Piece]:
    """One piece per kept line: a list item or a paragraph.

    >>> [piece.markdown for piece in text_pieces([KeptLine(0, 0, 8, "  • tea", 0), KeptLine(1, 9, 21, "    - green", 0)])]
    ['- tea', '  - green']
    """
    pieces: list[Piece] = []
    nesting: list[tuple[int, int]] = []  # (indentation, marker width) of the open list levels
    for line in lines:
        stripped = line.text.lstrip()
        match = LIST_MARKER.match(stripped)
        if match is None:
            nesting = []
            pieces.append(Piece((line.number,), escape_start(escape(stripped))))
            continue
        indent = len(line.text) - len(stripped)
        in_list = bool(nesting)
        while nesting and indent < nesting[-1][0]:
            nesting.pop()
        marker = "- " if match.group(1) else f"{match.group(2)}. "
        if not nesting or indent > nesting[-1][0]:
            nesting.append((indent, len(marker)))
        else:
            nesting[-1] = (indent, len(marker))
        padding = "".join(" " * width for _, width in nesting[:-1])
        item = escape_start(escape(stripped[match.end() :]))
        pieces.append(Piece((line.number,), padding + marker + item, "\n" if in_list else "\n\n"))
    return pieces
