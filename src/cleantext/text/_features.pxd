# The C-level declaration of ``_features.pyx``'s line features, read by the classifier's
# kernel (``content/_context.pyx``).
cimport cython


@cython.final
cdef class LineFeatures:
    cdef readonly Py_ssize_t chars, words, stopwords, sentences
    cdef readonly bint sentence_end, bullet
    cdef readonly Py_ssize_t capitalised, digits, separators, repeats
