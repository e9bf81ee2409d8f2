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
mode, compiled (:mod:`cleantext.html._walk`): each element's tag and attribute
names are read once, class/id words are worked out once per distinct value, and
inline elements that add nothing share their parent's frame
(:mod:`cleantext.html.frames`); :mod:`cleantext.html.lines` says how lines are
laid out.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from cleantext.html._walk import LineBuilder, RenderedLine, stream_walk, walk
from cleantext.html.lines import BlockReader
from cleantext.html.parse import close_runaway_title, pull_parser
from cleantext.html.vocabulary import DROPPED_TAGS

__all__ = ["BlockReader", "LineBuilder", "RenderedLine", "render", "render_page", "render_stream"]

LITTLE_TEXT_WORDS = 150
"""A page rendering fewer words than this without its ``<noscript>`` elements, while they
hold more than this, is rendered with them (the page a client without JavaScript sees)."""
NOSCRIPT_DROPPED = DROPPED_TAGS - {"noscript"}
STREAM_CHUNK = 1 << 16
"""Bytes of a page parsed at a time by :func:`render_stream`."""


def render_page(
    root: etree._Element, reading: Callable[[], BlockReader] | None = None
) -> LineBuilder:
    """:func:`render`, with ``<noscript>`` content when the page shows little text without it,
    and with its hidden elements too when it still shows little (the text that a script
    would reveal or move into place: ``<div hidden id="S:0">``, a ``visibility:hidden`` page).
    ``reading`` makes the reader of each rendering's blocks (see :func:`render`).

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

    def reader() -> BlockReader | None:
        return None if reading is None else reading()

    builder = render(root, reader=reader())
    shown = builder.words
    if shown >= LITTLE_TEXT_WORDS:
        return builder
    hidden = sum(_words(element) for element in root.iter("noscript"))
    if hidden > max(shown, LITTLE_TEXT_WORDS):
        return render(root, dropped=NOSCRIPT_DROPPED, reader=reader())
    revealed = render(root, reveal=True, reader=reader())
    if revealed.words > LITTLE_TEXT_WORDS:
        return revealed
    return builder


def _words(element: etree._Element) -> int:
    return sum(len(text.split()) for text in element.itertext())


def render(
    root: etree._Element,
    dropped: frozenset[str] = DROPPED_TAGS,
    *,
    reveal: bool = False,
    reader: BlockReader | None = None,
) -> LineBuilder:
    """Walk ``root`` and return the builder holding its rendered lines and their frames;
    with a ``reader``, each rendered block's lines go to ``reader.take`` as soon as the
    block has ended instead, as a :class:`~cleantext.html._walk.RenderedBlock` (the
    builder's ``text()``, ``words`` and its shaper's ``shapes`` stay whole).

    >>> from lxml import etree
    >>> tree = etree.fromstring("<ul><li>one</li><li>two<br>three</li></ul><p>end</p>", etree.HTMLParser())
    >>> print(render(tree).text())
      • one
      • two
    three
    <BLANKLINE>
    end
    >>> class Blocks:
    ...     def take(self, block): print([element.tag for element in block.elements], block.words)
    >>> render(tree, reader=Blocks()).words
    ['li', 'li', 'li'] 5
    ['p'] 1
    6
    """
    return walk(root, dropped, reveal, reader)


def render_stream(
    data: bytes, reader: BlockReader | None = None
) -> tuple[LineBuilder, etree._Element] | None:
    """:func:`render_page` of ``data`` (a page as :func:`~cleantext.html.parse.xml_compatible`
    makes it), parsed in pieces and walked as it is parsed, so that the whole tree is never
    held: the builder and what is left of the tree (the elements that the page's metadata,
    type and JSON-LD are read from, :class:`~cleantext.html._walk.Residue`). ``None`` where
    this reading may not give what :func:`render_page` of the parsed tree gives: lxml
    refused the page, it nests deeper than :data:`~cleantext.html.parse.MAX_NESTING` (the
    whole-tree parse flattens what lies below libxml2's limit), its title is never closed
    (:func:`~cleantext.html.parse.close_runaway_title`), or the page shows so little text
    that :func:`render_page` would look at its ``<noscript>`` and hidden elements.

    >>> page = b"<html><head><title>T</title></head><body>" + b"<p>Some words here.</p>" * 60
    >>> builder, left = render_stream(page)
    >>> builder.words, len(builder.lines), etree.tostring(left)
    (180, 60, b'<html><head><title>T</title></head></html>')
    >>> render_stream(b"<p>Too few words.</p>") is None
    True
    """
    parser = pull_parser()
    try:
        builder, root = stream_walk(parser, data, STREAM_CHUNK, DROPPED_TAGS, reader)
    except etree.LxmlError:
        return None
    if root is None or builder.words < LITTLE_TEXT_WORDS:
        return None
    if close_runaway_title(data, root) is not None:
        return None
    return builder, root
