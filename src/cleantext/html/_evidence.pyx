# cython: language_level=3
"""The kinds of evidence of a rendered block's lines, compiled: :class:`~cleantext.html.
evidence.LineReader` reads every block of a page through :func:`read_kinds`.

A line's kind is the fields of its :class:`~cleantext.html.dom.DomEvidence` after the
XPath: its block element's tag, its context's landmarks and tokens, the block's link
density, its depth, its context's ``in_body`` and ``heading``, its own link density, the
block's words per line and its context's labels.

>>> from array import array
>>> from cleantext.html._walk import Block, RenderedBlock
>>> from cleantext.html.dom import PageEvidence
>>> from cleantext.html.frames import ROOT_CONTEXT
>>> block = RenderedBlock()
>>> block.add((Block(None, "p"), 2, ROOT_CONTEXT), "One two", 6, 3, 2, ())
>>> block.add((Block(None, "li"), 3, ROOT_CONTEXT), "Three", 5, 0, 1, ())
>>> pending = read_kinds(block, [], PageEvidence(), array("i"), 10)
>>> [(kind[0], kind[3], kind[4], kind[7], kind[8]) for kind in pending]
[('p', 0.273, 2, 0.5, 1.5), ('li', 0.273, 3, 0.0, 1.5)]
>>> numbered = array("i")
>>> read_kinds(block, [], PageEvidence(), numbered, 1), numbered
(None, array('i', [0, 1]))
"""

from libc.math cimport floor

from cleantext.html._frames cimport Context

cdef double _TIE_MARGIN = 1e-6  # (a scaled ratio this close to a half goes to Python's round)
cdef double _LARGEST_SCALED = 1e9  # (a larger one too: the fast path's error bound needs it small)


def read_kinds(block, list pending, evidence, numbered, Py_ssize_t keep):
    """Read the kind of each line of ``block`` (a :class:`~cleantext.html._walk.
    RenderedBlock`) in order into ``pending`` (a small page's kinds so far), and return
    it; once ``pending`` holds more than ``keep`` kinds, number them all and every kind
    after them (``evidence``'s :meth:`~cleantext.html.dom.PageEvidence.kind_number`) into
    ``numbered`` instead, and return ``None`` (``pending`` is ``None`` then from the start).
    """
    cdef list elements = block.elements
    cdef list depths = block.depths
    cdef list contexts = block.contexts
    cdef list chars = block.chars
    cdef list link_chars = block.link_chars
    cdef dict numbers = evidence.numbers  # (most kinds are found here, without a call)
    cdef Py_ssize_t index
    cdef Context context
    link_density = _ratio(block.total_links, block.total_chars, 3)
    words = _rounded(<double>block.words / len(elements), 2) if elements else 0.0
    for index in range(len(elements)):
        context = <Context?>contexts[index]  # (its fields read in C)
        kind = (
            elements[index].tag,
            context.landmarks,
            context.tokens,
            link_density,
            depths[index],
            context.in_body,
            context.heading,
            _ratio(link_chars[index], chars[index], 3),
            words,
            context.labels,
        )
        if pending is not None:
            pending.append(kind)
            if len(pending) > keep:  # (a large page: from here on, numbered)
                _number_all(pending, evidence, numbered)
                pending = None
        else:
            number = numbers.get(kind)
            numbered.append(evidence.kind_number(kind) if number is None else number)
    return pending


cdef void _number_all(list kinds, evidence, numbered) except *:
    """Number ``kinds`` in order into ``numbered``."""
    for kind in kinds:
        numbered.append(evidence.kind_number(kind))


cdef object _ratio(Py_ssize_t part, Py_ssize_t whole, int digits):
    """``round(part / whole, digits)`` (Python's ``round`` of a float); 0.0 when ``whole``
    is 0."""
    if not whole:
        return 0.0
    return _rounded(<double>part / whole, digits)


cdef double _rounded(double value, int digits) except? -1.0:
    """``round(value, digits)`` as Python's ``round`` gives it (the double nearest to the
    decimal ``value`` rounds to, half to even on ``value``'s exact binary value), without its
    decimal conversion for a ``value`` whose scaled part is clearly not a half.

    The scaled value ``value * 10**digits`` is off the exact product by at most half a unit
    in its last place (under 1e-7 below 1e9), so away from a half (by ``_TIE_MARGIN``) it
    rounds to the integer ``k`` the exact product rounds to; ``k / 10**digits`` is then the
    double nearest to that decimal, as Python's ``round`` reads its digits back. Near a half,
    negative, huge or not a number: Python's ``round`` itself."""
    cdef double scale = 1.0
    cdef double scaled, whole_part, fraction
    cdef int _step
    for _step in range(digits):
        scale *= 10.0
    scaled = value * scale
    if digits < 0 or not (0.0 <= scaled < _LARGEST_SCALED):
        return round(value, digits)
    whole_part = floor(scaled)
    fraction = scaled - whole_part
    if -_TIE_MARGIN < fraction - 0.5 < _TIE_MARGIN:
        return round(value, digits)
    if fraction > 0.5:
        whole_part += 1.0
    return whole_part / scale


def rounded(double value, int digits):
    """:func:`_rounded` (for the tests: Python's ``round`` is its reference).

    >>> rounded(2 / 3, 3), rounded(0.0005, 3), rounded(0.125, 2), rounded(1.0, 2)
    (0.667, 0.001, 0.12, 1.0)
    """
    return _rounded(value, digits)
