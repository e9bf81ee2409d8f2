"""The compiled kernel of the classifier's context passes (:mod:`cleantext.content.classify`
and :mod:`cleantext.content.runs`): each a loop over the page's lines.

The arithmetic is the Python code's, in the same order on the same doubles, so the runs and
their scores are the same to the last bit (``benchmarks/outhash.py`` shows it on the sets).
"""

from cleantext.text._features cimport LineFeatures


def nearest(list classes, frozenset skip, bint reverse, str none):
    """For each line, the class of the nearest line before it (after it, ``reverse``) whose
    class is not in ``skip``; ``none`` where there is none.

    >>> nearest(["bad", "short", "good", "short"], frozenset({"short"}), False, "bad")
    ['bad', 'bad', 'bad', 'good']
    >>> nearest(["bad", "short", "good", "short"], frozenset({"short"}), True, "bad")
    ['good', 'good', 'bad', 'bad']
    """
    cdef Py_ssize_t count = len(classes), step, index
    cdef list found = [none] * count
    cdef str last = none, current
    for step in range(count):
        index = count - 1 - step if reverse else step
        found[index] = last
        current = classes[index]
        if current not in skip:
            last = current
    return found


def candidates(list classes, tuple lines, frozenset stops, str good, frozenset neutral,
               str claimed, double claimed_cost, double repeat_cost, double bad_cost,
               double gap_growth):
    """The content runs of a maximum-subarray scan, each as ``(score, (first, last))``
    (see :func:`cleantext.content.runs.content_windows`).

    ``good`` lines add their words; ``neutral`` lines (a list, a line of symbols) add and
    cost nothing; ``claimed`` lines cost ``claimed_cost``; every other line costs
    ``bad_cost`` (``repeat_cost`` when it repeats on the page) plus ``gap_growth`` for each
    non-good line before it in the same gap. A run closes where the sum drops to zero or
    at a line in ``stops``.
    """
    cdef list found = []
    cdef double best = 0.0, running = 0.0, cost
    cdef Py_ssize_t first = 0, gap = 0, index, best_first = 0, best_last = -1
    cdef str current
    cdef LineFeatures line
    for index in range(len(classes)):
        current = classes[index]
        line = lines[index]
        if current == good:
            running += line.words
            gap = 0
        elif current in neutral:
            pass
        elif current == claimed:
            running -= claimed_cost
        else:
            cost = repeat_cost if line.repeats > 1 else bad_cost
            running -= cost + gap_growth * gap
            gap += 1
        if running <= 0 or index in stops:
            if best > 0:
                found.append((best, (best_first, best_last)))
            best, running, first = 0.0, 0.0, index + 1
        elif running > best or (running == best and current == good):
            best, best_first, best_last = running, first, index
    if best > 0:
        found.append((best, (best_first, best_last)))
    return found


cpdef bint looks_like_heading(LineFeatures line):
    """A line that could be a heading: 2 to 20 words, no list marker, no separators, not
    repeated on the page, and mostly words, not numbers.

    >>> from cleantext.text._features import LineFeatures
    >>> looks_like_heading(LineFeatures(30, 5, 1, 0, False, False, 4, 0, 0, 1))
    True
    >>> looks_like_heading(LineFeatures(30, 5, 1, 0, False, True, 4, 0, 0, 1))  # a list item
    False
    """
    plain = not line.bullet and line.repeats == 1 and line.separators == 0
    return 2 <= line.words <= 20 and plain and line.digits / <double>line.words < 0.5


def promote_headings(list classes, tuple lines, double heading_distance, str good, str short,
                     str near):
    """Turn ``short`` lines that look like a heading, stand alone and come at most
    ``heading_distance`` characters before a ``good`` line into ``near`` ones (in place;
    see :func:`cleantext.content.classify._promote_headings`).

    A line is alone when no ``short`` line comes before it and none after it, unless the
    line after it is a list item. The lines are read last first, so a line's successor
    has its final class.
    """
    cdef Py_ssize_t index, count = len(classes)
    cdef double distance = heading_distance + 1
    cdef bint alone
    cdef LineFeatures line
    for index in range(count - 1, -1, -1):
        if classes[index] == good:
            distance = 0
            continue
        line = lines[index]
        if classes[index] == short and distance <= heading_distance:
            alone = (index == 0 or classes[index - 1] != short) and (
                index + 1 == count
                or classes[index + 1] != short
                or (<LineFeatures>lines[index + 1]).bullet
            )
            if alone and looks_like_heading(line):
                classes[index] = near
        distance += line.chars
