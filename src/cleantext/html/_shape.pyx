# cython: language_level=3
"""The structure open at the renderer's position, compiled (:mod:`cleantext.html.shape`).

The walk tells the :class:`Shaper` about every structural element it opens and closes and
asks it for the shape of every line it emits (tens of thousands of calls a set), so the
bookkeeping is typed here: the open headings, lists, quotes, code blocks and tables, and
the shapes made once per page (a line's shape is looked up by its fields first, and a
:class:`~cleantext.structure.Shape` is built only for a new one).

>>> from lxml import etree
>>> shaper = Shaper()
>>> ol = etree.fromstring("<ol start='3'><li>x</li></ol>")
>>> shaper.open("ol", ol); shaper.open("li", ol[0])
>>> shaper.shape(())
Shape(heading=0, lists=(3,), item_start=True, quote=0, code=0, lang='', table=0, row=0, columns=())
>>> shaper.shape(()) is shaper.shape(())
True
"""

import regex

from cleantext.structure import BULLET_ITEM, PLAIN, Shape, TableShape

LIST_TAGS = frozenset({"ul", "ol", "menu", "dir"})
SHAPED_TAGS = LIST_TAGS | frozenset(
    "h1 h2 h3 h4 h5 h6 li blockquote pre table thead tr td th".split()
)
LANGUAGE = regex.compile(
    r"(?:^|\s)(?:lang(?:uage)?|highlight-source|brush:?)[-:\s]\s*([\w+#.-]{1,30})"
)
MAX_SPAN = 1000
MAX_COLUMNS = 1000
cdef Py_ssize_t _max_span = MAX_SPAN  # (the two bounds as C integers, for the cell loop)
cdef Py_ssize_t _max_columns = MAX_COLUMNS


cdef class _Table:
    """A table being walked: the cursor, the cells that rows above span into, what it is."""

    cdef Py_ssize_t ordinal
    cdef bint layout
    cdef Py_ssize_t row, column, cursor, width, rows, cells, cell_lines
    cdef bint in_head, only_th, cell_heading
    cdef dict spans  # column: rows still spanned into it
    cdef set header_rows

    def __init__(self, Py_ssize_t ordinal, bint layout):
        self.ordinal = ordinal
        self.layout = layout
        self.row = -1
        self.column = -1
        self.cursor = self.width = self.rows = self.cells = self.cell_lines = 0
        self.in_head = self.cell_heading = False
        self.only_th = True
        self.spans = {}
        self.header_rows = set()

    cdef void start_row(self):
        self.end_row()
        self.row += 1
        self.cursor = 0
        self.only_th = True
        self.cells = 0

    cdef void end_row(self):
        """Close the open row: count it, note whether it is a header row."""
        if self.column < 0 and self.cells == 0:
            return
        self.rows += 1
        if self.in_head or self.only_th:
            self.header_rows.add(self.row)
        self.column, self.cells = -1, 0
        self.spans = {column: rows - 1 for column, rows in self.spans.items() if rows > 1}

    cdef void end_cell(self):
        """A cell that holds a heading and more text lays out a page (a heading alone heads
        a column: the table may still hold data)."""
        if self.cell_heading and self.cell_lines > 1:
            self.layout = True
        self.cell_heading, self.cell_lines = False, 0

    cdef void start_cell(self, str tag, object element) except *:
        """Place a cell at the next column that no cell above spans into."""
        cdef Py_ssize_t column, width, rows, spanned
        self.end_cell()
        if self.row < 0:
            self.start_row()
        column = self.cursor
        while column in self.spans and column < _max_columns:
            column += 1
        column = min(column, _max_columns)
        width = min(_integer(element.get("colspan"), 1), _max_span)
        rows = min(_integer(element.get("rowspan"), 1), _max_span)
        if rows > 1:
            for spanned in range(column, min(column + width, _max_columns + 1)):
                self.spans[spanned] = rows
        self.column = column
        self.cursor = column + width
        self.width = max(self.width, min(self.cursor, _max_columns + 1))
        self.cells += 1
        self.only_th = self.only_th and tag == "th"


cdef class _List:
    """An open list: ordered or not, the number its next item takes, its open item's."""

    cdef bint ordered
    cdef Py_ssize_t next_number
    cdef object number  # the open item's number (BULLET_ITEM unordered), None before one

    def __init__(self, bint ordered, Py_ssize_t next_number):
        self.ordered = ordered
        self.next_number = next_number
        self.number = None


cdef class Shaper:
    """The structure open at the renderer's position, and the tables that ended."""

    cdef dict _memo  # a shape's fields: the page's one Shape with them
    cdef list _headings  # levels of the open headings
    cdef list _lists  # the open _List values
    cdef list _tables  # the open _Table values
    cdef readonly list tables  # a TableShape per table, in order of their start
    cdef readonly bint item_start
    cdef readonly Py_ssize_t quote, pre, code
    cdef readonly str lang
    cdef readonly Py_ssize_t column  # the column of the table cell open here; -1 outside one
    cdef object _current  # the shape of a line here that starts no item and has no cells

    def __init__(self):
        self._memo = {tuple(PLAIN): PLAIN}
        self._headings = []
        self._lists = []
        self._tables = []
        self.tables = []
        self.item_start = False
        self.quote = self.pre = self.code = 0
        self.lang = ""
        self.column = -1
        self._current = PLAIN  # (None: not known since the last element opened or closed)

    def shape(self, tuple columns):
        """The (interned) shape of a line emitted now; the first line of an item takes its mark."""
        cdef _Table table = self._tables[len(self._tables) - 1] if self._tables else None
        cdef bint in_cell = table is not None and table.column >= 0
        cdef _List item
        if not (columns or self.item_start) and self._current is not None:
            return self._current  # (most lines: nothing changed since the last one)
        if in_cell:
            table.cell_lines += 1
        fields = (
            self._headings[len(self._headings) - 1] if self._headings else 0,
            tuple([item.number for item in self._lists if item.number is not None]),
            self.item_start,
            self.quote,
            self.code if self.pre else 0,
            self.lang if self.pre else "",
            table.ordinal if in_cell else 0,
            table.row if in_cell else 0,
            columns if in_cell else (),
        )
        self.item_start = False
        found = self._memo.get(fields)
        if found is None:
            found = self._memo[fields] = Shape(*fields)
        if not columns and not fields[2]:
            self._current = found
        return found

    def open(self, str tag, object element):
        """Note the start of a structural ``tag`` element."""
        self._current = None
        if _is_heading(tag):
            self._headings.append(int(tag[1]))
            if self._tables and (<_Table> self._tables[len(self._tables) - 1]).column >= 0:
                (<_Table> self._tables[len(self._tables) - 1]).cell_heading = True
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

    def close(self, str tag):
        """Note the end of a structural ``tag`` element."""
        self._current = None
        if _is_heading(tag):
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

    cdef void _open_item(self, object element) except *:
        cdef _List current
        if not self._lists:
            self._lists.append(_List(False, 1))
        current = self._lists[len(self._lists) - 1]
        if current.ordered:
            current.number = _integer(element.get("value"), current.next_number)
            current.next_number = current.number + 1
        else:
            current.number = BULLET_ITEM
        self.item_start = True

    cdef void _open_pre(self, object element) except *:
        self.pre += 1
        if self.pre == 1:
            self.code += 1
            self.lang = _language(element)

    cdef void _open_table_part(self, str tag, object element) except *:
        cdef _Table table
        if tag == "table":
            for table in self._tables:
                table.layout = True  # (a table inside: the outer ones lay out the page)
            role = (element.get("role") or "").strip().lower()
            self.tables.append(TableShape(True, 0))
            self._tables.append(_Table(len(self.tables), role in ("presentation", "none")))
        elif not self._tables:
            return
        elif tag == "thead":
            (<_Table> self._tables[len(self._tables) - 1]).in_head = True
        elif tag == "tr":
            (<_Table> self._tables[len(self._tables) - 1]).start_row()
        else:
            (<_Table> self._tables[len(self._tables) - 1]).start_cell(tag, element)
        self._note_column()

    cdef void _close_table_part(self, str tag) except *:
        cdef _Table table
        if not self._tables:
            return
        table = self._tables[len(self._tables) - 1]
        if tag == "table":
            self._tables.pop()
            table.end_row()
            layout = table.layout or table.width < 2 or table.rows < 2
            self.tables[table.ordinal - 1] = TableShape(
                layout, table.width, frozenset(table.header_rows)
            )
        elif tag == "thead":
            table.in_head = False
        elif tag == "tr":
            table.end_row()
        elif tag in ("td", "th"):
            table.end_cell()
        self._note_column()

    cdef void _note_column(self):
        """:attr:`column` from the innermost open table."""
        if self._tables:
            self.column = (<_Table> self._tables[len(self._tables) - 1]).column
        else:
            self.column = -1


cdef bint _is_heading(str tag):
    """``h1`` to ``h6`` (and any ``h`` with one digit, as the walk never sends another)."""
    return len(tag) == 2 and tag[0] == u"h" and tag[1].isdigit()


def _integer(value, default):
    """A positive attribute number, or ``default``.

    >>> _integer(" 3 ", 1), _integer("x", 1), _integer("-2", 1)
    (3, 1, 1)
    """
    text = (value or "").strip()
    if not text.isdigit() or len(text) > 6:
        return default
    return int(text) or default


def _language(pre):
    """The language a ``<pre>`` (or the ``<code>`` inside it) names in its class or data-lang.

    >>> from lxml import etree
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
