"""The compiled core of :class:`cleantext.text.page.Page`: a text's non-blank lines, compactly.

:class:`LineTable` splits a text in one pass over its code points, in C, and keeps
two offsets per line in arrays (32-bit, unless the text is too long for them), and
where each block starts: no Python object per line.
A :class:`Line` or :class:`Gap` is built when a detector asks for it, and dropped
when the detector is done with it.

A line runs from the character after a newline (or the text's start) to its last
non-space character; a space is what ``str.isspace`` says (``str.strip`` removes the
same ones). A *gap* is the whitespace between two lines; a blank line or more
between two lines starts a new *block*.
"""

cimport cython
from libc.string cimport memcpy
from cpython.array cimport array, clone, resize, resize_smart
from libc.limits cimport INT_MAX
from cpython.unicode cimport PyUnicode_1BYTE_KIND, PyUnicode_2BYTE_KIND, PyUnicode_READ


cdef extern from "Python.h":
    str PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar)
    Py_UCS4 PyUnicode_MAX_CHAR_VALUE(str text)
    int PyUnicode_WriteChar(str text, Py_ssize_t index, Py_UCS4 character) except -1
    Py_ssize_t PyUnicode_CopyCharacters(str to, Py_ssize_t to_start, str source,
                                        Py_ssize_t from_start, Py_ssize_t how_many) except -1
    int PyUnicode_KIND(str text)
    void *PyUnicode_DATA(str text)


cdef int _copy(str target, Py_ssize_t at, str source, Py_ssize_t start,
               Py_ssize_t size) except -1:
    """Copy ``source[start:start + size]`` into ``target`` at ``at`` (``target`` is wide
    enough). Strings of one kind are copied as memory: CPython 3.11's
    ``PyUnicode_CopyCharacters`` checks Latin-1 copied into ASCII from the start of
    ``source``, not from ``start``, and refuses valid copies."""
    cdef int kind = PyUnicode_KIND(target)
    if kind != PyUnicode_KIND(source):
        PyUnicode_CopyCharacters(target, at, source, start, size)
    elif size:
        memcpy(<char *>PyUnicode_DATA(target) + at * kind,
               <char *>PyUnicode_DATA(source) + start * kind, size * kind)
    return 0

from array import array as _new_array
from collections.abc import Sequence


cdef class Line:
    """A non-blank line: ``page.text[start:end]``, with ``text`` its stripped content.

    >>> line = Line(0, 2, 9, "Title", 0, 1)
    >>> line.text, line.indent, line
    ('Title', 2, Line(index=0, start=2, end=9, text='Title', block=0, gap_before=1))
    """

    def __init__(self, Py_ssize_t index, Py_ssize_t start, Py_ssize_t end, str text,
                 Py_ssize_t block, Py_ssize_t gap_before):
        self.index, self.start, self.end, self.text = index, start, end, text
        self.block, self.gap_before = block, gap_before

    @property
    def indent(self):
        """Number of characters before the first non-space one."""
        return (self.end - self.start) - len(self.text)

    def _key(self):
        return (self.index, self.start, self.end, self.text, self.block, self.gap_before)

    def __eq__(self, other):
        if not isinstance(other, Line):
            return NotImplemented
        return self._key() == (<Line>other)._key()

    def __lt__(self, Line other):  # lines sort as their fields do: by index first
        return self._key() < other._key()

    def __le__(self, Line other):
        return self._key() <= other._key()

    def __gt__(self, Line other):
        return self._key() > other._key()

    def __ge__(self, Line other):
        return self._key() >= other._key()

    def __hash__(self):
        return hash(self._key())

    def __reduce__(self):
        return Line, self._key()

    def __repr__(self):
        return (f"Line(index={self.index}, start={self.start}, end={self.end}, "
                f"text={self.text!r}, block={self.block}, gap_before={self.gap_before})")


cdef class Gap:
    """The whitespace between line ``after`` and the next line; ``newlines`` counts line breaks.

    >>> Gap(11, 13, 2, 0)
    Gap(start=11, end=13, newlines=2, after=0)
    """

    def __init__(self, Py_ssize_t start, Py_ssize_t end, Py_ssize_t newlines, Py_ssize_t after):
        self.start, self.end, self.newlines, self.after = start, end, newlines, after

    def _key(self):
        return (self.start, self.end, self.newlines, self.after)

    def __eq__(self, other):
        if not isinstance(other, Gap):
            return NotImplemented
        return self._key() == (<Gap>other)._key()

    def __hash__(self):
        return hash(self._key())

    def __reduce__(self):
        return Gap, self._key()

    def __repr__(self):
        return (f"Gap(start={self.start}, end={self.end}, newlines={self.newlines}, "
                f"after={self.after})")


cdef inline Py_UCS4 width_class(unsigned int bits) noexcept:
    """The largest code point of the narrowest string kind that holds ``bits`` (an OR of
    code points, or the largest): 127 (ASCII), 255 (Latin-1), 65535 (two bytes), 0x10FFFF."""
    if bits < 128:
        return 127
    if bits < 256:
        return 255
    if bits < 0x10000:
        return 0xFFFF
    return 0x10FFFF


cdef inline bint is_stop(Py_UCS4 char):
    """A character that ends a sentence (those of ``cleantext.text.page.SENTENCE_END``)."""
    return char in u".!?…。！？:;"


cdef inline bint is_closer(Py_UCS4 char):
    """A closing quote or bracket, which may follow a sentence's stop."""
    return char in u"\"'”’»)]"


cdef inline void _put(array values, Py_ssize_t index, Py_ssize_t value, bint wide) noexcept:
    """Set ``values[index]``: a 64-bit array when ``wide``, a 32-bit one otherwise."""
    if wide:
        values.data.as_longlongs[index] = value
    else:
        values.data.as_ints[index] = <int>value


cdef inline Py_ssize_t _get(array values, Py_ssize_t index, bint wide) noexcept:
    """``values[index]`` of an array written by :func:`_put`."""
    if wide:
        return values.data.as_longlongs[index]
    return values.data.as_ints[index]


cdef inline void _push(array values, Py_ssize_t count, Py_ssize_t value, bint wide):
    """Set ``values[count]`` (see :func:`_put`), growing ``values`` (amortised) when it is full."""
    if count >= len(values):
        resize_smart(values, count + 1)
    _put(values, count, value, wide)


cdef class LineTable:
    """The non-blank lines of ``text``, as a sequence of :class:`Line` built on demand.

    ``starts`` and ``ends`` are the lines' offsets (arrays, one entry per line) and
    ``block_firsts`` the first line of each block (an entry per block); :attr:`gaps` is
    the sequence of the gaps between them. The arrays are 32-bit, or 64-bit (``wide``)
    for a text too long for that (``wide=True`` asks for them on any text: for the tests).

    >>> table = LineTable("\\n  Title \\n\\n\\nBody.\\nEnd")
    >>> list(table.starts), list(table.ends), list(table.block_firsts), list(table.blocks)
    ([1, 12, 18], [8, 17, 21], [0, 1], [0, 1, 1])
    >>> table[1]
    Line(index=1, start=12, end=17, text='Body.', block=1, gap_before=3)
    >>> [line.text for line in table], list(table.gaps)[0]
    (['Title', 'Body.', 'End'], Gap(start=8, end=12, newlines=3, after=0))
    """

    def __init__(self, str text, bint wide=False):
        self.text = text
        self.wide = wide or len(text) >= INT_MAX  # (every offset, +1, must fit 32 bits)
        cdef str code = "q" if self.wide else "i"
        self.starts, self.ends = _new_array(code), _new_array(code)
        self.block_firsts = _new_array(code)
        self._split()

    cdef void _split(self):
        """Fill the arrays: one pass, each raw line's newline found first (by ``memchr``
        on a text of a byte per character), then its last non-space character, from its
        end back (a space is looked up only at a line's end, not at each character)."""
        cdef Py_ssize_t length = len(self.text), position = 0, start, stop, last
        cdef Py_ssize_t newlines = 0
        cdef int kind = PyUnicode_KIND(self.text)
        cdef void *data = PyUnicode_DATA(self.text)  # (read once, not at each character)
        while position < length:
            start = position
            stop = newline_from(kind, data, position, length)
            last = stop - 1
            while last >= start and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, last)):
                last -= 1
            position = stop
            if last >= start:
                if not self.count or newlines >= 2:  # the line starts a block
                    _push(self.block_firsts, self.block_count, self.count, self.wide)
                    self.block_count += 1
                _push(self.starts, self.count, start, self.wide)
                _push(self.ends, self.count, last + 1, self.wide)
                self.count += 1
                newlines = 0
            if position < length:  # the newline itself
                newlines += 1
                position += 1
        resize(self.starts, self.count)  # (exactly: the growth's spare room goes)
        resize(self.ends, self.count)
        resize(self.block_firsts, self.block_count)

    @property
    def blocks(self):
        """The block number of each line (an array built when asked for: the table keeps
        only where each block starts)."""
        cdef array numbers = clone(self.starts, self.count, False)
        cdef Py_ssize_t index, block = -1
        for index in range(self.count):
            if (block + 1 < self.block_count
                    and _get(self.block_firsts, block + 1, self.wide) == index):
                block += 1
            _put(numbers, index, block, self.wide)
        return numbers

    def __len__(self):
        return self.count

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple([self.line(number) for number in range(*index.indices(self.count))])
        return self.line(checked_index(index, self.count))

    def __iter__(self):
        cdef Py_ssize_t number
        for number in range(self.count):
            yield self.line(number)

    def __reversed__(self):
        cdef Py_ssize_t number
        for number in range(self.count - 1, -1, -1):
            yield self.line(number)

    def __eq__(self, other):
        if not isinstance(other, LineTable):
            return NotImplemented
        return self.text == (<LineTable>other).text

    def __hash__(self):
        return hash(self.text)

    def __reduce__(self):
        return LineTable, (self.text, self.wide)

    def __repr__(self):
        return f"LineTable({self.count} lines)"

    cpdef Line line(self, Py_ssize_t index):
        """Line ``index`` (0 <= index < len(self)), built from the arrays."""
        cdef Line line = Line.__new__(Line)  # (the fields set here: no argument parsing)
        line.index, line.start, line.end = index, line_start(self, index), line_end(self, index)
        line.text = self._text(index)
        line.block, line.gap_before = line_block(self, index), self.breaks_before(index)
        return line

    cpdef str line_text(self, Py_ssize_t index):
        """``self[index].text`` without building the line (negative from the end)."""
        return self._text(checked_index(index, self.count))

    cdef str _text(self, Py_ssize_t index):
        """Line ``index``'s text, indentation left out (0 <= index < len(self))."""
        return self.text[text_start(self, index):line_end(self, index)]

    cpdef Py_ssize_t breaks_before(self, Py_ssize_t index):
        """Line breaks between line ``index`` and the previous line (the text's start)."""
        cdef Py_ssize_t position = line_end(self, index - 1) if index else 0
        cdef Py_ssize_t start = line_start(self, index), count = 0
        cdef int kind = PyUnicode_KIND(self.text)
        cdef void *data = PyUnicode_DATA(self.text)
        while position < start:  # (a gap is short: a loop costs less than str.count's call)
            count += PyUnicode_READ(kind, data, position) == u"\n"
            position += 1
        return count

    cpdef Gap gap(self, Py_ssize_t index):
        """The gap after line ``index`` (0 <= index < len(self) - 1)."""
        return Gap(line_end(self, index), line_start(self, index + 1),
                   self.breaks_before(index + 1), index)

    def joined(self, Py_ssize_t max_chars=-1):
        """The lines' texts joined by newlines, those longer than ``max_chars`` (when not
        negative) left empty; and where each line starts in it (one entry more: where a next
        line would). What ``prefilter.FoldedLines`` searches, without a list of the texts.

        >>> text, starts = LineTable("  Home\\n\\nA longer line\\nEnd").joined(4)
        >>> text, list(starts)
        ('Home\\n\\nEnd', [0, 5, 6, 10])
        """
        return self._join(None, self.count, max_chars)

    def joined_lines(self, numbers):
        """The texts of the lines ``numbers`` (indexes, each in range) joined by newlines,
        and where each starts in it (one entry more: where a next line would): what
        ``prefilter.FoldedLines`` searches for some of the lines, without a list of them.

        >>> text, starts = LineTable("  Home\\n\\nA longer line\\nEnd").joined_lines([1, 2])
        >>> text, list(starts)
        ('A longer line\\nEnd', [0, 14, 18])
        """
        cdef list indexes = [checked_index(index, self.count) for index in numbers]
        return self._join(indexes, len(indexes), -1)

    cdef tuple _join(self, list indexes, Py_ssize_t count, Py_ssize_t max_chars):
        """:meth:`joined` of the lines ``indexes`` (None: every line; ``count`` of them)."""
        cdef array starts = clone(self.starts, count + 1, False)  # (the table's offset type)
        cdef Py_ssize_t number, index, first, position = 0
        cdef Py_UCS4 widest = 0, ceiling = PyUnicode_MAX_CHAR_VALUE(self.text)
        _put(starts, 0, 0, self.wide)
        for number in range(count):  # first where each line starts, the widest character
            index = number if indexes is None else <Py_ssize_t>indexes[number]
            first = self._shown_from(index, max_chars)
            position += line_end(self, index) - first + 1
            _put(starts, number + 1, position, self.wide)
            if widest < ceiling:  # (once a line reaches the text's class, no other can pass it)
                widest = max(widest, self._widest(first, line_end(self, index)))
        cdef str text = PyUnicode_New(max(position - 1, 0), widest)
        for number in range(count):  # then the text
            index = number if indexes is None else <Py_ssize_t>indexes[number]
            first = self._shown_from(index, max_chars)
            if number:
                PyUnicode_WriteChar(text, _get(starts, number, self.wide) - 1, u"\n")
            _copy(text, _get(starts, number, self.wide), self.text, first,
                  line_end(self, index) - first)
        return text, starts

    cdef Py_ssize_t _shown_from(self, Py_ssize_t index, Py_ssize_t max_chars):
        """Where line ``index``'s text starts (its end when it is over ``max_chars``)."""
        cdef Py_ssize_t first = text_start(self, index)
        cdef Py_ssize_t end = line_end(self, index)
        return end if 0 <= max_chars < end - first else first

    def kept_text(self, const unsigned char[:] removed):
        """The lines not removed, joined: one newline inside a block, a blank line between
        blocks. ``removed`` holds a flag per engine unit (line ``k`` is unit ``2k``; a
        ``bytearray``): line ``k`` goes when ``removed[2 * k]`` is set.

        The text is written into one string of the right size and kind: no list of pieces.

        >>> LineTable("Home\\nTitle\\n\\n\\n  Body.\\nEnd").kept_text(b"\\1\\0\\0\\0\\0\\0\\1")
        'Title\\n\\n  Body.'
        >>> LineTable("Café\\nTea").kept_text(b"\\1\\0\\0"), LineTable("Café").kept_text(b"\\1")
        ('Tea', '')
        """
        if len(removed) < 2 * self.count - 1:
            raise ValueError(f"{len(removed)} unit flags for {self.count} lines")
        cdef Py_ssize_t index, size = 0, previous_block = -1
        cdef Py_UCS4 widest = 0, ceiling = PyUnicode_MAX_CHAR_VALUE(self.text)
        for index in range(self.count):  # first the size and the widest character
            if not removed[2 * index]:
                size += self._kept_size(index, previous_block)
                if widest < ceiling:
                    widest = max(widest, self._widest(line_start(self, index),
                                                      line_end(self, index)))
                previous_block = line_block(self, index)
        cdef str kept = PyUnicode_New(size, widest)
        cdef Py_ssize_t at = 0
        previous_block = -1
        for index in range(self.count):  # then the text
            if not removed[2 * index]:
                at = self._write(kept, at, index, previous_block)
                previous_block = line_block(self, index)
        return kept

    cdef Py_ssize_t _kept_size(self, Py_ssize_t index, Py_ssize_t previous_block):
        """Characters line ``index`` adds to the kept text: its separator, then itself."""
        cdef Py_ssize_t start = line_start(self, index)
        cdef Py_ssize_t size = line_end(self, index) - start
        if previous_block < 0:
            return size
        return size + (1 if line_block(self, index) == previous_block else 2)

    cdef Py_UCS4 _widest(self, Py_ssize_t start, Py_ssize_t end):
        """The width class of ``text[start:end]``: 127, 255, 65535 or 0x10FFFF, the largest
        code point of the class (ASCII, Latin-1, the BMP, beyond) that holds its largest
        code point. ``PyUnicode_New`` chooses a string's kind by that class alone.

        The characters are OR-ed together, at the text's width (no read through the kind's
        switch): the result reaches a class's bit when one character does."""
        cdef Py_UCS4 ceiling = PyUnicode_MAX_CHAR_VALUE(self.text)
        if ceiling <= 127:
            return 127
        cdef int kind = PyUnicode_KIND(self.text)
        cdef void *data = PyUnicode_DATA(self.text)
        cdef unsigned int bits = 0  # (not a Py_UCS4: Cython ORs those as strings)
        cdef Py_ssize_t position
        if kind == PyUnicode_1BYTE_KIND:
            for position in range(start, end):
                bits |= (<const unsigned char *>data)[position]
        elif kind == PyUnicode_2BYTE_KIND:
            for position in range(start, end):
                bits |= (<const unsigned short *>data)[position]
        else:
            for position in range(start, end):
                bits |= (<const unsigned int *>data)[position]  # (UCS4: 32 bits)
        return width_class(bits)

    cdef Py_ssize_t _write(self, str kept, Py_ssize_t at, Py_ssize_t index,
                           Py_ssize_t previous_block):
        """Write line ``index`` and its separator into ``kept`` at ``at``; where it ends."""
        cdef Py_ssize_t start = line_start(self, index)
        cdef Py_ssize_t size = line_end(self, index) - start
        if previous_block >= 0:
            PyUnicode_WriteChar(kept, at, u"\n")
            at += 1
            if line_block(self, index) != previous_block:
                PyUnicode_WriteChar(kept, at, u"\n")
                at += 1
        _copy(kept, at, self.text, start, size)
        return at + size

    def sentence_ends(self):
        """Whether each line ends like a sentence (:class:`Flags`, a byte a line): its
        last four characters, without the closing quotes and brackets at their end, end in
        a stop (``cleantext.text.page.SENTENCE_END``).

        >>> tuple(LineTable("He said: “Yes.”\\nHome | News\\nWhy?)\\n»").sentence_ends())
        (True, False, True, False)
        """
        cdef bytearray ends = bytearray(self.count)
        cdef unsigned char[:] flags = ends
        cdef Py_ssize_t index, first, end
        for index in range(self.count):
            end = line_end(self, index)
            first = max(end - 4, line_start(self, index))
            while end > first and is_closer(self.text[end - 1]):
                end -= 1
            flags[index] = end > first and is_stop(self.text[end - 1])
        return Flags(bytes(ends))

    @property
    def gaps(self):
        """The gaps between the lines, as a sequence of :class:`Gap` built on demand."""
        return Gaps(self)


@cython.final
cdef class Gaps:
    """The gaps of a :class:`LineTable`, built on demand (one fewer than its lines)."""

    cdef readonly LineTable table

    def __init__(self, LineTable table):
        self.table = table

    def __len__(self):
        return max(self.table.count - 1, 0)

    def __getitem__(self, index):
        cdef Py_ssize_t count = max(self.table.count - 1, 0)
        if isinstance(index, slice):
            return tuple([self.table.gap(number) for number in range(*index.indices(count))])
        return self.table.gap(checked_index(index, count))

    def __iter__(self):
        cdef Py_ssize_t number
        for number in range(self.table.count - 1):
            yield self.table.gap(number)


@cython.final
cdef class Flags:
    """A sequence of booleans kept a byte each (a tuple of bools costs 8 bytes an entry):
    ``values[k]`` is 1 where entry ``k`` is true.

    >>> flags = Flags(b"\\1\\0\\1")
    >>> flags[0], flags[-2], list(flags), flags[1:], flags
    (True, False, [True, False, True], (False, True), Flags((True, False, True)))
    >>> flags.select([2, 1]) == Flags(b"\\1\\0")
    True
    """

    def __init__(self, bytes values):
        self.values = values

    def __len__(self):
        return len(self.values)

    def __getitem__(self, index):
        cdef Py_ssize_t count = len(self.values)
        if isinstance(index, slice):
            return tuple([self.values[number] != 0 for number in range(*index.indices(count))])
        return self.values[checked_index(index, count)] != 0

    def __iter__(self):
        cdef unsigned char value
        for value in self.values:
            yield value != 0

    def __eq__(self, other):
        if not isinstance(other, Flags):
            return NotImplemented
        return self.values == (<Flags>other).values

    def __hash__(self):
        return hash(self.values)

    def __reduce__(self):
        return Flags, (self.values,)

    def __repr__(self):
        return f"Flags({tuple(self)!r})"

    def select(self, kept):
        """The entries ``kept`` (indexes, in order)."""
        cdef bytearray chosen = bytearray(len(kept))
        cdef Py_ssize_t place = 0, index
        for index in kept:
            chosen[place] = self.values[checked_index(index, len(self.values))]
            place += 1
        return Flags(bytes(chosen))


Sequence.register(LineTable)
Sequence.register(Gaps)
Sequence.register(Flags)
