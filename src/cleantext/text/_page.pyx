"""The compiled kernel of :mod:`cleantext.text.page`: page facts read from the line arrays.

:func:`gap_newlines` counts the line breaks of every gap in place, without building a
:class:`~cleantext.text._lines.Gap` per gap; :func:`body_core` finds the densest run of
prose from the per-line word counts and sentence ends, with the same arithmetic as
the plain definition (``tests/test_page_kernel.py`` compares them); :func:`same_lines`
compares the lines of two tables in place; :func:`usual_separator` and :func:`gaps_wider`
read the gaps' line breaks (the page's separator, ad_gap's wide gaps).
"""

from cpython.array cimport array, clone

from array import array as _new_array

from cpython.unicode cimport PyUnicode_DATA, PyUnicode_KIND, PyUnicode_READ
from libc.string cimport memcmp

from cleantext.text._lines cimport (
    Flags, LineTable, checked_index, line_end, line_start, text_start,
)

DEF MIN_PROSE_WORDS = 10  # ``cleantext.text.page.counts_as_prose``'s default
DEF LONG_LINE_WORDS = 25  # a long line without a sentence end weighs half its words
DEF OTHER_WEIGHT = -3.0  # any other line


def gap_newlines(LineTable table):
    """The number of line breaks of each gap between the lines (an ``array('i')``, one
    entry fewer than the lines): ``table.gaps[k].newlines`` is entry ``k``.

    >>> from cleantext.text._lines import LineTable
    >>> list(gap_newlines(LineTable("One\\n\\nTwo\\nThree\\n\\n\\n\\nFour")))
    [2, 1, 4]
    """
    cdef Py_ssize_t count = max(len(table) - 1, 0), index, position, breaks
    cdef array newlines = clone(_new_array("i"), count, False)
    cdef str text = table.text
    for index in range(count):
        breaks = 0
        for position in range(line_end(table, index),
                              line_start(table, index + 1)):
            breaks += text[position] == u"\n"
        newlines.data.as_ints[index] = breaks
    return newlines


cdef inline double prose_weight(int words, bint ends_sentence) noexcept:
    """What a line adds to a run of prose (``cleantext.text.page._prose_weight``)."""
    if words >= MIN_PROSE_WORDS and ends_sentence:
        return <double>words
    if words >= LONG_LINE_WORDS:
        return words / 2.0
    return OTHER_WEIGHT


def body_core(array words, Flags ends):
    """First and last line index of the best-scoring run of lines (Kadane's maximum
    subarray), each line weighing :func:`prose_weight` of its word count ``words[k]``
    and its sentence end ``ends[k]``; ``(0, -1)`` when no run scores above zero.

    >>> from cleantext.text._lines import Flags
    >>> body_core(_new_array("i", [2, 12, 30, 1, 11]), Flags(bytes([0, 1, 0, 0, 1])))
    (1, 4)
    >>> body_core(_new_array("i", [2, 3]), Flags(bytes([1, 1])))
    (0, -1)
    """
    cdef double best = 0.0, running = 0.0
    cdef Py_ssize_t index, run_start = 0, first = 0, last = -1
    cdef const unsigned char[:] ends_here = ends.values
    if len(words) != len(ends_here):
        raise ValueError("one sentence end per line")
    for index in range(len(words)):
        running += prose_weight(words.data.as_ints[index], ends_here[index] != 0)
        if running <= 0:
            running, run_start = 0.0, index + 1
        elif running > best:
            best, first, last = running, run_start, index
    return first, last


cdef bint _same_line(LineTable table, Py_ssize_t index, LineTable other, Py_ssize_t number):
    """Whether line ``index`` of ``table`` has the text of line ``number`` of ``other``: one
    ``memcmp`` when both texts store characters at the same width, else character by
    character."""
    cdef Py_ssize_t first = text_start(table, index), size = line_end(table, index) - first
    cdef Py_ssize_t other_first = text_start(other, number), offset
    cdef int kind = PyUnicode_KIND(table.text), other_kind = PyUnicode_KIND(other.text)
    cdef const char *data = <const char *>PyUnicode_DATA(table.text)
    cdef const char *other_data = <const char *>PyUnicode_DATA(other.text)
    if line_end(other, number) - other_first != size:
        return False
    if kind == other_kind:
        return memcmp(data + first * kind, other_data + other_first * kind, size * kind) == 0
    for offset in range(size):
        if (PyUnicode_READ(kind, data, first + offset)
                != PyUnicode_READ(other_kind, other_data, other_first + offset)):
            return False
    return True


def same_lines(LineTable lines, LineTable source, kept):
    """Whether the lines of ``lines`` are the lines ``kept`` of ``source`` (their indexes,
    in order), text for text: what comparing ``[line.text for line in lines]`` with
    ``[source[i].text for i in kept]`` says, read in place (no line is built).

    >>> from cleantext.text._lines import LineTable
    >>> source = LineTable("Home\\n  Title\\n\\nBody.")
    >>> same_lines(LineTable("Title\\nBody."), source, [1, 2])
    True
    >>> same_lines(LineTable("Title"), source, [0]), same_lines(LineTable("Title"), source, [])
    (False, False)
    """
    cdef Py_ssize_t index, count = len(lines), total = len(source)
    if len(kept) != count:
        return False
    for index in range(count):
        if not _same_line(lines, index, source, checked_index(kept[index], total)):
            return False
    return True


def selected_counts(const int[:] counts, kept):
    """The entries ``kept`` (indexes, each in range) of ``counts``, an ``array('i')``:
    ``array("i", [counts[i] for i in kept])`` without a Python int per entry.

    >>> from array import array
    >>> list(selected_counts(array("i", [4, 0, 7, 2]), [0, 2, 3]))
    [4, 7, 2]
    """
    cdef Py_ssize_t index, count = len(kept), total = counts.shape[0]
    cdef array chosen = clone(_new_array("i"), count, False)
    for index in range(count):
        chosen.data.as_ints[index] = counts[checked_index(kept[index], total)]
    return chosen


DEF SMALL_GAP = 256  # gaps with fewer line breaks are counted in a table, the rest in a dict


def usual_separator(const int[:] newlines):
    """The most frequent entry of ``newlines`` (the line breaks of each gap) among those of
    2 or more, the smallest on a tie; 1 when there is none: the page's usual number of line
    breaks between blocks.

    >>> from array import array
    >>> usual_separator(array("i", [2, 1, 3, 3, 2, 1, 1])), usual_separator(array("i", [1]))
    (2, 1)
    """
    cdef long long small[SMALL_GAP]
    cdef dict large = {}
    cdef Py_ssize_t index, value
    cdef long long best_count = 0, count
    cdef Py_ssize_t best = 1
    for value in range(SMALL_GAP):
        small[value] = 0
    for index in range(newlines.shape[0]):
        value = newlines[index]
        if value < 2:
            continue
        if value < SMALL_GAP:
            small[value] += 1
        else:
            large[value] = large.get(value, 0) + 1
    for value in range(2, SMALL_GAP):  # ascending, so the smallest wins a tie
        if small[value] > best_count:
            best_count, best = small[value], value
    for value in sorted(large):
        count = large[value]
        if count > best_count:
            best_count, best = count, value
    return best


def gaps_wider(const int[:] newlines, long long width):
    """The numbers of the gaps with ``width`` line breaks or more (an ``array('i')``, in
    order): ``[k for k, n in enumerate(newlines) if n >= width]``.

    >>> from array import array
    >>> list(gaps_wider(array("i", [2, 5, 1, 4]), 4))
    [1, 3]
    """
    cdef Py_ssize_t index, count = 0, size = newlines.shape[0]
    for index in range(size):
        count += newlines[index] >= width
    cdef array found = clone(_new_array("i"), count, False)
    count = 0
    for index in range(size):
        if newlines[index] >= width:
            found.data.as_ints[count] = <int>index
            count += 1
    return found
