"""What an open element passes on to its content while the renderer walks: frames and contexts.

A *frame* is ``(block, depth, context)``: the nearest block element (a line's
XPath names it: a :class:`~cleantext.html._walk.Block`), the depth below the root of the element that made the frame,
and the :class:`Context` its ancestors make (:class:`Context` and :func:`new_context` are
compiled, in :mod:`cleantext.html._frames`). Inline elements that add nothing
share their parent's frame. The walk itself (:mod:`cleantext.html._walk`, a
compiled kernel) makes the frames; the rules it applies to the elements that
are rare or costly to read (buttons, landmarks, a heading's anchor) are the plain
functions of this module; hidden elements (:data:`HIDDEN_STYLE`) it reads itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lxml import etree

from cleantext.html._frames import ROOT_CONTEXT as ROOT_CONTEXT
from cleantext.html._frames import Context as Context
from cleantext.html._frames import new_context as new_context
from cleantext.html.shape import SHAPED_TAGS
from cleantext.html.vocabulary import (
    BLOCK_TAGS,
    CELL_TAGS,
    HEAD_METADATA_TAGS,
    HEADING_TAGS,
    LANDMARK_TAGS,
    LINE_TAGS,
    SECTIONING_TAGS,
)

if TYPE_CHECKING:
    from cleantext.html._walk import Block

HIDDEN_STYLE = ("display:none", "visibility:hidden")
HIDING_ATTRIBUTES = frozenset({"hidden", "aria-hidden", "style"})
"""Attributes that can hide an element (only elements carrying one are checked)."""
_IS_METADATA = " or ".join(f"self::{tag}" for tag in sorted(HEAD_METADATA_TAGS))
HEAD_CONTENT = etree.XPath(f"boolean(*[not({_IS_METADATA})] or text()[normalize-space()])")
"""Whether a ``<head>`` holds more than metadata (libxml2 leaves the body there after an
unknown element in the head): one C-level test instead of a step per metadata element."""
EMPTY: frozenset[str] = frozenset()
BOX_TAGS = BLOCK_TAGS | CELL_TAGS
"""Elements that are the block a line's XPath names."""
LAYOUT_TAGS = BOX_TAGS | LINE_TAGS | SHAPED_TAGS | {"br", "a", "img"}
"""Elements that start or end lines, cells, links, images or structure (others only add
their text)."""
FRAMED_TAGS = LANDMARK_TAGS | {"figcaption"}
"""Elements that are landmarks by their tag."""
CONTEXT_TAGS = FRAMED_TAGS | SECTIONING_TAGS | HEADING_TAGS
"""Elements that change the context of their content even without attributes."""
CONTROL_LABEL_CHARS = 500
"""A ``<button>`` holding more text than this is no button label: the parser left the page
inside an unclosed button (its content is rendered)."""
CONTROL_LABEL_NODES = 100
"""Nor is a button holding more elements than this (reading stops there: nested buttons
cost a bounded walk each)."""


Names = Sequence[str | bytes]
"""An element's attribute names, as ``element.keys()`` gives them."""
Frame = tuple["Block", int, Context]
"""What an open element passes on to its content (see the module's docstring)."""


def plain_landmark(tag: str, parent: Context) -> str | None:
    """A tag's landmark; a ``<header>`` inside an article or section is its title block, not
    the page's banner, so it is none (a ``<footer>`` anywhere holds meta data and links).

    >>> plain_landmark("header", ROOT_CONTEXT), plain_landmark("div", ROOT_CONTEXT)
    ('header', None)
    """
    if tag in LANDMARK_TAGS and (tag != "header" or not parent.sectioned):
        return tag
    return "figcaption" if tag == "figcaption" else None


def wraps_the_page(element: etree._Element) -> bool:
    """Whether a button holds more than :data:`CONTROL_LABEL_CHARS` characters of text or more
    than :data:`CONTROL_LABEL_NODES` elements.

    >>> from lxml import etree
    >>> root = etree.fromstring("<button>Menu</button>", etree.HTMLParser())
    >>> wraps_the_page(root.find(".//button"))
    False
    """
    chars = len(element.text or "")
    for count, inner in enumerate(element.iterdescendants()):
        chars += len(inner.text or "") + len(inner.tail or "")
        if chars > CONTROL_LABEL_CHARS or count >= CONTROL_LABEL_NODES:
            return True
    return chars > CONTROL_LABEL_CHARS


def is_anchor(element: etree._Element) -> bool:
    """A link to a place on the same page (``href="#..."``): inside a heading, the heading's own
    anchor (``<h2 id="x"><a href="#x">Title</a></h2>``), not a link away from the text.

    >>> from lxml import etree
    >>> is_anchor(etree.fromstring('<a href=" #top">x</a>'))
    True
    """
    return (element.get("href") or "").lstrip().startswith("#")
