"""Render a parsed HTML tree to the text the engine works on, with evidence for every line.

The layout follows the scrapers' style of the seed page: block elements
(paragraphs, headings, divs, sections) are blocks separated by a blank line;
list items are lines ``  • item`` inside their list's block; ``<br>`` breaks a
line; a table row is a line with its cells separated by tabs. Script, style,
template, noscript, svg, form controls and hidden elements are not rendered.

The walk is an explicit loop over ``start``/``end`` events (no recursion), so
deep trees cannot hit Python's recursion limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from cleantext.html.lines import LineBuilder
from cleantext.html.vocabulary import (
    BLOCK_TAGS,
    CELL_TAGS,
    DROPPED_TAGS,
    HEADING_TAGS,
    LANDMARK_TAGS,
    LINE_TAGS,
    ROLE_LANDMARKS,
    SECTIONING_TAGS,
    class_tokens,
)

BULLET = "  • "
"""Prefix of a rendered list item, as in the seed's style."""
HIDDEN_STYLE = ("display:none", "visibility:hidden")
EMPTY: frozenset[str] = frozenset()
LAYOUT_TAGS = BLOCK_TAGS | LINE_TAGS | CELL_TAGS | {"br", "a", "pre"}
"""Elements that start or end lines, cells or links (others only add their text)."""
FRAMED_TAGS = LANDMARK_TAGS | SECTIONING_TAGS | {"figcaption"}
"""Inline or attribute-less elements that still need a frame of their own."""


@dataclass(frozen=True, slots=True)
class Frame:
    """What an open element passes on to its content (shared by inline elements that add nothing).

    ``block`` is the nearest block element (a line's XPath names it), ``depth`` the
    element's depth below the root, ``labels`` each landmark/token with the depth
    (in XPath steps) of the deepest ancestor carrying it.
    """

    block: etree._Element
    landmarks: frozenset[str]
    tokens: frozenset[str]
    labels: tuple[tuple[str, int], ...]
    depth: int
    in_body: bool
    heading: bool
    sectioned: bool


def render(root: etree._Element) -> LineBuilder:
    """Walk ``root`` and return the builder holding its rendered lines and their frames.

    >>> from lxml import etree
    >>> tree = etree.fromstring("<ul><li>one</li><li>two<br>three</li></ul><p>end</p>", etree.HTMLParser())
    >>> print(render(tree).text())
      • one
      • two
    three
    <BLANKLINE>
    end
    """
    builder = LineBuilder()
    stack: list[Frame | None] = []  # None: a dropped element
    tokens_cache: dict[str, frozenset[str]] = {}
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        if event == "start":
            frame = _open(element, stack[-1] if stack else None, tokens_cache, len(stack))
            stack.append(frame)
            if frame is None:
                walker.skip_subtree()
            elif element.tag in LAYOUT_TAGS:
                _start(builder, element, frame)
            elif element.text:
                builder.add(element.text, frame)
        else:
            if stack.pop() is not None and element.tag in LAYOUT_TAGS:
                _end(builder, element)
            tail = element.tail
            if tail and stack and stack[-1] is not None:
                builder.add(tail, stack[-1])
    builder.flush()
    return builder


def _start(builder: LineBuilder, element: etree._Element, frame: Frame) -> None:
    tag = element.tag
    if tag == "br":
        builder.request(1)
    elif tag in LINE_TAGS:
        builder.request(1)
        if tag == "li":
            builder.prefix = BULLET
    elif tag in BLOCK_TAGS:
        builder.request(2)
    elif tag in CELL_TAGS:
        builder.cell()
    if tag == "a" and element.get("href") is not None:
        builder.links += 1
    elif tag == "pre":
        builder.pre += 1
    if element.text:
        builder.add(element.text, frame)


def _end(builder: LineBuilder, element: etree._Element) -> None:
    tag = element.tag
    if tag in LINE_TAGS:
        builder.request(1)
    elif tag in BLOCK_TAGS:
        builder.request(2)
    if tag == "a" and element.get("href") is not None:
        builder.links -= 1
    elif tag == "pre":
        builder.pre -= 1


def _open(
    element: etree._Element,
    parent: Frame | None,
    cache: dict[str, frozenset[str]],
    depth: int,
) -> Frame | None:
    """The frame for ``element``'s content; ``None`` when it is not rendered."""
    tag = element.tag
    if not isinstance(tag, str) or tag in DROPPED_TAGS:
        return None
    attributes = element.attrib
    if attributes and _hidden(element):
        return None
    if parent is None:
        return Frame(element, frozenset(), frozenset(), (), depth, False, False, False)
    block = tag in BLOCK_TAGS or tag in CELL_TAGS
    if not attributes:
        if not (block or tag in FRAMED_TAGS):
            return parent
        landmark = _plain_landmark(tag, parent)
        return _child(
            parent, element if block else parent.block, tag, landmark, EMPTY, parent.in_body, depth
        )
    landmark = _landmark_of(element, tag, parent)
    own = _tokens_of(element, cache)
    in_body = parent.in_body or (element.get("itemprop") or "").lower() == "articlebody"
    if not (block or own or landmark or in_body != parent.in_body or tag in SECTIONING_TAGS):
        return parent
    return _child(parent, element if block else parent.block, tag, landmark, own, in_body, depth)


def _child(
    parent: Frame,
    block: etree._Element,
    tag: str,
    landmark: str | None,
    own: frozenset[str],
    in_body: bool,
    depth: int,
) -> Frame:
    landmarks, tokens, labels = parent.landmarks, parent.tokens, parent.labels
    if landmark is not None:
        landmarks = landmarks | {landmark}
        own = own | {f"<{landmark}>"}
    if own:
        tokens = tokens | {token for token in own if token[0] != "<"}
        labels = _relabel(labels, own, depth + 1)
    heading = parent.heading or tag in HEADING_TAGS
    sectioned = parent.sectioned or tag in SECTIONING_TAGS
    return Frame(block, landmarks, tokens, labels, depth, in_body, heading, sectioned)


def _relabel(
    labels: tuple[tuple[str, int], ...], own: frozenset[str], depth: int
) -> tuple[tuple[str, int], ...]:
    """``labels`` with each of ``own`` now found at ``depth`` (the deepest occurrence counts)."""
    kept = tuple(item for item in labels if item[0] not in own)
    return kept + tuple((label, depth) for label in sorted(own))


def _plain_landmark(tag: str, parent: Frame) -> str | None:
    """A tag's landmark; a ``<header>`` inside an article or section is its title block, not
    the page's banner, so it is none (a ``<footer>`` anywhere holds meta data and links)."""
    if tag in LANDMARK_TAGS and (tag != "header" or not parent.sectioned):
        return tag
    return "figcaption" if tag == "figcaption" else None


def _hidden(element: etree._Element) -> bool:
    if element.get("hidden") is not None:
        return True
    if (element.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = element.get("style")
    if style:
        compact = "".join(style.lower().split())
        return any(rule in compact for rule in HIDDEN_STYLE)
    return False


def _landmark_of(element: etree._Element, tag: str, parent: Frame) -> str | None:
    role = (element.get("role") or "").strip().lower()
    found = ROLE_LANDMARKS.get(role)
    if found is not None:
        return found
    return _plain_landmark(tag, parent)


def _tokens_of(element: etree._Element, cache: dict[str, frozenset[str]]) -> frozenset[str]:
    value = f"{element.get('class') or ''} {element.get('id') or ''}"
    if value == " ":
        return frozenset()
    own = cache.get(value)
    if own is None:
        own = cache[value] = class_tokens(value)
    return own
