"""What Markdown needs to know about each rendered line of an HTML page, kept compactly.

The renderer gives every line a :class:`Shape` (heading level, list path,
block quote depth, code block, table cell position). Most lines share one of
a few shapes, so shapes are interned, and a table's rows differ only by their
row number: a page holds a shape number and a row per line.
Links and images are kept as events (where a link opens or closes, where an
image stands), only for the lines that have them, and become :class:`Mark`
spans when Markdown asks for them. :class:`Structure` gathers them for a :class:`~cleantext.model.Result`;
the decision (``result.text``, ``result.removed``) never reads it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from cleantext.model import Segment
    from cleantext.text.page import Line


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


LINK, CLOSE, IMAGE = "link", "close", "image"
"""Kinds of a line's link and image events (``CLOSE`` ends the innermost open link)."""
Event = tuple[int, str, str, str]
"""A link or image event: the count of non-space characters of the line before it (after
the list bullet), its kind, the URL, and an image's alt text."""


def place_marks(events: Sequence[Event], content: str) -> tuple[Mark, ...]:
    """The links and images of a line's ``content`` (its text without the bullet) from its
    events. A link still open at the end of the line ends there.

    ``content``'s words are separated by single spaces or tabs (the renderer collapses
    whitespace), so the ``n``-th non-space character of word ``w`` stands at ``n + w``.

    >>> place_marks([(0, LINK, "/a", ""), (3, CLOSE, "", ""), (5, IMAGE, "/i.png", "dog")], "one two")
    (Mark(kind='link', start=0, end=3, url='/a', text=''), Mark(kind='image', start=6, end=6, url='/i.png', text='dog'))
    """
    before = list(accumulate(map(len, content.split()), initial=0))

    def place(count: int) -> int:
        if count >= before[-1]:
            return len(content)
        return count + bisect_right(before, count) - 1

    marks: list[Mark] = []
    opened: list[tuple[int, str]] = []
    for count, kind, url, alt in events:
        if kind == CLOSE:
            if opened:
                start, link = opened.pop()
                end = place(count - 1) + 1 if count else 0
                marks.append(Mark(LINK, start, max(end, start), link))
        elif kind == LINK:
            opened.append((place(count), url))
        else:
            marks.append(Mark(IMAGE, place(count), place(count), url, alt))
    marks.extend(Mark(LINK, start, len(content), link) for start, link in opened)
    return tuple(sorted(marks, key=lambda mark: (mark.start, mark.kind != IMAGE)))


def kept_lines(lines: Iterable[Line], removed: Sequence[Segment]) -> Iterator[Line]:
    """The ``lines`` (in order) that none of the ``removed`` segments (in order) covers.

    >>> from cleantext import Page, Segment
    >>> page = Page.from_text("menu\\n\\nbody")
    >>> [line.text for line in kept_lines(page.lines, [Segment(0, 4, "menu", "x", "", 1.0)])]
    ['body']
    """
    cursor = 0
    for line in lines:
        while cursor < len(removed) and removed[cursor].end <= line.start:
            cursor += 1
        if cursor == len(removed) or removed[cursor].start >= line.end:
            yield line


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
    """The shapes of an HTML page's rendered lines (one per line, in order; HTML mode keeps
    them in columns, :class:`~cleantext.html.shape.ShapeColumn`, each made when read), the
    link and image events of the lines that have them (by line number), the tables
    (``tables[n - 1]`` for ``Shape.table == n``) and the page's ``<base href>``."""

    shapes: Sequence[Shape]
    events: Mapping[int, tuple[Event, ...]] = field(default_factory=dict)
    tables: tuple[TableShape, ...] = ()
    base_url: str | None = None
