"""Markdown from an HTML page's kept lines and the shapes the renderer recorded for them.

Consecutive kept lines of one data table become a GFM table; of one ``<pre>``, a
fenced code block; of one element (lines joined by ``<br>``), one paragraph,
heading or list item. Block quotes prefix ``>`` and list nesting indents.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter
from urllib.parse import urljoin

from cleantext.markdown.escape import escape, escape_start
from cleantext.markdown.kept import KeptLine, Piece, follows
from cleantext.structure import BULLET_ITEM, Mark, Shape, Structure, TableShape, place_marks

BULLET = "  • "
"""The renderer's prefix of a list item's first line (see :mod:`cleantext.html.render`)."""
HARD_BREAK = "\\\n"
"""Markdown's line break inside a paragraph (a ``<br>``)."""
CELL_BREAK = "<br>"
"""A line break inside a table cell (GFM cells are one line)."""
CELL_ITEM = "• "
"""A list item flattened into a table cell."""
URL_ESCAPES = str.maketrans({" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E"})
"""Characters that would end a Markdown link destination early."""


@dataclass(frozen=True, slots=True)
class Inline:
    """How links and images are written: whether at all, and the URL they resolve against."""

    links: bool
    images: bool
    base: str | None = None

    @classmethod
    def for_page(
        cls, base_href: str | None, page_url: str | None, links: bool, images: bool
    ) -> Inline:
        """The options for a page at ``page_url`` whose ``<base href>`` is ``base_href``.

        >>> Inline.for_page("/docs/", "https://example.org/a/b", True, False).base
        'https://example.org/docs/'
        """
        base = page_url
        if base_href:
            base = urljoin(page_url, base_href) if page_url else base_href
        return cls(links, images, base)

    def url(self, href: str) -> str | None:
        """``href`` resolved against the page, ready for a link; ``None`` for script links."""
        if not href or href.lower().startswith(("javascript:", "data:")):
            return None
        resolved = urljoin(self.base, href) if self.base else href
        return resolved.translate(URL_ESCAPES)

    def render(self, text: str, marks: Sequence[Mark], *, cell: bool = False) -> str:
        r"""``text`` escaped, with its marks written as links and images when asked.

        >>> Inline(True, False, "https://x.org/").render("see the plan", [Mark("link", 8, 12, "/p")])
        'see the [plan](https://x.org/p)'
        """
        out: list[str] = []
        position = 0
        for mark in marks:
            url = self.url(mark.url)
            if url is None or mark.start < position or mark.end > len(text):
                continue
            if mark.kind == "image" and self.images:
                out.append(escape(text[position : mark.start], cell=cell))
                out.append(f"![{escape(mark.text, cell=cell)}]({url})")
                position = mark.start
            elif mark.kind == "link" and self.links and mark.end > mark.start:
                out.append(escape(text[position : mark.start], cell=cell))
                out.append(f"[{escape(text[mark.start : mark.end], cell=cell)}]({url})")
                position = mark.end
        out.append(escape(text[position:], cell=cell))
        return "".join(out)


def html_pieces(lines: Sequence[KeptLine], structure: Structure, inline: Inline) -> list[Piece]:
    """The Markdown pieces of an HTML page's kept ``lines``."""
    structure = replace(structure, shapes=_settle_lists(lines, structure.shapes))
    shapes = structure.shapes
    pieces: list[Piece] = []
    position = 0
    while position < len(lines):
        shape = shapes[lines[position].number]
        table = _data_table(structure, shape)
        if table is not None:
            end = _run(lines, position, shapes, attrgetter("table"))
            markdown = _table(lines[position:end], table, structure, inline)
        elif shape.code:
            end = _run(lines, position, shapes, attrgetter("code"))
            markdown = _code(lines[position:end], shape, shapes)
        else:
            end = _element_end(lines, position, structure)
            markdown = _element(lines[position:end], shape, structure, inline)
        group = lines[position:end]
        before = _separator(pieces, shapes, group[0], shape)
        pieces.append(Piece(tuple(line.number for line in group), markdown, before))
        position = end
    return pieces


def _settle_lists(lines: Sequence[KeptLine], shapes: Sequence[Shape]) -> tuple[Shape, ...]:
    """``shapes`` with each kept line's list path cut to the items whose marker is written.

    When the engine removed an item's first line, the rest of the item has no marker to
    stand under: it becomes a paragraph (indented, it would read as a code block), and a
    nested item whose parent went moves up to the deepest written level.

    >>> kept = [KeptLine(1, 0, 0, "tail", 0)]
    >>> _settle_lists(kept, (Shape(lists=(-1,), item_start=True), Shape(lists=(-1,))))[1].lists
    ()
    """
    settled = list(shapes)
    path_written: tuple[int, ...] = ()  # the list path of the last item whose marker is written
    levels: list[tuple[int, int]] = []  # its written levels: (level in that path, item number)
    for line in lines:
        shape = shapes[line.number]
        path = shape.lists
        if not path:
            path_written, levels = (), []
            continue
        above = len(path) - 1 if shape.item_start else len(path)
        same = 0
        while same < min(above, len(path_written)) and path[same] == path_written[same]:
            same += 1
        kept = [level for level in levels if level[0] < same]
        if shape.item_start:
            kept.append((len(path) - 1, path[-1]))
            path_written, levels = path, kept
        lists = tuple(number for _, number in kept)
        if lists != path:
            settled[line.number] = shape._replace(lists=lists)
    return tuple(settled)


def _data_table(structure: Structure, shape: Shape) -> TableShape | None:
    if not shape.table or shape.table > len(structure.tables):
        return None
    table = structure.tables[shape.table - 1]
    return None if table.layout else table


def _run(
    lines: Sequence[KeptLine], start: int, shapes: Sequence[Shape], key: Callable[[Shape], int]
) -> int:
    """The end of the run of lines from ``start`` whose shapes have the same ``key``."""
    value = key(shapes[lines[start].number])
    end = start + 1
    while end < len(lines) and key(shapes[lines[end].number]) == value:
        end += 1
    return end


def _element_end(lines: Sequence[KeptLine], start: int, structure: Structure) -> int:
    """The end of the lines from ``start`` that one element gives (joined by ``<br>``)."""
    shapes = structure.shapes
    first = shapes[lines[start].number]
    end = start + 1
    while end < len(lines):
        shape = shapes[lines[end].number]
        if (
            not follows(lines[end], lines[end - 1])
            or shape.item_start
            or shape.code
            or _data_table(structure, shape) is not None
            or (shape.heading, shape.lists, shape.quote)
            != (first.heading, first.lists, first.quote)
        ):
            break
        end += 1
    return end


def _element(lines: Sequence[KeptLine], shape: Shape, structure: Structure, inline: Inline) -> str:
    """A paragraph, heading or list item (with its quote and list prefixes)."""
    texts = []
    for line in lines:
        text, marks = _content(line, structure, inline)
        texts.append(escape_start(inline.render(text.replace("\t", " "), marks)))
    first, rest = _prefixes(shape)
    if shape.heading:
        title = " ".join(texts)
        if title.endswith("#") and not title.endswith("\\#"):  # (not closing hashes)
            title = title[:-1] + "\\#"
        return f"{first}{'#' * shape.heading} {title}"
    return HARD_BREAK.join(
        (first if index == 0 else rest) + text for index, text in enumerate(texts)
    )


def _code(lines: Sequence[KeptLine], shape: Shape, shapes: Sequence[Shape]) -> str:
    """A fenced code block; blank lines inside the ``<pre>`` come back as blank lines."""
    body: list[str] = []
    previous: KeptLine | None = None
    for line in lines:
        if previous is not None and not follows(line, previous):
            body.append("")
        text = line.text
        if shapes[line.number].item_start and text.startswith(BULLET):
            text = text[len(BULLET) :]
        body.append(text)
        previous = line
    fence = "`" * max(3, _longest_run(body, "`") + 1)
    first, rest = _prefixes(shape)
    framed = [f"{fence}{shape.lang}", *body, fence]
    return "\n".join((first if index == 0 else rest) + row for index, row in enumerate(framed))


def _table(
    lines: Sequence[KeptLine], table: TableShape, structure: Structure, inline: Inline
) -> str:
    """A GFM table: the kept rows, each cell at its column (``colspan`` leaves the columns it
    spans empty), a cell's lines joined by ``<br>``, list items in a cell flattened."""
    rows: dict[int, dict[int, list[str]]] = {}
    for line in lines:
        shape = structure.shapes[line.number]
        cells = rows.setdefault(shape.row, {})
        for column, text in _cells(line, shape, structure, inline):
            cells.setdefault(column, []).append(text)
    width = max([table.width, *(column + 1 for cells in rows.values() for column in cells)])
    rendered = [
        "| " + " | ".join(CELL_BREAK.join(cells.get(column, [])) for column in range(width)) + " |"
        for cells in rows.values()
    ]
    rule = "| " + " | ".join(["---"] * width) + " |"
    return "\n".join([rendered[0], rule, *rendered[1:]])


def _cells(
    line: KeptLine, shape: Shape, structure: Structure, inline: Inline
) -> list[tuple[int, str]]:
    """The pieces of a table line (cut at its tabs), each with its column, rendered."""
    text, marks = _content(line, structure, inline)
    parts = text.split("\t")
    columns: Sequence[int] = shape.columns
    if len(columns) != len(parts):
        first = columns[0] if columns else 0
        columns = range(first, first + len(parts))
    found = []
    start = 0
    for index, (part, column) in enumerate(zip(parts, columns, strict=True)):
        end = start + len(part)
        inside = [mark._replace(start=mark.start - start, end=mark.end - start) for mark in marks
                  if start <= mark.start and mark.end <= end]  # fmt: skip
        rendered = inline.render(part, inside, cell=True)
        if index == 0 and shape.item_start and shape.lists:
            rendered = CELL_ITEM + rendered
        found.append((column, rendered))
        start = end + 1
    return found


def _content(line: KeptLine, structure: Structure, inline: Inline) -> tuple[str, tuple[Mark, ...]]:
    """A line's text without the renderer's bullet, and its marks (when asked) in that text."""
    text = line.text
    if structure.shapes[line.number].item_start and text.startswith(BULLET):
        text = text[len(BULLET) :]
    events = structure.events.get(line.number) if inline.links or inline.images else None
    return text, place_marks(events, text) if events else ()


def _prefixes(shape: Shape) -> tuple[str, str]:
    """What goes before an element's first line and before its other lines: the quote's
    ``>``, the list's indentation, and the item's marker on the first line of an item.

    >>> _prefixes(Shape(lists=(-1, 3), item_start=True, quote=1))
    ('>   3. ', '>      ')
    """
    quote = "> " * shape.quote
    if not shape.lists:
        return quote, quote
    markers = [_marker(number) for number in shape.lists]
    indent = "".join(" " * len(marker) for marker in markers[:-1])
    own = markers[-1]
    rest = quote + indent + " " * len(own)
    return (quote + indent + own if shape.item_start else rest), rest


def _marker(number: int) -> str:
    return "- " if number == BULLET_ITEM else f"{number}. "


def _separator(
    pieces: Sequence[Piece], shapes: Sequence[Shape], line: KeptLine, shape: Shape
) -> str:
    """A newline between the items of a list, else a blank line (inside a quote, a ``>`` one)."""
    if not pieces:
        return "\n\n"
    previous = shapes[pieces[-1].lines[-1]]
    if shape.item_start and previous.lists and shape.lists and not shape.table:
        return "\n"
    depth = min(shape.quote, previous.quote)
    return "\n" + ">" * depth + "\n" if depth else "\n\n"


def _longest_run(rows: Sequence[str], char: str) -> int:
    """The longest run of ``char`` in any of ``rows`` (a fence must be longer).

    >>> _longest_run(["a ``` b", "````"], "`")
    4
    """
    longest = 0
    for row in rows:
        run = 0
        for item in row:
            run = run + 1 if item == char else 0
            longest = max(longest, run)
    return longest
