"""The compiled pre-filters of :mod:`cleantext.text.page_type`: tests of each line's first
and last characters, one pass over the lines, where a regular expression would scan every
character of the text for a pattern anchored at a line's end.

Each returns the lines worth matching with the full pattern, in order: every line the
pattern can accept (``tests/test_page_type_prefilter.py`` checks it on arbitrary text),
and few others.
"""

from cpython.array cimport array
from cpython.unicode cimport (
    Py_UNICODE_ISSPACE, PyUnicode_DATA, PyUnicode_KIND, PyUnicode_READ,
)

from cleantext.text._lines cimport LineTable, line_end, text_start


cdef inline bint _ascii_digit(Py_UCS4 char):
    return u"0" <= char <= u"9"


cdef bint _ends_like_a_time(str text, Py_ssize_t start, Py_ssize_t end):
    """``text[start:end]`` ends in ``[ap]\\.?m\\.?`` ("am", "p.m.")."""
    cdef Py_ssize_t last = end - 1
    if last >= start and text[last] == u".":
        last -= 1
    if last < start or text[last] != u"m":
        return False
    last -= 1
    if last >= start and text[last] == u".":
        last -= 1
    return last >= start and (text[last] == u"a" or text[last] == u"p")


cdef inline Py_ssize_t _offset(array starts, Py_ssize_t index) noexcept:
    """``starts[index]``, of a 64-bit or a 32-bit array (``LineTable.joined`` gives the
    table's own width)."""
    if starts.ob_descr.itemsize == 8:
        return starts.data.as_longlongs[index]
    return starts.data.as_ints[index]


def header_ends(str folded, array starts, object date_end):
    """``(op, dated)``: the numbers of the lines of ``folded`` (the case-folded lines joined
    by newlines; line ``k`` starts at ``starts[k]``) that end in "op", and those that end
    like a date or a time: a digit, "am", "p.m." (``date_end``, the search of the pattern
    ``(?:\\d|[ap]\\.?m\\.?)$``, decides for a line ending beyond ASCII: ``\\d`` is any
    decimal digit).

    >>> import regex
    >>> date_end = regex.compile(r"(?:\\d|[ap]\\.?m\\.?)$", regex.MULTILINE).search
    >>> from array import array
    >>> text = "op\\n12 may 2024\\n10 p.m.\\nhome\\n\\n٣"
    >>> header_ends(text, array("q", [0, 3, 15, 23, 28, 29, 31]), date_end)
    ([0], [1, 2, 5])
    """
    cdef list op = [], dated = []
    cdef Py_ssize_t line, start, end, count = len(starts) - 1
    cdef Py_UCS4 last
    for line in range(count):
        start, end = _offset(starts, line), _offset(starts, line + 1) - 1
        if end <= start:
            continue
        last = folded[end - 1]
        if last == u"p" and end - start >= 2 and folded[end - 2] == u"o":
            op.append(line)
        if last >= 128:
            if date_end(folded, start, end) is not None:
                dated.append(line)
        elif _ascii_digit(last) or _ends_like_a_time(folded, start, end):
            dated.append(line)
    return op, dated


cdef bint _may_be_code(str text, Py_ssize_t start, Py_ssize_t end, frozenset keywords,
                       str openers):
    """``text[start:end]`` holds what every line of code the page type counts holds: a
    keyword first (then white space), a closing bracket, a comment mark or a brace first,
    a brace or a semicolon last, ``=``, ``<`` or ``::``, or a call (``(`` after a word
    character or a dot; any character beyond ASCII is let through). The characters are
    read by the string's width."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef Py_UCS4 char, before = 0
    cdef Py_ssize_t position
    char = PyUnicode_READ(kind, data, start)
    if char in u"}])#/" or PyUnicode_READ(kind, data, end - 1) in u"{;":
        return True
    for position in range(start, end):
        char = PyUnicode_READ(kind, data, position)
        if char == u"=" or char == u"<":
            return True
        if char == u":" and before == u":":
            return True
        if char == u"(" and position > start and (
            before >= 128 or before == u"." or before == u"_" or before.isalnum()
        ):
            return True
        before = char
    return _starts_with_keyword(text, start, end, keywords, openers)


cdef bint _starts_with_keyword(str text, Py_ssize_t start, Py_ssize_t end,
                               frozenset keywords, str openers):
    """``text[start:end]``'s first word (up to the first white space) is one of
    ``keywords`` (none holds white space; ``openers``: their first characters). Every
    line the pattern's ``^(?:keyword)\\s`` accepts passes: the regex's ``\\s`` is white
    space to ``str.isspace`` too."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef Py_ssize_t position = start
    if PyUnicode_READ(kind, data, start) not in openers:
        return False
    while position < end and not Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, position)):
        position += 1
    return position < end and text[start:position] in keywords


def code_candidates(LineTable table, Py_ssize_t max_chars, frozenset keywords, str openers):
    """The texts of the lines of ``table`` (without their indentation), of at most
    ``max_chars`` characters, that may be code (see :func:`_may_be_code`; ``keywords``:
    the words a line of code may start with, then white space; ``openers``: their first
    characters, given by the caller once for every page).

    >>> from cleantext.text._lines import LineTable
    >>> code_candidates(LineTable("x = 1\\nHome\\n  def f\\nprint(x)\\nA (B)\\ndef"), 200,
    ...     frozenset({"def"}), "d")
    ['x = 1', 'def f', 'print(x)']
    """
    cdef str text = table.text
    cdef list found = []
    cdef Py_ssize_t line, start, end
    for line in range(len(table)):
        start, end = text_start(table, line), line_end(table, line)
        if end - start <= max_chars and _may_be_code(text, start, end, keywords, openers):
            found.append(text[start:end])
    return found
