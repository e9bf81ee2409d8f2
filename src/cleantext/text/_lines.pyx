"""The compiled kernel of :meth:`cleantext.text.page.Page.from_text`: a text's non-blank lines.

One pass over the text's code points, in C: no regex, no string per line. A line runs
from the character after a newline (or the text's start) to its last non-space
character; a space is what ``str.isspace`` says (``str.strip`` removes the same ones).
"""

from cpython.array cimport array, resize_smart

from array import array as _new_array


cdef inline void _push(array values, Py_ssize_t count, long long value):
    """Set ``values[count]``, growing ``values`` (amortised) when it is full."""
    if count >= len(values):
        resize_smart(values, count + 1)
    values.data.as_longlongs[count] = value


def split_lines(str text):
    """The non-blank lines of ``text`` as four arrays of 64-bit offsets, one entry per line:
    ``starts`` (after the previous newline), ``firsts`` (the first non-space character),
    ``ends`` (after the last non-space character) and ``breaks`` (newlines since the
    previous line's end, or since the text's start for the first line).

    >>> [list(values) for values in split_lines("\\n  Title \\n\\n\\nBody.")]
    [[1, 12], [3, 12], [8, 17], [1, 3]]
    """
    cdef array starts = _new_array("q"), firsts = _new_array("q")
    cdef array ends = _new_array("q"), breaks = _new_array("q")
    cdef Py_ssize_t length = len(text), position = 0, start, first, last
    cdef Py_ssize_t count = 0, newlines = 0
    cdef Py_UCS4 char
    while position < length:
        start, first, last = position, -1, -1
        while position < length:  # one raw line, up to its newline
            char = text[position]
            if char == u"\n":
                break
            if not char.isspace():
                if first < 0:
                    first = position
                last = position
            position += 1
        if first >= 0:
            _push(starts, count, start)
            _push(firsts, count, first)
            _push(ends, count, last + 1)
            _push(breaks, count, newlines)
            count += 1
            newlines = 0
        if position < length:  # the newline itself
            newlines += 1
            position += 1
    for values in (starts, firsts, ends, breaks):
        resize_smart(values, count)
    return starts, firsts, ends, breaks
