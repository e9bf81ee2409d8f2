# cython: language_level=3
"""The contexts of HTML mode's walk, compiled: :class:`Context` and :func:`new_context`, which
:mod:`cleantext.html.frames` documents and re-exports (the walk makes one context for each
element that changes what its content is seen in, tens of thousands on a page set).

>>> inner = new_context(ROOT_CONTEXT, "nav", "nav", frozenset({"menu"}), False, 2)
>>> sorted(inner.landmarks), inner.labels, inner.in_body, inner.sectioned
(['nav'], (('<nav>', 3), ('menu', 3)), False, True)
"""

cimport cython

from cleantext.html.vocabulary import HEADING_TAGS, SECTIONING_TAGS

cdef frozenset _HEADINGS = HEADING_TAGS
cdef frozenset _SECTIONING = SECTIONING_TAGS
cdef frozenset _EMPTY = frozenset()


@cython.final
cdef class Context:
    """What the ancestors of an open element say about its content (shared by many frames).

    ``labels`` pairs each landmark/token with the depth (in XPath steps) of the deepest
    ancestor carrying it. A context is never changed once made; two contexts are equal
    only when they are the same object.

    >>> Context(frozenset(), frozenset({"nav"}), (("nav", 2),), False, False, False).tokens
    frozenset({'nav'})
    """

    def __init__(
        self,
        frozenset landmarks not None,
        frozenset tokens not None,
        tuple labels not None,
        bint in_body,
        bint heading,
        bint sectioned,
    ):
        self.landmarks = landmarks
        self.tokens = tokens
        self.labels = labels
        self.in_body = in_body
        self.heading = heading
        self.sectioned = sectioned

    def __repr__(self):
        return (
            f"Context(landmarks={self.landmarks!r}, tokens={self.tokens!r}, "
            f"labels={self.labels!r}, in_body={self.in_body!r}, heading={self.heading!r}, "
            f"sectioned={self.sectioned!r})"
        )


ROOT_CONTEXT = Context(_EMPTY, _EMPTY, (), False, False, False)
"""The context of the walk's first element."""


cpdef Context new_context(
    Context parent, str tag, str landmark, frozenset own, bint in_body, int depth
):
    """The context below ``parent`` for an element ``depth`` deep with these readings: its
    tag, its landmark (or ``None``), its own class/id tokens and whether it is in the
    structured body.

    >>> new_context(ROOT_CONTEXT, "h2", None, frozenset(), False, 4).heading
    True
    """
    cdef Context made = Context.__new__(Context)
    made.landmarks = parent.landmarks
    made.tokens = parent.tokens
    made.labels = parent.labels
    if own:
        made.tokens = made.tokens | own
    if landmark is not None:
        made.landmarks = made.landmarks | {landmark}
        own = own | {f"<{landmark}>"}
    if own:
        made.labels = _relabel(made.labels, own, depth + 1)
    made.in_body = in_body
    made.heading = parent.heading or tag in _HEADINGS
    made.sectioned = parent.sectioned or tag in _SECTIONING
    return made


cdef tuple _relabel(tuple labels, frozenset own, int depth):
    """``labels`` with each of ``own`` now found at ``depth`` (the deepest occurrence counts)."""
    cdef list relabelled = []
    cdef tuple item
    for item in labels:
        if item[0] not in own:
            relabelled.append(item)
    for label in sorted(own):
        relabelled.append((label, depth))
    return tuple(relabelled)
