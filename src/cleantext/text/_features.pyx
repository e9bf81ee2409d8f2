"""The compiled kernel of :func:`cleantext.text.features.page_features`: each line's shape.

The counts are the plain definitions' (``str.split``, ``str.istitle``, ``str.isdigit``,
``str.count``, stopword membership), taken in one pass over each line's code points in
C instead of a chain of Python calls per line. ``tests/test_features_kernel.py`` checks
them against those definitions.
"""

from cpython.unicode cimport PyUnicode_Count

from cleantext.text._lines cimport LineTable, is_bullet_char


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


cpdef bint ends_sentence(str text):
    """True when ``text`` ends with sentence punctuation (before closing quotes or brackets).

    >>> ends_sentence('He said "no."'), ends_sentence("Home"), ends_sentence(")")
    (True, False, False)
    """
    cdef Py_ssize_t index = len(text) - 1
    while index >= 0 and _is_closing(text[index]):
        index -= 1
    return index >= 0 and _is_stop(text[index])


def may_be_prose(list texts, Py_ssize_t full_from):
    """Per line: ``full_from`` characters or more, or ending like a sentence.

    >>> may_be_prose(["Home", "It rained.", "x" * 80], 70)
    [False, True, True]
    """
    cdef str text
    return [len(text) >= full_from or ends_sentence(text) for text in texts]


cdef inline Py_ssize_t _count(str text, str part):
    """``text.count(part)``."""
    return PyUnicode_Count(text, part, 0, len(text))


cdef Py_ssize_t _separators(str text):
    """Menu separators: " | ", " · ", " / ", " » " (not tabs or wide spaces: tables use them)."""
    return _count(text, u" | ") + _count(text, u" · ") + _count(text, u" / ") + _count(text, u" » ")


cdef Py_ssize_t _title_words(str text):
    """``sum(map(str.istitle, text.split()))``: the words (split at spaces) in title case.

    A word is in title case when it has a cased character, upper-case (or title-case)
    characters follow only uncased ones, and lower-case ones only cased ones.
    """
    cdef Py_ssize_t found = 0
    cdef bint in_word = False, cased = False, after_cased = False, title = True
    cdef Py_UCS4 char
    for char in text:
        if char.isspace():
            found += in_word and cased and title
            in_word = False
            continue
        if not in_word:
            in_word, cased, after_cased, title = True, False, False, True
        if char.isupper() or char.istitle():
            title = title and not after_cased
            after_cased = cased = True
        elif char.islower():
            title = title and after_cased
            after_cased = cased = True
        else:
            after_cased = False
    found += in_word and cased and title
    return found


cdef bint _is_number(str word):
    """``word.isdigit()``."""
    cdef Py_UCS4 char
    if not word:
        return False
    for char in word:
        if not char.isdigit():
            return False
    return True


cdef bint _has_bullet(str text, object bullet):
    """A list-item marker first: a marker character, then ``bullet`` (the regex) agrees."""
    return is_bullet_char(text[0]) and bullet(text) is not None


cdef LineFeatures _full(str text, tuple words, frozenset stopwords, Py_ssize_t repeats,
                        Py_ssize_t count, object bullet, Py_ssize_t shape_limit,
                        Py_ssize_t long_word):
    """A line that may be prose: word-level counts too."""
    cdef Py_ssize_t chars = len(text), function_words = 0, numbers = 0, long_parts = 0
    cdef str word
    for word in words:
        function_words += word in stopwords
        long_parts += len(word) // long_word
    if chars > long_word * (count + 1):  # long tokens: scripts written without spaces
        count += long_parts
    cdef bint end = ends_sentence(text)
    cdef Py_ssize_t sentences = (
        _count(text, u". ") + _count(text, u"? ") + _count(text, u"! ") + _count(text, u"。") + end
    )
    if chars >= shape_limit:  # long lines: their shape says little, skip the costly counts
        return _features(chars, count, function_words, sentences, end, False, 0, 0, 0, repeats)
    for word in words:
        numbers += _is_number(word)
    return _features(chars, count, function_words, sentences, end, _has_bullet(text, bullet),
                     _title_words(text), numbers, _separators(text), repeats)


cdef LineFeatures _light(str text, Py_ssize_t repeats, Py_ssize_t count, object bullet):
    """A short line that does not end like a sentence: no word-level counts."""
    cdef Py_ssize_t separators = _separators(text) if count >= 3 else 0  # words on both sides
    return _features(len(text), count, 0, 0, False, _has_bullet(text, bullet), 0, 0, separators,
                     repeats)


def line_features(list texts, object tokens, list prose, list repeats, object word_counts,
                  frozenset stopwords, object bullet, Py_ssize_t shape_limit,
                  Py_ssize_t long_word):
    """Each line's :class:`LineFeatures`: full ones for the
    lines that may be ``prose``, light ones for the others.

    ``bullet`` is the list-marker regex's ``match``; lines of ``shape_limit`` characters or
    more skip the shape counts; tokens of ``long_word`` characters count as several words.
    """
    cdef Py_ssize_t index
    cdef dict distinct = {}  # equal features are one tuple: many short lines share theirs
    cdef LineFeatures features
    found = []
    for index in range(len(texts)):
        if prose[index]:
            features = _full(texts[index], tokens[index], stopwords, repeats[index],
                             word_counts[index], bullet, shape_limit, long_word)
        else:
            features = _light(texts[index], repeats[index], word_counts[index], bullet)
        found.append(distinct.setdefault(features, features))
    return found


def line_texts(LineTable table):
    """Each line's text, its indentation left out (``line.text`` without building lines).

    >>> from cleantext.text._lines import LineTable
    >>> line_texts(LineTable("  Title\\n\\n\\tBody.  "))
    ['Title', 'Body.']
    """
    cdef str text = table.text
    cdef Py_ssize_t index, first
    found = []
    for index in range(len(table)):
        first = table.starts.data.as_longlongs[index]
        while text[first].isspace():  # (a line has a non-space character)
            first += 1
        found.append(text[first:table.ends.data.as_longlongs[index]])
    return found


def prose_vocabulary(object tokens, list prose):
    """How often each token occurs on the lines that may be ``prose``, in the order of
    first occurrence (what ``Counter.update`` gives line after line).

    >>> prose_vocabulary([("a", "b"), ("c",), ("b", "a", "a")], [True, False, True])
    {'a': 3, 'b': 2}
    """
    cdef dict counts = {}
    cdef Py_ssize_t index
    cdef str word
    for index in range(len(prose)):
        if prose[index]:
            for word in tokens[index]:
                counts[word] = counts.get(word, 0) + 1
    return counts


cdef Py_ssize_t _first_digit(str text):
    """Where ``text``'s first ASCII digit is (-1: none), or -2 when ``text`` holds a character
    from U+0660 on, the first decimal digit beyond ASCII (Arabic-Indic zero): below it,
    ``\\d`` finds only ASCII digits."""
    cdef Py_ssize_t position, found = -1
    cdef Py_UCS4 char
    for position in range(len(text)):
        char = text[position]
        if char >= 0x660:
            return -2
        if found < 0 and u"0" <= char <= u"9":
            found = position
    return found


cdef str _shape(str key, object numbers_to_zero):
    """``key`` with each run of digits written ``0``; the regex ``numbers_to_zero`` for a
    key with characters beyond ASCII digits' reach (see :func:`_first_digit`)."""
    cdef Py_ssize_t position = _first_digit(key)
    if position == -1:
        return key
    if position == -2:
        return numbers_to_zero(key)
    cdef list parts = [key[:position]]
    cdef Py_ssize_t length = len(key), start
    while position < length:
        parts.append(u"0")
        while position < length and u"0" <= key[position] <= u"9":
            position += 1
        start = position
        while position < length and not (u"0" <= key[position] <= u"9"):
            position += 1
        parts.append(key[start:position])
    return u"".join(parts)


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


def line_keys(list texts, object strip_bullet, object casefold):
    """Each line as repetition compares it: without its list marker (``strip_bullet``,
    called only on lines that start with a marker character), case folded. One
    ``casefold`` of all the lines: a line holds no newline, and folding makes none.

    >>> line_keys(["• Home", "HOME", "Straße"], lambda text: text[2:], str.casefold)
    ['home', 'home', 'strasse']
    """
    cdef str text
    if not texts:
        return []
    cdef list bare = [
        strip_bullet(text) if text and is_bullet_char(text[0]) else text for text in texts
    ]
    return casefold(u"\n".join(bare)).split(u"\n")
