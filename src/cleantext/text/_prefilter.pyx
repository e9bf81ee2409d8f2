"""The compiled kernel of :mod:`cleantext.text.prefilter`: which lines hold a word, in one pass.

The detectors' pre-filters look for a few dozen words (case-folded) in the
newline-joined text of a page's short lines. One ``str.find`` per word scans the whole
text once per word; :func:`lines_holding` scans it once for all of them: at each
character that starts one of the words, it compares those words in place.

:func:`lines_leading_with` does the same only where a line's first letter or digit
stands (the marks before it skipped), for the rules anchored at a line's start, and
:func:`longer_lines` finds the lines of a :class:`~cleantext.text._lines.LineTable`
longer than a limit without building them.
"""

cimport cython
from cpython.array cimport array
from cpython.unicode cimport (
    PyUnicode_1BYTE_KIND, PyUnicode_DATA, PyUnicode_KIND, PyUnicode_READ
)
from libc.string cimport memchr, memset

from array import array as _new_array
from itertools import accumulate

from cleantext.text._lines cimport LineTable, line_start, line_end

DEF ASCII = 128
DEF COMBINING_DOT = 0x307  # ``İ`` case-folds to ``i`` and this
DEF NEWLINE = 10


cdef struct Text:  # a string's code points, read in place
    int kind
    void *data
    Py_ssize_t length


cdef inline Text text_of(str text) noexcept:
    cdef Text found
    found.kind, found.data, found.length = PyUnicode_KIND(text), PyUnicode_DATA(text), len(text)
    return found


cdef inline Py_UCS4 char_at(Text text, Py_ssize_t position) noexcept:
    return PyUnicode_READ(text.kind, text.data, position)


cdef inline Py_ssize_t next_line(Text text, Py_ssize_t position) noexcept:
    """The position after the newline that ends the line at ``position`` (or the length)."""
    cdef const char *found
    if text.kind == PyUnicode_1BYTE_KIND:  # a byte per character: the C library finds it
        found = <const char *>memchr(<const char *>text.data + position, NEWLINE,
                                     text.length - position)
        return text.length + 1 if found == NULL else found - <const char *>text.data + 1
    while position < text.length and char_at(text, position) != NEWLINE:
        position += 1
    return position + 1


@cython.final
cdef class Words:
    """Words to find, grouped by their first character, compared in place: build it once
    for words that are looked for on every page (the scans take words or a ``Words``).

    ``chars`` holds the words one after another (sorted), ``offsets[k]`` and
    ``sizes[k]`` place word ``k`` in it. The words starting with ASCII character ``c``
    are ``first[c]`` to ``first[c] + count[c] - 1``, and ``pairs[c][d]`` says whether
    one of them goes on with ASCII ``d`` (``wild[c]``: one goes on with another
    character or ends there), so that most positions are passed over after two table
    reads. The groups of the other first characters are ``other_chars``,
    ``other_first`` and ``other_count`` (few on any list). ``stops[c]`` marks the
    characters below 256 where a scan must stop: the newline, and first characters.
    """

    cdef str joined
    cdef Text chars
    cdef array offsets, sizes, other_chars, other_first, other_count
    cdef Py_ssize_t first[ASCII]
    cdef Py_ssize_t count[ASCII]
    cdef unsigned char pairs[ASCII][ASCII]
    cdef unsigned char wild[ASCII]
    cdef unsigned char stops[256]

    def __init__(self, words):
        cdef list ordered = sorted(set(words) - {""})
        self.joined = "".join(ordered)
        self.chars = text_of(self.joined)
        self.sizes = _new_array("q", [len(word) for word in ordered])
        self.offsets = _new_array("q", accumulate(self.sizes, initial=0))
        self.other_chars, self.other_first, self.other_count = (
            _new_array("I"), _new_array("q"), _new_array("q"))
        memset(self.first, 0, sizeof(self.first))
        memset(self.count, 0, sizeof(self.count))
        memset(self.pairs, 0, sizeof(self.pairs))
        memset(self.wild, 0, sizeof(self.wild))
        memset(self.stops, 0, sizeof(self.stops))
        self.stops[NEWLINE] = 1
        cdef Py_ssize_t number
        for number in range(len(ordered)):
            self._group(number)

    cdef void _group(self, Py_ssize_t number):
        """Count word ``number`` (sorted: its group's words are adjacent) in its group."""
        cdef Py_ssize_t offset = self.offsets.data.as_longlongs[number]
        cdef Py_ssize_t size = self.sizes.data.as_longlongs[number]
        cdef Py_UCS4 code = char_at(self.chars, offset)
        cdef Py_UCS4 second = char_at(self.chars, offset + 1) if size > 1 else ASCII
        cdef Py_ssize_t groups = len(self.other_chars)
        if code < 256:
            self.stops[code] = 1
        if code < ASCII:
            if not self.count[code]:
                self.first[code] = number
            self.count[code] += 1
            if second < ASCII:
                self.pairs[code][second] = 1
            else:
                self.wild[code] = 1
        elif groups and self.other_chars.data.as_uints[groups - 1] == code:
            self.other_count.data.as_longlongs[groups - 1] += 1
        else:
            self.other_chars.append(<Py_ssize_t>code)
            self.other_first.append(number)
            self.other_count.append(1)

    cdef inline Py_ssize_t skip(self, Text text, Py_ssize_t position) noexcept:
        """The first position from ``position`` on that holds a newline or a character
        that may start a word (the text's length when none does)."""
        cdef const unsigned char *latin
        cdef Py_UCS4 char
        if text.kind == PyUnicode_1BYTE_KIND:
            latin = <const unsigned char *>text.data
            while position < text.length:
                char = latin[position]
                if self.stops[char] and (
                        char >= ASCII or char == NEWLINE or self.wild[char]
                        or position + 1 >= text.length or latin[position + 1] >= ASCII
                        or self.pairs[char][latin[position + 1]]):
                    return position  # (the checks of :meth:`maybe`, on the bytes)
                position += 1
            return position
        while position < text.length:
            char = char_at(text, position)
            if char >= 256 or self.stops[char]:
                return position
            position += 1
        return position

    cdef inline bint maybe(self, Text text, Py_ssize_t position, Py_UCS4 char) noexcept:
        """False when no word can start at ``position`` (``char``), by the tables alone."""
        if char >= ASCII:
            return True
        if not self.count[char]:
            return False
        if self.wild[char] or position + 1 >= text.length:
            return True
        cdef Py_UCS4 second = char_at(text, position + 1)
        return second >= ASCII or self.pairs[char][second]

    cdef bint at(self, Text text, Py_ssize_t position, Py_UCS4 char) noexcept:
        """True when one of the words starts at ``position`` (its character ``char``)."""
        cdef Py_ssize_t number = 0, stop = 0, group
        if char < ASCII:
            number, stop = self.first[char], self.first[char] + self.count[char]
        else:
            for group in range(len(self.other_chars)):
                if self.other_chars.data.as_uints[group] == char:
                    number = self.other_first.data.as_longlongs[group]
                    stop = number + self.other_count.data.as_longlongs[group]
                    break
        while number < stop:
            if self._same(text, position, number):
                return True
            number += 1
        return False

    cdef inline bint _same(self, Text text, Py_ssize_t position, Py_ssize_t number) noexcept:
        """True when word ``number`` starts at ``position`` (it holds no newline, so it
        never runs into the next line).

        An ``i`` of the text followed by U+0307 (what ``İ`` folds to) stands for ``i``
        alone, as ``regex.IGNORECASE`` equates ``İ`` with ``i``.
        """
        cdef Py_ssize_t offset = self.offsets.data.as_longlongs[number]
        cdef Py_ssize_t size = self.sizes.data.as_longlongs[number], k
        cdef Py_UCS4 char
        for k in range(size):
            if position >= text.length:
                return False
            char = char_at(text, position)
            if char != char_at(self.chars, offset + k):
                return False
            position += 1
            if char == u"i" and position < text.length and char_at(text, position) == COMBINING_DOT:
                position += 1
        return True


def lines_holding(str text, words):
    """The numbers of the lines of ``text`` (split at ``\\n``) that hold one of ``words``.

    >>> lines_holding("leave a comment\\nthe text.\\nreplies\\n\\nno", ("comment", "repl", "z"))
    [0, 2]
    >>> lines_holding("ça va\\nжили-были\\nok\\n©", ("были", "ça", "©", ""))
    [0, 1, 3]
    >>> lines_holding("Dİscussion".casefold(), ("discussion",))  # (``İ`` folds to two)
    [0]
    """
    cdef Words found = words if isinstance(words, Words) else Words(words)
    cdef Text scanned = text_of(text)
    cdef list numbers = []
    cdef Py_ssize_t position = 0, line = 0
    cdef Py_UCS4 char
    while position < scanned.length:
        position = found.skip(scanned, position)
        if position >= scanned.length:
            break
        char = char_at(scanned, position)
        if char == NEWLINE:
            line += 1
        elif found.maybe(scanned, position, char) and found.at(scanned, position, char):
            numbers.append(line)  # one hit is enough: on to the next line
            position = next_line(scanned, position)
            line += 1
            continue
        position += 1
    return numbers


def lines_leading_with(str text, words):
    """The numbers of the lines of ``text`` (split at ``\\n``) whose first letter or digit
    starts one of ``words``: what ``^(?:[^\\w\\n]|_)*+(?:words)`` can match, and more (the
    marks skipped are those that are neither a letter nor a decimal digit for
    ``str.isalpha`` and ``str.isdecimal``; ``\\w`` holds a few more, such as ``½``, that
    cannot start a word).

    >>> lines_leading_with("• read more\\nalready read\\n[read on]\\n½ read\\n_read", ("read",))
    [0, 2, 3, 4]
    """
    return _lines_starting(text, words if isinstance(words, Words) else Words(words), True)


def lines_opening_with(str text, words):
    """The numbers of the lines of ``text`` (split at ``\\n``) that start with one of ``words``.

    >>> lines_opening_with("• read more\\nread on\\n\\n-\\n", ("read", "•", "-"))
    [0, 1, 3]
    """
    return _lines_starting(text, words if isinstance(words, Words) else Words(words), False)


cdef list _lines_starting(str text, Words found, bint skip_marks):
    """The numbers of the lines that start with one of ``found``'s words, after the marks
    that are neither a letter nor a decimal digit when ``skip_marks``."""
    cdef Text scanned = text_of(text)
    cdef list numbers = []
    cdef Py_ssize_t position = 0, line = 0
    cdef Py_UCS4 char
    while position < scanned.length:
        char = char_at(scanned, position)
        if char == NEWLINE:
            line += 1
            position += 1
            continue
        if not skip_marks or char.isalpha() or char.isdecimal():
            if found.maybe(scanned, position, char) and found.at(scanned, position, char):
                numbers.append(line)
            position = next_line(scanned, position)  # only the line's first word counts
            line += 1
            continue
        position += 1
    return numbers


def longer_lines(LineTable table, Py_ssize_t limit):
    """The indexes of the lines of ``table`` whose text (indentation stripped) is longer
    than ``limit`` characters.

    >>> from cleantext.text._lines import LineTable
    >>> longer_lines(LineTable("short\\n    four\\nlonger one"), 4)
    [0, 2]
    """
    cdef str text = table.text
    cdef list numbers = []
    cdef Py_ssize_t index, first, end
    for index in range(table.count):
        first = line_start(table, index)
        end = line_end(table, index)
        if end - first <= limit:
            continue  # (the indentation only makes the line shorter)
        while text[first].isspace():
            first += 1
        if end - first > limit:
            numbers.append(index)
    return numbers
