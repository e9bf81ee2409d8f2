"""Render a parsed HTML tree to the text the engine works on, with evidence for every line.

The layout follows the scrapers' style of the seed page: block elements
(paragraphs, headings, divs, sections) are blocks separated by a blank line;
list items are lines ``  • item`` inside their list's block; ``<br>`` breaks a
line; a table row is a line with its cells separated by tabs. Script, style,
template, noscript, svg, form controls and hidden elements are not rendered.

The walk is an explicit loop over ``start``/``end`` events (no recursion), so
deep trees cannot hit Python's recursion limit. It is the hot path of HTML
mode: each element's tag and attribute names are read once, class/id words are
worked out once per distinct value, and inline elements that add nothing share
their parent's frame.
"""

from __future__ import annotations

from collections.abc import Sequence
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
    TokenMemo,
)

BULLET = "  • "
"""Prefix of a rendered list item, as in the seed's style."""
HIDDEN_STYLE = ("display:none", "visibility:hidden")
HIDING_ATTRIBUTES = frozenset({"hidden", "aria-hidden", "style"})
"""Attributes that can hide an element (only elements carrying one are checked)."""
EMPTY: frozenset[str] = frozenset()
BOX_TAGS = BLOCK_TAGS | CELL_TAGS
"""Elements that are the block a line's XPath names."""
LAYOUT_TAGS = BOX_TAGS | LINE_TAGS | {"br", "a", "pre"}
"""Elements that start or end lines, cells or links (others only add their text)."""
FRAMED_TAGS = LANDMARK_TAGS | SECTIONING_TAGS | {"figcaption"}
"""Inline or attribute-less elements that still need a frame of their own."""
OPEN_BREAKS = {tag: 1 if tag in LINE_TAGS else 2 for tag in BLOCK_TAGS | LINE_TAGS} | {"br": 1}
"""Newlines requested before an element's content."""
CLOSE_BREAKS = {tag: 1 if tag in LINE_TAGS else 2 for tag in BLOCK_TAGS | LINE_TAGS}
"""Newlines requested after an element's content."""


@dataclass(slots=True)
class Frame:
    """What an open element passes on to its content (shared by inline elements that add nothing).

    ``block`` is the nearest block element (a line's XPath names it), ``depth`` the
    element's depth below the root, ``labels`` each landmark/token with the depth
    (in XPath steps) of the deepest ancestor carrying it. Frames are never changed
    once made (not frozen only because frozen dataclasses are four times slower to build).
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
    memo = TokenMemo()
    stack: list[tuple[Frame | None, str | None]] = []  # (the parent's frame, the tag to close)
    frame: Frame | None = None  # the frame of the innermost open element
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        if event == "start":
            tag = element.tag
            own = _open(element, tag, frame, memo, len(stack))
            if own is None:
                stack.append((frame, None))
                walker.skip_subtree()
                continue
            stack.append(
                (frame, _start(builder, element, tag, own) if tag in LAYOUT_TAGS else None)
            )
            frame = own
            text = element.text
            if text:
                builder.add(text, own)
        else:
            frame, closing = stack.pop()
            if closing is not None:
                _end(builder, closing)
            tail = element.tail
            if tail and frame is not None:
                builder.add(tail, frame)
    builder.flush()
    return builder


def _start(builder: LineBuilder, element: etree._Element, tag: str, frame: Frame) -> str | None:
    """Lay out the start of ``element``; the tag whose end needs laying out too, if any."""
    newlines = OPEN_BREAKS.get(tag)
    if newlines is not None:
        builder.request(newlines)
        if tag == "li":
            builder.prefix = BULLET
    elif tag in CELL_TAGS:
        builder.cell()
    if tag == "a":
        if element.get("href") is None:
            return None
        builder.links += 1
    elif tag == "pre":
        builder.pre += 1
    return tag if tag in CLOSE_BREAKS or tag == "a" else None


def _end(builder: LineBuilder, tag: str) -> None:
    newlines = CLOSE_BREAKS.get(tag)
    if newlines is not None:
        builder.request(newlines)
    if tag == "a":
        builder.links -= 1
    elif tag == "pre":
        builder.pre -= 1


def _open(
    element: etree._Element,
    tag: object,
    parent: Frame | None,
    memo: TokenMemo,
    depth: int,
) -> Frame | None:
    """The frame for ``element``'s content; ``None`` when it is not rendered."""
    if not isinstance(tag, str) or tag in DROPPED_TAGS:
        return None
    names = element.keys()
    if names and not HIDING_ATTRIBUTES.isdisjoint(names) and _hidden(element):
        return None
    if parent is None:
        return Frame(element, EMPTY, EMPTY, (), depth, False, False, False)
    block = tag in BOX_TAGS
    if not names:
        if not (block or tag in FRAMED_TAGS):
            return parent
        landmark = _plain_landmark(tag, parent)
        return _child(
            parent, element if block else parent.block, tag, landmark, EMPTY, parent.in_body, depth
        )
    landmark = _landmark_of(element, names, tag, parent)
    own = _tokens_of(element, names, memo)
    in_body = parent.in_body or (
        "itemprop" in names and (element.get("itemprop") or "").lower() == "articlebody"
    )
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


def _landmark_of(
    element: etree._Element, names: Sequence[str | bytes], tag: str, parent: Frame
) -> str | None:
    if "role" in names:
        found = ROLE_LANDMARKS.get((element.get("role") or "").strip().lower())
        if found is not None:
            return found
    return _plain_landmark(tag, parent)


def _tokens_of(
    element: etree._Element, names: Sequence[str | bytes], memo: TokenMemo
) -> frozenset[str]:
    if "class" not in names and "id" not in names:
        return EMPTY
    value = f"{element.get('class') or ''} {element.get('id') or ''}"
    return EMPTY if value == " " else memo.of(value)
