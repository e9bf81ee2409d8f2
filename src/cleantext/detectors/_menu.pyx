"""The compiled kernel of :mod:`cleantext.detectors.menu`: runs of menu items, counted in C.

A margin of a page holds thousands of short lines on a large site; testing each in
Python (strip the bullet, measure, look at its first and last characters) cost more
than all the other rules of the detector. :func:`item_runs` reads the lines in place
and returns only the runs long enough to be a menu, with the counts the detector
weighs (capitalised items, items with a digit, bulleted lines).

It decides the usual lines itself: a line that starts with a bullet followed by one
space, or with a character that is not numeric (``str.isnumeric``: every ``\\d`` of
``menu.QUANTITY`` and its fractions are). Any other line (an odd bullet, a first
character that may start an amount such as ``200 g`` or ``½ cup``) is handed to
``plain(index)``, the detector's own rule, which gives the item (or None) and whether
the line is bulleted.
"""

from cpython.array cimport array

from cleantext.text._lines cimport LineTable, is_bullet_char, line_end, text_start

cdef inline bint ends_sentence(Py_UCS4 char):
    """A character of ``cleantext.detectors.menu.SENTENCE_MARKS``."""
    return char in u".!?;:,"


cdef class _Run:
    """The items counted so far of the current run (``size`` 0: none)."""

    cdef Py_ssize_t first, size, capitals, digits, bullets

    cdef void add(self, Py_ssize_t index, str text, Py_ssize_t start, Py_ssize_t end,
                  bint bulleted):
        """Count the item ``text[start:end]`` of line ``index``."""
        cdef Py_UCS4 first = text[start]
        cdef Py_ssize_t position
        if not self.size:
            self.first = index
        self.size += 1
        self.capitals += first.isupper() or first.isdigit()
        self.bullets += bulleted
        for position in range(start, end):
            if text[position].isdigit():
                self.digits += 1
                break

    cdef void close(self, list runs, Py_ssize_t min_run):
        """End the run: keep it in ``runs`` when it has ``min_run`` items or more."""
        if self.size >= min_run:
            runs.append((self.first, self.first + self.size - 1, self.capitals, self.digits,
                         self.bullets))
        self.size = self.capitals = self.digits = self.bullets = 0


def item_runs(LineTable table, array counts, Py_ssize_t first, Py_ssize_t stop,
              Py_ssize_t max_chars, Py_ssize_t max_words, Py_ssize_t min_run, plain):
    """The runs of ``min_run`` or more consecutive menu items among lines ``first`` to
    ``stop - 1``: tuples (first line, last line, capitalised items, items with a digit,
    bulleted lines). ``counts[index]`` is the number of tokens of line ``index`` (an
    ``array('i')``, :attr:`Page.token_counts <cleantext.text.page.Page.token_counts>`).

    >>> from cleantext.text._lines import LineTable
    >>> table = LineTable("• Home\\n• World\\nOur story.\\n• News\\nsport\\n4 Arts\\nVideo 2")
    >>> plain = lambda index: ("4 Arts", False)  # (the detector's rule: for the test)
    >>> from array import array
    >>> counts = array("i", [1, 1, 2, 1, 1, 2, 2])
    >>> item_runs(table, counts, 0, 7, 40, 4, 2, plain)
    [(0, 1, 2, 0, 2), (3, 6, 3, 2, 1)]
    """
    cdef str text = table.text
    cdef list runs = []
    cdef _Run run = _Run()
    cdef Py_ssize_t index, start, end, count
    cdef Py_UCS4 char
    cdef bint bulleted
    for index in range(first, stop):
        count = counts.data.as_ints[index]
        if not 0 < count <= max_words:
            run.close(runs, min_run)
            continue
        start = text_start(table, index)
        end = line_end(table, index)
        char = text[start]
        if is_bullet_char(char) and start + 2 < end and text[start + 1] == u" " and \
                not text[start + 2].isspace():
            start += 2  # "• item": the usual bullet (``strip_bullet``'s first case)
            char = text[start]
            bulleted = True
        elif is_bullet_char(char):
            _plain_item(run, runs, min_run, index, plain)
            continue
        else:
            bulleted = False
        if end - start > max_chars or ends_sentence(text[end - 1]):
            run.close(runs, min_run)
        elif char.isnumeric():  # may start an amount: the detector decides
            _plain_item(run, runs, min_run, index, plain)
        else:
            run.add(index, text, start, end, bulleted)
    run.close(runs, min_run)
    return runs


cdef void _plain_item(_Run run, list runs, Py_ssize_t min_run, Py_ssize_t index, plain):
    """Count line ``index`` as the detector's own rule ``plain`` reads it."""
    item, bulleted = plain(index)
    if item is None:
        run.close(runs, min_run)
    else:
        run.add(index, item, 0, len(item), bulleted)
