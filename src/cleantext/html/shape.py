"""Follow the structure (headings, lists, quotes, code, tables) while the renderer walks.

The renderer tells a :class:`Shaper` about the structural elements it opens and
closes; the line builder asks it for the :class:`~cleantext.structure.Shape`
of each line it emits. Shapes are interned, so a page holds one of each.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex
from lxml import etree

from cleantext.structure import BULLET_ITEM, PLAIN, Shape, TableShape

LIST_TAGS = frozenset({"ul", "ol", "menu", "dir"})
SHAPED_TAGS = LIST_TAGS | frozenset(
    "h1 h2 h3 h4 h5 h6 li blockquote pre table thead tr td th".split()
)
"""Elements whose start or end changes the shape of the lines inside them."""
LANGUAGE = regex.compile(
    r"(?:^|\s)(?:lang(?:uage)?|highlight-source|brush:?)[-:\s]\s*([\w+#.-]{1,30})"
)
"""A code language named in a class (``language-python``, ``lang-js``, ``brush: sql``)."""
MAX_SPAN = 1000
"""Larger ``colspan``/``rowspan`` values are read as this (a page cannot blow up a table)."""
MAX_COLUMNS = 1000
"""Cells past this column share the last one (a bound on a table's width)."""


@dataclass(slots=True)
class _Table:
    """A table being walked: the cursor, the cells that rows above span into, what it is."""

    ordinal: int
    layout: bool
    row: int = -1
    column: int = -1
    cursor: int = 0
    width: int = 0
    rows: int = 0
    in_head: bool = False
    only_th: bool = True
    cells: int = 0
    cell_lines: int = 0
    cell_heading: bool = False
    spans: dict[int, int] = field(default_factory=dict)
    header_rows: set[int] = field(default_factory=set)


@dataclass(slots=True)
class _List:
    ordered: bool
    next_number: int
    number: int | None = None


class Shaper:
    """The structure open at the renderer's position, and the tables that ended.

    >>> from lxml import etree
    >>> shaper = Shaper()
    >>> ol = etree.fromstring("<ol start='3'><li>x</li></ol>")
    >>> shaper.open("ol", ol); shaper.open("li", ol[0])
    >>> shaper.shape(())
    Shape(heading=0, lists=(3,), item_start=True, quote=0, code=0, lang='', table=0, row=0, columns=())
    """

    __slots__ = ("_current", "_headings", "_lists", "_memo", "_tables", "code", "column",
                 "item_start", "lang", "pre", "quote", "tables")  # fmt: skip

    def __init__(self) -> None:
        self._memo: dict[Shape, Shape] = {PLAIN: PLAIN}
        self._headings: list[int] = []
        self._lists: list[_List] = []
        self._tables: list[_Table] = []
        self.tables: list[TableShape] = []
        self.item_start = False
        self.quote = 0
        self.pre = 0
        self.code = 0
        self.lang = ""
        self.column = -1
        """The column of the table cell open here; -1 outside a cell."""
        self._current: Shape | None = PLAIN
        """The shape of a line here that starts no item and has no cells (``None``: not known)."""

    def shape(self, columns: tuple[int, ...]) -> Shape:
        """The (interned) shape of a line emitted now; the first line of an item takes its mark."""
        if not (columns or self.item_start) and self._current is not None:
            return self._current  # (most lines: nothing changed since the last one)
        table = self._tables[-1] if self._tables else None
        in_cell = table is not None and table.column >= 0
        if in_cell and table:
            table.cell_lines += 1
        shape = Shape(
            self._headings[-1] if self._headings else 0,
            tuple(item.number for item in self._lists if item.number is not None),
            self.item_start,
            self.quote,
            self.code if self.pre else 0,
            self.lang if self.pre else "",
            table.ordinal if in_cell and table else 0,
            table.row if in_cell and table else 0,
            columns if in_cell else (),
        )
        self.item_start = False
        found = self._memo.get(shape)
        if found is None:
            found = self._memo[shape] = shape
        if not columns and not shape.item_start:
            self._current = found
        return found

    def open(self, tag: str, element: etree._Element) -> None:
        """Note the start of a structural ``tag`` element."""
        self._current = None
        if tag[0] == "h" and len(tag) == 2 and tag[1].isdigit():
            self._headings.append(int(tag[1]))
            if self._tables and self._tables[-1].column >= 0:
                self._tables[-1].cell_heading = True
        elif tag in LIST_TAGS:
            start = _integer(element.get("start"), 1) if tag == "ol" else 1
            self._lists.append(_List(tag == "ol", start))
        elif tag == "li":
            self._open_item(element)
        elif tag == "blockquote":
            self.quote += 1
        elif tag == "pre":
            self._open_pre(element)
        else:
            self._open_table_part(tag, element)

    def close(self, tag: str) -> None:
        """Note the end of a structural ``tag`` element."""
        self._current = None
        if tag[0] == "h" and len(tag) == 2 and tag[1].isdigit():
            if self._headings:
                self._headings.pop()
        elif tag in LIST_TAGS:
            if self._lists:
                self._lists.pop()
        elif tag == "li":
            self.item_start = False
        elif tag == "blockquote":
            self.quote -= 1
        elif tag == "pre":
            self.pre -= 1
        else:
            self._close_table_part(tag)

    def _open_item(self, element: etree._Element) -> None:
        if not self._lists:
            self._lists.append(_List(False, 1))
        current = self._lists[-1]
        if current.ordered:
            current.number = _integer(element.get("value"), current.next_number)
            current.next_number = current.number + 1
        else:
            current.number = BULLET_ITEM
        self.item_start = True

    def _open_pre(self, element: etree._Element) -> None:
        self.pre += 1
        if self.pre == 1:
            self.code += 1
            self.lang = _language(element)

    def _open_table_part(self, tag: str, element: etree._Element) -> None:
        if tag == "table":
            for table in self._tables:
                table.layout = True  # (a table inside: the outer ones lay out the page)
            role = (element.get("role") or "").strip().lower()
            self.tables.append(TableShape(True, 0))
            self._tables.append(_Table(len(self.tables), role in ("presentation", "none")))
        elif not self._tables:
            return
        elif tag == "thead":
            self._tables[-1].in_head = True
        elif tag == "tr":
            _start_row(self._tables[-1])
        else:
            _start_cell(self._tables[-1], tag, element)
        self.column = self._tables[-1].column if self._tables else -1

    def _close_table_part(self, tag: str) -> None:
        if not self._tables:
            return
        table = self._tables[-1]
        if tag == "table":
            self._tables.pop()
            _end_row(table)
            layout = table.layout or table.width < 2 or table.rows < 2
            self.tables[table.ordinal - 1] = TableShape(
                layout, table.width, frozenset(table.header_rows)
            )
        elif tag == "thead":
            table.in_head = False
        elif tag == "tr":
            _end_row(table)
        elif tag in ("td", "th"):
            _end_cell(table)
        self.column = self._tables[-1].column if self._tables else -1


def _start_row(table: _Table) -> None:
    _end_row(table)
    table.row += 1
    table.cursor = 0
    table.only_th = True
    table.cells = 0


def _end_row(table: _Table) -> None:
    """Close the open row: count it, note whether it is a header row."""
    if table.column < 0 and table.cells == 0:
        return
    table.rows += 1
    if table.in_head or table.only_th:
        table.header_rows.add(table.row)
    table.column, table.cells = -1, 0
    table.spans = {column: rows - 1 for column, rows in table.spans.items() if rows > 1}


def _end_cell(table: _Table) -> None:
    """A cell that holds a heading and more text lays out a page (a heading alone heads a
    column: the table may still hold data)."""
    if table.cell_heading and table.cell_lines > 1:
        table.layout = True
    table.cell_heading, table.cell_lines = False, 0


def _start_cell(table: _Table, tag: str, element: etree._Element) -> None:
    """Place a cell at the next column that no cell above spans into."""
    _end_cell(table)
    if table.row < 0:
        _start_row(table)
    column = table.cursor
    while column in table.spans and column < MAX_COLUMNS:
        column += 1
    column = min(column, MAX_COLUMNS)
    width = min(_integer(element.get("colspan"), 1), MAX_SPAN)
    rows = min(_integer(element.get("rowspan"), 1), MAX_SPAN)
    if rows > 1:
        for spanned in range(column, min(column + width, MAX_COLUMNS + 1)):
            table.spans[spanned] = rows
    table.column = column
    table.cursor = column + width
    table.width = max(table.width, min(table.cursor, MAX_COLUMNS + 1))
    table.cells += 1
    table.only_th = table.only_th and tag == "th"


def _integer(value: str | None, default: int) -> int:
    """A positive attribute number, or ``default``.

    >>> _integer(" 3 ", 1), _integer("x", 1), _integer("-2", 1)
    (3, 1, 1)
    """
    text = (value or "").strip()
    if not text.isdigit() or len(text) > 6:
        return default
    return int(text) or default


def _language(pre: etree._Element) -> str:
    """The language a ``<pre>`` (or the ``<code>`` inside it) names in its class or data-lang.

    >>> _language(etree.fromstring('<pre><code class="language-python">x</code></pre>'))
    'python'
    """
    for element in (pre, *pre.iterchildren("code")):
        named = element.get("data-lang") or element.get("data-language")
        if named:
            return named.strip()[:30]
        match = LANGUAGE.search(element.get("class") or "")
        if match:
            return match.group(1).lower()
    return ""
