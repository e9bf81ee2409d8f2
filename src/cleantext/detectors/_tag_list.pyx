"""The compiled kernel of :mod:`cleantext.detectors.tag_list`: its runs of bullet items, in C.

After the body of a page of lists, most lines start with a bullet; testing each in
Python (is it bulleted, how many tokens, how does it end) cost most of the detector.
:func:`tag_events` reads the candidate lines in place and gives back only what the
detector acts on: the runs of short bullet items long enough to propose, and the lines
that may be a "Tags:" label, in the order the detector proposes them.

It decides the usual lines itself: a line that does not start with a bullet, or that
starts with a bullet and one space. A line with another bullet (``•\\tTag``) is handed to
``bulleted(index)``, the detector's own :func:`~cleantext.text.lexicon.has_bullet`.
"""

from cpython.array cimport array

from cleantext.text._lines cimport LineTable, is_bullet_char, line_end, text_start

LABEL = 0
"""An event: the line may be a label (not a short item, not bulleted)."""
RUN = 1
"""An event: a run of short bullet items, from its first line to its last."""


cdef inline bint ends_sentence(Py_UCS4 char):
    """A character of ``cleantext.detectors.tag_list.SENTENCE_STOPS``."""
    return char in u".!?"


def tag_events(LineTable table, array counts, list candidates, Py_ssize_t max_item_words,
               Py_ssize_t min_items, bulleted):
    """The events of the candidate lines (indexes, in order): ``(LABEL, index, index)`` for
    a line that is no short bullet item and starts with no bullet, ``(RUN, first, last)``
    for ``min_items`` or more consecutive short bullet items (of one to
    ``max_item_words`` tokens, ``counts`` being the lines' token counts, no final stop).
    A label comes before the run that it ends.

    >>> from array import array
    >>> from cleantext.text._lines import LineTable
    >>> table = LineTable("Text.\\n• One\\n• Two\\nTags: a\\n• Three.\\n• Four\\n• Five")
    >>> counts = array("i", [1, 1, 1, 2, 1, 1, 1])
    >>> tag_events(table, counts, [1, 2, 3, 4, 5, 6], 4, 2, lambda index: True)
    [(0, 3, 3), (1, 1, 2), (1, 5, 6)]
    """
    cdef str text = table.text
    cdef list events = []
    cdef Py_ssize_t index, first = -1, size = 0, previous = -2
    for index in candidates:
        if index != previous + 1:  # the lines between are neither labels nor items
            _close(events, first, size, min_items)
            size = 0
        previous = index
        if _is_item(table, text, counts, index, max_item_words, bulleted):
            if not size:
                first = index
            size += 1
            continue
        if not is_bullet_char(text[text_start(table, index)]):
            events.append((LABEL, index, index))  # (a label starts with its word)
        _close(events, first, size, min_items)
        size = 0
    _close(events, first, size, min_items)
    return events


cdef inline void _close(list events, Py_ssize_t first, Py_ssize_t size, Py_ssize_t min_items):
    """End the run of ``size`` items from line ``first``: an event when it is long enough."""
    if size >= min_items:
        events.append((RUN, first, first + size - 1))


cdef bint _is_item(LineTable table, str text, array counts, Py_ssize_t index,
                   Py_ssize_t max_item_words, bulleted):
    """True for a short bullet item: bulleted, one to ``max_item_words`` tokens, no final stop."""
    cdef Py_ssize_t start = text_start(table, index)
    cdef Py_ssize_t end = line_end(table, index)
    cdef Py_ssize_t count = counts.data.as_ints[index]
    if not is_bullet_char(text[start]) or not 0 < count <= max_item_words:
        return False
    if ends_sentence(text[end - 1]):
        return False
    if start + 1 < end and text[start + 1] == u" ":
        return True  # "• item": the usual bullet (``has_bullet``'s first case)
    return bool(bulleted(index))
