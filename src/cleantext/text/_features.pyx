"""The compiled kernel of :func:`cleantext.text.features.page_features`: each line's shape.

The counts are the plain definitions' (``str.split``, ``str.istitle``, ``str.isdigit``,
``str.count``, stopword membership), taken in one pass over each line's code points in
C instead of a chain of Python calls per line. ``tests/test_features_kernel.py`` checks
them against those definitions.
"""

from cpython.array cimport array, clone
from cpython.mem cimport PyMem_Free, PyMem_Realloc
from cpython.unicode cimport (
    PyUnicode_1BYTE_KIND, PyUnicode_4BYTE_KIND, PyUnicode_DATA, PyUnicode_KIND,
    PyUnicode_New, PyUnicode_READ, PyUnicode_WRITE,
)
from libc.stdint cimport uint64_t
from libc.string cimport memcpy

from cleantext.text._lines cimport (
    LineTable, checked_index, is_bullet_char, line_end, text_start
)


cdef array _INTS = array("i")
cdef array _SHORTS = array("H")
cdef array _BYTES = array("B")


cdef array _narrowest_for(Py_ssize_t largest):
    """The empty array of the narrowest type that holds counts up to ``largest``."""
    if largest <= 0xFF:
        return _BYTES
    if largest <= 0xFFFF:
        return _SHORTS
    return _INTS


cdef array put_count(array counts, Py_ssize_t index, Py_ssize_t value):
    """Store the count ``value`` (0 or more) at ``index`` of ``counts``, first widened to
    ``"H"`` or ``"i"`` when it does not fit; return the array that holds it.

    A page's counts are mostly small (a one-word line: one word, a few characters): kept
    as bytes until a larger one comes, they cost a byte a line instead of four.
    """
    cdef int width = counts.ob_descr.itemsize
    if (width == 1 and value > 0xFF) or (width == 2 and value > 0xFFFF):
        counts = _retyped(counts, _narrowest_for(value))
        width = counts.ob_descr.itemsize
    if width == 1:
        counts.data.as_uchars[index] = <unsigned char>value
    elif width == 2:
        counts.data.as_ushorts[index] = <unsigned short>value
    else:
        counts.data.as_ints[index] = <int>value
    return counts


cpdef array narrowed(array counts):
    """``counts`` (an array of counts, 0 or more) in the narrowest of ``"B"``, ``"H"`` and
    ``"i"`` that holds its largest; ``counts`` itself when that is its type.

    >>> from array import array
    >>> narrowed(array("i", [3, 255])).typecode, narrowed(array("i", [3, 256])).typecode
    ('B', 'H')
    >>> list(narrowed(array("i", [70000, 0]))), narrowed(array("i")).typecode
    ([70000, 0], 'B')
    """
    cdef Py_ssize_t index, largest = 0, count = len(counts)
    for index in range(count):
        largest = max(largest, count_at(counts, index))
    cdef array kind = _narrowest_for(largest)
    if kind.ob_descr.itemsize == counts.ob_descr.itemsize:
        return counts
    return _retyped(counts, kind)


cdef array _retyped(array counts, array kind):
    """A copy of ``counts`` of ``kind``'s type (wide enough for each of them)."""
    cdef Py_ssize_t index, count = len(counts)
    cdef array found = clone(kind, count, False)
    for index in range(count):
        put_count(found, index, count_at(counts, index))
    return found


cdef inline void _copy_entry(array target, Py_ssize_t position, array source,
                             Py_ssize_t index) noexcept:
    """Entry ``index`` of ``source`` as entry ``position`` of ``target`` (the same type)."""
    cdef int width = source.ob_descr.itemsize
    memcpy(target.data.as_chars + position * width, source.data.as_chars + index * width,
           width)


cdef class LineFeatures:  # (its fields: ``_features.pxd``)
    """What the classifier knows about one line: its length in characters, its words,
    function words and sentences, whether it ends like a sentence and starts with a
    list marker, its title-case words, numbers and menu separators, and how often it
    occurs on the page.

    >>> line = LineFeatures(40, 8, 4, 1, True, False, 2, 0, 0, 1)
    >>> line.words, line.density, line.caps_share, line.sentence_end
    (8, 0.5, 0.25, True)
    >>> line == LineFeatures(40, 8, 4, 1, True, False, 2, 0, 0, 1), line.repeats
    (True, 1)
    """

    def __init__(self, Py_ssize_t chars, Py_ssize_t words, Py_ssize_t stopwords,
                 Py_ssize_t sentences, bint sentence_end, bint bullet, Py_ssize_t capitalised,
                 Py_ssize_t digits, Py_ssize_t separators, Py_ssize_t repeats):
        self.chars, self.words, self.stopwords, self.sentences = chars, words, stopwords, sentences
        self.sentence_end, self.bullet = sentence_end, bullet
        self.capitalised, self.digits = capitalised, digits
        self.separators, self.repeats = separators, repeats

    @property
    def density(self):
        """Share of the line's words that are function words."""
        return self.stopwords / <double>self.words if self.words else 0.0

    @property
    def caps_share(self):
        """Share of the line's words that start with a capital letter."""
        return self.capitalised / <double>self.words if self.words else 0.0

    @property
    def digit_share(self):
        """Share of the line's words that are numbers."""
        return self.digits / <double>self.words if self.words else 0.0

    def _fields(self):
        return (self.chars, self.words, self.stopwords, self.sentences, self.sentence_end,
                self.bullet, self.capitalised, self.digits, self.separators, self.repeats)

    def __eq__(self, other):
        if not isinstance(other, LineFeatures):
            return NotImplemented
        return self._fields() == (<LineFeatures>other)._fields()

    def __hash__(self):
        return hash(self._fields())

    def __reduce__(self):
        return LineFeatures, self._fields()

    def __repr__(self):
        names = ("chars", "words", "stopwords", "sentences", "sentence_end", "bullet",
                 "capitalised", "digits", "separators", "repeats")
        shown = ", ".join([f"{name}={value!r}" for name, value in zip(names, self._fields())])
        return f"LineFeatures({shown})"


cdef LineFeatures _features(Py_ssize_t chars, Py_ssize_t words, Py_ssize_t stopwords,
                            Py_ssize_t sentences, bint sentence_end, bint bullet,
                            Py_ssize_t capitalised, Py_ssize_t digits, Py_ssize_t separators,
                            Py_ssize_t repeats):
    """A :class:`LineFeatures` built in C (no argument parsing)."""
    cdef LineFeatures line = LineFeatures.__new__(LineFeatures)
    line.chars, line.words, line.stopwords, line.sentences = chars, words, stopwords, sentences
    line.sentence_end, line.bullet = sentence_end, bullet
    line.capitalised, line.digits = capitalised, digits
    line.separators, line.repeats = separators, repeats
    return line


cdef inline bint _is_stop(Py_UCS4 char):
    """Sentence punctuation."""
    return char in u".!?…。！？:;"


cdef inline bint _is_closing(Py_UCS4 char):
    """Closing quotes and brackets, which may follow a sentence's stop."""
    return char in u"\"'”’»)]"


# ``Span`` (a line's text read in place) is declared in ``_features.pxd``.


cdef inline Span _span(str text, Py_ssize_t start, Py_ssize_t end) noexcept:
    """Characters ``start`` to ``end`` of ``text``, read in place."""
    cdef Span found
    found.kind, found.data = PyUnicode_KIND(text), PyUnicode_DATA(text)
    found.start, found.end = start, end
    return found


cdef inline Py_UCS4 _at(Span line, Py_ssize_t position) noexcept:
    """The character at ``position`` (counted from the start of the whole string)."""
    return PyUnicode_READ(line.kind, line.data, position)


cdef inline str _text_of(Span line, str text):
    """The span's characters as a string of their own (``text`` is the string it reads)."""
    return text[line.start:line.end]


cpdef bint ends_sentence(str text):
    """True when ``text`` ends with sentence punctuation (before closing quotes or brackets).

    >>> ends_sentence('He said "no."'), ends_sentence("Home"), ends_sentence(")")
    (True, False, False)
    """
    return _ends_sentence(_span(text, 0, len(text)))


cdef bint _ends_sentence(Span line):
    """:func:`ends_sentence` of a span."""
    cdef Py_ssize_t index = line.end - 1
    while index >= line.start and _is_closing(_at(line, index)):
        index -= 1
    return index >= line.start and _is_stop(_at(line, index))


cdef inline bint _may_be_prose(Span line, Py_ssize_t full_from):
    """``full_from`` characters or more, or ending like a sentence: word-level counts."""
    return line.end - line.start >= full_from or _ends_sentence(line)


cdef struct Marks:
    Py_ssize_t stops  # ". ", "? ", "! ", "。": where sentences end inside a line
    Py_ssize_t separators  # " | ", " · ", " / ", " » " (not tabs or wide spaces: tables)


cdef inline bint _is_stop_before_space(Py_UCS4 char) noexcept:
    """``.``, ``?`` or ``!``: a sentence stop when a space follows."""
    return char == u"." or char == u"?" or char == u"!"


cdef Py_ssize_t _sentence_stops(Span line):
    """``text.count(". ") + text.count("? ") + text.count("! ") + text.count("。")``
    in one pass over the characters, read by the string's width (for long lines: a
    Latin-1 string holds no ``。``). The stops of one kind never overlap, nor do those of
    different kinds: each is counted where its stop stands."""
    cdef Py_ssize_t position, found = 0
    cdef const unsigned char *latin
    cdef Py_UCS4 char
    if line.kind == PyUnicode_1BYTE_KIND:
        latin = <const unsigned char *>line.data
        for position in range(line.start, line.end - 1):
            if latin[position + 1] == 0x20 and _is_stop_before_space(latin[position]):
                found += 1
        return found
    for position in range(line.start, line.end):
        char = _at(line, position)
        if char == u"。":
            found += 1
        elif (position + 1 < line.end and _is_stop_before_space(char)
              and _at(line, position + 1) == u" "):
            found += 1
    return found


cdef Marks _marks(Span line):
    """The sentence stops and the menu separators of a short line, in one pass: what
    ``str.count`` counts for each (a separator's occurrences of one kind do not overlap:
    after one, the next is looked for past its closing space)."""
    cdef Marks found
    found.stops = found.separators = 0
    cdef Py_ssize_t position, length = line.end
    cdef Py_ssize_t bar = 0, dot = 0, slash = 0, quote = 0  # where the next may start
    cdef Py_UCS4 char, after
    for position in range(line.start, length):  # (the characters read by the string's width)
        char = _at(line, position)
        if char == u"。":
            found.stops += 1
            continue
        if position + 1 == length:
            break
        after = _at(line, position + 1)
        if after == u" " and _is_stop_before_space(char):
            found.stops += 1
        elif (char == u" " and position + 2 < length
              and _at(line, position + 2) == u" "):
            if after == u"|" and position >= bar:
                found.separators, bar = found.separators + 1, position + 3
            elif after == u"·" and position >= dot:
                found.separators, dot = found.separators + 1, position + 3
            elif after == u"/" and position >= slash:
                found.separators, slash = found.separators + 1, position + 3
            elif after == u"»" and position >= quote:
                found.separators, quote = found.separators + 1, position + 3
    return found


DEF ASCII = 128
DEF SPACE = 1  # the case classes of a character, as bits (see ``_case_of``)
DEF UPPER = 2  # upper or title case
DEF LOWER = 4

cdef unsigned char ascii_cases[ASCII]


cdef unsigned char _cases(Py_UCS4 char) noexcept:
    """The case classes of ``char`` from the Unicode database: white space, upper or title
    case, lower case."""
    return (SPACE * char.isspace() + UPPER * (char.isupper() or char.istitle())
            + LOWER * char.islower())


cdef void _fill_cases() noexcept:
    """Fill ``ascii_cases`` from :func:`_cases` itself (once, at import): a table read costs
    less than three calls of the database, with the very same answers."""
    cdef Py_UCS4 char
    for char in range(ASCII):
        ascii_cases[char] = _cases(char)


_fill_cases()


cdef inline unsigned char _case_of(Py_UCS4 char) noexcept:
    """The case classes of ``char``: by the table below ASCII's end."""
    return ascii_cases[char] if char < ASCII else _cases(char)


cdef Py_ssize_t _title_words(Span line):
    """``sum(map(str.istitle, text.split()))``: the words (split at spaces) in title case.

    A word is in title case when it has a cased character, upper-case (or title-case)
    characters follow only uncased ones, and lower-case ones only cased ones.
    """
    cdef Py_ssize_t found = 0
    cdef bint in_word = False, cased = False, after_cased = False, title = True
    cdef Py_ssize_t position
    cdef unsigned char cases
    for position in range(line.start, line.end):
        cases = _case_of(_at(line, position))
        if cases & SPACE:
            found += in_word and cased and title
            in_word = False
            continue
        if not in_word:
            in_word, cased, after_cased, title = True, False, False, True
        if cases & UPPER:
            title = title and not after_cased
            after_cased = cased = True
        elif cases & LOWER:
            title = title and after_cased
            after_cased = cased = True
        else:
            after_cased = False
    found += in_word and cased and title
    return found


cdef inline bint _is_regex_space(Py_UCS4 char):
    """What ``\\s`` matches in the ``regex`` module: ``str.isspace`` without the four
    information separators U+001C to U+001F (``tests/test_features_kernel.py`` checks every
    code point)."""
    return char.isspace() and not (0x1C <= char <= 0x1F)


cdef Py_ssize_t _marker_end(str text):
    """Where ``text``'s leading list marker ends (the end of ``lexicon.BULLET``'s match:
    a marker character, then white space), 0 when it has none."""
    return _marker_length(_span(text, 0, len(text)))


cdef Py_ssize_t _marker_length(Span line):
    """How many characters the span's leading list marker takes (:func:`_marker_end`)."""
    cdef Py_ssize_t first = line.start, position = first + 1
    if (line.end - first < 2 or not is_bullet_char(_at(line, first))
            or not _is_regex_space(_at(line, first + 1))):
        return 0
    while position < line.end and _is_regex_space(_at(line, position)):
        position += 1
    return position - first


cpdef str without_marker(str text):
    """``text`` without its leading list marker (``lexicon.strip_bullet``, in C).

    >>> without_marker("•  Ukraine"), without_marker("-5 °C"), without_marker("•")
    ('Ukraine', '-5 °C', '•')
    """
    cdef Py_ssize_t end = _marker_end(text)
    return text[end:] if end else text


cdef inline array _zeros(array kind, Py_ssize_t count):
    """An array of ``count`` zeros of ``kind``'s type."""
    return clone(kind, count, zero=True)


cdef inline unsigned char _small(Py_ssize_t count):
    """A shape count as stored: taken on lines shorter than ``shape_limit`` characters
    only, which :func:`measure_lines` bounds by 256, so a count is at most 255 (one
    character each)."""
    return <unsigned char>min(count, 255)


cdef class LineFacts:  # (its fields: ``_features.pxd``)
    """What each line's own text gives the classifier, one typed array per fact: the same
    on any page that holds the line, so the page of the kept lines (the engine's second
    look) takes them over with :meth:`select`.

    Per line: ``chars``, ``words`` (long tokens of scripts without spaces count as
    several), ``sentences`` (these counts, and ``keys``, each in the narrowest of
    ``"B"``, ``"H"`` and ``"i"`` that holds the page's largest, widened as a larger one
    comes: read them with ``count_at``), ``prose`` (1: the line may be prose, and has word-level
    counts), ``sentence_end``, ``bullet``, the shape counts ``capitalised``, ``digits``
    and ``separators``, and ``keys``, the number of the line's repetition key (its
    text without list marker, case folded); ``shape_of_key`` numbers each key's shape
    (digit runs written ``0``), ``shapes`` of them.

    >>> from cleantext.text._lines import LineTable
    >>> from cleantext.text.page import Page
    >>> page = Page.from_text("Home\\nPage 1.\\n• HOME\\nPage 2.")
    >>> facts = measure_lines(page.lines, page.tokens, page.word_counts, str.casefold, str,
    ...     70, 200, 14)
    >>> list(facts.keys), list(facts.shape_of_key), list(facts.prose), list(facts.bullet)
    ([0, 1, 0, 2], [0, 1, 1], [0, 1, 0, 1], [0, 0, 1, 0])
    >>> list(facts.select([1, 3]).keys), len(facts.select([1, 3]))
    ([1, 2], 2)
    """

    # (``counted`` holds the stopword counts of the set ``counted_for`` that
    # ``stopword_counts`` last counted; ``choice`` what ``prose_choice`` chose)

    def __len__(self):
        return len(self.chars)

    cdef void _allocate(self, Py_ssize_t count):
        """``count`` lines of zeros, every array of bytes (the counts widen as needed)."""
        self.chars, self.words = _zeros(_BYTES, count), _zeros(_BYTES, count)
        self.sentences, self.keys = _zeros(_BYTES, count), _zeros(_BYTES, count)
        self.capitalised, self.digits = _zeros(_BYTES, count), _zeros(_BYTES, count)
        self.separators = _zeros(_BYTES, count)
        self.prose, self.sentence_end = _zeros(_BYTES, count), _zeros(_BYTES, count)
        self.bullet = _zeros(_BYTES, count)

    cdef void _allocate_like(self, LineFacts source, Py_ssize_t count):
        """``count`` lines of zeros, each array of the type of ``source``'s."""
        self.chars, self.words = _zeros(source.chars, count), _zeros(source.words, count)
        self.sentences = _zeros(source.sentences, count)
        self.keys = _zeros(source.keys, count)
        self.capitalised, self.digits = _zeros(_BYTES, count), _zeros(_BYTES, count)
        self.separators = _zeros(_BYTES, count)
        self.prose, self.sentence_end = _zeros(_BYTES, count), _zeros(_BYTES, count)
        self.bullet = _zeros(_BYTES, count)

    def select(self, kept):
        """The facts of lines ``kept`` (indexes, in order), for the page made of them."""
        cdef LineFacts chosen = LineFacts.__new__(LineFacts)
        cdef Py_ssize_t count = len(kept), position, index
        chosen._allocate_like(self, count)
        chosen.shape_of_key, chosen.shapes = self.shape_of_key, self.shapes
        if self.counted is not None:
            chosen.counted_for, chosen.counted = self.counted_for, _zeros(self.counted, count)
        cdef Py_ssize_t prose_kept = 0
        for position in range(count):
            index = kept[position]
            chosen._copy(position, self, index)
            prose_kept += self.prose.data.as_uchars[index]
        if self.choice is not None and prose_kept == self._prose_lines():
            chosen.choice = self.choice  # the same lines may be prose: the same words, language
        return chosen

    cdef Py_ssize_t _prose_lines(self):
        """How many lines may be prose."""
        cdef Py_ssize_t index, found = 0
        for index in range(len(self.prose)):
            found += self.prose.data.as_uchars[index]
        return found

    def prose_choice(self, object tokens, object choose):
        """``choose(tokens, self.prose)``: the page's language and stopwords, chosen from the
        words (``tokens``) of the lines that may be prose; kept, and carried by
        :meth:`select` when every such line is kept."""
        if self.choice is None:
            self.choice = choose(tokens, self.prose)
        return self.choice

    cdef void _copy(self, Py_ssize_t position, LineFacts source, Py_ssize_t index):
        """Line ``index`` of ``source`` as this table's line ``position``."""
        _copy_entry(self.chars, position, source.chars, index)
        _copy_entry(self.words, position, source.words, index)
        _copy_entry(self.sentences, position, source.sentences, index)
        _copy_entry(self.keys, position, source.keys, index)
        _copy_entry(self.capitalised, position, source.capitalised, index)
        _copy_entry(self.digits, position, source.digits, index)
        _copy_entry(self.separators, position, source.separators, index)
        _copy_entry(self.prose, position, source.prose, index)
        _copy_entry(self.sentence_end, position, source.sentence_end, index)
        _copy_entry(self.bullet, position, source.bullet, index)
        if self.counted is not None:
            _copy_entry(self.counted, position, source.counted, index)

    cdef void _full(self, Py_ssize_t index, Span text, Py_ssize_t count, Py_ssize_t long_parts,
                    Py_ssize_t numbers, Py_ssize_t shape_limit, Py_ssize_t long_word):
        """A line that may be prose: word-level counts too (``long_parts`` and ``numbers``:
        its tokens' parts of ``long_word`` characters, and its numbers)."""
        cdef Py_ssize_t chars = text.end - text.start
        if chars > long_word * (count + 1):  # long tokens: scripts written without spaces
            count += long_parts
        cdef bint end = _ends_sentence(text)
        self.chars = put_count(self.chars, index, chars)
        self.words = put_count(self.words, index, count)
        self.prose.data.as_uchars[index], self.sentence_end.data.as_uchars[index] = 1, end
        if chars >= shape_limit:  # long lines: their shape says little, skip the costly counts
            self.sentences = put_count(self.sentences, index, _sentence_stops(text) + end)
            return
        cdef Marks marks = _marks(text)
        self.sentences = put_count(self.sentences, index, marks.stops + end)
        self.bullet.data.as_uchars[index] = _marker_length(text) > 0
        self.capitalised.data.as_uchars[index] = _small(_title_words(text))
        self.digits.data.as_uchars[index] = _small(numbers)
        self.separators.data.as_uchars[index] = _small(marks.separators)

    cdef void _light(self, Py_ssize_t index, Span text, Py_ssize_t count):
        """A short line that does not end like a sentence: no word-level counts."""
        self.chars = put_count(self.chars, index, text.end - text.start)
        self.words = put_count(self.words, index, count)
        self.bullet.data.as_uchars[index] = _marker_length(text) > 0
        if count >= 3:  # words on both sides of a separator
            self.separators.data.as_uchars[index] = _small(_marks(text).separators)

    def stopword_counts(self, object tokens, frozenset stopwords):
        """Per line, its words in ``stopwords`` (0 for lines that cannot be prose).

        The counts for the set last asked for are kept (and carried by :meth:`select`):
        the page of the kept lines mostly has its page's language (or, without a listed
        language, the same most frequent words).
        """
        if self.counted is not None and (self.counted_for is stopwords
                                         or self.counted_for == stopwords):
            return self.counted
        self.counted = narrowed(tokens.members_on(self.prose, stopwords))
        self.counted_for = stopwords
        return self.counted

    def repeat_counts(self, Py_ssize_t min_shared):
        """How often each line occurs: exactly, or with other numbers when at least
        ``min_shared`` lines share that shape."""
        return repeat_counts(self.keys, self.shape_of_key, self.shapes, min_shared)


def measure_lines(LineTable table, object tokens, object word_counts, object casefold,
                  object numbers_to_zero, Py_ssize_t full_from, Py_ssize_t shape_limit,
                  Py_ssize_t long_word, Py_ssize_t batch=4096):
    """The :class:`LineFacts` of ``table``'s lines, ``batch`` lines at a time (their texts
    and keys are held for one batch only).

    Lines of ``full_from`` characters or more, or ending like a sentence, may be prose
    and get word-level counts; lines of ``shape_limit`` characters or more skip the shape
    counts; tokens of ``long_word`` characters count as several words. ``casefold`` and
    ``numbers_to_zero`` make the keys and their shapes (see :func:`line_keys`,
    :func:`line_shapes`). The shape counts are stored as bytes: ``shape_limit`` is at
    most 256.
    """
    if not 0 <= shape_limit <= 256:
        raise ValueError(f"shape_limit must be 0 to 256, not {shape_limit}")
    cdef Py_ssize_t count = len(table), first, index
    cdef LineFacts facts = LineFacts.__new__(LineFacts)
    cdef KeyTable keys = KeyTable(table.text, count)
    cdef Py_ssize_t last
    cdef str page_text = table.text
    cdef Span text
    cdef array long_parts, number_words
    cdef list others, where
    facts._allocate(count)
    for first in range(0, count, batch):
        last = min(first + batch, count)
        long_parts, number_words = tokens.word_facts(long_word, first, last)
        others, where = [], []
        for index in range(first, last):
            text = _span(page_text, text_start(table, index), line_end(table, index))
            if _may_be_prose(text, full_from):
                facts._full(index, text, word_counts[index],
                            long_parts.data.as_ints[index - first],
                            number_words.data.as_ints[index - first], shape_limit, long_word)
            else:
                facts._light(index, text, word_counts[index])
            text.start += _marker_length(text)
            if not keys.add_line(index, text):  # (a character the table cannot fold)
                others.append(_text_of(text, page_text))
                where.append(index)
        if others:
            keys.add_folded(where, casefold(u"\n".join(others)).split(u"\n"))
    facts.keys, facts.shape_of_key, facts.shapes = keys.finish(numbers_to_zero)
    return facts


cdef struct KeyEntry:
    # A distinct repetition key: its characters (read in place, through the folding table
    # when ``folded`` is 0: a line of the page's text; else a folded string's), their
    # hash and whether they may hold a decimal digit.
    Span chars
    bint folded, digits
    uint64_t hash_value


cdef extern from *:
    """
    #define CLEANTEXT_KEY_FNV_START 14695981039346656037ULL
    #define CLEANTEXT_KEY_FNV_PRIME 1099511628211ULL
    """
    # A key's hash: FNV-1a over its folded code points, in C's unsigned 64-bit arithmetic.
    const uint64_t KEY_FNV_START "CLEANTEXT_KEY_FNV_START"
    const uint64_t KEY_FNV_PRIME "CLEANTEXT_KEY_FNV_PRIME"


cdef inline Py_UCS4 _key_char(KeyEntry *key, Py_ssize_t index) noexcept:
    """Character ``index`` of ``key``, folded."""
    cdef Py_UCS4 char = PyUnicode_READ(key.chars.kind, key.chars.data, key.chars.start + index)
    return char if key.folded else folds[char]


cdef bint _same_key(KeyEntry *key, KeyEntry *other) noexcept:
    """``key`` and ``other`` are the same folded characters."""
    cdef Py_ssize_t index, length = key.chars.end - key.chars.start
    if key.hash_value != other.hash_value or length != other.chars.end - other.chars.start:
        return False
    for index in range(length):
        if _key_char(key, index) != _key_char(other, index):
            return False
    return True


cdef class KeyTable:
    """Numbers a page's lines by their repetition keys (each line's text without list
    marker, case folded, see :func:`line_keys`): equal keys one number, in the order of
    their first line. A key is read in place, folded from the table as it is hashed
    and compared: no string is made for a line, and each distinct key is held as where
    it lies (a line the table cannot fold is held as its folded string).

    >>> from cleantext.text._lines import LineTable
    >>> table = LineTable("Home\\nMay 1\\nSTRASSE\\nHOME\\nMay 2")
    >>> keys = KeyTable(table.text, len(table))
    >>> [keys.add_text(index, table.line_text(index)) for index in (0, 1, 3, 4)]
    [True, True, True, True]
    >>> keys.add_folded([2], ["straße".casefold()])
    >>> found, shapes, count = keys.finish(str)
    >>> list(found), list(shapes), count
    ([0, 1, 3, 0, 2], [0, 1, 1, 2], 3)
    """

    cdef str text  # the page's text (the keys of its lines are read in it)
    cdef list strings  # the folded strings of the keys the table cannot fold
    cdef KeyEntry *entries
    cdef Py_ssize_t size, capacity
    cdef array slots  # an entry's number + 1 (0: empty); a power of two, at most half used
    cdef array numbers  # per line, its key's number (see ``put_count``)

    def __cinit__(self, str text, Py_ssize_t lines):
        self.text, self.strings, self.entries, self.size, self.capacity = text, [], NULL, 0, 0
        self.slots = _zeros(_INTS, 64)
        self.numbers = _zeros(_BYTES, lines)

    def __dealloc__(self):
        PyMem_Free(self.entries)

    cdef bint add_line(self, Py_ssize_t line, Span chars) except -1:
        """Number line ``line``, whose key is ``chars`` (of the page's text) folded from the
        table; False (nothing numbered) when a character is beyond the table or folds to
        several."""
        cdef KeyEntry key
        cdef Py_ssize_t position
        cdef Py_UCS4 char
        key.chars, key.folded, key.digits, key.hash_value = chars, False, False, KEY_FNV_START
        for position in range(chars.start, chars.end):
            char = _at(chars, position)
            if char >= FOLDS_END or folds[char] == NOT_ONE:
                return False
            char = folds[char]
            key.digits = key.digits or _decimal_by_table(char)
            key.hash_value = (key.hash_value ^ <uint64_t>char) * KEY_FNV_PRIME
        self._number(line, &key)
        return True

    def add_text(self, Py_ssize_t line, str text):
        """Number line ``line`` whose text (without list marker) is ``text``, a part of the
        page's text (:meth:`add_line`; for the tests)."""
        cdef Py_ssize_t start = self.text.find(text)
        if start < 0:
            raise ValueError(f"{text!r} is not in the page's text")
        return self.add_line(line, _span(self.text, start, start + len(text)))

    def add_folded(self, list lines, list keys):
        """Number lines ``lines`` whose keys are ``keys`` (folded strings, each held: they
        may hold a decimal digit)."""
        cdef KeyEntry entry
        cdef Py_ssize_t position, line, known
        cdef str key
        if len(lines) != len(keys):
            raise ValueError(f"{len(keys)} keys for {len(lines)} lines")
        for line, key in zip(lines, keys):
            entry.chars, entry.folded, entry.digits = _span(key, 0, len(key)), True, True
            entry.hash_value = KEY_FNV_START
            for position in range(len(key)):
                entry.hash_value = (entry.hash_value ^ <uint64_t>_at(entry.chars, position)
                                    ) * KEY_FNV_PRIME
            known = self.size
            self._number(line, &entry)
            if self.size > known:
                self.strings.append(key)  # (a new key: its entry reads this string)

    cdef Py_ssize_t _number(self, Py_ssize_t line, KeyEntry *key) except -1:
        """Give line ``line`` the number of ``key``, entering it when new; return it."""
        cdef Py_ssize_t mask = len(self.slots) - 1
        cdef Py_ssize_t slot = <Py_ssize_t>(key.hash_value & <uint64_t>mask), number
        while self.slots.data.as_ints[slot]:
            number = self.slots.data.as_ints[slot] - 1
            if _same_key(&self.entries[number], key):
                self.numbers = put_count(self.numbers, line, number)
                return number
            slot = (slot + 1) & mask
        number = self.size
        self._append(key)
        self.slots.data.as_ints[slot] = <int>number + 1
        if 2 * self.size > len(self.slots):
            self._grow()
        self.numbers = put_count(self.numbers, line, number)
        return number

    cdef int _append(self, KeyEntry *key) except -1:
        """Hold ``key`` as the next entry (the entries grow by half when full)."""
        cdef KeyEntry *grown
        if self.size == self.capacity:
            grown = <KeyEntry *>PyMem_Realloc(
                self.entries, (self.capacity + self.capacity // 2 + 64) * sizeof(KeyEntry))
            if grown is NULL:
                raise MemoryError()
            self.entries, self.capacity = grown, self.capacity + self.capacity // 2 + 64
        self.entries[self.size] = key[0]
        self.size += 1
        return 0

    cdef void _grow(self) except *:
        """Double the slots (at most half of them used) and enter every key again."""
        cdef Py_ssize_t size = 2 * len(self.slots), mask = size - 1, slot, number
        self.slots = _zeros(_INTS, size)
        for number in range(self.size):
            slot = <Py_ssize_t>(self.entries[number].hash_value & <uint64_t>mask)
            while self.slots.data.as_ints[slot]:
                slot = (slot + 1) & mask
            self.slots.data.as_ints[slot] = <int>number + 1

    cdef str _table_key(self, Py_ssize_t number):
        """The folded string of key ``number``, one the table folds."""
        cdef bint digits
        return _table_folded(self.entries[number].chars, &digits)

    def finish(self, object numbers_to_zero):
        """``(numbers, shape_of_key, shapes)``: each line's key number, each key's shape
        number and how many shapes there are. A key without a decimal digit is its own
        shape (no other key's shape is: a shape with a digit run holds ``0``); the shapes
        of the others are compared as strings (``numbers_to_zero``: see
        :func:`line_shapes`). The keys are let go."""
        cdef dict by_shape = {}
        cdef array shape_of_key = _zeros(_INTS, self.size)
        cdef Py_ssize_t number, shapes = 0, folded = 0
        cdef object found
        cdef str key, shape
        for number in range(self.size):
            if not self.entries[number].digits:
                shape_of_key.data.as_ints[number] = shapes
                shapes += 1
                continue
            if self.entries[number].folded:
                key = self.strings[folded]
                folded += 1
            else:
                key = self._table_key(number)
            shape = _shape(key, numbers_to_zero)
            found = by_shape.get(shape)
            if found is None:
                found = by_shape[shape] = shapes
                shapes += 1
            shape_of_key.data.as_ints[number] = found
        cdef array numbers = self.numbers
        self.numbers, self.strings, self.size = None, [], 0
        return numbers, shape_of_key, shapes


def repeat_counts(array keys, array shape_of_key, Py_ssize_t shapes, Py_ssize_t min_shared):
    """Per line (its key's number in ``keys``), how often it occurs: its key's count, or
    its shape's (``shape_of_key``) when at least ``min_shared`` lines share that shape.

    >>> from array import array
    >>> list(repeat_counts(array("i", [0, 0, 1, 2]), array("i", [0, 1, 1]), 2, 2))
    [2, 2, 2, 2]
    >>> list(repeat_counts(array("i", [0, 0, 1, 2]), array("i", [0, 1, 1]), 2, 3))
    [2, 2, 1, 1]
    """
    cdef Py_ssize_t count = len(keys), index, key, largest = 0
    cdef array by_key = _zeros(_INTS, len(shape_of_key)), by_shape = _zeros(_INTS, shapes)
    cdef int *shape = shape_of_key.data.as_ints
    for index in range(count):
        key = count_at(keys, index)
        by_key.data.as_ints[key] += 1
        by_shape.data.as_ints[shape[key]] += 1
    for index in range(count):
        largest = max(largest, _repeats_of(count_at(keys, index), by_key, by_shape, shape,
                                           min_shared))
    cdef array found = _zeros(_narrowest_for(largest), count)  # (as narrow as it can be)
    for index in range(count):
        put_count(found, index, _repeats_of(count_at(keys, index), by_key, by_shape, shape,
                                            min_shared))
    return found


cdef inline Py_ssize_t _repeats_of(Py_ssize_t key, array by_key, array by_shape, int *shape,
                                   Py_ssize_t min_shared) noexcept:
    """How often a line of key number ``key`` occurs (see :func:`repeat_counts`)."""
    cdef Py_ssize_t exact = by_key.data.as_ints[key]
    cdef Py_ssize_t shared = by_shape.data.as_ints[shape[key]]
    return max(exact, shared if shared >= min_shared else 1)


cdef class FeatureTable:  # (its fields: ``_features.pxd``)
    """The :class:`LineFeatures` of a page's lines, kept as arrays (its :class:`LineFacts`,
    the stopword and repeat counts of this page); ``table[index]`` builds one.

    >>> from array import array
    >>> from cleantext.text.page import Page
    >>> page = Page.from_text("Home\\nHome")
    >>> facts = measure_lines(page.lines, page.tokens, page.word_counts, str.casefold, str,
    ...     70, 200, 14)
    >>> lines = FeatureTable(facts, array("i", [0, 0]), facts.repeat_counts(5))
    >>> len(lines), lines[-1], lines[0] == lines[1]
    (2, LineFeatures(chars=4, words=1, stopwords=0, sentences=0, sentence_end=False, \
bullet=False, capitalised=0, digits=0, separators=0, repeats=2), True)
    """

    def __init__(self, LineFacts facts, array stopwords, array repeats):
        self.facts, self.stopwords, self.repeats = facts, stopwords, repeats

    def __len__(self):
        return len(self.repeats)

    def __getitem__(self, index):
        cdef Py_ssize_t count = len(self.repeats)
        if isinstance(index, slice):
            return tuple([self.line(number) for number in range(*index.indices(count))])
        return self.line(checked_index(index, count))

    def __iter__(self):
        cdef Py_ssize_t index
        for index in range(len(self.repeats)):
            yield self.line(index)

    cpdef LineFeatures line(self, Py_ssize_t index):
        """The features of line ``index`` (0 <= index < len(self))."""
        cdef LineFacts facts = self.facts
        return _features(
            count_at(facts.chars, index), count_at(facts.words, index),
            count_at(self.stopwords, index), count_at(facts.sentences, index),
            facts.sentence_end.data.as_uchars[index], facts.bullet.data.as_uchars[index],
            facts.capitalised.data.as_uchars[index], facts.digits.data.as_uchars[index],
            facts.separators.data.as_uchars[index], count_at(self.repeats, index),
        )


def language_hits(dict counts, dict groups_of, array hits):
    """Add each word's count in ``counts`` to ``hits[group]`` (an ``array('q')``) for each
    group ``groups_of[word]`` names (a tuple of group numbers; a word in none adds
    nothing); return the count of all the words (what
    :meth:`~cleantext.text._words.LineTokens.hits_on` gives from a page's tokens).

    >>> from array import array
    >>> hits = array("q", [0, 0])
    >>> language_hits({"the": 3, "die": 2, "cat": 1}, {"the": (0,), "die": (1, 0)}, hits)
    6
    >>> list(hits)
    [5, 2]
    """
    cdef Py_ssize_t total = 0, count, group, size = len(hits)
    cdef object word, groups
    if hits.ob_descr.typecode != c"q":
        raise TypeError("hits must be an array('q')")
    for word, count in counts.items():
        total += count
        groups = groups_of.get(word)
        if groups is not None:
            for group in groups:
                if not 0 <= group < size:
                    raise IndexError(f"group {group} of {size}")
                hits.data.as_longlongs[group] += count
    return total


cdef inline bint _is_decimal(Py_UCS4 char):
    """What ``\\d`` matches in the ``regex`` module, for a character of the Basic
    Multilingual Plane: a decimal digit of any script (beyond it, the two Unicode versions
    may differ; ``tests/test_features_kernel.py`` checks every code point)."""
    return u"0" <= char <= u"9" or (char >= 0x660 and char.isdecimal())


cdef unsigned char decimals[FOLDS_END]  # 1: the code point is a decimal digit


cdef void _fill_decimals():
    """Fill ``decimals`` from :func:`_is_decimal` (once, at import)."""
    cdef Py_UCS4 code
    for code in range(FOLDS_END):
        decimals[code] = _is_decimal(code)


_fill_decimals()


cdef inline bint _decimal_by_table(Py_UCS4 char):
    """:func:`_is_decimal` (a character of the Basic Multilingual Plane), by the table
    below its end."""
    if char < 0x660:
        return u"0" <= char <= u"9"
    return decimals[char] if char < FOLDS_END else _is_decimal(char)


cdef Py_ssize_t _first_digit(str text):
    """Where ``text``'s first decimal digit is (-1: none), or -2 when ``text`` holds a
    character beyond the Basic Multilingual Plane (the regex decides there). The
    characters are read by the string's width: Latin-1's only decimals are 0-9, and a
    string of four bytes a character holds one beyond the plane."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef Py_ssize_t position
    cdef const unsigned char *latin
    if kind == PyUnicode_4BYTE_KIND:
        return -2
    if kind == PyUnicode_1BYTE_KIND:
        latin = <const unsigned char *>data
        for position in range(len(text)):
            if 0x30 <= latin[position] <= 0x39:
                return position
        return -1
    for position in range(len(text)):
        if _decimal_by_table(PyUnicode_READ(kind, data, position)):
            return position
    return -1


cdef str _shape(str key, object numbers_to_zero):
    """``key`` with each run of digits written ``0``; the regex ``numbers_to_zero`` for a
    key with characters beyond the Basic Multilingual Plane (see :func:`_first_digit`)."""
    cdef Py_ssize_t position = _first_digit(key)
    if position == -1:
        return key
    if position == -2:
        return numbers_to_zero(key)
    cdef int kind = PyUnicode_KIND(key)
    cdef void *data = PyUnicode_DATA(key)
    cdef Py_ssize_t length = len(key), size = position, index
    cdef Py_UCS4 char, largest = u"0"
    cdef bint in_number = False
    for index in range(position):  # (no digit before ``position``)
        largest = max(largest, PyUnicode_READ(kind, data, index))
    for index in range(position, length):  # the shape's length and widest character
        char = PyUnicode_READ(kind, data, index)
        if _decimal_by_table(char):
            size += not in_number
            in_number = True
        else:
            size, in_number, largest = size + 1, False, max(largest, char)
    cdef str shape = PyUnicode_New(size, largest)
    cdef int shape_kind = PyUnicode_KIND(shape)
    cdef void *shape_data = PyUnicode_DATA(shape)
    size, in_number = 0, False
    for index in range(length):
        char = PyUnicode_READ(kind, data, index)
        if _decimal_by_table(char):
            if not in_number:
                PyUnicode_WRITE(shape_kind, shape_data, size, u"0")
                size += 1
            in_number = True
        else:
            PyUnicode_WRITE(shape_kind, shape_data, size, char)
            size, in_number = size + 1, False
    return shape


def line_shapes(list keys, object numbers_to_zero):
    """Each key with its numbers written ``0`` (``numbers_to_zero(key)``, the regex
    ``\\d+`` replaced, for the keys that need it).

    >>> import re
    >>> zero = lambda key: re.sub(r"\\d+", "0", key)
    >>> line_shapes(["may 12, 2019", "page 3", "no digits", "٣ x"], zero)
    ['may 0, 0', 'page 0', 'no digits', '0 x']
    """
    cdef str key
    return [_shape(key, numbers_to_zero) for key in keys]


# ``folds``, ``FOLDS_END`` and ``NOT_ONE`` are declared in ``_features.pxd`` (the compiled
# ``prefilter.casefold`` reads the same table).


cdef void _fill_folds():
    """Fill ``folds`` with each code point's ``str.casefold`` (once, at import). Case folding
    maps each character on its own, whatever stands beside it, so a line whose characters
    are all in the table folds character by character."""
    cdef Py_UCS4 code
    cdef str folded
    for code in range(FOLDS_END):
        folded = chr(code).casefold()
        folds[code] = ord(folded) if len(folded) == 1 else NOT_ONE


_fill_folds()


cdef str _table_folded(Span text, bint *digits):
    """The span's text case folded (``str.casefold``) from the table: None when a
    character is beyond it or folds to several (the caller folds that line with
    ``str.casefold``). ``digits`` is set when the folded text holds a decimal digit."""
    cdef Py_ssize_t position
    cdef Py_UCS4 char, largest = 0
    cdef bint decimal = False
    for position in range(text.start, text.end):
        char = _at(text, position)
        if char >= FOLDS_END or folds[char] == NOT_ONE:
            return None
        largest = max(largest, folds[char])
        decimal = decimal or _decimal_by_table(folds[char])
    digits[0] = decimal
    cdef str folded = PyUnicode_New(text.end - text.start, largest)
    cdef int folded_kind = PyUnicode_KIND(folded)
    cdef void *folded_data = PyUnicode_DATA(folded)
    for position in range(text.start, text.end):
        PyUnicode_WRITE(folded_kind, folded_data, position - text.start,
                        folds[_at(text, position)])
    return folded


def line_keys(list texts, object casefold):
    """Each line as repetition compares it: without its list marker (see
    :func:`without_marker`), case folded. A line of characters the folding table holds
    is folded from it; the others with one ``casefold`` of them all (a line holds no
    newline, and folding makes none).

    >>> line_keys(["• Home", "HOME", "Straße", "ПРИВЕТ", "ＡＢ"], str.casefold)
    ['home', 'home', 'strasse', 'привет', 'ａｂ']
    """
    cdef list keys = [], others = [], where = []
    cdef bytearray digits = bytearray(len(texts))
    cdef str text
    for text in texts:
        _add_key(keys, _span(text, 0, len(text)), text, digits, others, where)
    _fold_others(keys, others, where, casefold)
    return keys


cdef void _add_key(list keys, Span line, str text, bytearray digits, list others,
                   list where) except *:
    """Append the key of ``line`` (a span of ``text``) to ``keys``, folded from the table,
    and set its entry of ``digits`` (1: the key may hold a decimal digit); a line the
    table cannot fold is appended as None, its text (without list marker) to ``others``
    and its position to ``where`` (see :func:`_fold_others`)."""
    cdef bint decimal
    line.start += _marker_length(line)
    cdef str key = _table_folded(line, &decimal)
    if key is None:
        others.append(_text_of(line, text))
        where.append(len(keys))
        decimal = True
    digits[len(keys)] = decimal
    keys.append(key)


cdef void _fold_others(list keys, list others, list where, object casefold) except *:
    """Fold the lines ``others`` (their keys at positions ``where``) with one ``casefold``
    of them all (a line holds no newline, and folding makes none)."""
    cdef Py_ssize_t position
    cdef str key
    if others:
        for position, key in zip(where, casefold(u"\n".join(others)).split(u"\n")):
            keys[position] = key
