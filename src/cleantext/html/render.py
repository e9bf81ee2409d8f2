"""Render a parsed HTML tree to the text the engine works on, with evidence for every line.

The layout follows the scrapers' style of the seed page: block elements
(paragraphs, headings, divs, sections) are blocks separated by a blank line;
list items are lines ``  • item`` inside their list's block; ``<br>`` breaks a
line; a table row is a line with its cells separated by tabs. Script, style,
template, svg, form controls and hidden elements are not rendered. ``<noscript>`` is
what a client without JavaScript receives: :func:`render_page` renders it when the
page shows little text without it (forums that serve their posts there).

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
from cleantext.html.shape import SHAPED_TAGS
from cleantext.html.vocabulary import (
    BLOCK_TAGS,
    CELL_TAGS,
    DROPPED_TAGS,
    HEAD_METADATA_TAGS,
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
OPEN_BREAKS = {tag: 1 if tag in LINE_TAGS else 2 for tag in BLOCK_TAGS | LINE_TAGS} | {"br": 1}
"""Newlines requested before an element's content."""
CLOSE_BREAKS = {tag: 1 if tag in LINE_TAGS else 2 for tag in BLOCK_TAGS | LINE_TAGS}
"""Newlines requested after an element's content."""


@dataclass(slots=True, eq=False)
class Context:
    """What the ancestors of an open element say about its content (shared by many frames).

    ``labels`` pairs each landmark/token with the depth (in XPath steps) of the
    deepest ancestor carrying it. Contexts are never changed once made (not frozen
    only because frozen dataclasses are four times slower to build).
    """

    landmarks: frozenset[str]
    tokens: frozenset[str]
    labels: tuple[tuple[str, int], ...]
    in_body: bool
    heading: bool
    sectioned: bool


Names = Sequence[str | bytes]
"""An element's attribute names, as ``element.keys()`` gives them."""
Frame = tuple[etree._Element, int, Context]
"""What an open element passes on to its content: the nearest block element (a line's
XPath names it), the depth below the root of the element that made the frame, and the
context. Inline elements that add nothing share their parent's frame."""


LITTLE_TEXT_WORDS = 150
"""A page rendering fewer words than this without its ``<noscript>`` elements, while they
hold more than this, is rendered with them (the page a client without JavaScript sees)."""
NOSCRIPT_DROPPED = DROPPED_TAGS - {"noscript"}
CONTROL_LABEL_CHARS = 500
"""A ``<button>`` holding more text than this is no button label: the parser left the page
inside an unclosed button (its content is rendered)."""
CONTROL_LABEL_NODES = 100
"""Nor is a button holding more elements than this (reading stops there: nested buttons
cost a bounded walk each)."""


def render_page(root: etree._Element) -> LineBuilder:
    """:func:`render`, with ``<noscript>`` content when the page shows little text without it,
    and with its hidden elements too when it still shows little (the text that a script
    would reveal or move into place: ``<div hidden id="S:0">``, a ``visibility:hidden`` page).

    >>> from lxml import etree
    >>> app = "<div id='app'>Loading</div><noscript><p>" + "Posted text. " * 80 + "</p></noscript>"
    >>> render_page(etree.fromstring(app, etree.HTMLParser())).text().split()[:3]
    ['Loading', 'Posted', 'text.']
    >>> page = "<p>" + "Article text. " * 80 + "</p><noscript>Enable JavaScript</noscript>"
    >>> render_page(etree.fromstring(page, etree.HTMLParser())).text().endswith("Article text.")
    True
    >>> streamed = "<div id='app'>Loading</div><div hidden><p>" + "Story text. " * 80 + "</p></div>"
    >>> render_page(etree.fromstring(streamed, etree.HTMLParser())).text().split()[:3]
    ['Loading', 'Story', 'text.']
    """
    builder = render(root)
    shown = sum(line.words for line in builder.lines)
    if shown >= LITTLE_TEXT_WORDS:
        return builder
    hidden = sum(_words(element) for element in root.iter("noscript"))
    if hidden > max(shown, LITTLE_TEXT_WORDS):
        return render(root, dropped=NOSCRIPT_DROPPED)
    revealed = render(root, reveal=True)
    if sum(line.words for line in revealed.lines) > LITTLE_TEXT_WORDS:
        return revealed
    return builder


def _words(element: etree._Element) -> int:
    return sum(len(text.split()) for text in element.itertext())


def render(
    root: etree._Element, dropped: frozenset[str] = DROPPED_TAGS, *, reveal: bool = False
) -> LineBuilder:
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
    framer = Framer(dropped, reveal=reveal)
    stack: list[tuple[Frame | None, str | None]] = []  # (the parent's frame, the tag to close)
    frame: Frame | None = None  # the frame of the innermost open element
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        if event == "start":
            tag = element.tag
            names = element.keys()
            own = framer.open(element, tag, names, frame, len(stack))
            if own is None:
                stack.append((frame, None))
                walker.skip_subtree()
                continue
            closing = _start(builder, element, names, own) if tag in LAYOUT_TAGS else None
            stack.append((frame, closing))
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


def _start(builder: LineBuilder, element: etree._Element, names: Names, own: Frame) -> str | None:
    """Lay out the start of an element; the tag whose end needs laying out too, if any."""
    tag = element.tag
    newlines = OPEN_BREAKS.get(tag)
    if newlines is not None:
        builder.request(newlines)
        if tag == "li":
            builder.prefix = BULLET
    if tag in SHAPED_TAGS:
        builder.shaper.open(tag, element)
        if tag in CELL_TAGS:
            builder.cell()
        return tag
    if tag == "a":
        if "href" not in names or (own[2].heading and _anchor(element)):
            return None
        builder.open_link((element.get("href") or "").strip())
    elif tag == "img":
        _image(builder, element)
        return None
    return tag if tag in CLOSE_BREAKS or tag == "a" else None


def _wraps_the_page(element: etree._Element) -> bool:
    """Whether a button holds more than :data:`CONTROL_LABEL_CHARS` characters of text or more
    than :data:`CONTROL_LABEL_NODES` elements.

    >>> from lxml import etree
    >>> root = etree.fromstring("<button>Menu</button>", etree.HTMLParser())
    >>> _wraps_the_page(root.find(".//button"))
    False
    """
    chars = len(element.text or "")
    for count, inner in enumerate(element.iterdescendants()):
        chars += len(inner.text or "") + len(inner.tail or "")
        if chars > CONTROL_LABEL_CHARS or count >= CONTROL_LABEL_NODES:
            return True
    return chars > CONTROL_LABEL_CHARS


def _anchor(element: etree._Element) -> bool:
    """A link to a place on the same page (``href="#..."``): inside a heading, the heading's own
    anchor (``<h2 id="x"><a href="#x">Title</a></h2>``), not a link away from the text."""
    return (element.get("href") or "").lstrip().startswith("#")


def _end(builder: LineBuilder, tag: str) -> None:
    newlines = CLOSE_BREAKS.get(tag)
    if newlines is not None:
        builder.request(newlines)
    if tag in SHAPED_TAGS:
        builder.shaper.close(tag)
    elif tag == "a":
        builder.close_link()


def _image(builder: LineBuilder, element: etree._Element) -> None:
    """Note an image with a source that is not inline data (``data-src`` for lazy loading)."""
    url = (element.get("src") or element.get("data-src") or "").strip()
    if url and not url.startswith("data:"):
        builder.image(url, " ".join((element.get("alt") or "").split()))


class Framer:
    """Makes the frames of one page's elements; remembers contexts and class/id tokens."""

    __slots__ = ("_contexts", "_dropped", "_hiding", "_tokens")

    def __init__(self, dropped: frozenset[str] = DROPPED_TAGS, *, reveal: bool = False) -> None:
        self._dropped = dropped
        self._hiding = frozenset[str]() if reveal else HIDING_ATTRIBUTES
        self._tokens = TokenMemo()
        self._contexts: dict[tuple[object, ...], Context] = {}

    def open(
        self, element: etree._Element, tag: object, names: Names, parent: Frame | None, depth: int
    ) -> Frame | None:
        """The frame for ``element``'s content; ``None`` when it is not rendered."""
        if (tag in self._dropped or not isinstance(tag, str)) and not (
            tag == "button" and _wraps_the_page(element)
        ):
            return None
        if tag == "head" and not HEAD_CONTENT(element):
            return None  # (only metadata: skipped whole instead of element by element)
        if names and not self._hiding.isdisjoint(names) and _hidden(element):
            return None
        if parent is None:
            return (element, depth, Context(EMPTY, EMPTY, (), False, False, False))
        if names:
            if tag == "a" and parent[2].heading and _anchor(element):
                return parent  # (a heading's own anchor: its class words name the anchor)
            return self._open_marked(element, names, tag, parent, depth)
        if tag not in BOX_TAGS:
            return parent
        context = parent[2]
        if tag in CONTEXT_TAGS:
            landmark = _plain_landmark(tag, context)
            context = self._context(context, tag, landmark, EMPTY, context.in_body, depth)
        return (element, depth, context)

    def _open_marked(
        self, element: etree._Element, names: Names, tag: str, parent: Frame, depth: int
    ) -> Frame:
        """:meth:`open` for an element with attributes: its role, class, id and itemprop count."""
        context = parent[2]
        landmark = None
        if "role" in names:
            landmark = ROLE_LANDMARKS.get((element.get("role") or "").strip().lower())
        if landmark is None and tag in FRAMED_TAGS:
            landmark = _plain_landmark(tag, context)
        own = (
            self._tokens.of(_class_and_id(element, names))
            if "class" in names or "id" in names
            else EMPTY
        )
        in_body = context.in_body or (
            "itemprop" in names and (element.get("itemprop") or "").lower() == "articlebody"
        )
        block = tag in BOX_TAGS
        if own or landmark or in_body != context.in_body or tag in CONTEXT_TAGS:
            context = self._context(context, tag, landmark, own, in_body, depth)
        elif not block:
            return parent
        return (element if block else parent[0], depth, context)

    def _context(
        self,
        parent: Context,
        tag: str,
        landmark: str | None,
        own: frozenset[str],
        in_body: bool,
        depth: int,
    ) -> Context:
        """The context below ``parent`` (remembered: sibling elements often share one)."""
        key = (parent, tag, landmark, own, in_body, depth)
        found = self._contexts.get(key)
        if found is None:
            found = self._contexts[key] = _context(parent, tag, landmark, own, in_body, depth)
        return found


def _context(
    parent: Context,
    tag: str,
    landmark: str | None,
    own: frozenset[str],
    in_body: bool,
    depth: int,
) -> Context:
    landmarks, tokens, labels = parent.landmarks, parent.tokens, parent.labels
    if own:
        tokens = tokens | own
    if landmark is not None:
        landmarks = landmarks | {landmark}
        own = own | {f"<{landmark}>"}
    if own:
        labels = _relabel(labels, own, depth + 1)
    heading = parent.heading or tag in HEADING_TAGS
    sectioned = parent.sectioned or tag in SECTIONING_TAGS
    return Context(landmarks, tokens, labels, in_body, heading, sectioned)


def _relabel(
    labels: tuple[tuple[str, int], ...], own: frozenset[str], depth: int
) -> tuple[tuple[str, int], ...]:
    """``labels`` with each of ``own`` now found at ``depth`` (the deepest occurrence counts)."""
    kept = [item for item in labels if item[0] not in own]
    return (*kept, *[(label, depth) for label in sorted(own)])


def _plain_landmark(tag: str, parent: Context) -> str | None:
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


def _class_and_id(element: etree._Element, names: Names) -> str:
    """The class and id values as one string (``class_tokens`` reads a lone class just as it
    reads ``"class "``, so the join is skipped when there is no id)."""
    if "id" not in names:
        return element.get("class") or ""
    return f"{element.get('class') or ''} {element.get('id') or ''}"
