"""The compiled kernel of the classifier's context passes (:mod:`cleantext.content.classify`
and :mod:`cleantext.content.runs`): each a loop over the page's lines.

The arithmetic is the Python code's, in the same order on the same doubles, so the runs and
their scores are the same to the last bit (``benchmarks/outhash.py`` shows it on the sets).

The lines' classes are kept a byte a line (:class:`Classes`, read as the class names of
:mod:`cleantext.content.params`), not a list of strings (eight bytes a line for each of
the three lists the passes need).
"""

from cpython.array cimport array

from cleantext.text._features cimport FeatureTable, LineFacts, LineFeatures, count_at
from cleantext.text._lines cimport LineTable, checked_index, line_end, line_start

from cleantext.content.params import BAD, CLAIMED, EMPTY, GOOD, LIST, NEAR, SHORT


# The classes' codes: ``_NAMES[code]`` is the class's name.
cdef enum:
    C_GOOD = 0
    C_NEAR = 1
    C_SHORT = 2
    C_BAD = 3
    C_LIST = 4
    C_EMPTY = 5
    C_CLAIMED = 6

cdef tuple _NAMES = (GOOD, NEAR, SHORT, BAD, LIST, EMPTY, CLAIMED)
cdef dict _CODES = {name: code for code, name in enumerate(_NAMES)}


cdef unsigned char _code(str name) except 255:
    """The code of the class called ``name`` (a ``KeyError`` for any other name)."""
    return _CODES[name]


cdef class Classes:
    """The classes of a page's lines, a byte a line; read like a sequence of the class
    names (``classes[index]``, iteration, ``==`` with a list or tuple of names).

    >>> classes = Classes.of(["good", "short", "bad"])
    >>> classes[1], classes[-1], list(classes), classes == ["good", "short", "bad"], len(classes)
    ('short', 'bad', ['good', 'short', 'bad'], True, 3)
    """

    cdef bytearray codes

    @staticmethod
    def of(object names):
        """The :class:`Classes` of ``names``, a class name a line."""
        cdef Classes found = Classes.__new__(Classes)
        found.codes = bytearray([_code(name) for name in names])
        return found

    cdef Classes copy(self):
        """A copy, to change while this one stays."""
        cdef Classes found = Classes.__new__(Classes)
        found.codes = bytearray(self.codes)
        return found

    def __len__(self):
        return len(self.codes)

    def __getitem__(self, Py_ssize_t index):
        return _NAMES[self.codes[checked_index(index, len(self.codes))]]

    def __iter__(self):
        cdef unsigned char code
        for code in self.codes:
            yield _NAMES[code]

    def __eq__(self, other):
        if isinstance(other, Classes):
            return self.codes == (<Classes>other).codes
        if isinstance(other, (list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    def __hash__(self):
        return hash(bytes(self.codes))

    def __repr__(self):
        return f"Classes.of({list(self)!r})"


cdef Classes _classes(object given):
    """``given`` as :class:`Classes` (a list of names from a caller is read once)."""
    if isinstance(given, Classes):
        return <Classes>given
    return Classes.of(given)


cdef struct Thresholds:
    # ``Params``' thresholds of a line's own class, as doubles (an int threshold compares
    # with an int count exactly as in Python)
    double length_low, length_high, stop_low, stop_high, max_repeats, prose_words
    double min_sentence_words


def candidates(object classes, FeatureTable lines, frozenset stops, str good,
               frozenset neutral, str claimed, double claimed_cost, double repeat_cost,
               double bad_cost, double gap_growth):
    """The content runs of a maximum-subarray scan, each as ``(score, (first, last))``
    (see :func:`cleantext.content.runs.content_windows`).

    ``good`` lines add their words; ``neutral`` lines (a list, a line of symbols) add and
    cost nothing; ``claimed`` lines cost ``claimed_cost``; every other line costs
    ``bad_cost`` (``repeat_cost`` when it repeats on the page) plus ``gap_growth`` for each
    non-good line before it in the same gap. A run closes where the sum drops to zero or
    at a line in ``stops``. ``classes``: :class:`Classes` (or a list of class names).
    """
    cdef bytearray codes = _classes(classes).codes
    cdef unsigned char good_code = _code(good), claimed_code = _code(claimed), current
    cdef bytearray is_neutral = bytearray(len(_NAMES))
    for name in neutral:
        is_neutral[_code(name)] = 1
    cdef list found = []
    cdef double best = 0.0, running = 0.0, cost
    cdef Py_ssize_t first = 0, gap = 0, index, best_first = 0, best_last = -1
    cdef array words = lines.facts.words, repeats = lines.repeats  # (read with count_at)
    for index in range(len(codes)):
        current = codes[index]
        if current == good_code:
            running += count_at(words, index)
            gap = 0
        elif is_neutral[current]:
            pass
        elif current == claimed_code:
            running -= claimed_cost
        else:
            cost = repeat_cost if count_at(repeats, index) > 1 else bad_cost
            running -= cost + gap_growth * gap
            gap += 1
        if running <= 0 or index in stops:
            if best > 0:
                found.append((best, (best_first, best_last)))
            best, running, first = 0.0, 0.0, index + 1
        elif running > best or (running == best and current == good_code):
            best, best_first, best_last = running, first, index
    if best > 0:
        found.append((best, (best_first, best_last)))
    return found


cdef inline bint _heading_shape(Py_ssize_t words, bint bullet, Py_ssize_t repeats,
                                Py_ssize_t separators, Py_ssize_t digits):
    """2 to 20 words, no list marker, no separators, not repeated, mostly not numbers."""
    plain = not bullet and repeats == 1 and separators == 0
    return 2 <= words <= 20 and plain and digits / <double>words < 0.5


cpdef bint looks_like_heading(LineFeatures line):
    """A line that could be a heading: 2 to 20 words, no list marker, no separators, not
    repeated on the page, and mostly words, not numbers.

    >>> from cleantext.text._features import LineFeatures
    >>> looks_like_heading(LineFeatures(30, 5, 1, 0, False, False, 4, 0, 0, 1))
    True
    >>> looks_like_heading(LineFeatures(30, 5, 1, 0, False, True, 4, 0, 0, 1))  # a list item
    False
    """
    return _heading_shape(line.words, line.bullet, line.repeats, line.separators, line.digits)


cdef bint _heading_at(FeatureTable lines, Py_ssize_t index):
    """:func:`looks_like_heading` for line ``index`` of ``lines``, read in place."""
    cdef LineFacts facts = lines.facts
    return _heading_shape(
        count_at(facts.words, index), facts.bullet.data.as_uchars[index],
        count_at(lines.repeats, index), facts.separators.data.as_uchars[index],
        facts.digits.data.as_uchars[index],
    )


cdef bint _headline_at(FeatureTable lines, Py_ssize_t index, double length_low):
    """Line ``index`` may be the headline: heading-like (:func:`_heading_at`), worded
    (a stopword, or shorter than ``length_low`` characters), 3 words or more, no
    sentence end."""
    cdef LineFacts facts = lines.facts
    cdef bint worded = (
        count_at(lines.stopwords, index) > 0 or count_at(facts.chars, index) < length_low)
    return (
        _heading_at(lines, index) and worded and count_at(facts.words, index) >= 3
        and not facts.sentence_end.data.as_uchars[index]
    )


def headline_lines(object initial, FeatureTable lines, tuple window, Py_ssize_t lookback,
                   double length_low):
    """The heading-like lines among the ``lookback`` lines before the content run
    ``window`` (lines a named detector claims, and empty ones, are not counted; see
    :func:`cleantext.content.runs.find_headlines`). ``initial``: each line's own class
    (:class:`Classes`, or a sequence of class names).

    >>> from cleantext.text.features import page_features
    >>> from cleantext.text.page import Page
    >>> text = "Home\\nThe Bridge Opens in May\\nThe mayor said the bridge will open in May."
    >>> lines = page_features(Page.from_text(text)).lines
    >>> sorted(headline_lines(["short", "short", "good"], lines, (2, 2), 3, 70))
    [1]
    """
    cdef bytearray codes = _classes(initial).codes
    cdef Py_ssize_t first = window[0], last = window[1]
    cdef Py_ssize_t index = first - 1, seen = 0
    cdef list found = []
    if last < first:
        return frozenset()
    while index >= 0 and seen < lookback:
        if codes[index] != C_CLAIMED and codes[index] != C_EMPTY:
            seen += 1
            if _headline_at(lines, index, length_low):
                found.append(index)
        index -= 1
    return frozenset(found)


def edge_lines(object initial, FeatureTable lines, tuple windows):
    """The short and near-good lines (by their own class, ``initial``) right after each
    content run of ``windows`` that occur once on the page (see
    :func:`cleantext.content.runs.trailing_edge`).

    >>> from cleantext.text.features import page_features
    >>> from cleantext.text.page import Page
    >>> lines = page_features(Page.from_text("a\\nb\\nc\\nd")).lines
    >>> sorted(edge_lines(["good", "short", "near", "bad"], lines, ((0, 0),)))
    [1, 2]
    """
    cdef bytearray codes = _classes(initial).codes
    cdef Py_ssize_t count = len(codes), index, last
    cdef set found = set()
    for _, last in windows:
        index = last + 1
        while (index < count and (codes[index] == C_SHORT or codes[index] == C_NEAR)
               and count_at(lines.repeats, index) == 1):
            found.add(index)
            index += 1
    return frozenset(found)


def promote_headings(Classes classes, FeatureTable lines, double heading_distance):
    """Turn short lines that look like a heading, stand alone and come at most
    ``heading_distance`` characters before a good line into near-good ones (in place:
    ``classes`` is a :class:`Classes`).

    A line is alone when no short line comes before it and none after it, unless the
    line after it is a list item. The lines are read last first, so a line's successor
    has its final class.
    """
    cdef bytearray codes = classes.codes
    cdef Py_ssize_t index, count = len(codes)
    cdef double distance = heading_distance + 1
    cdef bint alone
    cdef unsigned char *bullet = lines.facts.bullet.data.as_uchars
    for index in range(count - 1, -1, -1):
        if codes[index] == C_GOOD:
            distance = 0
            continue
        if codes[index] == C_SHORT and distance <= heading_distance:
            alone = (index == 0 or codes[index - 1] != C_SHORT) and (
                index + 1 == count or codes[index + 1] != C_SHORT or bullet[index + 1]
            )
            if alone and _heading_at(lines, index):
                codes[index] = C_NEAR
        distance += count_at(lines.facts.chars, index)


cdef Thresholds _thresholds(object params):
    """The thresholds of a line's own class, read from ``params`` once."""
    cdef Thresholds found
    found.length_low, found.length_high = params.length_low, params.length_high
    found.stop_low, found.stop_high = params.stop_low, params.stop_high
    found.max_repeats, found.prose_words = params.max_repeats, params.prose_words
    found.min_sentence_words = params.min_sentence_words
    return found


cdef unsigned char _own_class(FeatureTable lines, Py_ssize_t index, Thresholds *limits):
    """The class (its code) of line ``index`` from its own features alone
    (``docs/algorithm.md``)."""
    cdef LineFacts facts = lines.facts
    cdef Py_ssize_t words = count_at(facts.words, index)
    cdef Py_ssize_t chars = count_at(facts.chars, index)
    cdef bint ends = facts.sentence_end.data.as_uchars[index]
    if words == 0:
        return C_EMPTY
    cdef double density = count_at(lines.stopwords, index) / <double>words
    cdef bint sentence = ends and words >= limits.min_sentence_words
    if count_at(lines.repeats, index) >= limits.max_repeats and not sentence:
        return C_BAD
    if facts.separators.data.as_uchars[index] >= 2 and density < limits.stop_high:
        return C_BAD
    if chars < limits.length_low:
        if sentence and (density >= limits.stop_low or words >= limits.prose_words):
            return C_NEAR
        return C_SHORT
    cdef bint long_enough = (
        chars >= limits.length_high or count_at(facts.sentences, index) >= 2
    )
    if ends and density >= limits.stop_low:
        return C_GOOD if long_enough or density >= limits.stop_high else C_NEAR
    if density >= limits.stop_high and long_enough:
        return C_GOOD  # running text that ends in an emoji, a hashtag or a link
    if density >= limits.stop_high or (ends and words >= limits.prose_words):
        return C_NEAR
    return C_BAD


def initial_classes(FeatureTable lines, object claims, object params):
    """Each line's class from its own features (``params``' thresholds), or from the
    ``claims`` of named detectors (line index to name): a run of claimed lines is
    ``claimed`` (a zone), one claimed line inside text ``empty`` (skipped like symbols).

    >>> from array import array
    >>> from cleantext.content.params import Params
    >>> from cleantext.text.features import page_features
    >>> from cleantext.text.page import Page
    >>> page = Page.from_text("Home\\nNews\\nSport\\n" + "It rained all day in the town, "
    ...     "and the river rose over its banks before the evening came.")
    >>> list(initial_classes(page_features(page).lines, {1: "menu", 2: "menu"}, Params()))
    ['short', 'claimed', 'claimed', 'good']
    """
    cdef Thresholds limits = _thresholds(params)
    cdef Py_ssize_t index, count = len(lines)
    cdef Classes found = Classes.__new__(Classes)
    found.codes = bytearray(count)
    for index in range(count):
        if claims and index in claims:
            found.codes[index] = (
                C_CLAIMED if index - 1 in claims or index + 1 in claims else C_EMPTY)
        else:
            found.codes[index] = _own_class(lines, index, &limits)
    return found


cdef unsigned char _short_class(unsigned char before, unsigned char after):
    """A run of short lines between ``before`` and ``after``: good between good or
    near-good text (near-good between two near-good lines), else bad."""
    if (before == C_GOOD or before == C_NEAR) and (after == C_GOOD or after == C_NEAR):
        return C_NEAR if before == C_NEAR and after == C_NEAR else C_GOOD
    return C_BAD


cdef bint _list_like(FeatureTable lines, Py_ssize_t start, Py_ssize_t end, double list_words):
    """A long run of short lines that reads like statements, not links: ``list_words``
    words a line on average, none repeated on the page."""
    cdef Py_ssize_t index, words = 0
    for index in range(start, end):
        if count_at(lines.repeats, index) != 1:
            return False
        words += count_at(lines.facts.words, index)
    return words >= list_words * (end - start)


def resolve_context(object classes, FeatureTable lines, double heading_distance,
                    Py_ssize_t max_short_run, double list_words):
    """Context (see :func:`cleantext.content.classify.resolve`): headings before good text
    become near-good, then each run of short lines takes the class its neighbours give
    it (a long one between good text is a list unless it reads like statements), then
    near-good lines are good next to good text or a list, else bad. Returns the final
    classes (:class:`Classes`); ``classes`` (a :class:`Classes`, or a list of names) is
    not changed.

    A neighbour is the nearest line that is not short (nor empty); for a near-good line,
    the nearest that is not near-good, empty or claimed. No list of every line's
    neighbours is made: two passes each way, and one byte a line.

    >>> from cleantext.text.features import page_features
    >>> from cleantext.text.page import Page
    >>> lines = page_features(Page.from_text("a\\nb\\nc")).lines
    >>> list(resolve_context(["good", "short", "near"], lines, 200, 3, 6.0))
    ['good', 'good', 'good']
    >>> list(resolve_context(["bad", "short", "near"], lines, 200, 3, 6.0))
    ['bad', 'bad', 'bad']
    """
    cdef Classes found = _classes(classes)
    found = found.copy() if found is classes else found
    promote_headings(found, lines, heading_distance)
    _resolve_shorts(found.codes, lines, max_short_run, list_words)
    _resolve_near(found.codes)
    return found


cdef void _resolve_shorts(bytearray codes, FeatureTable lines, Py_ssize_t max_short_run,
                          double list_words) except *:
    """Give each run of short lines of ``codes`` its class (in place): from the nearest
    line before the run and after it that is neither short nor empty (a claimed line
    counts as bad). The lines after a run are read before they are changed, those before
    it are not short: the same as reading a copy."""
    cdef Py_ssize_t start = 0, end, count = len(codes), index, after = 0
    cdef unsigned char current, before = C_BAD, resolved
    while start < count:
        current = codes[start]
        if current != C_SHORT:
            if current != C_EMPTY:
                before = current
            start += 1
            continue
        end = start + 1
        while end < count and codes[end] == C_SHORT:
            end += 1
        after = max(after, end)  # (the runs come in order: the scan goes on where it was)
        while after < count and (codes[after] == C_SHORT or codes[after] == C_EMPTY):
            after += 1
        resolved = _short_class(before, codes[after] if after < count else C_BAD)
        if resolved == C_GOOD and end - start > max_short_run:
            resolved = C_GOOD if _list_like(lines, start, end, list_words) else C_LIST
        for index in range(start, end):
            codes[index] = resolved
        start = end


cdef inline bint _skipped_by_near(unsigned char value):
    """Classes a near-good line looks past for its neighbours."""
    return value == C_NEAR or value == C_EMPTY or value == C_CLAIMED


cdef void _resolve_near(bytearray codes) except *:
    """Make each near-good line of ``codes`` good when the nearest line before or after it
    that is not near-good, empty or claimed is good or a list, else bad (in place)."""
    cdef Py_ssize_t count = len(codes), index
    cdef bytearray text_before = bytearray(count)
    cdef unsigned char current, last = C_BAD
    for index in range(count):
        current = codes[index]
        if current == C_NEAR:
            text_before[index] = last == C_GOOD or last == C_LIST
        elif not _skipped_by_near(current):
            last = current
    last = C_BAD
    for index in range(count - 1, -1, -1):
        current = codes[index]
        if current == C_NEAR:
            codes[index] = (
                C_GOOD if text_before[index] or last == C_GOOD or last == C_LIST else C_BAD)
        elif not _skipped_by_near(current):
            last = current


cdef object _removal_kind(unsigned char current, bint inside, bint headline, bint edge,
                          bint sentence):
    """``None`` for a kept line; else why it goes: ``inside``, ``edge``, ``prose`` (good
    text away from the content) or ``outside``.

    Inside a content run, good lines stay and so do lines that end like a sentence
    (unless they repeat on the page); the headline stays too; a claimed line is left to
    the named detector's claim.
    """
    if current == C_CLAIMED:
        return None
    if headline or (inside and (current == C_GOOD or current == C_LIST or current == C_EMPTY
                                or sentence)):
        return None
    if inside:
        return u"inside"
    if edge:
        return u"edge"
    return u"prose" if current == C_GOOD else u"outside"


cdef bint _sentence_at(FeatureTable lines, Py_ssize_t index, double min_words):
    """Line ``index`` reads as a sentence: a sentence end, not repeated, enough words."""
    return (
        lines.facts.sentence_end.data.as_uchars[index]
        and count_at(lines.repeats, index) == 1
        and count_at(lines.facts.words, index) >= min_words
    )


def removal_runs(object classes, FeatureTable lines, tuple windows, frozenset headlines,
                 frozenset edge, double min_sentence_words):
    """The classifier's removals: ``(first, last, kind)`` for each maximal run of adjacent
    lines that go for the same reason (see :func:`_removal_kind`), given the final
    ``classes``, the content runs ``windows``, the ``headlines`` and the uncertain
    ``edge`` after the content; a line inside a content run that ends like a sentence
    with ``min_sentence_words`` words stays. ``classes``: :class:`Classes` (or a list of
    class names).

    >>> from cleantext.text.features import page_features
    >>> from cleantext.text.page import Page
    >>> lines = page_features(Page.from_text("a\\nb\\nc\\nd\\ne")).lines
    >>> removal_runs(["bad", "bad", "good", "bad", "good"], lines, ((2, 2),), frozenset(),
    ...     frozenset({3}), 5)
    [(0, 1, 'outside'), (3, 3, 'edge'), (4, 4, 'prose')]
    """
    cdef bytearray codes = _classes(classes).codes
    cdef Py_ssize_t count = len(codes), index, first, last
    cdef bytearray inside = bytearray(count)
    for first, last in windows:
        for index in range(first, last + 1):
            inside[index] = 1
    cdef list found = []
    cdef object kind, previous = None
    cdef Py_ssize_t start = 0
    for index in range(count):
        kind = _removal_kind(
            codes[index], inside[index], index in headlines, index in edge,
            _sentence_at(lines, index, min_sentence_words),
        )
        if kind is not previous:
            if previous is not None:
                found.append((start, index - 1, previous))
            previous, start = kind, index
    if previous is not None:
        found.append((start, count - 1, previous))
    return found


# what each kind of removal is called in its reason (any other: ``boilerplate``)
cdef dict _LABELS = {
    u"inside": u"boilerplate inside the content",
    u"prose": u"text away from the content",
    u"edge": u"short lines just after the content",
}


cdef str _count_lines(Py_ssize_t count):
    """``1 line``, ``3 lines``."""
    return u"1 line" if count == 1 else f"{count} lines"


cdef str _where(Py_ssize_t first, Py_ssize_t last, Py_ssize_t window_first,
                Py_ssize_t window_last):
    """Where the run of lines ``first`` to ``last`` lies from the main content run."""
    if window_last < window_first:
        return u"no content run on the page"
    if last < window_first:
        return f"{_count_lines(window_first - last)} before the content"
    if first > window_last:
        return f"{_count_lines(first - window_last)} after the content"
    return u"within the content"


def removal_reason(FeatureTable lines, object initial, Py_ssize_t first, Py_ssize_t last,
                   str kind, tuple window, str counted_words):
    """The reason of the removed run of lines ``first`` to ``last`` (one of
    :func:`removal_runs`): its size and ``kind``, the evidence of its first line with a
    class of its own (``initial``, each line's own class) and where it lies from the main
    content ``window``; ``counted_words`` names the words the density counts. ``initial``:
    :class:`Classes` (or a sequence of class names).

    >>> from cleantext.text.features import page_features
    >>> from cleantext.text.page import Page
    >>> lines = page_features(Page.from_text("Home\\nHome\\nIt rained all day.")).lines
    >>> removal_reason(lines, ("bad", "bad", "good"), 0, 1, "outside", (2, 2), "stopwords")
    '2 lines of boilerplate (bad: 1 words, no sentence punctuation, 0% stopwords, occurs 2 \
times), 1 line before the content'
    """
    cdef bytearray codes = _classes(initial).codes
    cdef Py_ssize_t shown = first, index
    for index in range(first, last + 1):
        if codes[index] != C_EMPTY:
            shown = index
            break
    cdef LineFeatures line = lines.line(shown)
    cdef str ending = u"sentence punctuation" if line.sentence_end else u"no sentence punctuation"
    cdef str evidence = f"{line.words} words, {ending}, {line.density:.0%} {counted_words}"
    if line.repeats > 1:
        evidence += f", occurs {line.repeats} times"
    cdef str label = _LABELS.get(kind, u"boilerplate")
    cdef str where = _where(first, last, window[0], window[1])
    cdef str own = _NAMES[codes[shown]]
    return f"{_count_lines(last - first + 1)} of {label} ({own}: {evidence}), {where}"


def removals(LineTable table, FeatureTable lines, object initial, object classes,
             tuple windows, frozenset headlines, frozenset edge, double min_sentence_words,
             str counted_words):
    """The classifier's removals in one pass: ``(start, end, kind, reason)`` for each run
    of :func:`removal_runs` (``start`` and ``end``: where its first line starts and its
    last line ends in ``table``, the page's lines), with its :func:`removal_reason` (the
    main content run is ``windows[0]``).

    >>> from cleantext.text.features import page_features
    >>> from cleantext.text.page import Page
    >>> page = Page.from_text("Home\\nHome\\nIt rained all day.")
    >>> lines = page_features(page).lines
    >>> removals(page.lines, lines, ["bad", "bad", "good"], ["bad", "bad", "good"], ((2, 2),),
    ...     frozenset(), frozenset(), 5, "stopwords")  # doctest: +NORMALIZE_WHITESPACE
    [(0, 9, 'outside', '2 lines of boilerplate (bad: 1 words, no sentence punctuation,
      0% stopwords, occurs 2 times), 1 line before the content')]
    """
    cdef tuple window = windows[0] if windows else (0, -1)
    cdef list found = []
    cdef Py_ssize_t first, last
    cdef str kind
    cdef Classes own = _classes(initial)
    if len(table) != len(lines):
        raise ValueError(f"{len(table)} lines for the features of {len(lines)}")
    for first, last, kind in removal_runs(classes, lines, windows, headlines, edge,
                                          min_sentence_words):
        found.append((
            line_start(table, first), line_end(table, last), kind,
            removal_reason(lines, own, first, last, kind, window, counted_words),
        ))
    return found
