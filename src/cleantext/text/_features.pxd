# The C-level declarations of ``_features.pyx``: the line features and the arrays they are
# kept in, read by the classifier's kernel (``content/_context.pyx``); the case-folding
# table, read by the pre-filters' kernel (``text/_prefilter.pyx``).
cimport cython
from cpython.array cimport array


cdef inline Py_ssize_t count_at(array counts, Py_ssize_t index) noexcept:
    """Entry ``index`` of a count array kept as narrow as its values allow: ``"B"``,
    ``"H"`` or ``"i"`` (see ``_features.pyx``, :func:`put_count`)."""
    cdef int width = counts.ob_descr.itemsize
    if width == 1:
        return counts.data.as_uchars[index]
    if width == 2:
        return counts.data.as_ushorts[index]
    return counts.data.as_ints[index]


cdef enum:
    FOLDS_END = 0x2100  # the folding table's code points: Latin to the general punctuation
    NOT_ONE = 0x110000  # in the table: the character folds to several (``ß``: ``ss``)

# Each code point's ``str.casefold`` below ``FOLDS_END`` when it is one character, else
# ``NOT_ONE`` (filled at the import of ``_features``).
cdef Py_UCS4 folds[FOLDS_END]


cdef struct Span:
    # A line's text read in place: characters ``start`` to ``end`` (exclusive) of a string
    # whose characters are ``kind`` bytes wide at ``data`` (the page's text: no line is
    # copied out of it to be measured)
    int kind
    void *data
    Py_ssize_t start, end


cdef array put_count(array counts, Py_ssize_t index, Py_ssize_t value)
cpdef array narrowed(array counts)


@cython.final
cdef class LineFeatures:
    cdef readonly Py_ssize_t chars, words, stopwords, sentences
    cdef readonly bint sentence_end, bullet
    cdef readonly Py_ssize_t capitalised, digits, separators, repeats


@cython.final
cdef class LineFacts:
    cdef readonly array chars, words, sentences, keys  # counts: "B", "H" or "i" (count_at)
    cdef readonly array shape_of_key  # "i"
    cdef readonly array capitalised, digits, separators  # "B" (lines under shape_limit)
    cdef readonly array prose, sentence_end, bullet  # "B", 0 or 1
    cdef readonly Py_ssize_t shapes
    cdef object counted_for, choice
    cdef array counted
    cdef void _allocate(self, Py_ssize_t count)
    cdef void _allocate_like(self, LineFacts source, Py_ssize_t count)
    cdef Py_ssize_t _prose_lines(self)
    cdef void _copy(self, Py_ssize_t position, LineFacts source, Py_ssize_t index)
    cdef void _full(self, Py_ssize_t index, Span text, Py_ssize_t count, Py_ssize_t long_parts,
                    Py_ssize_t numbers, Py_ssize_t shape_limit, Py_ssize_t long_word)
    cdef void _light(self, Py_ssize_t index, Span text, Py_ssize_t count)


@cython.final
cdef class FeatureTable:
    cdef readonly LineFacts facts
    cdef readonly array stopwords, repeats  # counts: "B", "H" or "i" (count_at)
    cpdef LineFeatures line(self, Py_ssize_t index)
