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
from cpython.mem cimport PyMem_Free, PyMem_Realloc
from cpython.unicode cimport (
    PyUnicode_1BYTE_KIND, PyUnicode_2BYTE_KIND, PyUnicode_DATA, PyUnicode_KIND, PyUnicode_READ,
)
from libc.stdint cimport uint16_t, uint64_t
from libc.string cimport memcmp, memcpy

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


cdef inline bint is_arabic(Py_UCS4 char) noexcept:
    """An Arabic letter (U+0621 to U+064A, U+0671 to U+06D3), digit or mark of punctuation."""
    return (0x621 <= char <= 0x64A or 0x671 <= char <= 0x6D3 or 0x660 <= char <= 0x669
            or char in u"،؛؟")


cdef inline bint is_east_asian(Py_UCS4 char) noexcept:
    """A CJK ideograph, Hangul syllable, kana letter, or common CJK mark of punctuation."""
    return (0x4E00 <= char <= 0x9FFF or 0xAC00 <= char <= 0xD7A3  # ideographs, Hangul
            or 0x3041 <= char <= 0x3096 or 0x30A1 <= char <= 0x30FA or char == 0x30FC  # kana
            or 0x3001 <= char <= 0x3006 or 0x3008 <= char <= 0x3011  # 、。「」 and more
            or 0xFF01 <= char <= 0xFF0F or char in u"：；？")  # fullwidth ！（），．


cdef inline bint is_symbol(Py_UCS4 char) noexcept:
    """A mark of punctuation or a symbol from U+2010 to U+2BFF: the common quotes, dashes
    and marks (not the ties ‿ ⁀ ⁔, which ``\\w`` counts), € and ™, arrows, mathematical
    and technical signs, box drawing, shapes, dingbats (not the circled digits)."""
    if char <= 0x205E:
        return (0x2010 <= char <= 0x2027 or 0x2030 <= char) and char not in u"‿⁀⁔"
    return (0x2190 <= char <= 0x23FF or 0x2500 <= char <= 0x2775 or 0x2794 <= char <= 0x27BF
            or 0x2B00 <= char <= 0x2BFF or char in u"€™")


cdef inline bint handled(Py_UCS4 char):
    """True for a character the kernel classes itself (the tests check these against the regex):
    the Latin scripts, Cyrillic without its combining marks, common marks of punctuation and
    symbols; the Arabic letters, digits and marks of punctuation (not its combining marks);
    the CJK ideographs, Hangul syllables, kana and their common marks of punctuation; the
    pictographs (emoji, without their variation selectors). None of those above Cyrillic
    has a case."""
    if char < LATIN_END:
        return char != DOTTED_CAPITAL_I
    if CYRILLIC_START <= char < CYRILLIC_END:
        return not CYRILLIC_MARKS_START <= char < CYRILLIC_MARKS_END
    if char < 0x2000:
        return is_arabic(char)
    if char < 0x3000:
        return is_symbol(char)
    return is_east_asian(char) or 0x1F300 <= char <= 0x1FAFF


cdef inline bint is_word_char(Py_UCS4 char):
    """``\\w`` on a handled character."""
    return char.isalpha() or char.isdecimal() or char == u"_"


cdef inline bint starts_token(Py_UCS4 char):
    """``[\\p{L}\\p{N}+]`` on a handled character."""
    return char.isalpha() or char.isnumeric() or char == u"+"


cdef inline bint continues_token(Py_UCS4 char):
    """``[\\p{L}\\p{M}\\p{N}+'’.\\-]`` on a handled character."""
    return starts_token(char) or char in u"'.-" or char == RIGHT_QUOTE


DEF WORD_CHAR = 1  # the classes of a character below CYRILLIC_END, as bits (see ``classes``)
DEF STARTS_TOKEN = 2
DEF CONTINUES_TOKEN = 4
DEF CHANGES_IN_LOWER = 8

cdef unsigned char classes[CYRILLIC_END]


cdef void _fill_classes() noexcept:
    """Fill ``classes`` from the predicates themselves (once, at import): a table read
    costs less than the Unicode database's calls, with the very same answers."""
    cdef Py_UCS4 char
    for char in range(CYRILLIC_END):
        classes[char] = (
            WORD_CHAR * is_word_char(char) + STARTS_TOKEN * starts_token(char)
            + CONTINUES_TOKEN * continues_token(char)
            + CHANGES_IN_LOWER * (char.isupper() or char.istitle()))


_fill_classes()

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


cdef inline Span span_of(str token) noexcept:
    """The span of the whole of ``token``, as it is."""
    return Span(PyUnicode_KIND(token), PyUnicode_DATA(token), 0, len(token), False)


cdef bint spans_equal(Span span, Span other) noexcept:
    """True when ``span`` and ``other`` read the same characters: their bytes compared at
    once when both are read as they are from strings of one width (a token met again in
    the page's text, or a lower-case token and a word of the same width)."""
    if span.length != other.length:
        return False
    if span.kind == other.kind and not span.lower and not other.lower:
        return memcmp(<char *>span.data + span.start * span.kind,
                      <char *>other.data + other.start * other.kind,
                      span.length * span.kind) == 0
    cdef Py_ssize_t index
    for index in range(span.length):
        if span_char(span, index) != span_char(other, index):
            return False
    return True


cdef inline bint is_handled_word_char(Py_UCS4 char) noexcept:
    """Whether the handled ``char`` is a word character (``\\w``): by the table below the
    end of Cyrillic, by the predicate above it (a token's classes: :func:`token_classes`)."""
    if char < CYRILLIC_END:
        return classes[char] & WORD_CHAR
    return is_word_char(char)


cdef inline bint starts_word(Py_UCS4 char, bint *in_word) noexcept:
    """Whether the handled ``char`` starts a ``\\w+`` word (a word character after none);
    ``in_word`` says whether the character before was one, and is set for the next."""
    cdef bint word = is_handled_word_char(char)
    cdef bint starts = word and not in_word[0]
    in_word[0] = word
    return starts


cdef inline unsigned char token_classes(Py_UCS4 char) noexcept:
    """The classes of the handled ``char`` a token reads (``STARTS_TOKEN``,
    ``CONTINUES_TOKEN``, ``CHANGES_IN_LOWER``) at once: by the table below the end of
    Cyrillic; above it, no handled character has a case."""
    if char < CYRILLIC_END:
        return classes[char]
    if starts_token(char):
        return STARTS_TOKEN | CONTINUES_TOKEN
    return CONTINUES_TOKEN if continues_token(char) else 0


def is_handled(str char):
    """Whether the kernel classes ``char`` itself (for the tests).

    >>> is_handled("é"), is_handled("’"), is_handled("İ"), is_handled("ж"), is_handled("\u0483")
    (True, True, False, True, False)
    """
    return handled(char[0])


cdef bint all_handled(str text, Py_ssize_t first, Py_ssize_t end):
    """True when the kernel handles each of ``text[first:end]``: at once for a text of one
    byte a character (Latin-1, all handled); for two bytes a character, a loop over them
    that asks :func:`handled` only about those past the Latin scripts (and U+0130)."""
    cdef int kind = PyUnicode_KIND(text)
    if kind == PyUnicode_1BYTE_KIND:
        return True
    cdef void *data = PyUnicode_DATA(text)
    cdef Py_ssize_t position
    if kind == PyUnicode_2BYTE_KIND:
        return all_handled_2(<const uint16_t *>data, first, end)
    for position in range(first, end):
        if not handled(PyUnicode_READ(kind, data, position)):
            return False
    return True


cdef bint all_handled_2(const uint16_t *chars, Py_ssize_t first, Py_ssize_t end) noexcept:
    """:func:`all_handled` of ``chars[first:end]``, two bytes a character."""
    cdef Py_ssize_t position
    cdef uint16_t char
    for position in range(first, end):
        char = chars[position]
        if (char >= LATIN_END or char == DOTTED_CAPITAL_I) and not handled(char):
            return False
    return True


cdef bint is_number(Span token) noexcept:
    """``str.isdigit`` of ``token``'s characters: an ASCII character is a digit from 0 to 9
    only (no table read)."""
    cdef Py_ssize_t position
    cdef Py_UCS4 char
    for position in range(token.length):
        char = span_char(token, position)
        if char < 128:  # (ASCII)
            if not u"0" <= char <= u"9":
                return False
        elif not char.isdigit():
            return False
    return token.length > 0


cdef inline Py_ssize_t first_of(str text, Py_ssize_t start):
    """The first non-space character of the line starting at ``start``."""
    while text[start].isspace():
        start += 1
    return start


def word_counts(LineTable table, plain):
    """Number of ``\\w+`` words on each line (an ``array('i')``); ``plain(text)`` counts those
    of a line with a character the kernel does not class.

    >>> from cleantext.text._lines import LineTable
    >>> table = LineTable("Home | News-room | 2024\\n• Café au lait\\nΕλλάδα")
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
            words += starts_word(PyUnicode_READ(kind, data, position), &inside)
        counts.data.as_ints[index] = words
    return counts


cdef struct Entry:
    # A token of a vocabulary: ``length`` characters from ``start`` of the page's text,
    # lowered when ``lower`` says so (``start`` -1: the token came as a string, kept in
    # the vocabulary's ``strings``); ``hash``: the hash of its characters; ``number``:
    # whether it is a number (``str.isdigit``).
    uint64_t hash
    Py_ssize_t start, length
    bint lower, number


@cython.final
cdef class Vocabulary:
    """A page's distinct tokens, numbered in order of first occurrence. A token read by
    the kernel is kept as where it first occurs in the page's text; its string is made
    the first time someone reads it as text (most tokens are only counted and looked up,
    which their characters and hash answer)."""

    cdef str text
    cdef int kind
    cdef void *data
    cdef list strings  # each token's string, or None until it is read as text
    cdef Entry *entries
    cdef Py_ssize_t size, capacity

    def __cinit__(self, str text):
        self.text, self.strings = text, []
        self.kind, self.data = PyUnicode_KIND(text), PyUnicode_DATA(text)
        self.size = self.capacity = 0
        self.entries = NULL

    def __dealloc__(self):
        PyMem_Free(self.entries)

    cdef int add(self, Span span, uint64_t hash_value, object token) except -1:
        """Number a new token: ``span`` of the text (``token`` None), or the string
        ``token`` itself (``span`` reads it); ``hash_value`` is its hash."""
        cdef Entry *grown
        if self.size == self.capacity:
            self.capacity = max(64, 2 * self.capacity)
            grown = <Entry *>PyMem_Realloc(self.entries, self.capacity * sizeof(Entry))
            if grown is NULL:
                raise MemoryError()
            self.entries = grown
        cdef bint number = is_number(span)
        if token is None:
            self.entries[self.size] = Entry(hash_value, span.start, span.length, span.lower,
                                            number)
        else:
            self.entries[self.size] = Entry(hash_value, -1, span.length, False, number)
        self.strings.append(token)
        self.size += 1
        return <int>(self.size - 1)

    cdef inline Span span(self, Py_ssize_t token) noexcept:
        """The characters of token ``token``."""
        cdef Entry entry = self.entries[token]
        if entry.start < 0:
            return span_of(<str>PyList_GET_ITEM(self.strings, token))
        return Span(self.kind, self.data, entry.start, entry.length, entry.lower)

    cdef inline uint64_t hash_of(self, Py_ssize_t token) noexcept:
        """The hash of token ``token``'s characters."""
        return self.entries[token].hash

    cdef inline Py_ssize_t length(self, Py_ssize_t token) noexcept:
        """The number of characters of token ``token``."""
        return self.entries[token].length

    cdef inline bint is_number(self, Py_ssize_t token) noexcept:
        """Whether token ``token`` is a number (``str.isdigit``)."""
        return self.entries[token].number

    cdef str string(self, Py_ssize_t token):
        """Token ``token`` as a string, made the first time it is asked for."""
        cdef object found = <object>PyList_GET_ITEM(self.strings, token)
        if found is not None:
            return <str>found
        cdef Entry entry = self.entries[token]
        cdef str made = self.text[entry.start:entry.start + entry.length]
        if entry.lower:
            made = made.lower()
        self.strings[token] = made
        return made

    cdef list all_strings(self):
        """Every token's string, in order (each made now if it was not yet)."""
        cdef Py_ssize_t token
        for token in range(self.size):
            self.string(token)
        return self.strings


cdef Py_ssize_t find_slot(array slots, Vocabulary words, Span span,
                          uint64_t hash_value) noexcept:
    """The slot of the open-addressing table ``slots`` (each slot: the id + 1 of a token
    of ``words``, 0: empty) that holds the token of ``span``'s characters (``hash_value``
    their hash), or the empty slot where it belongs."""
    cdef Py_ssize_t mask = len(slots) - 1
    cdef Py_ssize_t slot = <Py_ssize_t>(hash_value & <uint64_t>mask)
    cdef int entry
    while True:
        entry = slots.data.as_ints[slot]
        if entry == 0 or (words.hash_of(entry - 1) == hash_value
                          and spans_equal(span, words.span(entry - 1))):
            return slot
        slot = (slot + 1) & mask


@cython.final
cdef class WordTable:
    """The strings of a container of words (and a value for each), looked up by a
    token's characters and hash, as :class:`Vocabulary` keeps them: no string is made
    to ask whether a token is one of them."""

    cdef object source  # the container read (kept: its tables are remembered by identity)
    cdef Vocabulary words
    cdef list values
    cdef array slots  # (see ``find_slot``: at most half of them used)

    def __cinit__(self, source, bint with_values):
        """The words of ``source`` (a ``dict`` when ``with_values``: its values are kept;
        keys that are not strings are left out: no token equals them)."""
        self.source, self.words, self.values = source, Vocabulary(""), []
        cdef Py_ssize_t size = 64
        while size < 2 * len(source):
            size *= 2
        self.slots = clone(_new_array("i"), size, True)
        for word in source:
            if isinstance(word, str):
                self._enter(<str>word, source[word] if with_values else None)

    cdef int _enter(self, str word, object value) except -1:
        """Enter ``word`` (and its ``value``)."""
        cdef Span span = span_of(word)
        cdef uint64_t hash_value = span_hash(span)
        cdef Py_ssize_t slot = find_slot(self.slots, self.words, span, hash_value)
        self.slots.data.as_ints[slot] = self.words.add(span, hash_value, word) + 1
        self.values.append(value)
        return 0

    cdef Py_ssize_t find(self, Span token, uint64_t hash_value) noexcept:
        """The index of the word that is ``token``'s characters (``hash_value`` their
        hash), or -1."""
        return self.slots.data.as_ints[find_slot(self.slots, self.words, token, hash_value)] - 1


DEF REMEMBERED_TABLES = 32  # at most this many tables are remembered (see ``table_of``)
DEF SMALL_TABLE = 32  # a table of fewer words is made again each time: it costs little
cdef dict _tables = {}  # id(frozenset): its WordTable (a memo of immutable values)


cdef WordTable table_of(source, bint with_values):
    """The :class:`WordTable` of ``source`` (a ``frozenset``, or a ``dict`` when
    ``with_values``; a :class:`WordTable` is its own). A large ``frozenset`` is remembered
    by its identity (it is kept with its table, and cannot change), so a word list shared
    by every page is entered once; a ``dict`` may change between calls, so its table is
    made each time (a caller that gives the same one often builds its table once)."""
    if type(source) is WordTable:
        return <WordTable>source
    cdef WordTable table = _tables.get(id(source))
    if table is not None and table.source is source:
        return table
    table = WordTable(source, with_values)
    if type(source) is frozenset and len(source) >= SMALL_TABLE:
        if len(_tables) >= REMEMBERED_TABLES:
            _tables.clear()
        _tables[id(source)] = table
    return table


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

    cdef Vocabulary words
    cdef array ids, bounds  # token ids, line after line; where each line's ids start
    cdef Py_ssize_t id_count  # while building: the ids written (``ids`` has spare room)
    cdef bint wide  # the bounds are 64-bit (a text too long for 32-bit offsets), else 32-bit
    cdef array slots  # while building: the vocabulary's hash table (see ``_id_of``)
    cdef array counted  # each line's ``\\w+`` words, when counted with the tokens (else None)

    def __init__(self, LineTable table, plain, count_words=None):
        """``plain(text)`` gives the tokens of a line the kernel leaves to the plain
        definition (any character it does not class, or a leading ``+``, which may be
        a list marker or a token). With ``count_words``, each line's ``\\w+`` words are
        counted in the same pass (:attr:`word_counts`, what :func:`word_counts` gives),
        ``count_words(text)`` counting those of a line left to the plain definition."""
        cdef str text = table.text
        cdef Py_ssize_t index, first, end, count = len(table), words
        self.words = Vocabulary(text)
        self.slots = clone(_new_array("i"), 64, True)
        self.wide = table.wide
        self.ids, self.id_count = clone(_new_array("i"), 64, False), 0
        self.bounds = clone(_new_array("q" if self.wide else "i"), count + 1, False)
        if count_words is not None:
            self.counted = clone(_new_array("i"), count, False)  # (exactly its size)
        self._set_bound(0)
        for index in range(count):
            first = first_of(text, line_start(table, index))
            end = line_end(table, index)
            if text[first] == u"+" or not all_handled(text, first, end):
                for token in plain(text[first:end]):
                    self._add(token)
                words = count_words(text[first:end]) if count_words is not None else 0
            else:
                words = self._scan(text, first, end)
            if self.counted is not None:
                self.counted.data.as_ints[index] = words
            self._set_bound(index + 1)
        self.slots = None  # (only needed while building)
        resize(self.ids, self.id_count)  # (exactly their size: the growth's spare room goes)

    cdef void _set_bound(self, Py_ssize_t index) noexcept:
        """Line ``index``'s ids start here (at the ids written so far)."""
        if self.wide:
            self.bounds.data.as_longlongs[index] = self.id_count
        else:
            self.bounds.data.as_ints[index] = <int>self.id_count

    cdef inline Py_ssize_t _bound_at(self, Py_ssize_t index) noexcept:
        """Where line ``index``'s ids start (the end of the last line's, for ``len(self)``)."""
        if self.wide:
            return self.bounds.data.as_longlongs[index]
        return self.bounds.data.as_ints[index]

    cdef Py_ssize_t _scan(self, str text, Py_ssize_t position, Py_ssize_t end) except -1:
        """Add the tokens of ``text[position:end]``, a line of handled characters: each
        character's classes are read once, and each token's characters once, for its
        end, its case and its hash. Returns the line's ``\\w+`` words, counted as the
        characters are read (each of them once: a word starts at a word character after
        none)."""
        cdef Py_ssize_t start, stop, words = 0
        cdef unsigned char bits, seen  # a character's classes; those of the token's
        cdef Py_UCS4 char
        cdef uint64_t hash_value, kept_hash  # the hash so far; up to the last non-stop
        cdef int kind = PyUnicode_KIND(text)
        cdef void *data = PyUnicode_DATA(text)
        cdef bint in_word = False
        while position < end:
            char = PyUnicode_READ(kind, data, position)
            bits = token_classes(char)
            words += starts_word(char, &in_word)
            if not bits & STARTS_TOKEN:
                position += 1
                continue
            start, seen, hash_value = position, 0, FNV_START
            stop, kept_hash = start, hash_value
            while True:
                seen |= bits
                hash_value = (hash_value ^ <uint64_t>lowered(char)) * FNV_PRIME
                position += 1
                if char != u".":  # a token's final stops are not part of it
                    stop, kept_hash = position, hash_value
                if position == end:
                    break
                char = PyUnicode_READ(kind, data, position)
                bits = token_classes(char)
                words += starts_word(char, &in_word)
                if not bits & CONTINUES_TOKEN:
                    position += 1  # (it starts no token either)
                    break
            self._append(self._id_of(
                Span(kind, data, start, stop - start, (seen & CHANGES_IN_LOWER) != 0),
                kept_hash, None))
        return words

    cdef int _add(self, str token) except -1:
        """Append ``token``'s id, giving it the next one if it is new."""
        cdef Span span = span_of(token)
        self._append(self._id_of(span, span_hash(span), token))
        return 0

    cdef int _id_of(self, Span span, uint64_t hash_value, object token) except -1:
        """The id of the token ``span`` reads (``hash_value``: the hash of its
        characters; ``token``: its string, or None when it is read from the page's
        text): looked up by its characters in the open-addressing table ``slots`` (a
        token's id + 1, 0: empty), so a token met before adds nothing. A new token is
        given the next id and entered."""
        cdef Py_ssize_t slot = find_slot(self.slots, self.words, span, hash_value)
        if self.slots.data.as_ints[slot]:
            return self.slots.data.as_ints[slot] - 1
        cdef int found = self.words.add(span, hash_value, token)
        self.slots.data.as_ints[slot] = found + 1
        if 2 * self.words.size > len(self.slots):
            self._grow()
        return found

    cdef void _grow(self) except *:
        """Double the table (at most half of it used) and enter every token again."""
        cdef Py_ssize_t size = 2 * len(self.slots), mask = size - 1, slot, token
        self.slots = clone(self.slots, size, True)
        for token in range(self.words.size):
            slot = <Py_ssize_t>(self.words.hash_of(token) & <uint64_t>mask)
            while self.slots.data.as_ints[slot]:
                slot = (slot + 1) & mask
            self.slots.data.as_ints[slot] = <int>token + 1

    cdef int _append(self, int token) except -1:
        """Append the id ``token`` to the current line's (``ids`` grows by an eighth when
        full: little spare room at the peak of a long page's memory)."""
        if self.id_count == len(self.ids):
            resize(self.ids, self.id_count + self.id_count // 8 + 64)
        self.ids.data.as_ints[self.id_count] = token
        self.id_count += 1
        return 0

    @property
    def word_counts(self):
        """Each line's ``\\w+`` words (an ``array('i')``), when they were counted with the
        tokens (see ``count_words``), else None.

        >>> from cleantext.text._lines import LineTable
        >>> table = LineTable("Home | News-room | 2024\\n+ 1\\n• Café au lait\\nΕλλάδα")
        >>> list(LineTokens(table, str.split, lambda text: -1).word_counts)
        [4, -1, 3, -1]
        >>> LineTokens(table, str.split).word_counts is None
        True
        """
        return self.counted

    @property
    def vocabulary(self):
        """Every distinct token (a list of strings, in order of first occurrence)."""
        return self.words.all_strings()

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
        return tuple([self.words.string(self.ids.data.as_ints[position])
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
        cdef array known = clone(_new_array("b"), self.words.size, True)  # 0: not looked up
        cdef array found = _new_array("i")
        cdef Py_ssize_t index, start, stop, size = 0
        cdef WordTable table = self._table(words)
        for index in range(len(self.bounds) - 1):
            start = self._bound_at(index)
            stop = self._bound_at(index + 1)
            if 0 < stop - start <= max_tokens and self._all_in(words, table, known, start,
                                                               stop):
                resize_smart(found, size + 1)
                found.data.as_ints[size] = index
                size += 1
        return found

    cdef WordTable _table(self, words):
        """The :class:`WordTable` of ``words`` when it is a ``frozenset`` (else None: each
        token is looked up as a string)."""
        if type(words) is frozenset:
            return table_of(words, False)
        return None

    cdef bint _all_in(self, words, WordTable table, array known, Py_ssize_t start,
                      Py_ssize_t stop) except -1:
        """True when the tokens ``start`` to ``stop - 1`` are all in ``words`` (see
        :meth:`_is_in`)."""
        cdef Py_ssize_t position
        for position in range(start, stop):
            if not self._is_in(words, table, known, self.ids.data.as_ints[position]):
                return False
        return True

    cdef bint _is_in(self, words, WordTable table, array known, int token) except -1:
        """True when token ``token`` is in ``words`` (looked up in ``table``, its
        :class:`WordTable`, when there is one); ``known`` remembers each token's answer
        (1: in, -1: not in, 0: not asked yet)."""
        cdef bint found
        if not known.data.as_schars[token]:
            if table is not None:
                found = table.find(self.words.span(token), self.words.hash_of(token)) >= 0
            else:
                found = self.words.string(token) in words
            known.data.as_schars[token] = 1 if found else -1
        return known.data.as_schars[token] > 0

    def counts_on(self, const unsigned char[:] lines):
        """How often each token occurs on the lines marked in ``lines`` (one byte a line,
        not 0: counted), in the order of first occurrence (what ``Counter.update`` gives
        line after line), read from the ids: no tuple of tokens is built.

        >>> from cleantext.text._lines import LineTable
        >>> LineTokens(LineTable("a b\\nc\\nb a a"), str.split).counts_on(bytes([1, 0, 1]))
        {'a': 3, 'b': 2}
        """
        cdef array seen = clone(_new_array("i"), self.words.size, True)
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
        return {self.words.string(token): seen.data.as_ints[token] for token in order}

    def word_facts(self, Py_ssize_t long_word, Py_ssize_t first=0, Py_ssize_t last=-1):
        """Per line from ``first`` to ``last`` (exclusive; -1: to the end),
        ``(long_parts, numbers)`` (each an ``array('i')``): the sum of its tokens'
        ``len(token) // long_word``, and how many of its tokens are numbers
        (``str.isdigit``), read from the ids and the tokens' characters: no string is made.

        >>> from cleantext.text._lines import LineTable
        >>> tokens = LineTokens(LineTable("a 12 bcdef\\n-\\n٣ 1x ²"), str.split)
        >>> [list(facts) for facts in tokens.word_facts(3)]
        [[1, 0, 0], [1, 0, 2]]
        >>> [list(facts) for facts in tokens.word_facts(3, 1, 3)]
        [[0, 0], [0, 2]]
        """
        cdef Py_ssize_t count = len(self.bounds) - 1, index, position, parts, found
        cdef int token
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
                token = self.ids.data.as_ints[position]
                parts += self.words.length(token) // long_word
                found += self.words.is_number(token)
            long_parts.data.as_ints[index - first] = parts
            numbers.data.as_ints[index - first] = found
        return long_parts, numbers

    def hits_on(self, const unsigned char[:] lines, groups_of, array hits):
        """How many tokens the lines marked in ``lines`` (one byte a line) hold; and each
        token's count on them added to ``hits[group]`` (an ``array('q')``) for each group
        ``groups_of[token]`` names (a tuple of group numbers; a token in none adds
        nothing). What counting with :meth:`counts_on` and adding up its entries gives,
        without its ``dict``: each token of the vocabulary is looked up once, by its
        characters (``groups_of``: a ``dict``, whose words are entered in a
        :class:`WordTable` on each call, or such a table built once with its values).

        >>> from array import array
        >>> from cleantext.text._lines import LineTable
        >>> tokens = LineTokens(LineTable("the cat\\ndie\\nthe die the"), str.split)
        >>> hits = array("q", [0, 0])
        >>> tokens.hits_on(bytes([1, 0, 1]), {"the": (0,), "die": (1, 0)}, hits), list(hits)
        (5, [4, 1])
        >>> table = WordTable({"cat": (1,)}, True)
        >>> tokens.hits_on(bytes([1, 1, 1]), table, hits), list(hits)
        (6, [4, 2])
        """
        cdef array seen = clone(_new_array("i"), self.words.size, True)
        cdef Py_ssize_t index, position, total = 0, token, start, stop, group, word
        cdef Py_ssize_t size = len(hits)
        cdef WordTable table
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
        if total == 0:
            return 0
        table = table_of(groups_of, True)
        for token in range(self.words.size):
            if not seen.data.as_ints[token]:
                continue
            word = table.find(self.words.span(token), self.words.hash_of(token))
            if word < 0:
                continue
            for group in <object>PyList_GET_ITEM(table.values, word):
                if not 0 <= group < size:
                    raise IndexError(f"group {group} of {size}")
                hits.data.as_longlongs[group] += seen.data.as_ints[token]
        return total

    def members_on(self, const unsigned char[:] lines, words):
        """Per line marked in ``lines`` (one byte a line), how many of its tokens are in
        ``words`` (a container of strings; 0 for the other lines), in an ``array('i')``.
        Each token of the vocabulary is looked up in ``words`` once (by its characters,
        when ``words`` is a ``frozenset``).

        >>> from cleantext.text._lines import LineTable
        >>> tokens = LineTokens(LineTable("the cat\\nthe\\na the b"), str.split)
        >>> list(tokens.members_on(bytes([1, 0, 1]), {"the", "a"}))
        [1, 0, 2]
        """
        cdef array known = clone(_new_array("b"), self.words.size, True)
        cdef array found = clone(_new_array("i"), lines.shape[0], True)
        cdef Py_ssize_t index, position, members
        cdef WordTable table = self._table(words)
        for index in range(lines.shape[0]):
            if not lines[index]:
                continue
            members = 0
            for position in range(self._bound_at(index), self._bound_at(index + 1)):
                members += self._is_in(words, table, known, self.ids.data.as_ints[position])
            found.data.as_ints[index] = members
        return found

    def select(self, kept):
        """The tokens of lines ``kept`` (indexes, in order), sharing this vocabulary.

        >>> from cleantext.text._lines import LineTable
        >>> list(LineTokens(LineTable("a b\\nc\\nd e"), None).select([0, 2]))
        [('a', 'b'), ('d', 'e')]
        """
        cdef LineTokens chosen = LineTokens.__new__(LineTokens)
        cdef Py_ssize_t count = len(kept), lines = len(self.bounds) - 1, index, line, size
        cdef array numbers = clone(_new_array("q"), count, False)  # (the checked indexes)
        cdef Py_ssize_t total = 0
        for index in range(count):
            line = checked_index(kept[index], lines)
            numbers.data.as_longlongs[index] = line
            total += self._bound_at(line + 1) - self._bound_at(line)
        chosen.words, chosen.wide = self.words, self.wide
        chosen.ids = clone(_new_array("i"), total, False)
        chosen.bounds = clone(_new_array(self.bounds.typecode), count + 1, False)
        chosen.id_count = 0
        chosen._set_bound(0)
        for index in range(count):
            line = numbers.data.as_longlongs[index]
            size = self._bound_at(line + 1) - self._bound_at(line)
            if size:
                memcpy(&chosen.ids.data.as_ints[chosen.id_count],
                       &self.ids.data.as_ints[self._bound_at(line)], size * sizeof(int))
                chosen.id_count += size
            chosen._set_bound(index + 1)
        return chosen  # (without word counts: the page's features select those themselves)


Sequence.register(LineTokens)
