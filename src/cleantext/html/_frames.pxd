# The C-level declarations of ``_frames.pyx``, shared with the walk and the evidence kernels.
cimport cython


@cython.final
cdef class Context:
    cdef readonly frozenset landmarks, tokens
    cdef readonly tuple labels
    cdef readonly bint in_body, heading, sectioned


cpdef Context new_context(
    Context parent, str tag, str landmark, frozenset own, bint in_body, int depth
)
