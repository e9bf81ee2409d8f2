# The C-level declarations of ``_engine.pyx``.
from cpython.array cimport array

from cleantext.text._lines cimport LineTable


cdef class UnitValues:
    cdef readonly Py_ssize_t size
    cdef array starts, values  # "q": each run's first unit; "d": its value
    cdef readonly bint whole
    cdef Py_ssize_t _run
    cdef int push(self, double value) except -1
    cdef double at(self, Py_ssize_t unit) noexcept
    cdef Py_ssize_t _find(self, Py_ssize_t unit) noexcept
    cdef object _shown(self, double value)


cdef class Units:
    cdef readonly LineTable lines
    cdef readonly Py_ssize_t size
    cdef Py_ssize_t bound(self, Py_ssize_t index)
    cpdef Py_ssize_t start(self, Py_ssize_t unit)
    cpdef Py_ssize_t end(self, Py_ssize_t unit)
    cpdef object covered(self, Py_ssize_t start, Py_ssize_t end)
    cdef Py_ssize_t _first_from(self, Py_ssize_t start)
    cdef Py_ssize_t _ending_by(self, Py_ssize_t end)


cdef class Claims:
    cdef readonly Units units
    cdef readonly list detectors, proposals, notes, scores, firsts, stops
    cdef list _numbers, _named, _orders
    cdef dict _detector_numbers
    cdef void _append(self, detector, proposal, double score, str note, Py_ssize_t first,
                      Py_ssize_t stop) except *
    cdef object _segment(self, Py_ssize_t first, Py_ssize_t last, object best,
                         Py_ssize_t number, str text, object evidence)
