"""The standfirst of an article: prose between its headline and the main container.

Many pages put the article's summary paragraph in the article's header, next
to the element that holds the body text, so the container choice leaves it
out. A line between the ``<h1>`` just before the container and the container
is the standfirst when it is prose of at least :data:`LEAD_MIN_WORDS` words,
meets the container at most :data:`LEAD_LEVELS` steps above it, and no
furniture label names it.
"""

from __future__ import annotations

from cleantext.html.dom import Container, label_strength, shared_depth
from cleantext.text.page import Page, counts_as_prose

LEAD_LEVELS = 3
"""How far above the container the standfirst and the container may meet."""
LEAD_LOOKBACK = 15
"""Lines before the container searched for the headline."""
LEAD_MIN_WORDS = 15
"""Shorter lines are bylines, dates and notices, not the standfirst."""
LEAD_MAX_LABEL = 0.7
"""A line with a furniture label this strong is not the standfirst."""


def first_inside(page: Page, container: Container) -> int:
    """Index of the first line inside ``container`` (0 when there is none)."""
    path, prefix = container.xpath, container.xpath + "/"
    return next(
        (
            index
            for index, item in enumerate(page.evidence or ())
            if item is not None and (item.xpath == path or item.xpath.startswith(prefix))
        ),
        0,
    )


def lead_lines(page: Page, container: Container) -> list[int]:
    """Indices of the standfirst lines between the headline and ``container``.

    >>> from cleantext.html.api import parse, line_evidence
    >>> from cleantext.html.render import render
    >>> from cleantext.html.dom import main_container
    >>> body = "<p>" + "The council approved the budget after a long debate on schools. " * 3 + "</p>"
    >>> lead = "<p>The town will spend more on its schools next year, after a vote that split the council.</p>"
    >>> meta = "".join(f"<div>{word}</div>" for word in "Share Print Save Mail Like Copy".split())
    >>> head = f"<h1>Budget passed</h1>{meta * 2}<div class='intro'>{lead}</div>"
    >>> html = f"<article>{head}<div>{body * 6}</div></article>"
    >>> root = parse(html)
    >>> builder = render(root)
    >>> page = Page.from_text(builder.text(), line_evidence(root, builder.lines, ()))
    >>> [page.lines[index].text[:26] for index in lead_lines(page, main_container(page))]
    ['The town will spend more o']
    """
    evidence = page.evidence or ()
    first = first_inside(page, container)
    floor = container.xpath.count("/") - LEAD_LEVELS
    found: list[int] = []
    for index in range(first - 1, max(first - LEAD_LOOKBACK, 0) - 1, -1):
        item = evidence[index]
        if item is None or shared_depth(item.xpath, container.xpath) < floor:
            return []
        if item.tag == "h1":
            return found
        words = page.word_counts[index]
        strength = max((label_strength(label) for label, _ in item.labels), default=0)
        if strength < LEAD_MAX_LABEL and counts_as_prose(
            words, page.sentence_ends[index], LEAD_MIN_WORDS
        ):
            found.append(index)
    return []
