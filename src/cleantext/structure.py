"""What Markdown needs to know about each rendered line of an HTML page, kept compactly.

The renderer gives every line a :class:`Shape` (heading level, list path,
block quote depth, code block, table cell position). Most lines share one of
a few shapes, so shapes are interned: a page holds one reference per line.
Links and images are kept as :class:`Mark` spans, only for the lines that
have them. :class:`Structure` gathers them for a :class:`~cleantext.model.Result`;
the decision (``result.text``, ``result.removed``) never reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple


class Shape(NamedTuple):
    """The structure around one rendered line.

    ``heading`` is the level (1-6, 0 for none); ``lists`` holds, per open list
    from the outermost, the item's number (``-1`` in an unordered list);
    ``item_start`` marks the first line of a list item; ``quote`` is the block
    quote depth; ``code`` numbers the ``<pre>`` block (0 outside one) and
    ``lang`` names its language; ``table`` numbers the table (0 outside a
    cell), ``row`` is the row within it and ``columns`` the column of each
    tab-separated piece of the line.

    >>> Shape(heading=2)
    Shape(heading=2, lists=(), item_start=False, quote=0, code=0, lang='', table=0, row=0, columns=())
    """

    heading: int = 0
    lists: tuple[int, ...] = ()
    item_start: bool = False
    quote: int = 0
    code: int = 0
    lang: str = ""
    table: int = 0
    row: int = 0
    columns: tuple[int, ...] = ()


PLAIN = Shape()
"""The shape of a line in no structure at all (a paragraph)."""
BULLET_ITEM = -1
"""The item number of an unordered list's item in :attr:`Shape.lists`."""


class Mark(NamedTuple):
    """A link (``kind == "link"``, text ``line[start:end]``) or an image (``kind == "image"``,
    placed at ``start == end``; ``text`` is its alt text) in one rendered line."""

    kind: str
    start: int
    end: int
    url: str
    text: str = ""


class TableShape(NamedTuple):
    """What is known about a table once it has ended.

    ``layout`` says it lays out the page rather than holding data (nested
    tables, a cell with a heading and more text, a single row or column,
    ``role=presentation``);
    ``width`` is its column count; ``header_rows`` the rows inside ``<thead>``
    or made only of ``<th>`` cells.
    """

    layout: bool
    width: int
    header_rows: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Structure:
    """The shapes of an HTML page's rendered lines (one per line, in order), their marks, the
    tables (``tables[n - 1]`` for ``Shape.table == n``) and the page's ``<base href>``."""

    shapes: tuple[Shape, ...]
    marks: Mapping[int, tuple[Mark, ...]] = field(default_factory=dict)
    tables: tuple[TableShape, ...] = ()
    base_url: str | None = None
