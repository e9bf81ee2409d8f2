# The C-level declarations of ``_lines.pyx``, shared with the other kernels (``_words.pyx``).
cimport cython
from cpython.array cimport array
from cpython.unicode cimport (
    Py_UNICODE_ISSPACE, PyUnicode_1BYTE_KIND, PyUnicode_DATA, PyUnicode_KIND, PyUnicode_READ,
)
from libc.string cimport memchr


@cython.final
@cython.no_gc
cdef class Line:
    cdef readonly Py_ssize_t index, start, end, block, gap_before
    cdef readonly str text


@cython.final
@cython.no_gc
cdef class Gap:
    cdef readonly Py_ssize_t start, end, newlines, after


@cython.final
cdef class LineTable:
    cdef readonly str text
    cdef readonly array starts, ends, block_firsts
    cdef readonly bint wide
    cdef Py_ssize_t count, block_count
    cdef void _split(self)
    cpdef Line line(self, Py_ssize_t index)
    cpdef str line_text(self, Py_ssize_t index)
    cdef str _text(self, Py_ssize_t index)
    cpdef Py_ssize_t breaks_before(self, Py_ssize_t index)
    cpdef Gap gap(self, Py_ssize_t index)
    cdef Py_ssize_t _kept_size(self, Py_ssize_t index, Py_ssize_t previous_block)
    cdef Py_UCS4 _widest(self, Py_ssize_t start, Py_ssize_t end)
    cdef Py_ssize_t _shown_from(self, Py_ssize_t index, Py_ssize_t max_chars)
    cdef tuple _join(self, list indexes, Py_ssize_t count, Py_ssize_t max_chars)
    cdef Py_ssize_t _write(self, str kept, Py_ssize_t at, Py_ssize_t index,
                           Py_ssize_t previous_block)


@cython.final
cdef class Flags:
    cdef readonly bytes values


cdef inline Py_ssize_t line_start(LineTable table, Py_ssize_t index) noexcept:
    """Where line ``index`` starts: the offsets are 32-bit unless the table is ``wide``
    (the one way every kernel reads them)."""
    if table.wide:
        return table.starts.data.as_longlongs[index]
    return table.starts.data.as_ints[index]


cdef inline Py_ssize_t line_end(LineTable table, Py_ssize_t index) noexcept:
    """Where line ``index`` ends (see :func:`line_start`)."""
    if table.wide:
        return table.ends.data.as_longlongs[index]
    return table.ends.data.as_ints[index]


cdef inline Py_ssize_t text_start(LineTable table, Py_ssize_t index) noexcept:
    """Where line ``index``'s text starts: after its indentation (a line holds a character
    that is not a space, as ``str.isspace`` says; the one way every kernel skips it)."""
    cdef Py_ssize_t first = line_start(table, index)
    cdef int kind = PyUnicode_KIND(table.text)
    cdef void *data = PyUnicode_DATA(table.text)
    while Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, first)):
        first += 1
    return first


cdef inline Py_ssize_t line_block(LineTable table, Py_ssize_t index) noexcept:
    """The block number of line ``index``: a binary search of ``block_firsts``, which
    holds the first line of each block (an entry a block, not a line: one in all for
    a page of one-word lines)."""
    cdef Py_ssize_t low = 1, high = table.block_count, middle, first
    while low < high:
        middle = (low + high) // 2
        if table.wide:
            first = table.block_firsts.data.as_longlongs[middle]
        else:
            first = table.block_firsts.data.as_ints[middle]
        if first <= index:
            low = middle + 1
        else:
            high = middle
    return low - 1


cdef inline bint is_bullet_char(Py_UCS4 char):
    """A character a list-item marker starts with: ``cleantext.text.lexicon.BULLET_CHARS``
    (one definition for every kernel; ``tests/test_kernels.py`` checks they agree)."""
    return char in u"•·*-–—▪►‣◦○●■□→»›+"


cdef inline Py_ssize_t checked_index(Py_ssize_t index, Py_ssize_t count) except -1:
    """``index`` into a sequence of ``count`` items, negative from the end, or IndexError
    (one check for every kernel's sequence type)."""
    if index < 0:
        index += count
    if not 0 <= index < count:
        raise IndexError("index out of range")
    return index


cdef inline Py_ssize_t newline_from(int kind, const void *data, Py_ssize_t position,
                                    Py_ssize_t length) noexcept:
    """Where the first newline at or after ``position`` stands in a string's characters
    (``kind``, ``data``, ``length``), or ``length`` when none does (the one way every
    kernel finds a line's end)."""
    cdef const char *found
    if kind == PyUnicode_1BYTE_KIND:  # a byte per character: the C library finds it
        found = <const char *>memchr(<const char *>data + position, 10, length - position)
        return length if found == NULL else found - <const char *>data
    while position < length and PyUnicode_READ(kind, data, position) != u"\n":
        position += 1
    return position
