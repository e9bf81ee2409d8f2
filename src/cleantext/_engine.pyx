"""The compiled kernel of :mod:`cleantext.engine`: each unit's combined score.

A unit's score combines the best claim of each detector that covers it as
``1 - prod(1 - best)``, the detectors taken in the order in which their first claim on
the unit comes (the order of the product decides the last bit of a float, and the
engine's output must not depend on how it is computed). ``tests/test_engine_speedups.py``
checks the result against the claim-by-claim definition.
"""

from cpython.array cimport array, clone

cdef array _LONGS = array("q")
cdef array _DOUBLES = array("d")


cdef class _Chains:
    """Per unit, a chain of (detector, best score) entries in first-claim order.

    ``head[unit]`` is the unit's first entry and ``tail[unit]`` its last (-1: none);
    entry ``k`` holds ``detector[k]``, ``best[k]`` and ``following[k]``, the next
    entry of the same unit. The entries live in growing arrays, so a page costs one
    entry per (unit, detector) pair that claims cover, not a dict per unit. ``capacity``
    bounds the entries: the units the claims cover, counted once per claim.
    """

    cdef array head, tail, detector, following, best
    cdef Py_ssize_t count

    def __init__(self, Py_ssize_t size, Py_ssize_t capacity):
        self.head = clone(_LONGS, size, False)
        self.tail = clone(_LONGS, size, False)
        cdef Py_ssize_t unit
        for unit in range(size):
            self.head.data.as_longlongs[unit] = -1
            self.tail.data.as_longlongs[unit] = -1
        self.detector = clone(_LONGS, capacity, False)
        self.following = clone(_LONGS, capacity, False)
        self.best = clone(_DOUBLES, capacity, False)
        self.count = 0

    cdef void claim(self, Py_ssize_t unit, long long detector, double score):
        """Detector ``detector`` claims ``unit`` with ``score``: keep its best score."""
        cdef long long entry = self.head.data.as_longlongs[unit]
        while entry >= 0:
            if self.detector.data.as_longlongs[entry] == detector:
                if score > self.best.data.as_doubles[entry]:
                    self.best.data.as_doubles[entry] = score
                return
            entry = self.following.data.as_longlongs[entry]
        self._append(unit, detector, score)

    cdef void _append(self, Py_ssize_t unit, long long detector, double score):
        """A new entry at the end of ``unit``'s chain."""
        self.detector.data.as_longlongs[self.count] = detector
        self.best.data.as_doubles[self.count] = score
        self.following.data.as_longlongs[self.count] = -1
        cdef long long last = self.tail.data.as_longlongs[unit]
        if last < 0:
            self.head.data.as_longlongs[unit] = self.count
        else:
            self.following.data.as_longlongs[last] = self.count
        self.tail.data.as_longlongs[unit] = self.count
        self.count += 1

    cdef double combined(self, Py_ssize_t unit):
        """``1 - prod(1 - best)`` over the unit's chain, in its order."""
        cdef double doubt = 1.0
        cdef long long entry = self.head.data.as_longlongs[unit]
        while entry >= 0:
            doubt *= 1.0 - self.best.data.as_doubles[entry]
            entry = self.following.data.as_longlongs[entry]
        return 1.0 - doubt


def combined_scores(Py_ssize_t size, list firsts, list stops, list detectors, list scores):
    """The combined score of every unit of ``size`` that a claim covers (a dict).

    Claim ``k`` covers units ``firsts[k]`` to ``stops[k] - 1`` for detector number
    ``detectors[k]`` with ``scores[k]``.

    >>> combined_scores(3, [0, 1, 1], [2, 3, 2], [0, 1, 0], [0.5, 0.5, 0.9])
    {0: 0.5, 1: 0.95, 2: 0.5}
    """
    cdef Py_ssize_t number, unit, capacity = 0
    for number in range(len(firsts)):
        capacity += max(<Py_ssize_t>stops[number] - <Py_ssize_t>firsts[number], 0)
    cdef _Chains chains = _Chains(size, capacity)
    cdef long long detector
    cdef double score
    for number in range(len(firsts)):
        detector, score = detectors[number], scores[number]
        for unit in range(<Py_ssize_t>firsts[number], <Py_ssize_t>stops[number]):
            chains.claim(unit, detector, score)
    return {
        unit: chains.combined(unit)
        for unit in range(size)
        if chains.head.data.as_longlongs[unit] >= 0
    }


def same_winner_runs(list ordered, list winners):
    """Split ``ordered`` (removed units, ascending) into runs of consecutive units that the
    same claim wins (``winners[unit]``); each run as its ``(start, stop)`` in ``ordered``.

    >>> same_winner_runs([0, 1, 2, 4, 5], [7, 7, 8, -1, 8, 8])
    [(0, 2), (2, 3), (3, 5)]
    """
    cdef list runs = []
    cdef Py_ssize_t first = 0, end, unit, previous
    for end in range(1, len(ordered)):
        unit, previous = ordered[end], ordered[end - 1]
        if unit != previous + 1 or winners[unit] != winners[previous]:
            runs.append((first, end))
            first = end
    if ordered:
        runs.append((first, len(ordered)))
    return runs
