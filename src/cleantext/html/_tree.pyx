# cython: language_level=3
"""The element tree that a page's lines' XPaths form, compiled: weights summed per element.

The main-container choice (:mod:`cleantext.html.dom`) sums line weights over every element
that holds lines, three to five times a page; here the elements are numbered once and each
sum is two loops over C arrays. :func:`ancestor_at` names a line's element's ancestor for
the labels of the ``dom_*`` detectors (tens of thousands of calls a set).

>>> tree = Tree(["/html/body/div/p[1]", "", "/html/body/div/p[2]"])
>>> tree.paths
['/html/body/div/p[1]', '/html/body/div', '/html/body', '/html', '/html/body/div/p[2]']
>>> tree.totals([1.0, 5.0, 2.0])["/html/body/div"]
3.0
>>> tree.heaviest([1.0, 5.0, 2.0]), tree.heaviest([2.0, 0.0, -2.0])
(('/html/body/div', 3.0), ('/html/body/div/p[1]', 2.0))
"""

from array import array

from cpython.mem cimport PyMem_Free, PyMem_Malloc


cdef class Tree:
    """The elements that hold lines and their ancestors (``paths``, numbered in order of
    their first line, each element before its ancestors), with their parents."""

    cdef readonly list paths
    cdef Py_ssize_t _count  # elements; number ``_count`` is the root (lines without one)
    cdef Py_ssize_t _lines
    cdef Py_ssize_t *_slots  # each line's element
    cdef Py_ssize_t *_children  # elements deepest first (stable: first line's order)
    cdef Py_ssize_t *_parents  # the parent of each of ``_children``
    cdef Py_ssize_t *_depths  # each element's depth (its XPath's slashes)

    def __cinit__(self):
        self._slots = NULL
        self._children = NULL
        self._parents = NULL
        self._depths = NULL

    def __init__(self, xpaths):
        cdef dict slots = {}
        parents, depths = array("q"), array("q")  # (per element: 16 bytes, no Python object)
        cdef list lines = xpaths if type(xpaths) is list else list(xpaths)
        self._number(lines, slots, parents, depths)
        self.paths = list(slots)
        self._count = len(self.paths)
        self._lines = len(lines)
        self._slots = _alloc(self._lines)
        self._children = _alloc(self._count)
        self._parents = _alloc(self._count)
        self._depths = _alloc(self._count)
        self._link(lines, slots, parents, depths)

    def __dealloc__(self):
        PyMem_Free(self._slots)
        PyMem_Free(self._children)
        PyMem_Free(self._parents)
        PyMem_Free(self._depths)

    cdef void _number(self, list lines, dict slots, parents, depths):
        """Number each line's element, then its ancestors up to the first one numbered; note
        each one's depth and its parent's number (-1: the root)."""
        cdef str path
        cdef Py_ssize_t depth, number
        for path in lines:
            if not path or path in slots:
                continue
            depth = path.count("/")
            while True:
                number = len(depths)
                slots[path] = number
                depths.append(depth)
                depth -= 1
                path = path[: path.rfind("/")]  # (its parent: all before the last "/")
                if path and path not in slots:
                    parents.append(number + 1)  # (numbered next)
                    continue
                parents.append(slots[path] if path else -1)
                break

    cdef void _link(self, list lines, dict slots, parents, depths):
        """Each line's element, and each element's parent in the order the sums need."""
        cdef Py_ssize_t index, child
        cdef long long[:] parent_of = parents if self._count else None
        cdef long long[:] depth_of = depths if self._count else None
        cdef str path
        for index in range(self._count):
            self._depths[index] = depth_of[index]
        _deepest_first(self._depths, self._count, self._children)
        for index in range(self._count):
            child = self._children[index]
            self._parents[index] = self._count if parent_of[child] < 0 else parent_of[child]
        for index, path in enumerate(lines):
            self._slots[index] = slots.get(path, self._count) if path else self._count

    def totals(self, weights, bint positive=False):
        """Sum of the line weights below every element, by its XPath (with ``positive``, of
        each weight or 0.0 where it is negative, as ``max(weight, 0.0)`` gives it)."""
        cdef double *sums = self._sums(weights, positive)
        try:
            return {self.paths[index]: sums[index] for index in range(self._count)}
        finally:
            PyMem_Free(sums)

    def heaviest(self, weights):
        """The element with the top sum of the line weights below it, and that sum: of the
        elements with the top sum the deepest, the first numbered of those (``None`` when
        the tree has no element)."""
        cdef double *sums = self._sums(weights, False)
        cdef Py_ssize_t index, best = -1
        cdef double top = 0.0
        try:
            for index in range(self._count):  # (the top sum, as ``max`` of the totals finds it)
                if best < 0 or sums[index] > top:
                    best, top = index, sums[index]
            for index in range(self._count):
                if sums[index] == top and self._depths[index] > self._depths[best]:
                    best = index
            return None if best < 0 else (self.paths[best], top)
        finally:
            PyMem_Free(sums)

    cdef double *_sums(self, weights, bint positive) except NULL:
        """Sum of the line weights below every element (a new array, ``_count + 1`` long:
        the root last): put where the lines are, then each element passes its total to its
        parent, deepest first (each element visited once)."""
        cdef double *sums = <double *> PyMem_Malloc((self._count + 1) * sizeof(double))
        cdef Py_ssize_t index = 0
        cdef double weight
        if sums == NULL:
            raise MemoryError()
        try:
            for index in range(self._count + 1):
                sums[index] = 0.0
            index = 0
            for weight in weights:
                if index >= self._lines:
                    raise ValueError("more weights than lines")
                sums[self._slots[index]] += 0.0 if positive and weight < 0.0 else weight
                index += 1
            if index != self._lines:
                raise ValueError("fewer weights than lines")
            for index in range(self._count):
                sums[self._parents[index]] += sums[self._children[index]]
        except BaseException:
            PyMem_Free(sums)
            raise
        return sums


cdef void _deepest_first(Py_ssize_t *depths, Py_ssize_t count, Py_ssize_t *order) except *:
    """``order``: the numbers ``0 .. count - 1`` by depth, deepest first, each depth's in
    increasing order (what a stable sort by depth, reversed, gives), by counting the depths."""
    cdef Py_ssize_t index, depth, low = 0, high = 0, position = 0, size
    for index in range(count):
        low, high = min(low, depths[index]), max(high, depths[index])
    cdef Py_ssize_t *starts = _alloc(high - low + 1)
    try:
        for depth in range(high - low + 1):
            starts[depth] = 0
        for index in range(count):
            starts[depths[index] - low] += 1
        for depth in range(high - low, -1, -1):  # (each depth's first place, deepest first)
            size = starts[depth]
            starts[depth] = position
            position += size
        for index in range(count):
            depth = depths[index] - low
            order[starts[depth]] = index
            starts[depth] += 1
    finally:
        PyMem_Free(starts)


cdef Py_ssize_t *_alloc(Py_ssize_t count) except NULL:
    """An array of ``count`` indexes (at least one, so that an empty page allocates too)."""
    cdef Py_ssize_t *found = <Py_ssize_t *> PyMem_Malloc(max(count, 1) * sizeof(Py_ssize_t))
    if found == NULL:
        raise MemoryError()
    return found


cpdef str ancestor_at(str xpath, Py_ssize_t depth):
    """The element ``depth`` steps deep on ``xpath`` (``xpath`` itself when it is shallower):
    all before the slash that starts step ``depth + 1``.

    >>> ancestor_at("/html/body/div[2]/p", 2), ancestor_at("/html/body", 5), ancestor_at("/html", 0)
    ('/html/body', '/html/body', '')
    """
    cdef Py_ssize_t index, slashes = 0
    if depth < 0:  # (no element is that shallow: as splitting the path would answer)
        return "/".join(xpath.split("/", depth + 1)[: depth + 1])
    for index in range(len(xpath)):
        if xpath[index] == u"/":
            slashes += 1
            if slashes > depth:
                return xpath[:index]
    return xpath
