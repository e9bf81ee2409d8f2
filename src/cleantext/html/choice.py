"""Rules that refine the main-container choice of :mod:`cleantext.html.dom`.

Kept apart from the choice itself: which labelled elements wrap the text rather
than being furniture (:func:`carries_text`), when the chosen element is one
part of the article and its parent the container (:func:`widen`). The tree of the
elements that hold lines, over which weights are summed, is compiled
(:mod:`cleantext.html._tree`), and so are the sums over its lines (:mod:`cleantext.html._choice`).
"""

from __future__ import annotations

from array import array
from dataclasses import replace
from typing import TYPE_CHECKING

from cleantext.html._choice import inside_sums

if TYPE_CHECKING:
    from cleantext.html.dom import Container

WIDEN_SHARE = 0.2
"""The container becomes its parent when the parent's other lines add at least this share of
the container's own positive weight (the chosen element was one part of the article)."""


TEXT_LEVEL_TAGS = frozenset(
    "p li blockquote pre h1 h2 h3 h4 h5 h6 span font b strong em i dd dt figcaption".split()
)
"""Elements that hold one paragraph or a run of text: one part of an article, never the whole
of it. A container chosen with such a tag is its parent (table cells are not among them: old
layouts hold whole articles in one ``<td>``)."""


def widen(chosen: Container, xpaths: list[str], weights: array[float]) -> Container:
    """The chosen container, or its parent when the parent's other lines hold enough content:
    a long first paragraph in an element of its own, the rest of the article beside it."""
    if _step_tag(chosen.xpath) in TEXT_LEVEL_TAGS and chosen.xpath.count("/") > 2:
        chosen = _as_parent(chosen, xpaths, weights)
    cut = chosen.xpath.rfind("/")
    if chosen.xpath.count("/") <= 2:
        return chosen
    parent = chosen.xpath[:cut]
    own, more, net = inside_sums(chosen.xpath, parent, xpaths, weights)
    if more - own < WIDEN_SHARE * own:
        return chosen
    total = sum(weight for weight in weights if weight > 0)
    return replace(chosen, xpath=parent, score=net, share=more / total if total else 0.0)


def _step_tag(xpath: str) -> str:
    """The tag of an XPath's last step.

    >>> _step_tag("/html/body/div[2]/p[10]"), _step_tag("/html/body")
    ('p', 'body')
    """
    return xpath[xpath.rfind("/") + 1 :].split("[", 1)[0]


def _as_parent(chosen: Container, xpaths: list[str], weights: array[float]) -> Container:
    """The container moved to the parent of the chosen element, with the parent's weights."""
    parent = chosen.xpath[: chosen.xpath.rfind("/")]
    _, more, net = inside_sums(parent, parent, xpaths, weights)
    total = sum(weight for weight in weights if weight > 0)
    return replace(chosen, xpath=parent, score=net, share=more / total if total else 0.0)


LINK_TOKENS = frozenset(
    {"nav", "menu", "breadcrumb", "share", "social", "tags", "pagination", "toolbar", "skip"}
)
"""Class/id words of furniture made of links and buttons, never of paragraphs."""
LINK_BOX_WEIGHT = 100.0
"""An element named by :data:`LINK_TOKENS` that holds this much prose weight wraps text."""
SECTION_WEIGHT = 20.0
"""An element named by :data:`LINK_TOKENS` that holds a heading and this much prose weight is
a section of text (documentation names its sections after their topic: ``id="menus"``)."""


def carries_text(label: str, weight: float, limit: float, headed: bool = False) -> bool:
    """Whether an element with ``label`` and this positive weight wraps the page's text rather
    than being furniture: it holds most of the content weight (more than ``limit``), or it is
    named like a box of links yet holds paragraphs (``<div class="entry share-buttons">``), or
    a heading (``headed``) and a paragraph (``<section id="file-menu-open">``).

    >>> carries_text("share", 400.0, 600.0), carries_text("share", 20.0, 600.0), carries_text("comment", 400.0, 600.0)
    (True, False, False)
    >>> carries_text("menu", 30.0, 600.0, headed=True), carries_text("comment", 30.0, 600.0, headed=True)
    (True, False)
    """
    return weight > limit or (label in LINK_TOKENS and holds_text(weight, headed))


def holds_text(weight: float, headed: bool) -> bool:
    """Whether an element named like a box of links holds text: paragraphs, or a heading
    and a paragraph.

    >>> holds_text(120.0, False), holds_text(30.0, False), holds_text(30.0, True)
    (True, False, True)
    """
    return weight >= (SECTION_WEIGHT if headed else LINK_BOX_WEIGHT)
