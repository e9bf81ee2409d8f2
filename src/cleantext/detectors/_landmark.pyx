# cython: language_level=3
"""The per-line loop of :mod:`cleantext.detectors.dom_landmark`, compiled.

Every line of an HTML page is judged by the labels of its elements; the judgement itself
is worked out once per page for each set of labels (and each set of furniture labels) by
the detector's ``_Reader``, in Python. What is left per line (is it inside the main
container, which cached reading and verdict it gets, does its verdict start a new run)
is done here, and only the runs of lines with one verdict go back to Python.

>>> class Reader:  # (the shape of ``dom_landmark._Reader``: one label, one verdict)
...     xpath = "/html/body/main"
...     readings, verdicts = {}, {}
...     def reading(self, labels, inner):
...         self.readings[labels, inner] = labels, (("nav",), False) if labels else None, False
...         return self.readings[labels, inner]
...     def verdict(self, furniture, in_content, prose):
...         self.verdicts[furniture, in_content, prose] = (0.8, "inside <nav>")
...         return self.verdicts[furniture, in_content, prose]
>>> from cleantext.text.page import DomEvidence
>>> nav = DomEvidence("/html/body/nav/a", "a", labels=(("<nav>", 3),))
>>> text = DomEvidence("/html/body/main/p", "p")
>>> rows = [(item.xpath, item) for item in (nav, nav, text)] + [("", None), (nav.xpath, nav)]
>>> verdict_runs(rows, [1, 1, 20, 0, 1], [False] * 5, 8, Reader())
[(0, 1, (0.8, 'inside <nav>')), (4, 4, (0.8, 'inside <nav>'))]
"""

from cleantext.detectors._paths cimport inside


def verdict_runs(rows, word_counts, sentence_ends, Py_ssize_t sentence_words, reader):
    """The runs ``(first, last, verdict)`` of adjacent lines with equal verdicts (lines
    without one are in no run); ``rows`` gives each line's XPath and evidence, as
    :func:`~cleantext.html.dom.line_rows` does. ``reader`` gives each line's reading by its
    labels and whether it is inside the container (``readings``, made by
    ``reading(labels, inner)``), the split of a reading whose labels the line's own XPath may
    silence (``split_on(xpath, pairs, inner)``), and the verdict of a split (``verdicts``,
    made by ``verdict(furniture, in_content, prose)``)."""
    cdef list runs = []
    cdef Py_ssize_t index = 0, first = -1
    cdef str container = reader.xpath
    cdef str prefix = container + "/"
    cdef str xpath
    cdef dict readings = reader.readings
    cdef dict verdicts = reader.verdicts
    cdef bint inner, prose, last_prose = False
    cdef str last_xpath = None
    last_labels = None  # (the labels, XPath and prose of the line before with a verdict,
    last = None         # and that verdict: the lines of one element share their labels' tuple
    found = None        # and their XPath string; the verdict of the open run, from ``first``)
    for (xpath, item), words, ends in zip(rows, word_counts, sentence_ends):
        current = None
        if item is not None and not item.in_structured_body:
            labels = item.labels
            prose = words >= sentence_words and ends
            if labels is last_labels and xpath is last_xpath and prose == last_prose:
                current = last  # (the line before's verdict: no hash of its labels)
            else:
                inner = inside(xpath, container, prefix)
                current = _line_verdict(reader, readings, verdicts, labels, xpath, inner, prose)
                last_labels, last_xpath, last_prose, last = labels, xpath, prose, current
        if first >= 0 and current != found:
            runs.append((first, index - 1, found))
            first = -1
        if current is not None and first < 0:
            first = index
        found = current
        index += 1
    if first >= 0:
        runs.append((first, index - 1, found))
    return runs


cdef object _line_verdict(object reader, dict readings, dict verdicts, object labels,
                          str xpath, bint inner, bint prose):
    """A line's verdict (``None``: no furniture label speaks about it)."""
    reading = readings.get((labels, inner))
    if reading is None:
        reading = reader.reading(labels, inner)
    pairs, split, by_path = reading
    if by_path:
        split = reader.split_on(xpath, pairs, inner)
    if split is None:
        return None
    furniture, in_content = split
    key = (furniture, in_content, prose)
    if key in verdicts:
        return verdicts[key]
    return reader.verdict(furniture, in_content, prose)
