# The C-level declarations of ``_lines.pyx``, shared with the other kernels (``_words.pyx``).
cimport cython
from cpython.array cimport array


@cython.final
@cython.no_gc
cdef class Line:
    cdef readonly Py_ssize_t index, start, end, block, gap_before
    cdef readonly str text


@cython.final
@cython.no_gc
cdef class Gap:
    cdef readonly Py_ssize_t start, end, newlines, after


@cython.final
cdef class LineTable:
    cdef readonly str text
    cdef readonly array starts, ends, blocks
    cdef Py_ssize_t count
    cdef void _split(self)
    cpdef Line line(self, Py_ssize_t index)
    cpdef Py_ssize_t breaks_before(self, Py_ssize_t index)
    cpdef Gap gap(self, Py_ssize_t index)
