"""The items of a listing or a collection: link lines that are an item's title, not furniture.

On a page of items (news teasers, jobs, products for sale) each item's title is
a link, often its teaser or its whole card too, so its lines are as link-dense as
a menu's. What tells them apart is the block around them: an item's rendered
block holds one to :data:`MAX_ITEM_LINKS` link lines (a title, a brand, a
teaser), beside a price or a date or alone; a menu's block is a run of links, or a
short list of links alone.
Only pages typed listing or collection, or of no clear type (unknown: front pages,
job boards and course lists declare nothing and hold little prose), are read this
way (:mod:`cleantext.html.page_type`): beside an article, a thread, a product or
documentation such blocks are related-item boxes.
"""

from __future__ import annotations

from itertools import groupby

from cleantext.html.dom import line_kinds
from cleantext.text.page import DomEvidence, Line, Page
from cleantext.text.page_type import COLLECTION, LISTING, UNKNOWN

ITEM_TYPES = frozenset({LISTING, COLLECTION, UNKNOWN})
"""Page types whose link-titled items are content."""
MAX_ITEM_LINKS = 3
"""An item's block holds at most this many link lines (title, brand, a button)."""
LINK_LINE = 0.5
"""A line with at least this share of link text is a link line."""
WHOLE_LINK = 0.8
"""An item's title is one link, about the whole line (a row of links has separators and
spaces between its links: ``Local · Region · Nation`` is 0.74 link text)."""


def item_lines(page: Page) -> frozenset[int]:
    """Indices of the link lines that are items' titles (none unless the page is typed
    listing, collection or unknown).

    >>> from cleantext.html import clean_html
    >>> cards = "".join(f"<div><a href='/{n}'>Blue mug {n}</a><br>$12.00</div>" for n in range(5))
    >>> menu = "<ul>" + "".join(f"<li><a href='/m{n}'>Menu {n}</a></li>" for n in range(5)) + "</ul>"
    >>> print(clean_html(menu + cards).text.splitlines()[:2])
    ['Blue mug 0', '$12.00']
    """
    evidence = page.evidence
    if evidence is None or page.page_type.kind not in ITEM_TYPES:
        return frozenset()
    found: list[int] = []
    # (a block's lines follow one another: one block's list at a time, not one per block;
    # the evidence read in columns: no item made a line)
    lines = zip(page.lines, line_kinds(evidence), strict=True)
    for _, block in groupby(lines, key=_block_of):
        rows = [(line.index, item) for line, item in block]
        links = [
            (index, item)
            for index, item in rows
            if item is not None and item.line_link_density >= LINK_LINE
        ]
        if not 0 < len(links) <= MAX_ITEM_LINKS:
            continue
        if len(links) == len(rows) and any(item.tag == "li" for _, item in links):
            continue  # (a short list of links alone: a menu)
        found.extend(  # (a card's title, a linked teaser, beside a price or a date)
            index for index, item in links if item.line_link_density >= WHOLE_LINK
        )
    return frozenset(found)


def _block_of(row: tuple[Line, DomEvidence | None]) -> int:
    """The block of a line (and its evidence)."""
    return row[0].block
