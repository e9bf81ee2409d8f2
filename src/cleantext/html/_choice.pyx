# cython: language_level=3
"""The per-line loops of the main-container choice (:mod:`cleantext.html.dom`), compiled.

The choice reads a page's DOM evidence in columns: each line's *kind* number (``kind_of``,
-1 for a line without evidence) and the table of kinds (``kinds``: each the fields of a
:class:`~cleantext.text.page.DomEvidence` after its XPath, in order). The loops here read
those columns and the lines' word counts without making an item per line; what is decided
per set of labels stays in Python (the ``judge`` given to :func:`labelled_lines`).

>>> from array import array
>>> kinds = [("p", frozenset(), frozenset(), 0.0, 3, False, False, 0.0, 0.0, ()),
...          ("h2", frozenset(), frozenset(), 0.0, 3, False, True, 0.0, 0.0, (("nav", 2),))]
>>> rules = WeightRules(2.0, 20, 8, 0.5, 0.8, 1.5, 2.0)
>>> weights, structured = rules.weights(array("i", [0, 1, -1]), kinds, array("i", [30, 2, 5]),
...                                     b"\\1\\0\\0")
>>> list(weights), structured
([30.0, -2.0, 0.0], 0)
>>> list(lines_with(array("i", [0, 1, -1, 1]), kinds, HEADING))
[1, 3]
>>> labelled_lines(array("i", [0, 1, 1]), kinds, {}, lambda labels: [labels[0][1]])
[(1, [2]), (2, [2])]
>>> inside_sums("/a/b", "/a", ["/a/b/p", "/a/c", "/d"], array("d", [2.0, -1.0, 4.0]))
(2.0, 2.0, 1.0)
>>> has_positive(array("d", [-2.0, 0.0, -0.0])), has_positive(array("d", [-2.0, 0.5]))
(False, True)
"""

from array import array

from cleantext.detectors._paths cimport inside

# The fields of a kind that the loops read (their places in ``EvidenceKind``).
cdef enum:
    STRUCTURED_FIELD = 5
    HEADING_FIELD = 6
    LINE_LINK_DENSITY_FIELD = 7
    LABELS_FIELD = 9

STRUCTURED = STRUCTURED_FIELD
"""The field of a kind that says its lines are in the structured article body."""
HEADING = HEADING_FIELD
"""The field of a kind that says its lines are headings."""
LABELS = LABELS_FIELD
"""The field of a kind that holds its labels (with their depths)."""


cdef class WeightRules:
    """The rule of :data:`cleantext.html.dom.WEIGHING`, with its constants, for every line
    of a page at once (the constants are given by ``dom.py``, where they are documented)."""

    cdef double structured_weight, nav_density, prose_density, link_cost, short_cost
    cdef Py_ssize_t prose_words, sentence_words

    def __init__(self, double structured_weight, Py_ssize_t prose_words,
                 Py_ssize_t sentence_words, double nav_density, double prose_density,
                 double link_cost, double short_cost):
        self.structured_weight = structured_weight
        self.prose_words = prose_words
        self.sentence_words = sentence_words
        self.nav_density = nav_density
        self.prose_density = prose_density
        self.link_cost = link_cost
        self.short_cost = short_cost

    def weights(self, const int[:] kind_of, list kinds, const int[:] word_counts,
                const unsigned char[:] sentence_ends):
        """Each line's weight (0.0 for a line without evidence), as an ``array("d")``, and
        the number of lines in the structured article body."""
        cdef Py_ssize_t count = kind_of.shape[0], index, structured = 0
        cdef int number
        cdef tuple kind
        weights = array("d", bytes(8 * count))
        cdef double[:] out = weights
        if word_counts.shape[0] != count or sentence_ends.shape[0] != count:
            raise ValueError("one word count and one sentence end per line")
        for index in range(count):
            number = kind_of[index]
            if number < 0:
                continue
            kind = <tuple>kinds[number]
            if kind[STRUCTURED_FIELD]:
                structured += 1
                out[index] = self.structured_weight * word_counts[index]
            else:
                out[index] = self._weight(word_counts[index], sentence_ends[index] != 0,
                                          kind[LINE_LINK_DENSITY_FIELD])
        return weights, structured

    cdef double _weight(self, Py_ssize_t words, bint ends, double density):
        """One line's weight outside the structured body (``WEIGHING``'s rule)."""
        cdef bint prose = words >= self.prose_words or (words >= self.sentence_words and ends)
        if density >= self.nav_density and not (prose and density < self.prose_density):
            return -(<double>words) * self.link_cost
        if prose:
            return words * (1.0 - density)
        return -self.short_cost


def lines_with(const int[:] kind_of, list kinds, Py_ssize_t field):
    """The numbers of the lines (in order, an ``array("q")``) whose kind's ``field`` is true
    (:data:`HEADING`, :data:`STRUCTURED`, :data:`LABELS`: not empty)."""
    cdef Py_ssize_t index
    cdef int number
    cdef Py_ssize_t kind_count = len(kinds)
    cdef bytearray flags = bytearray(kind_count)  # (each kind's field, read once)
    found = array("q")
    for index in range(kind_count):
        flags[index] = 1 if (<tuple>kinds[index])[field] else 0
    for index in range(kind_of.shape[0]):
        number = kind_of[index]
        if number >= 0 and flags[number]:
            found.append(index)
    return found


def labelled_lines(const int[:] kind_of, list kinds, dict memo, judge):
    """The lines with labels whose judgement is not empty, as ``(line number, judgement)``
    in order. ``judge(labels)`` is asked once per distinct set of labels (kept in ``memo``,
    keyed by the labels)."""
    cdef list found = []
    cdef Py_ssize_t index
    cdef int number
    cdef tuple labels, last = None  # (the lines of one element share its labels' tuple)
    judged = None
    for index in range(kind_of.shape[0]):
        number = kind_of[index]
        if number < 0:
            continue
        labels = <tuple>(<tuple>kinds[number])[LABELS_FIELD]
        if not labels:
            continue
        if labels is not last:  # (else the judgement of the line before: no hash)
            judged = memo.get(labels)
            if judged is None:
                judged = memo[labels] = judge(labels)
            last = labels
        if judged:
            found.append((index, judged))
    return found


def has_positive(const double[:] weights):
    """Whether any weight is above 0 (their positive parts sum above 0)."""
    cdef Py_ssize_t index
    for index in range(weights.shape[0]):
        if weights[index] > 0:
            return True
    return False


def inside_sums(str path, str parent, list xpaths, const double[:] weights):
    """The positive weight of the lines inside ``path``, and the positive and the net weight
    of those inside its ``parent`` (each summed in line order)."""
    cdef double own = 0.0, more = 0.0, net = 0.0, weight
    cdef str inner = path + "/", outer = parent + "/"
    cdef Py_ssize_t index
    cdef str xpath
    if len(xpaths) != weights.shape[0]:
        raise ValueError("one weight per XPath")
    for index in range(weights.shape[0]):
        xpath = <str>xpaths[index]
        if inside(xpath, parent, outer):
            weight = weights[index]
            net += weight
            if weight > 0:
                more += weight
                if inside(xpath, path, inner):
                    own += weight
    return own, more, net
