# cython: language_level=3
"""The per-line loop of :mod:`cleantext.detectors.dom_outside_main`, compiled.

Every line of an HTML page is tested against the main container's XPath; the lines outside
it (save the headline and the standfirst the detector keeps) are gathered into runs of
adjacent lines of one kind, prose or not. Only the runs go back to Python, which words
their proposals.

>>> from cleantext.text.page import DomEvidence, Page
>>> page = Page.from_text("Menu\\nThe text of the page.\\nMore\\nFooter line that reads as prose.")
>>> paths = ["/html/body/nav/a", "/html/body/main/p", "/html/body/div", "/html/body/footer/p"]
>>> rows = [(path, DomEvidence(path, "p")) for path in paths]
>>> outside_runs(page.lines, rows, [1, 5, 1, 6], [False, True, False, True],
...              "/html/body/main", set(), 5)
[(0, 0, False), (2, 2, False), (3, 3, True)]
"""

from cleantext.detectors._paths cimport inside


def outside_runs(lines, rows, word_counts, sentence_ends, str container, keep,
                 Py_ssize_t sentence_words):
    """The runs ``(first, last, prose)`` of adjacent lines outside ``container`` (by their
    XPath: ``rows`` gives each line's XPath and evidence, as
    :func:`~cleantext.html.dom.line_rows` does; lines without evidence, and lines whose
    index is in ``keep``, end a run), each run of lines of one kind: prose (at least
    ``sentence_words`` words ending like a sentence) or not."""
    cdef list runs = []
    cdef str prefix = container + "/"
    cdef Py_ssize_t index = 0, first = -1
    cdef bint prose = False, kind
    cdef str xpath
    for line, (xpath, item), words, ends in zip(lines, rows, word_counts, sentence_ends):
        if item is None or inside(xpath, container, prefix) or line.index in keep:
            if first >= 0:
                runs.append((first, index - 1, prose))
                first = -1
        else:
            kind = words >= sentence_words and ends
            if first >= 0 and kind != prose:
                runs.append((first, index - 1, prose))
                first = -1
            if first < 0:
                first = index
            prose = kind
        index += 1
    if first >= 0:
        runs.append((first, index - 1, prose))
    return runs


def inside_lines(rows, str container):
    """The numbers of the lines (with evidence) whose element is ``container`` or lies
    within it, in order; ``rows`` gives each line's XPath and evidence, as
    :func:`~cleantext.html.dom.line_rows` does.

    >>> from cleantext.text.page import DomEvidence
    >>> rows = [("/html/body/main/p", DomEvidence("/html/body/main/p", "p")), ("", None),
    ...         ("/html/body/main", DomEvidence("/html/body/main", "main")),
    ...         ("/html/body/mainly", DomEvidence("/html/body/mainly", "div"))]
    >>> inside_lines(rows, "/html/body/main")
    [0, 2]
    """
    cdef list found = []
    cdef str prefix = container + "/"
    cdef Py_ssize_t index = 0
    cdef str xpath
    for xpath, item in rows:
        if item is not None and inside(xpath, container, prefix):
            found.append(index)
        index += 1
    return found
