"""The compiled kernel of :func:`cleantext.text.features.page_features`: each line's shape.

The counts are the plain definitions' (``str.split``, ``str.istitle``, ``str.isdigit``,
``str.count``, stopword membership), taken in one pass over each line's code points in
C instead of a chain of Python calls per line. ``tests/test_features_kernel.py`` checks
them against those definitions.
"""

from cpython.unicode cimport PyUnicode_Count


cdef inline bint _is_stop(Py_UCS4 char):
    """Sentence punctuation."""
    return char in u".!?…。！？:;"


cdef inline bint _is_closing(Py_UCS4 char):
    """Closing quotes and brackets, which may follow a sentence's stop."""
    return char in u"\"'”’»)]"


cdef inline bint _is_bullet_char(Py_UCS4 char):
    """The characters a list-item marker starts with."""
    return char in u"•·*-–—▪►‣◦○●■□→»›+"


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
    return _is_bullet_char(text[0]) and bullet(text) is not None


cdef object _full(str text, tuple words, frozenset stopwords, Py_ssize_t repeats,
                  Py_ssize_t count, object bullet, object make, Py_ssize_t shape_limit,
                  Py_ssize_t long_word):
    """A line that may be prose: word-level counts too (see ``features.LineFeatures``)."""
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
        return make(chars, count, function_words, sentences, end, False, 0, 0, 0, repeats)
    for word in words:
        numbers += _is_number(word)
    return make(chars, count, function_words, sentences, end, _has_bullet(text, bullet),
                _title_words(text), numbers, _separators(text), repeats)


cdef object _light(str text, Py_ssize_t repeats, Py_ssize_t count, object bullet, object make):
    """A short line that does not end like a sentence: no word-level counts."""
    cdef Py_ssize_t separators = _separators(text) if count >= 3 else 0  # words on both sides
    return make(len(text), count, 0, 0, False, _has_bullet(text, bullet), 0, 0, separators,
                repeats)


def line_features(list texts, object tokens, list prose, list repeats, object word_counts,
                  frozenset stopwords, object bullet, object make, Py_ssize_t shape_limit,
                  Py_ssize_t long_word):
    """Each line's features, built by ``make`` (``features.LineFeatures``): full ones for the
    lines that may be ``prose``, light ones for the others.

    ``bullet`` is the list-marker regex's ``match``; lines of ``shape_limit`` characters or
    more skip the shape counts; tokens of ``long_word`` characters count as several words.
    """
    cdef Py_ssize_t index
    cdef dict distinct = {}  # equal features are one tuple: many short lines share theirs
    found = []
    for index in range(len(texts)):
        if prose[index]:
            features = _full(texts[index], tokens[index], stopwords, repeats[index],
                             word_counts[index], bullet, make, shape_limit, long_word)
        else:
            features = _light(texts[index], repeats[index], word_counts[index], bullet, make)
        found.append(distinct.setdefault(features, features))
    return found
