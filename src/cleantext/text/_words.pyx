"""The compiled kernel of :mod:`cleantext.text.words`: every line's words and tokens in one pass.

The kernel reads each line of a :class:`~cleantext.text._lines.LineTable` in place (no
string per line). It decides by itself the characters whose classes it knows for
certain (below U+0300, the Latin scripts, and a few common marks of punctuation,
see :func:`handled`); a line with any other character is handed to the plain
definition the caller passes (the regular expressions), so the result is always
exactly the plain one.
"""

cimport cython
from cpython.array cimport array, clone, resize, resize_smart
from cpython.list cimport PyList_GET_ITEM
from cpython.unicode cimport PyUnicode_1BYTE_KIND, PyUnicode_DATA, PyUnicode_KIND, PyUnicode_READ
from libc.stdint cimport uint64_t

from array import array as _new_array
from collections.abc import Sequence

from cleantext.text._lines cimport LineTable, checked_index, line_start, line_end

DEF LATIN_END = 0x300  # below it: no combining mark, and lower() maps one char to one (but U+0130)
DEF DOTTED_CAPITAL_I = 0x130  # lower() gives two characters
DEF CYRILLIC_START = 0x400  # the Cyrillic letters (and their supplement), lower() one to one,
DEF CYRILLIC_END = 0x530  # ...
DEF CYRILLIC_MARKS_START = 0x483  # ... but for these combining marks
DEF CYRILLIC_MARKS_END = 0x48A
DEF RIGHT_QUOTE = 0x2019  # a token may hold it (``don’t``)


cdef inline bint handled(Py_UCS4 char):
    """True for a character the kernel classes itself (the tests check these against the regex):
    the Latin scripts, Cyrillic without its combining marks, common quotes, dashes, arrows."""
    if char < LATIN_END:
        return char != DOTTED_CAPITAL_I
    if CYRILLIC_START <= char < CYRILLIC_END:
        return not CYRILLIC_MARKS_START <= char < CYRILLIC_MARKS_END
    return char in u"–—‘’‚“”„•…€‹›™←→↓►"


cdef inline bint is_word_char(Py_UCS4 char):
    """``\\w`` on a handled character."""
    return char.isalpha() or char.isdecimal() or char == u"_"


cdef inline bint starts_token(Py_UCS4 char):
    """``[\\p{L}\\p{N}+]`` on a handled character."""
    return char.isalpha() or char.isnumeric() or char == u"+"


cdef inline bint continues_token(Py_UCS4 char):
    """``[\\p{L}\\p{M}\\p{N}+'’.\\-]`` on a handled character."""
    return starts_token(char) or char in u"'.-" or char == RIGHT_QUOTE


DEF ASCII = 128
DEF WORD_CHAR = 1  # the classes of an ASCII character, as bits (see ``ascii_classes``)
DEF STARTS_TOKEN = 2
DEF CONTINUES_TOKEN = 4
DEF CHANGES_IN_LOWER = 8

cdef unsigned char ascii_classes[ASCII]


cdef void _class_ascii() noexcept:
    """Fill ``ascii_classes`` from the predicates themselves (once, at import): a table read
    costs less than the Unicode database's calls, with the very same answers."""
    cdef Py_UCS4 char
    for char in range(ASCII):
        ascii_classes[char] = (
            WORD_CHAR * is_word_char(char) + STARTS_TOKEN * starts_token(char)
            + CONTINUES_TOKEN * continues_token(char)
            + CHANGES_IN_LOWER * (char.isupper() or char.istitle()))


_class_ascii()

cdef Py_UCS4 lowered_table[CYRILLIC_END]


cdef void _fill_lowered() noexcept:
    """Fill ``lowered_table`` with each character's ``str.lower`` below ``CYRILLIC_END``
    (once, at import; one character each for the handled ones, all but U+0130, which the
    kernel does not handle). The other handled characters have no case."""
    cdef Py_UCS4 char
    for char in range(CYRILLIC_END):
        lowered_table[char] = ord(chr(char).lower()[0])


_fill_lowered()


cdef inline Py_UCS4 lowered(Py_UCS4 char) noexcept:
    """``char.lower()`` for a handled character."""
    return lowered_table[char] if char < CYRILLIC_END else char


cdef extern from *:
    """
    #define CLEANTEXT_FNV_START 14695981039346656037ULL
    #define CLEANTEXT_FNV_PRIME 1099511628211ULL
    """
    # A token's hash: FNV-1a over its code points, in C's unsigned 64-bit arithmetic.
    const uint64_t FNV_START "CLEANTEXT_FNV_START"
    const uint64_t FNV_PRIME "CLEANTEXT_FNV_PRIME"


cdef struct Span:
    # A token's characters as read from a string: ``length`` of them from ``start`` of
    # ``data`` (of width ``kind``), lowered or as they are.
    int kind
    void *data
    Py_ssize_t start, length
    bint lower


cdef inline Py_UCS4 span_char(Span span, Py_ssize_t index) noexcept:
    """Character ``index`` of ``span`` (lowered when it says so)."""
    cdef Py_UCS4 char = PyUnicode_READ(span.kind, span.data, span.start + index)
    return lowered(char) if span.lower else char


cdef uint64_t span_hash(Span span) noexcept:
    """The hash of ``span``'s characters (the same for the same characters, however read)."""
    cdef uint64_t found = FNV_START
    cdef Py_ssize_t index
    for index in range(span.length):
        found = (found ^ <uint64_t>span_char(span, index)) * FNV_PRIME
    return found


cdef bint span_is(Span span, str token) noexcept:
    """True when ``span``'s characters are ``token``'s."""
    if span.length != len(token):
        return False
    cdef int kind = PyUnicode_KIND(token)
    cdef void *data = PyUnicode_DATA(token)
    cdef Py_ssize_t index
    for index in range(span.length):
        if span_char(span, index) != PyUnicode_READ(kind, data, index):
            return False
    return True


cdef inline bint has_class(Py_UCS4 char, unsigned char bit) noexcept:
    """Whether the handled ``char`` is of class ``bit``: by the table below ASCII's end, by
    the predicates above it."""
    if char < ASCII:
        return ascii_classes[char] & bit
    if bit == WORD_CHAR:
        return is_word_char(char)
    if bit == STARTS_TOKEN:
        return starts_token(char)
    if bit == CONTINUES_TOKEN:
        return continues_token(char)
    return char.isupper() or char.istitle()


def is_handled(str char):
    """Whether the kernel classes ``char`` itself (for the tests).

    >>> is_handled("é"), is_handled("’"), is_handled("İ"), is_handled("ж"), is_handled("\u0483")
    (True, True, False, True, False)
    """
    return handled(char[0])


cdef bint all_handled(str text, Py_ssize_t first, Py_ssize_t end):
    """True when the kernel handles each of ``text[first:end]``: at once for a text of one
    byte a character (Latin-1, all handled)."""
    cdef int kind = PyUnicode_KIND(text)
    if kind == PyUnicode_1BYTE_KIND:
        return True
    cdef void *data = PyUnicode_DATA(text)
    cdef Py_ssize_t position
    for position in range(first, end):
        if not handled(PyUnicode_READ(kind, data, position)):
            return False
    return True


cdef bint is_number(str token) noexcept:
    """``token.isdigit()``: an ASCII character is a digit from 0 to 9 only (no table read)."""
    cdef int kind = PyUnicode_KIND(token)
    cdef void *data = PyUnicode_DATA(token)
    cdef Py_ssize_t position, length = len(token)
    cdef Py_UCS4 char
    for position in range(length):
        char = PyUnicode_READ(kind, data, position)
        if char < ASCII:
            if not u"0" <= char <= u"9":
                return False
        elif not char.isdigit():
            return False
    return length > 0


cdef inline Py_ssize_t first_of(str text, Py_ssize_t start):
    """The first non-space character of the line starting at ``start``."""
    while text[start].isspace():
        start += 1
    return start


def word_counts(LineTable table, plain):
    """Number of ``\\w+`` words on each line (an ``array('i')``); ``plain(text)`` counts those
    of a line with a character the kernel does not class.

    >>> from cleantext.text._lines import LineTable
    >>> table = LineTable("Home | News-room | 2024\\n• Café au lait\\n日本")
    >>> list(word_counts(table, lambda text: -1))  # (the plain definition: for the test)
    [4, 3, -1]
    """
    cdef str text = table.text
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef Py_ssize_t count = len(table), index, position, first, end, words
    cdef bint inside
    cdef array counts = clone(_new_array("i"), count, False)  # (exactly its size)
    for index in range(count):
        first = first_of(text, line_start(table, index))
        end = line_end(table, index)
        if not all_handled(text, first, end):
            counts.data.as_ints[index] = plain(text[first:end])
            continue
        words, inside = 0, False
        for position in range(first, end):
            if has_class(PyUnicode_READ(kind, data, position), WORD_CHAR):
                words += not inside
                inside = True
            else:
                inside = False
        counts.data.as_ints[index] = words
    return counts


@cython.final
cdef class LineTokens:
    """Lower-case word tokens of each line, stored once: a page's vocabulary and, per line,
    the positions of its tokens in it. ``tokens[index]`` is a tuple of strings; equal
    tokens are one string.

    >>> from cleantext.text._lines import LineTable
    >>> table = LineTable("- Read 'A.B.' -- e-mail us...\\n+ 1\\nThe cat, the hat.")
    >>> tokens = LineTokens(table, str.split)  # (the plain definition: for the test)
    >>> tokens[0], tokens[1], tokens[2], tokens[2][0] is tokens[2][2]
    (('read', "a.b.'", 'e-mail', 'us'), ('+', '1'), ('the', 'cat', 'the', 'hat'), True)
    >>> tokens[-1:]
    (('the', 'cat', 'the', 'hat'),)
    """

    cdef readonly list vocabulary
    cdef array ids, bounds  # token ids, line after line; where each line's ids start
    cdef bint wide  # the bounds are 64-bit (a text too long for 32-bit offsets), else 32-bit
    cdef array slots, hashes  # while building: the vocabulary's hash table (see ``_id_of``)

    def __init__(self, LineTable table, plain):
        """``plain(text)`` gives the tokens of a line the kernel leaves to the plain
        definition (any character it does not class, or a leading ``+``, which may be
        a list marker or a token)."""
        self.vocabulary = []
        self.slots, self.hashes = clone(_new_array("i"), 64, True), _new_array("Q")
        self.wide = table.wide
        self.ids, self.bounds = _new_array("i"), _new_array("q" if self.wide else "i", [0])
        cdef str text = table.text
        cdef Py_ssize_t index, first, end
        for index in range(len(table)):
            first = first_of(text, line_start(table, index))
            end = line_end(table, index)
            if text[first] == u"+" or not all_handled(text, first, end):
                for token in plain(text[first:end]):
                    self._add(token)
            else:
                self._scan(text, first, end)
            self._bound()
        self.slots = self.hashes = None  # (only needed while building)
        resize(self.ids, len(self.ids))  # (exactly their sizes: the growth's spare room goes)
        resize(self.bounds, len(self.bounds))

    cdef void _bound(self):
        """End the current line: the next line's ids start here."""
        cdef Py_ssize_t size = len(self.bounds)
        resize_smart(self.bounds, size + 1)
        if self.wide:
            self.bounds.data.as_longlongs[size] = len(self.ids)
        else:
            self.bounds.data.as_ints[size] = <int>len(self.ids)

    cdef inline Py_ssize_t _bound_at(self, Py_ssize_t index) noexcept:
        """Where line ``index``'s ids start (the end of the last line's, for ``len(self)``)."""
        if self.wide:
            return self.bounds.data.as_longlongs[index]
        return self.bounds.data.as_ints[index]

    cdef void _scan(self, str text, Py_ssize_t position, Py_ssize_t end):
        """Add the tokens of ``text[position:end]``, a line of handled characters."""
        cdef Py_ssize_t start, stop
        cdef bint upper
        cdef Py_UCS4 char
        cdef int kind = PyUnicode_KIND(text)
        cdef void *data = PyUnicode_DATA(text)
        while position < end:
            if not has_class(PyUnicode_READ(kind, data, position), STARTS_TOKEN):
                position += 1
                continue
            start, upper = position, False
            while position < end:
                char = PyUnicode_READ(kind, data, position)
                if position > start and not has_class(char, CONTINUES_TOKEN):
                    break
                upper = upper or has_class(char, CHANGES_IN_LOWER)  # (lower() changes it)
                position += 1
            stop = position
            while text[stop - 1] == u".":  # a token's final stops are not part of it
                stop -= 1
            self._append(self._id_of(Span(kind, data, start, stop - start, upper), text, upper))

    cdef void _add(self, str token):
        """Append ``token``'s id, giving it the next one if it is new."""
        self._append(self._id_of(
            Span(PyUnicode_KIND(token), PyUnicode_DATA(token), 0, len(token), False),
            token, False))

    cdef int _id_of(self, Span span, str text, bint upper) except -1:
        """The id of the token ``span`` reads, from ``text`` (``text`` itself when the span
        is the whole of it): looked up by its characters in the open-addressing table
        ``slots`` (a token's id + 1, 0: empty; ``hashes``: each token's hash), so a token
        met before makes no string. A new token's string is made (``lower``ed when
        ``upper``), given the next id and entered."""
        cdef uint64_t hash_value = span_hash(span)
        cdef Py_ssize_t mask = len(self.slots) - 1
        cdef Py_ssize_t slot = <Py_ssize_t>(hash_value & <uint64_t>mask)
        cdef int entry
        while True:
            entry = self.slots.data.as_ints[slot]
            if entry == 0:
                break
            if self.hashes.data.as_ulonglongs[entry - 1] == hash_value and span_is(
                    span, <str><object>PyList_GET_ITEM(self.vocabulary, entry - 1)):
                return entry - 1
            slot = (slot + 1) & mask
        cdef str token = text
        if span.start != 0 or span.length != len(text):
            token = text[span.start:span.start + span.length]
        if upper:
            token = token.lower()
        cdef int found = <int>len(self.vocabulary)
        self.vocabulary.append(token)
        resize_smart(self.hashes, found + 1)
        self.hashes.data.as_ulonglongs[found] = hash_value
        self.slots.data.as_ints[slot] = found + 1
        if 2 * len(self.vocabulary) > len(self.slots):
            self._grow()
        return found

    cdef void _grow(self):
        """Double the table (at most half of it used) and enter every token again."""
        cdef Py_ssize_t size = 2 * len(self.slots), mask = size - 1, slot, token
        self.slots = clone(self.slots, size, True)
        for token in range(len(self.vocabulary)):
            slot = <Py_ssize_t>(self.hashes.data.as_ulonglongs[token] & <uint64_t>mask)
            while self.slots.data.as_ints[slot]:
                slot = (slot + 1) & mask
            self.slots.data.as_ints[slot] = <int>token + 1

    cdef void _append(self, int token):
        """Append the id ``token`` to the current line's."""
        cdef Py_ssize_t size = len(self.ids)
        resize_smart(self.ids, size + 1)
        self.ids.data.as_ints[size] = token

    def __len__(self):
        return len(self.bounds) - 1

    def __getitem__(self, index):
        cdef Py_ssize_t count = len(self.bounds) - 1
        if isinstance(index, slice):
            return tuple([self.line(number) for number in range(*index.indices(count))])
        return self.line(checked_index(index, count))

    cpdef tuple line(self, Py_ssize_t index):
        """The tokens of line ``index`` (0 <= index < len(self))."""
        cdef Py_ssize_t start = self._bound_at(index)
        cdef Py_ssize_t stop = self._bound_at(index + 1), position
        return tuple([<object>PyList_GET_ITEM(self.vocabulary, self.ids.data.as_ints[position])
                      for position in range(start, stop)])

    def __iter__(self):
        cdef Py_ssize_t index
        for index in range(len(self.bounds) - 1):
            yield self.line(index)

    def counts(self):
        """The number of tokens of each line (an ``array('i')``), read from the bounds: no
        tuple of tokens is built.

        >>> from cleantext.text._lines import LineTable
        >>> list(LineTokens(LineTable("a b\\n-\\nc d e"), str.split).counts())
        [2, 0, 3]
        """
        cdef Py_ssize_t count = len(self.bounds) - 1, index
        cdef array counts = clone(_new_array("i"), count, False)
        for index in range(count):
            counts.data.as_ints[index] = (self._bound_at(index + 1)
                                          - self._bound_at(index))
        return counts

    def lines_only_of(self, words, Py_ssize_t max_tokens):
        """The indexes of the lines of 1 to ``max_tokens`` tokens, each of them in ``words``
        (a container of strings), in an ``array('i')``. Each token of the vocabulary is
        looked up in ``words`` once, the first time a line of few enough tokens holds it.

        >>> from cleantext.text._lines import LineTable
        >>> tokens = LineTokens(LineTable("share this\\nshare the text\\n-\\nthis"), None)
        >>> list(tokens.lines_only_of({"share", "this"}, 2))
        [0, 3]
        """
        cdef array known = clone(_new_array("b"), len(self.vocabulary), True)  # 0: not looked up
        cdef array found = _new_array("i")
        cdef Py_ssize_t index, start, stop, size = 0
        for index in range(len(self.bounds) - 1):
            start = self._bound_at(index)
            stop = self._bound_at(index + 1)
            if 0 < stop - start <= max_tokens and self._all_in(words, known, start, stop):
                resize_smart(found, size + 1)
                found.data.as_ints[size] = index
                size += 1
        return found

    cdef bint _all_in(self, words, array known, Py_ssize_t start, Py_ssize_t stop) except -1:
        """True when the tokens ``start`` to ``stop - 1`` are all in ``words`` (see
        :meth:`_is_in`)."""
        cdef Py_ssize_t position
        for position in range(start, stop):
            if not self._is_in(words, known, self.ids.data.as_ints[position]):
                return False
        return True

    cdef bint _is_in(self, words, array known, int token) except -1:
        """True when token ``token`` is in ``words``; ``known`` remembers each token's
        answer (1: in, -1: not in, 0: not asked yet)."""
        if not known.data.as_schars[token]:
            known.data.as_schars[token] = (
                1 if <object>PyList_GET_ITEM(self.vocabulary, token) in words else -1)
        return known.data.as_schars[token] > 0

    def counts_on(self, const unsigned char[:] lines):
        """How often each token occurs on the lines marked in ``lines`` (one byte a line,
        not 0: counted), in the order of first occurrence (what ``Counter.update`` gives
        line after line), read from the ids: no tuple of tokens is built.

        >>> from cleantext.text._lines import LineTable
        >>> LineTokens(LineTable("a b\\nc\\nb a a"), str.split).counts_on(bytes([1, 0, 1]))
        {'a': 3, 'b': 2}
        """
        cdef array seen = clone(_new_array("i"), len(self.vocabulary), True)
        cdef list order = []
        cdef Py_ssize_t index, position
        cdef int token
        for index in range(lines.shape[0]):
            if not lines[index]:
                continue
            for position in range(self._bound_at(index), self._bound_at(index + 1)):
                token = self.ids.data.as_ints[position]
                if not seen.data.as_ints[token]:
                    order.append(token)
                seen.data.as_ints[token] += 1
        return {<object>PyList_GET_ITEM(self.vocabulary, token): seen.data.as_ints[token]
                for token in order}

    def word_facts(self, Py_ssize_t long_word, Py_ssize_t first=0, Py_ssize_t last=-1):
        """Per line from ``first`` to ``last`` (exclusive; -1: to the end),
        ``(long_parts, numbers)`` (each an ``array('i')``): the sum of its tokens'
        ``len(token) // long_word``, and how many of its tokens are numbers
        (``str.isdigit``), read from the ids: no tuple of tokens is built.

        >>> from cleantext.text._lines import LineTable
        >>> tokens = LineTokens(LineTable("a 12 bcdef\\n-\\n٣ 1x ²"), str.split)
        >>> [list(facts) for facts in tokens.word_facts(3)]
        [[1, 0, 0], [1, 0, 2]]
        >>> [list(facts) for facts in tokens.word_facts(3, 1, 3)]
        [[0, 0], [0, 2]]
        """
        cdef Py_ssize_t count = len(self.bounds) - 1, index, position, parts, found
        cdef str token
        if long_word < 1:
            raise ValueError(f"long_word must be 1 or more, not {long_word}")
        if last < 0 or last > count:
            last = count
        first = min(max(first, 0), last)
        cdef array long_parts = clone(_new_array("i"), last - first, False)
        cdef array numbers = clone(_new_array("i"), last - first, False)
        for index in range(first, last):
            parts = found = 0
            for position in range(self._bound_at(index), self._bound_at(index + 1)):
                token = <str>PyList_GET_ITEM(self.vocabulary, self.ids.data.as_ints[position])
                parts += len(token) // long_word
                found += is_number(token)
            long_parts.data.as_ints[index - first] = parts
            numbers.data.as_ints[index - first] = found
        return long_parts, numbers

    def hits_on(self, const unsigned char[:] lines, dict groups_of, array hits):
        """How many tokens the lines marked in ``lines`` (one byte a line) hold; and each
        token's count on them added to ``hits[group]`` (an ``array('q')``) for each group
        ``groups_of[token]`` names (a tuple of group numbers; a token in none adds
        nothing). What counting with :meth:`counts_on` and adding up its entries gives,
        without its ``dict``: each token of the vocabulary is looked up once.

        >>> from array import array
        >>> from cleantext.text._lines import LineTable
        >>> tokens = LineTokens(LineTable("the cat\\ndie\\nthe die the"), str.split)
        >>> hits = array("q", [0, 0])
        >>> tokens.hits_on(bytes([1, 0, 1]), {"the": (0,), "die": (1, 0)}, hits), list(hits)
        (5, [4, 1])
        """
        cdef array seen = clone(_new_array("i"), len(self.vocabulary), True)
        cdef Py_ssize_t index, position, total = 0, token, start, stop, group
        cdef Py_ssize_t size = len(hits)
        cdef object groups
        if hits.ob_descr.typecode != c"q":
            raise TypeError("hits must be an array('q')")
        if lines.shape[0] > len(self.bounds) - 1:
            raise ValueError(f"{lines.shape[0]} marks for {len(self.bounds) - 1} lines")
        for index in range(lines.shape[0]):
            if not lines[index]:
                continue
            start, stop = self._bound_at(index), self._bound_at(index + 1)
            total += stop - start
            for position in range(start, stop):
                seen.data.as_ints[self.ids.data.as_ints[position]] += 1
        for token in range(len(self.vocabulary)):
            if not seen.data.as_ints[token]:
                continue
            groups = groups_of.get(<object>PyList_GET_ITEM(self.vocabulary, token))
            if groups is not None:
                for group in groups:
                    if not 0 <= group < size:
                        raise IndexError(f"group {group} of {size}")
                    hits.data.as_longlongs[group] += seen.data.as_ints[token]
        return total

    def members_on(self, const unsigned char[:] lines, words):
        """Per line marked in ``lines`` (one byte a line), how many of its tokens are in
        ``words`` (a container of strings; 0 for the other lines), in an ``array('i')``.
        Each token of the vocabulary is looked up in ``words`` once.

        >>> from cleantext.text._lines import LineTable
        >>> tokens = LineTokens(LineTable("the cat\\nthe\\na the b"), str.split)
        >>> list(tokens.members_on(bytes([1, 0, 1]), {"the", "a"}))
        [1, 0, 2]
        """
        cdef array known = clone(_new_array("b"), len(self.vocabulary), True)
        cdef array found = clone(_new_array("i"), lines.shape[0], True)
        cdef Py_ssize_t index, position, members
        for index in range(lines.shape[0]):
            if not lines[index]:
                continue
            members = 0
            for position in range(self._bound_at(index), self._bound_at(index + 1)):
                members += self._is_in(words, known, self.ids.data.as_ints[position])
            found.data.as_ints[index] = members
        return found

    def select(self, kept):
        """The tokens of lines ``kept`` (indexes, in order), sharing this vocabulary.

        >>> from cleantext.text._lines import LineTable
        >>> list(LineTokens(LineTable("a b\\nc\\nd e"), None).select([0, 2]))
        [('a', 'b'), ('d', 'e')]
        """
        cdef LineTokens chosen = LineTokens.__new__(LineTokens)
        chosen.vocabulary, chosen.wide = self.vocabulary, self.wide
        chosen.ids, chosen.bounds = _new_array("i"), _new_array(self.bounds.typecode, [0])
        cdef Py_ssize_t index
        for index in kept:
            chosen.ids.extend(self.ids[self.bounds[index]: self.bounds[index + 1]])
            chosen.bounds.append(len(chosen.ids))
        return chosen


Sequence.register(LineTokens)
