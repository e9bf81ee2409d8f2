# cython: language_level=3
"""The structure open at the renderer's position, compiled (:mod:`cleantext.html.shape`).

The walk tells the :class:`Shaper` about every structural element it opens and closes and
asks it for the shape of every line it emits (tens of thousands of calls a set), so the
bookkeeping is typed here: the open headings, lists, quotes, code blocks and tables, and
the shapes made once per page (a line's shape is looked up by its fields first, and a
:class:`~cleantext.structure.Shape` is built only for a new one). The lines' shapes are
kept in columns (:class:`ShapeColumn`): a table row's line differs from the row above only
by its row number, so the shape without it is numbered once and the row kept beside it
(8 bytes a line, where a shape of its own a row held about 400 with its memo entry).

>>> from lxml import etree
>>> shaper = Shaper()
>>> ol = etree.fromstring("<ol start='3'><li>x</li></ol>")
>>> shaper.open("ol", ol); shaper.open("li", ol[0])
>>> shaper.shape(())
Shape(heading=0, lists=(3,), item_start=True, quote=0, code=0, lang='', table=0, row=0, columns=())
>>> shaper.shape(()) is shaper.shape(())
True
>>> len(shaper.shapes), shaper.shapes[0].lists
(3, (3,))
"""

from collections.abc import Sequence

from cpython cimport array

from cleantext.text._lines cimport checked_index

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


cdef class ShapeColumn:
    """Each rendered line's :class:`~cleantext.structure.Shape`, in order, held in columns
    (a ``Sequence[Shape]``): the number of its shape without the table row, among the
    page's distinct ones, and its row (4 bytes each). A line's shape is made when read;
    those outside a table row (row 0) are the one shared object of the table.

    >>> column = ShapeColumn()
    >>> first = column.intern(Shape(table=1, columns=(0, 1)))
    >>> column.append(column.intern(PLAIN), 0); column.append(first, 0); column.append(first, 7)
    >>> len(column), column[2].row, column[1] is column[1], list(column)[2] == column[2]
    (3, 7, True, True)
    >>> column[-1] == column[2], column[1:] == (column[1], column[2])
    (True, True)
    """

    cdef list _table  # the distinct shapes, their row 0
    cdef array.array _numbers  # each line's shape in ``_table``
    cdef array.array _rows  # each line's table row

    def __init__(self):
        self._table = []
        self._numbers = array.array("i")
        self._rows = array.array("i")

    def intern(self, shape):
        """Number a shape whose row is 0 (a new one: the caller keeps each one's number)."""
        self._table.append(shape)
        return len(self._table) - 1

    cpdef void append(self, int number, int row) except *:
        """Add a line of shape ``number`` (:meth:`intern`) in table row ``row``."""
        cdef Py_ssize_t size = len(self._numbers)
        array.resize_smart(self._numbers, size + 1)
        array.resize_smart(self._rows, size + 1)
        self._numbers.data.as_ints[size] = number
        self._rows.data.as_ints[size] = row

    def __len__(self):
        return len(self._numbers)

    def __getitem__(self, index):
        cdef Py_ssize_t size = len(self._numbers)
        if isinstance(index, slice):
            return tuple([self._shape(line) for line in range(*index.indices(size))])
        return self._shape(checked_index(index, size))

    def __iter__(self):
        cdef Py_ssize_t line
        for line in range(len(self._numbers)):
            yield self._shape(line)

    def __eq__(self, other):
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all([a == b for a, b in zip(self, other)])

    def __repr__(self):
        return f"ShapeColumn({list(self)!r})"

    def __reduce__(self):
        return _column, (self._table, self._numbers, self._rows)

    cdef object _shape(self, Py_ssize_t line):
        """Line ``line``'s shape: its shape in the table, with its row."""
        shape = self._table[self._numbers.data.as_ints[line]]
        cdef int row = self._rows.data.as_ints[line]
        if row == 0:
            return shape
        return Shape._make((*shape[:7], row, shape[8]))


Sequence.register(ShapeColumn)


def _column(list table, array.array numbers, array.array rows):
    """A :class:`ShapeColumn` from its parts (unpickling)."""
    cdef ShapeColumn column = ShapeColumn()
    column._table, column._numbers, column._rows = table, numbers, rows
    return column


cdef class Shaper:
    """The structure open at the renderer's position, the tables that ended, and the shape
    of every line emitted so far (:attr:`shapes`)."""

    cdef dict _memo  # a shape's fields, its row 0: its number in ``shapes``
    cdef list _headings  # levels of the open headings
    cdef list _lists  # the open _List values
    cdef list _tables  # the open _Table values
    cdef readonly list tables  # a TableShape per table, in order of their start
    cdef readonly ShapeColumn shapes  # each emitted line's shape
    cdef readonly bint item_start
    cdef readonly Py_ssize_t quote, pre, code
    cdef readonly str lang
    cdef readonly Py_ssize_t column  # the column of the table cell open here; -1 outside one
    cdef int _current  # the shape of a line here that starts no item and has no cells
    cdef int _current_row  # (its row)

    def __init__(self):
        self.shapes = ShapeColumn()
        self._memo = {tuple(PLAIN): self.shapes.intern(PLAIN)}
        self._headings = []
        self._lists = []
        self._tables = []
        self.tables = []
        self.item_start = False
        self.quote = self.pre = self.code = 0
        self.lang = ""
        self.column = -1
        self._current = 0  # (PLAIN; -1: not known since the last element opened or closed)
        self._current_row = 0

    def shape(self, tuple columns):
        """The shape of a line emitted now (:meth:`note`), as a
        :class:`~cleantext.structure.Shape` (interned outside table rows)."""
        self.note(columns)
        return self.shapes._shape(len(self.shapes) - 1)

    cpdef void note(self, tuple columns) except *:
        """Add the shape of a line emitted now to :attr:`shapes`; the first line of an item
        takes its mark."""
        cdef _Table table = self._tables[len(self._tables) - 1] if self._tables else None
        cdef bint in_cell = table is not None and table.column >= 0
        cdef _List item
        cdef int row
        if not (columns or self.item_start) and self._current >= 0:
            self.shapes.append(self._current, self._current_row)
            return  # (most lines: nothing changed since the last one)
        if in_cell:
            table.cell_lines += 1
        row = table.row if in_cell else 0
        fields = (
            self._headings[len(self._headings) - 1] if self._headings else 0,
            tuple([item.number for item in self._lists if item.number is not None]),
            self.item_start,
            self.quote,
            self.code if self.pre else 0,
            self.lang if self.pre else "",
            table.ordinal if in_cell else 0,
            0,  # (the row goes beside the shape)
            columns if in_cell else (),
        )
        self.item_start = False
        found = self._memo.get(fields)
        if found is None:
            found = self._memo[fields] = self.shapes.intern(Shape(*fields))
        if not columns and not fields[2]:
            self._current, self._current_row = found, row
        self.shapes.append(found, row)

    def open(self, str tag, object element):
        """Note the start of a structural ``tag`` element."""
        self._current = -1
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
        self._current = -1
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
