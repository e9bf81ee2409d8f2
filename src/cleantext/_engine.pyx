"""The compiled kernels of :mod:`cleantext.engine`: weigh the claims, decide, find the runs.

A page's units (its lines and the gaps between them) are numbered ``0 .. size - 1``. Per
unit the kernels keep the combined score (:data:`UNCLAIMED` where no claim covers the
unit) and the winning claim (-1 where none) as runs of equal values (:class:`UnitValues`:
they change only where a claim starts or ends, so there are at most about twice as many
runs as claims), and whether the unit goes as a byte. A page of a million one-word lines
costs a byte a unit here.

A unit's score combines the best claim of each detector that covers it as
``1 - prod(1 - best)``, the detectors taken in the order in which their first claim on
the unit comes (the order of the product decides the last bit of a float, and the
engine's output must not depend on how it is computed). ``tests/test_engine_speedups.py``
checks every kernel against the plain definition.
"""

import dataclasses

from cpython.array cimport array, clone, resize_smart
from cpython.object cimport PyObject_GenericSetAttr
from libc.string cimport memcmp

from cleantext.model import Segment
from cleantext.text._lines cimport LineTable, line_start, line_end

cdef array _LONGS = array("q")
cdef array _INTS = array("i")
cdef array _DOUBLES = array("d")

UNCLAIMED = -1.0
"""The score of a unit that no claim covers."""
OUTSIDE_BODY_BOOST = 0.3
"""Share of the remaining doubt removed from a claim that lies outside the body core."""
INSIDE_BODY_DAMPING = 0.8
"""Factor applied to a claim whose lines sit strictly inside the body core."""
cdef double _OUTSIDE_BODY_BOOST = OUTSIDE_BODY_BOOST, _INSIDE_BODY_DAMPING = INSIDE_BODY_DAMPING
cdef tuple _SEGMENT_FIELDS = tuple([field.name for field in dataclasses.fields(Segment)])
cdef object _new_object = object.__new__
PART_OF_GROUP = "part of a larger group: "
"""Starts the reason of a segment that is only a piece of what its claim covered (other
detectors won, or the engine kept, the rest): the reason describes the whole group."""


cdef object new_segment(tuple values):
    """The :class:`~cleantext.model.Segment` whose fields (in their order) are ``values``,
    equal to ``Segment(*values)``: made without the frozen dataclass's ``__init__`` (a
    Python call to ``object.__setattr__`` for each field), each slot set as that call sets
    it. ``Segment`` has no ``__post_init__``; ``tests/test_segment_kernel.py`` checks that
    equality, hashing, ``repr``, pickling, ``dataclasses.asdict`` and ``replace`` give what
    they give for ``Segment(*values)``."""
    cdef object made = _new_object(Segment)
    cdef Py_ssize_t index
    for index in range(len(_SEGMENT_FIELDS)):
        PyObject_GenericSetAttr(made, _SEGMENT_FIELDS[index], values[index])
    return made


def segment_of(tuple values):
    """:func:`new_segment` for the tests.

    >>> segment_of((0, 5, "Menu\\n", "menu", "short", 0.5, None))
    Segment(start=0, end=5, text='Menu\\n', detector='menu', reason='short', score=0.5, source=None)
    """
    if len(values) != len(_SEGMENT_FIELDS):
        raise ValueError(f"{len(values)} values for {len(_SEGMENT_FIELDS)} fields")
    return new_segment(values)


cdef class _Claims:
    """The claims as the kernels read them, one entry per claim in each array: the units
    it covers (``firsts`` to ``stops - 1``), its detector's number, whether that detector
    is a named one (not a fallback), the detector's ``order``, and the claim's score."""

    cdef array firsts, stops, detectors, named, orders, scores
    cdef Py_ssize_t count

    def __init__(self, list firsts, list stops, list detectors, list named, list orders,
                 list scores):
        self.firsts, self.stops = array("q", firsts), array("q", stops)
        self.detectors, self.named = array("q", detectors), array("b", named)
        self.orders, self.scores = array("q", orders), array("d", scores)
        self.count = len(firsts)

    cdef bint beats(self, Py_ssize_t claim, Py_ssize_t other):
        """Whether ``claim`` wins a unit over ``other``: a named detector's over a
        fallback's, then the higher score, then the detector first in order, then the
        earlier claim."""
        cdef signed char named = self.named.data.as_schars[claim]
        if named != self.named.data.as_schars[other]:
            return named
        cdef double score = self.scores.data.as_doubles[claim]
        if score != self.scores.data.as_doubles[other]:
            return score > self.scores.data.as_doubles[other]
        cdef long long order = self.orders.data.as_longlongs[claim]
        if order != self.orders.data.as_longlongs[other]:
            return order < self.orders.data.as_longlongs[other]
        return claim < other


cdef class _Sweep:
    """The claims covering the current unit, as the units are visited in order.

    The claims enter in order of their first unit (``starting``) and leave after their
    last. Per unit, each detector's best score among the covering claims and its first
    (lowest-numbered) claim are gathered in the ``best``/``first_claim`` entries.
    """

    cdef _Claims claims
    cdef array starting, active, detector, best, first_claim
    cdef Py_ssize_t entered, count, entries

    def __init__(self, _Claims claims):
        self.claims = claims
        self.starting = array("q", sorted(range(claims.count), key=claims.firsts.__getitem__))
        self.active = clone(_LONGS, claims.count, False)
        self.detector = clone(_LONGS, claims.count, False)
        self.best = clone(_DOUBLES, claims.count, False)
        self.first_claim = clone(_LONGS, claims.count, False)
        self.entered = self.count = 0

    cdef void visit(self, Py_ssize_t unit):
        """Make the active claims those that cover ``unit`` (units visited in order)."""
        cdef Py_ssize_t index, kept = 0, claim
        for index in range(self.count):
            claim = self.active.data.as_longlongs[index]
            if self.claims.stops.data.as_longlongs[claim] > unit:
                self.active.data.as_longlongs[kept] = claim
                kept += 1
        self.count = kept
        while (self.entered < self.claims.count and self.claims.firsts.data.as_longlongs[
                self.starting.data.as_longlongs[self.entered]] <= unit):
            claim = self.starting.data.as_longlongs[self.entered]
            self.entered += 1
            if self.claims.stops.data.as_longlongs[claim] > unit:  # (not an empty claim)
                self.active.data.as_longlongs[self.count] = claim
                self.count += 1

    cdef double combined(self):
        """``1 - prod(1 - best)`` over the detectors of the active claims, each with its
        best score, taken in the order of their first claims; :data:`UNCLAIMED` if none."""
        if self.count == 0:
            return -1.0
        self._gather()
        self._order_entries()
        cdef double doubt = 1.0
        cdef Py_ssize_t entry
        for entry in range(self.entries):
            doubt *= 1.0 - self.best.data.as_doubles[entry]
        return 1.0 - doubt

    cdef void _gather(self):
        """One entry per detector among the active claims: its best score, first claim."""
        cdef Py_ssize_t index, entry, claim
        cdef long long detector
        self.entries = 0
        for index in range(self.count):
            claim = self.active.data.as_longlongs[index]
            detector = self.claims.detectors.data.as_longlongs[claim]
            entry = 0
            while entry < self.entries and self.detector.data.as_longlongs[entry] != detector:
                entry += 1
            if entry == self.entries:
                self.detector.data.as_longlongs[entry] = detector
                self.best.data.as_doubles[entry] = self.claims.scores.data.as_doubles[claim]
                self.first_claim.data.as_longlongs[entry] = claim
                self.entries += 1
            else:
                self._update(entry, claim)

    cdef void _update(self, Py_ssize_t entry, Py_ssize_t claim):
        """Another claim of entry ``entry``'s detector: keep the best score, first claim."""
        cdef double score = self.claims.scores.data.as_doubles[claim]
        if score > self.best.data.as_doubles[entry]:
            self.best.data.as_doubles[entry] = score
        if claim < self.first_claim.data.as_longlongs[entry]:
            self.first_claim.data.as_longlongs[entry] = claim

    cdef void _order_entries(self):
        """Sort the entries by first claim (insertion sort: a few detectors a unit)."""
        cdef Py_ssize_t index, place
        cdef long long detector, first
        cdef double best
        for index in range(1, self.entries):
            detector = self.detector.data.as_longlongs[index]
            best = self.best.data.as_doubles[index]
            first = self.first_claim.data.as_longlongs[index]
            place = index
            while place > 0 and self.first_claim.data.as_longlongs[place - 1] > first:
                self.detector.data.as_longlongs[place] = self.detector.data.as_longlongs[place - 1]
                self.best.data.as_doubles[place] = self.best.data.as_doubles[place - 1]
                self.first_claim.data.as_longlongs[place] = (
                    self.first_claim.data.as_longlongs[place - 1])
                place -= 1
            self.detector.data.as_longlongs[place] = detector
            self.best.data.as_doubles[place] = best
            self.first_claim.data.as_longlongs[place] = first

    cdef int winner(self):
        """The number of the active claim that wins the unit (-1 if none)."""
        cdef Py_ssize_t index, claim, found = -1
        for index in range(self.count):
            claim = self.active.data.as_longlongs[index]
            if found < 0 or self.claims.beats(claim, found):
                found = claim
        return <int>found


cdef class UnitValues:
    """A value per unit of a page (a score, or a claim's number when ``whole``), kept as
    runs of equal values: unit ``u`` holds ``values[k]`` for the run ``k`` with
    ``starts[k] <= u < starts[k + 1]``. Read like a sequence (``values[unit]``, ``len``,
    iteration); the kernels read it in order, unit after unit, without a search.

    >>> values = UnitValues.of([-1.0, 0.5, 0.5, -1.0])
    >>> len(values), values[1], values[-1], list(values), values.runs
    (4, 0.5, -1.0, [-1.0, 0.5, 0.5, -1.0], 3)
    >>> list(UnitValues.of([3, 3, -1], whole=True))
    [3, 3, -1]
    """

    def __init__(self, bint whole=False):
        self.starts, self.values = array("q"), array("d")
        self.whole, self.size, self._run = whole, 0, 0

    @staticmethod
    def of(object values, bint whole=False):
        """The :class:`UnitValues` of ``values``, unit after unit."""
        cdef UnitValues found = UnitValues(whole)
        for value in values:
            found.push(value)
        return found

    @property
    def runs(self):
        """How many runs of equal values there are."""
        return len(self.values)

    cdef int push(self, double value) except -1:
        """Add the value of the next unit (a new run where it differs from the last, bit
        for bit: -0.0 and 0.0 stay apart, as they would in an array); -1 if memory ran out."""
        cdef Py_ssize_t runs = len(self.values)
        if runs == 0 or memcmp(&self.values.data.as_doubles[runs - 1], &value,
                               sizeof(double)) != 0:
            resize_smart(self.starts, runs + 1)
            resize_smart(self.values, runs + 1)
            self.starts.data.as_longlongs[runs] = self.size
            self.values.data.as_doubles[runs] = value
        self.size += 1
        return 0

    cdef double at(self, Py_ssize_t unit) noexcept:
        """The value of ``unit`` (0 <= unit < size): the run last read or the next one, else
        found by bisection."""
        cdef Py_ssize_t run = self._run, runs = len(self.values)
        cdef long long *starts = self.starts.data.as_longlongs
        if starts[run] > unit or (run + 1 < runs and starts[run + 1] <= unit):
            run += 1
            if run >= runs or starts[run] > unit or (run + 1 < runs and starts[run + 1] <= unit):
                run = self._find(unit)
        self._run = run
        return self.values.data.as_doubles[run]

    cdef Py_ssize_t _find(self, Py_ssize_t unit) noexcept:
        """The run holding ``unit``: the last whose start is ``unit`` or before it."""
        cdef Py_ssize_t low = 0, high = len(self.values) - 1, middle
        cdef long long *starts = self.starts.data.as_longlongs
        while low < high:
            middle = (low + high + 1) // 2
            if starts[middle] <= unit:
                low = middle
            else:
                high = middle - 1
        return low

    cdef object _shown(self, double value):
        """A value as Python reads it: an int for claim numbers."""
        return <long long>value if self.whole else value

    def __len__(self):
        return self.size

    def __getitem__(self, Py_ssize_t unit):
        if unit < 0:
            unit += self.size
        if not 0 <= unit < self.size:
            raise IndexError("unit out of range")
        return self._shown(self.at(unit))

    def __iter__(self):
        cdef Py_ssize_t run, runs = len(self.values), stop, start
        for run in range(runs):
            start = self.starts.data.as_longlongs[run]
            stop = self.starts.data.as_longlongs[run + 1] if run + 1 < runs else self.size
            value = self._shown(self.values.data.as_doubles[run])
            for _ in range(stop - start):
                yield value

    def __repr__(self):
        return f"UnitValues.of({list(self)!r}, whole={self.whole})"


cdef UnitValues _unit_values(object values, bint whole):
    """``values`` as :class:`UnitValues` (an array given by a caller is read once)."""
    if isinstance(values, UnitValues):
        return <UnitValues>values
    return UnitValues.of(values, whole)


def weigh(Py_ssize_t size, list firsts, list stops, list detectors, list named, list orders,
          list scores):
    """Per unit of ``size``: the combined score (:data:`UNCLAIMED` where no claim covers
    the unit) and the number of the winning claim (-1 where none), each as
    :class:`UnitValues`.

    Claim ``k`` covers units ``firsts[k]`` to ``stops[k] - 1`` for detector number
    ``detectors[k]`` (a named detector's when ``named[k]``, a fallback's otherwise, its
    ``order`` ``orders[k]``) with ``scores[k]``. The units are swept in order with the
    claims covering each: memory grows with the claims and the units' results, not with
    the claims' overlaps.

    >>> scores, winners = weigh(4, [0, 1, 1], [2, 3, 2], [0, 1, 0], [True, False, True],
    ...                         [1, 2, 1], [0.5, 0.5, 0.9])
    >>> list(scores), list(winners)
    ([0.5, 0.95, 0.5, -1.0], [0, 2, 1, -1])
    """
    cdef _Sweep sweep = _Sweep(_Claims(firsts, stops, detectors, named, orders, scores))
    cdef UnitValues combined = UnitValues(False), winners = UnitValues(True)
    cdef Py_ssize_t unit
    for unit in range(size):
        sweep.visit(unit)
        combined.push(sweep.combined())
        winners.push(sweep.winner())
    return combined, winners


def removed_units(object scores, double threshold, double near):
    """Which units go (a ``bytearray``, 1 a unit that goes): those scoring ``threshold``
    or more, and a line (an even unit) scoring ``near`` or more whose neighbour lines on
    both sides go, taken from the first line on (so a line that goes this way counts for
    the next). ``scores``: :class:`UnitValues` (or a sequence of floats).

    >>> from array import array
    >>> list(removed_units(array("d", [0.9, -1.0, 0.6, -1.0, 0.8, -1.0, 0.6]), 0.7, 0.55))
    [1, 0, 1, 0, 1, 0, 0]
    """
    cdef UnitValues values = _unit_values(scores, False)
    cdef Py_ssize_t size = len(values), unit
    cdef bytearray removed = bytearray(size)
    cdef unsigned char[:] flags = removed
    for unit in range(size):
        flags[unit] = values.at(unit) >= threshold
    cdef double score
    for unit in range(2, size - 2, 2):  # the lines with a line on each side
        score = values.at(unit)
        if near <= score < threshold and flags[unit - 2] and flags[unit + 2]:
            flags[unit] = 1
    return removed


def removed_runs(const unsigned char[:] removed, object winners, object scores):
    """The runs of consecutive units that go and that the same claim wins, each as
    ``(first unit, last unit, highest score)``, in order (``winners`` and ``scores``:
    :class:`UnitValues`, or sequences).

    >>> from array import array
    >>> removed_runs(bytearray([1, 1, 1, 0, 1, 1]), array("i", [7, 7, 8, -1, 8, 8]),
    ...              array("d", [0.5, 0.75, 0.5, -1.0, 0.5, 0.5]))
    [(0, 1, 0.75), (2, 2, 0.5), (4, 5, 0.5)]
    """
    cdef UnitValues won = _unit_values(winners, True), score = _unit_values(scores, False)
    cdef list runs = []
    cdef Py_ssize_t unit, first = -1, size = len(removed)
    cdef double best = 0.0, winner, first_winner = 0.0
    for unit in range(size):
        winner = won.at(unit)
        if first >= 0 and not (removed[unit] and winner == first_winner):
            runs.append((first, unit - 1, best))
            first = -1
        if removed[unit] and first < 0:
            first, best, first_winner = unit, score.at(unit), winner
        elif removed[unit]:
            best = max(best, score.at(unit))
    if first >= 0:
        runs.append((first, size - 1, best))
    return runs


def lines_where(const unsigned char[:] removed, bint gone):
    """The indexes of the lines (line ``k`` is unit ``2k``) that go (``gone``) or stay
    (an ``array('i')``, ascending).

    >>> list(lines_where(bytearray([1, 0, 0, 0, 1]), False)), list(lines_where(b"\\x01", True))
    ([1], [0])
    """
    cdef Py_ssize_t unit, count = 0, size = len(removed)
    for unit in range(0, size, 2):
        count += (removed[unit] != 0) == gone
    cdef array lines = clone(_INTS, count, False)
    count = 0
    for unit in range(0, size, 2):
        if (removed[unit] != 0) == gone:
            lines.data.as_ints[count] = <int>(unit // 2)
            count += 1
    return lines


cdef class Units:
    """The units of a page's lines: line ``k`` is unit ``2k``, the gap after it unit ``2k + 1``.

    The units tile the lines' span: unit ``u`` runs from ``bound(u)`` to ``bound(u + 1)``,
    where the bounds are the lines' starts and ends taken in turn (a gap runs from the end
    of the line before it to the start of the line after it). They are read from the
    table's offset arrays: no array of their own, no Python object per line.

    >>> from cleantext.text._lines import LineTable
    >>> units = Units(LineTable("Home\\n\\nBody text."))
    >>> units.size, units.start(1), units.end(1), units.covered(0, 6)
    (3, 4, 6, range(0, 2))
    """

    def __init__(self, LineTable lines):
        self.lines = lines
        self.size = max(2 * len(lines) - 1, 0)

    cdef inline Py_ssize_t bound(self, Py_ssize_t index):
        """The ``index``-th bound: line ``index // 2``'s start (even) or end (odd)."""
        if index % 2 == 0:
            return line_start(self.lines, index // 2)
        return line_end(self.lines, index // 2)

    cpdef Py_ssize_t start(self, Py_ssize_t unit):
        """Where ``unit`` starts."""
        return self.bound(unit)

    cpdef Py_ssize_t end(self, Py_ssize_t unit):
        """Where ``unit`` ends."""
        return self.bound(unit + 1)

    cpdef object covered(self, Py_ssize_t start, Py_ssize_t end):
        """The units lying wholly inside ``[start, end)``, as a range."""
        return range(self._first_from(start), self._ending_by(end))

    cdef Py_ssize_t _first_from(self, Py_ssize_t start):
        """The first unit starting at or after ``start`` (``size`` when none)."""
        cdef Py_ssize_t low = 0, high = self.size, middle
        while low < high:
            middle = (low + high) // 2
            if self.bound(middle) < start:
                low = middle + 1
            else:
                high = middle
        return low

    cdef Py_ssize_t _ending_by(self, Py_ssize_t end):
        """The number of units ending at or before ``end``."""
        cdef Py_ssize_t low = 1, high = self.size + 1, middle
        while low < high:
            middle = (low + high) // 2
            if end < self.bound(middle):
                high = middle
            else:
                low = middle + 1
        return low - 1

    def placed(self, score, Py_ssize_t start, Py_ssize_t end, Py_ssize_t first,
               Py_ssize_t last):
        """A proposal's ``score`` (clamped to [0, 1]) adjusted for where ``[start, end)``
        sits relative to the body core (lines ``first`` to ``last``), the note that says
        so, and the units it covers. Outside the core :data:`OUTSIDE_BODY_BOOST` of the
        remaining doubt goes; strictly inside it the score is damped by
        :data:`INSIDE_BODY_DAMPING`.

        >>> from cleantext.text._lines import LineTable
        >>> units = Units(LineTable("Menu\\nText.\\nMore text.\\nEnd."))
        >>> units.placed(0.5, 0, 4, 1, 3), units.placed(2, 11, 21, 1, 3)
        ((0.65, 'outside the body', range(0, 1)), (0.8, 'inside the body', range(4, 5)))
        """
        cdef Py_ssize_t units_from = self._first_from(start), units_to = self._ending_by(end)
        cdef double adjusted
        cdef int where
        adjusted, where = _adjusted(score, units_from, units_to, first, last)
        return adjusted, _NOTES[where], range(units_from, units_to)


# The notes of :func:`_adjusted`'s places: neither, outside the body core, inside it.
cdef list _NOTES = ["", "outside the body", "inside the body"]


cdef (double, int) _adjusted(double score, Py_ssize_t units_from, Py_ssize_t units_to,
                             Py_ssize_t first, Py_ssize_t last) noexcept:
    """``score`` clamped to [0, 1] and adjusted for where units ``units_from`` to
    ``units_to - 1`` sit relative to lines ``first`` to ``last`` (see :meth:`Units.placed`),
    and the number of its note in :data:`_NOTES`."""
    cdef double clamped = score
    if 0.0 > clamped:  # (as min(max(score, 0.0), 1.0): a NaN stays NaN)
        clamped = 0.0
    if 1.0 < clamped:
        clamped = 1.0
    cdef Py_ssize_t top = (units_from + 1) // 2  # the first line covered
    cdef Py_ssize_t bottom = (units_to - 1) // 2 if units_to > 0 else -1  # and the last
    if top <= bottom and first <= last:  # (C rounds -1 // 2 to 0: hence the test above)
        if bottom < first or top > last:
            return clamped + (1 - clamped) * _OUTSIDE_BODY_BOOST, 1
        if top > first and bottom < last:
            return clamped * _INSIDE_BODY_DAMPING, 2
    return clamped, 0


cdef class Claims:
    """A page's claims, in the order they were made: claim ``k`` is ``detectors[k]``'s
    ``proposals[k]``, covering units ``firsts[k]`` to ``stops[k] - 1``, its score adjusted
    for where it sits ``scores[k]`` and the note that says so ``notes[k]``.

    Columns, not an object per claim: the engine weighs them (:meth:`weigh`), tells the
    fallback detectors which lines they claim (:meth:`claimed_lines`) and builds the
    segments from them.

    >>> from cleantext.detector import Detector, Proposal
    >>> from cleantext.text._lines import LineTable
    >>> menu = Detector("menu", "menu lines", lambda page, params: iter(()))
    >>> claims = Claims(Units(LineTable("Menu\\nText.\\nMore text.\\nEnd.")))
    >>> claims.place(menu, [Proposal(0, 4, 0.5, "short")], 1, 3)
    >>> len(claims), claims.scores, claims.notes, claims.firsts, claims.stops
    (1, [0.65], ['outside the body'], [0], [1])
    >>> claims.claimed_lines(0.6), claims.claimed_lines(0.7)
    ({0: 'menu'}, {})
    """

    def __init__(self, Units units):
        self.units = units
        self.detectors, self.proposals, self.notes = [], [], []
        self.scores, self.firsts, self.stops = [], [], []
        self._numbers, self._named, self._orders, self._detector_numbers = [], [], [], {}

    def __len__(self):
        return len(self.scores)

    def place(self, detector, proposals, Py_ssize_t first, Py_ssize_t last):
        """Add ``detector``'s ``proposals``, each on the units it covers wholly, its score
        adjusted for where it sits relative to the body core (lines ``first`` to ``last``,
        see :meth:`Units.placed`)."""
        cdef Py_ssize_t units_from, units_to
        cdef double adjusted
        cdef int where
        for proposal in proposals:
            units_from = self.units._first_from(proposal.start)
            units_to = self.units._ending_by(proposal.end)
            adjusted, where = _adjusted(proposal.score, units_from, units_to, first, last)
            self._append(detector, proposal, adjusted, _NOTES[where], units_from, units_to)

    def add(self, detector, proposal, double score, str note, Py_ssize_t first,
            Py_ssize_t stop):
        """Add ``detector``'s ``proposal`` as it is: on units ``first`` to ``stop - 1``, with
        ``score`` and ``note`` (what the engine's second look found, placed already)."""
        self._append(detector, proposal, score, note, first, stop)

    def extend(self, Claims other):
        """Add ``other``'s claims (made on the same units), in their order."""
        cdef Py_ssize_t k
        for k in range(len(other.scores)):
            self._append(other.detectors[k], other.proposals[k], other.scores[k],
                         other.notes[k], other.firsts[k], other.stops[k])

    cdef void _append(self, detector, proposal, double score, str note, Py_ssize_t first,
                      Py_ssize_t stop) except *:
        """Add one claim to every column; its detector is numbered on its first claim."""
        self.detectors.append(detector)
        self.proposals.append(proposal)
        self.notes.append(note)
        self.scores.append(score)
        self.firsts.append(first)
        self.stops.append(stop)
        self._numbers.append(
            self._detector_numbers.setdefault(detector.name, len(self._detector_numbers)))
        self._named.append(not detector.fallback)
        self._orders.append(detector.order)

    def weigh(self):
        """Per unit: the combined score of all detectors (``UNCLAIMED`` where no claim covers
        the unit) and the number of the winning claim (-1 where none): see :func:`weigh`."""
        return weigh(self.units.size, self.firsts, self.stops, self._numbers, self._named,
                     self._orders, self.scores)

    def segments(self, const unsigned char[:] removed, object winners, object scores,
                 str text, object evidence):
        """One :class:`~cleantext.model.Segment` of ``text`` per run of consecutive units
        that go (``removed``) and that the same claim wins (``winners``), in order (the runs
        of :func:`removed_runs`). ``evidence`` (an entry per line, or None) names the
        element of each segment's first line (HTML mode).

        >>> from cleantext.detector import Detector, Proposal
        >>> from cleantext.text._lines import LineTable
        >>> menu = Detector("menu", "menu lines", lambda page, params: iter(()))
        >>> claims = Claims(Units(LineTable("Menu\\nText.")))
        >>> claims.place(menu, [Proposal(0, 10, 0.5, "short")], 1, 0)
        >>> found = claims.segments(b"\\x01\\x01\\x00", [0, 0, -1], [0.5, 0.5, -1.0],
        ...                         "Menu\\nText.", None)
        >>> [(item.start, item.end, item.text, item.reason, item.source) for item in found]
        [(0, 5, 'Menu\\n', 'part of a larger group: short', None)]
        """
        cdef UnitValues won = _unit_values(winners, True)
        cdef list found = []
        for first, last, best in removed_runs(removed, won, scores):
            found.append(self._segment(first, last, best, <Py_ssize_t>won.at(first), text,
                                       evidence))
        return found

    cdef object _segment(self, Py_ssize_t first, Py_ssize_t last, object best,
                         Py_ssize_t number, str text, object evidence):
        """The segment of units ``first`` to ``last`` that claim ``number`` won, ``best``
        the highest score among them: its reason is the claim's, marked
        :data:`PART_OF_GROUP` when the claim covered more units, with its note after."""
        cdef Py_ssize_t start = self.units.bound(first), end = self.units.bound(last + 1)
        reason = self.proposals[number].reason
        if first > self.firsts[number] or last < self.stops[number] - 1:
            reason = PART_OF_GROUP + reason
        note = self.notes[number]
        if note:
            reason += f" ({note})"
        source = None if evidence is None else evidence[(first + 1) // 2]
        return new_segment((start, end, text[start:end], self.detectors[number].name, reason,
                            round(best, 4), None if source is None else source.xpath))

    def claimed_lines(self, double threshold):
        """The lines that claims scoring ``threshold`` or more cover wholly, each with the
        name of the detector of the first such claim: what fallback detectors see."""
        cdef dict claimed = {}
        cdef Py_ssize_t k, line, first, stop
        cdef double score
        for k in range(len(self.scores)):
            score = self.scores[k]
            if score >= threshold:
                name = self.detectors[k].name
                first, stop = self.firsts[k], self.stops[k]
                for line in range((first + 1) // 2, (stop + 1) // 2):
                    claimed.setdefault(line, name)
        return claimed
