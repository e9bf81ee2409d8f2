"""How the renderer lays out lines: the breaks each element asks for, bullets, table cells.

The line builder (:class:`~cleantext.html._walk.LineBuilder`, compiled with the
walk) collects inline text; ``request(n)`` asks for ``n`` newlines before more
text; each finished line becomes a :class:`~cleantext.html._walk.RenderedLine`
with its break, frame, characters, words, link characters, shape and events (with a
reader, each block's lines go to it as a :class:`~cleantext.html._walk.RenderedBlock`).

>>> from cleantext.html.render import LineBuilder
>>> builder = LineBuilder()
>>> builder.add("  Hello \\n world ", "frame")
>>> builder.request(2)
>>> builder.add("Next", "frame")
>>> builder.flush()
>>> builder.text()
'Hello world\\n\\nNext'
>>> [(line.text, line.brk, line.words) for line in builder.lines]
[('Hello world', 1, 2), ('Next', 2, 1)]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import regex

from cleantext.html.vocabulary import BLOCK_TAGS, LINE_TAGS

if TYPE_CHECKING:
    from cleantext.html._walk import RenderedBlock

BULLET = "  • "
"""Prefix of a rendered list item, as in the seed's style."""
CELL_MARK = "\ue000"
"""Placeholder between table cells until whitespace is collapsed (becomes a tab)."""
CELLS = regex.compile(r"\s*\ue000[\s\ue000]*")
OPEN_BREAKS = {tag: 1 if tag in LINE_TAGS else 2 for tag in BLOCK_TAGS | LINE_TAGS} | {"br": 1}
"""Newlines requested before an element's content."""
CLOSE_BREAKS = {tag: 1 if tag in LINE_TAGS else 2 for tag in BLOCK_TAGS | LINE_TAGS}
"""Newlines requested after an element's content."""


class BlockReader(Protocol):
    """What reads a page's rendered lines a block at a time, as the walk makes them
    (:func:`cleantext.html.render.render`'s ``reader``)."""

    def take(self, block: RenderedBlock) -> None:
        """Read one rendered block's lines (the builder lets them go afterwards)."""
