# cython: language_level=3
"""The scan of :func:`cleantext.html.parse.xml_compatible`, compiled: whether a page's UTF-8
bytes hold anything that must be mended before libxml2 parses them. Most pages hold
nothing, and then their bytes go to the parser as they are (no copy blanking their control
characters, no search for the non-characters' lead).

>>> needs_mending(b"<p>fine\\ttext\\r\\n</p>"), needs_mending(b"<p>a\\x00b</p>")
(False, True)
>>> needs_mending("<p\\uffff>".encode()), needs_mending("<p>\\uff0c</p>".encode())
(True, False)
"""

from libc.stdint cimport uint64_t
from libc.string cimport memcpy

cdef uint64_t _ONES = 0x0101010101010101ULL
cdef uint64_t _HIGHS = 0x8080808080808080ULL
cdef unsigned char _LEAD = 0xEF  # (U+FFFE and U+FFFF in UTF-8 start EF BF)
cdef unsigned char _SECOND = 0xBF


def needs_mending(bytes data not None):
    """True when ``data`` holds a control byte libxml2 refuses (below 0x20 but tab, line
    feed and carriage return) or the bytes ``EF BF`` that U+FFFE and U+FFFF start with in
    UTF-8 (they may be other characters: then the mending changes nothing)."""
    return _needs_mending(<const unsigned char*>data, len(data))


cdef bint _needs_mending(const unsigned char* data, Py_ssize_t size) noexcept nogil:
    """:func:`needs_mending` of ``size`` bytes, eight at a time: a word with no byte below
    0x20 and no ``EF`` byte is passed over whole; another has its bytes looked at."""
    cdef Py_ssize_t index = 0
    cdef uint64_t word, lead
    while index + 8 <= size:
        memcpy(&word, data + index, 8)
        lead = word ^ (_ONES * _LEAD)
        # (the usual bit tests: some byte is below 0x20, some byte is EF)
        if ((word - _ONES * 0x20) & ~word & _HIGHS) or ((lead - _ONES) & ~lead & _HIGHS):
            if _any_odd(data, index, index + 8, size):
                return True
        index += 8
    return _any_odd(data, index, size, size)


cdef inline bint _any_odd(
    const unsigned char* data, Py_ssize_t start, Py_ssize_t end, Py_ssize_t size
) noexcept nogil:
    """Whether a byte from ``start`` to ``end`` is a refused control byte or the ``EF`` of an
    ``EF BF`` pair (``size``: the data's length)."""
    cdef Py_ssize_t index
    cdef unsigned char byte
    for index in range(start, end):
        byte = data[index]
        if byte < 0x20 and byte != 0x09 and byte != 0x0A and byte != 0x0D:
            return True
        if byte == _LEAD and index + 1 < size and data[index + 1] == _SECOND:
            return True
    return False
