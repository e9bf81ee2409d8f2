# What the DOM detectors' kernels (``_outside.pyx``, ``_landmark.pyx``) share: where a line's
# element lies relative to the page's container, read from their XPaths.

cdef inline bint inside(str xpath, str container, str prefix):
    """Whether the element at ``xpath`` is ``container`` or lies within it (``prefix`` is
    ``container + "/"``, built once by the caller)."""
    return xpath == container or xpath.startswith(prefix)
