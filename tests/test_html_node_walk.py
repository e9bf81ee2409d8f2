"""HTML mode's walk over libxml2's nodes (``walk``) against the walk it replaced, through
lxml's Python API (``walk_proxies``: ``iterwalk``, ``keys()``, ``.text``, ``.tail``): the
same lines, frames, shapes, events and text on generated and hand-written pages, with and
without a block reader, parsed by HTML mode and by lxml's own HTML and XML parsers
(namespaces, CDATA sections, entity references and split text nodes occur only there)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from cleantext.html._walk import LineBuilder, RenderedBlock, walk, walk_proxies
from cleantext.html.frames import Context
from cleantext.html.parse import parse
from cleantext.html.vocabulary import DROPPED_TAGS
from strategies import html_page


def _context(context: Context) -> tuple[Any, ...]:
    return (
        context.landmarks,
        context.tokens,
        context.labels,
        context.in_body,
        context.heading,
        context.sectioned,
    )


def _rendered(builder: LineBuilder) -> tuple[Any, ...]:
    """Everything a walk gives, with frames by value (contexts are made per walk)."""
    lines = [
        (
            line.text,
            line.brk,
            line.frame[0].xpath(),
            line.frame[1],
            _context(line.frame[2]),
            line.link_chars,
            line.chars,
            line.words,
            line.shape,
            line.events,
        )
        for line in builder.lines
    ]
    return builder.text(), builder.words, lines, list(builder.shaper.shapes)


class _Blocks:
    """A reader noting every block as it is given."""

    def __init__(self) -> None:
        self.blocks: list[tuple[Any, ...]] = []

    def take(self, block: RenderedBlock) -> None:
        self.blocks.append(
            (
                [element.xpath() for element in block.elements],
                list(block.depths),
                [_context(context) for context in block.contexts],
                list(block.chars),
                list(block.link_chars),
                dict(block.events),
                list(block.headings),
                block.words,
            )
        )


def _assert_same_walk(root: etree._Element, reveal: bool = False) -> None:
    assert _rendered(walk(root, DROPPED_TAGS, reveal)) == _rendered(
        walk_proxies(root, DROPPED_TAGS, reveal)
    )
    read, reference = _Blocks(), _Blocks()
    walked = walk(root, DROPPED_TAGS, reveal, read)
    expected = walk_proxies(root, DROPPED_TAGS, reveal, reference)
    assert read.blocks == reference.blocks
    assert _rendered(walked) == _rendered(expected)


WILD_PIECES = (
    "<!-- a comment -->",
    "<?php echo 1 ?>",
    "<![CDATA[cdata words]]>",
    "&amp; &lt;tag&gt; &nbsp; &#233; &bogus;",
    "<svg:rect width='1'>svg words</svg:rect>",
    "<o:p>office</o:p>",
    "<template><p>template words</p></template>",
    "<p class='nav menu' id='top'>",
    "<div role='navigation'>",
    "<div hidden>hidden words</div>",
    "<span style='display:none'>none</span>",
    "<div itemprop='articleBody'>",
    "<a href='/x'>",
    "<a name='anchor'></a>",
    "<img src='/i.png' alt='an  image'>",
    "<img data-src='/lazy.png'>",
    "<button>press</button>",
    "<h2>",
    "</h2>",
    "<li>",
    "<ol start='3'>",
    "<table><tr><td>",
    "</td><td colspan='2'>",
    "</table>",
    "<pre>  pre\n  text</pre>",
    "<br>",
    "</div>",
    "</p>",
    "</a>",
    "<",
    ">",
    "</",
    "<head><title>T</title></head>",
    "<script>var x = '<p>';</script>",
    "<noscript>no script</noscript>",
    "<p xml:lang='fr' xmlns:x='urn:x' x:y='1'>",
)
"""Pieces of HTML, well and badly formed, joined at random with words between them."""

WORDS = ("word", "Ünïcode", "日本語", "emoji 😀", "  spaced\t\nout  ", "", "x" * 40)


@st.composite
def wild_html(draw: st.DrawFn) -> str:
    """Broken and odd HTML: the pieces above and words, in any order."""
    parts = draw(
        st.lists(st.one_of(st.sampled_from(WILD_PIECES), st.sampled_from(WORDS)), max_size=30)
    )
    return "".join(parts)


@given(html_page())
def test_the_node_walk_reads_generated_pages_as_the_proxy_walk(html: str) -> None:
    root = parse(html)
    assert root is not None
    _assert_same_walk(root)


@given(wild_html(), st.booleans())
def test_the_node_walk_reads_broken_pages_as_the_proxy_walk(html: str, reveal: bool) -> None:
    root = parse(html)
    if root is not None:
        _assert_same_walk(root, reveal)
    lxml_root = etree.fromstring(f"<html><body>{html}</body></html>", etree.HTMLParser())
    if lxml_root is not None:
        _assert_same_walk(lxml_root, reveal)


XML_PAGES = (
    # namespaced tags and attributes: lxml names them {uri}name
    "<html xmlns='http://www.w3.org/1999/xhtml' xmlns:x='urn:x'><body><p x:class='a'>One"
    "<x:b>two</x:b>three</p></body></html>",
    # text split over text and CDATA nodes: .text and .tail join them
    "<html><body><p>one <![CDATA[two]]> three<br/>four<![CDATA[]]></p></body></html>",
    "<html><body><p><![CDATA[]]></p><p>é<![CDATA[日本]]>語</p></body></html>",
    # entity references kept as nodes: walked, their tails read
    "<!DOCTYPE html [<!ENTITY e 'entity'>]><html><body><p>one &e; two</p>&e;<p>x</p></body></html>",
    # a comment and a processing instruction: passed over with their tails
    "<html><body><p>one<!-- c -->two<?pi x?>three</p><!-- c -->tail</body></html>",
)


@pytest.mark.parametrize("page", XML_PAGES)
def test_the_node_walk_reads_xml_trees_as_the_proxy_walk(page: str) -> None:
    root = etree.fromstring(page, etree.XMLParser(resolve_entities=False))
    _assert_same_walk(root)


def test_text_after_a_comment_is_dropped_as_iterwalk_drops_it() -> None:
    root = etree.fromstring("<div><p>One<!-- c -->two</p>three</div>", etree.HTMLParser())
    assert [line.text for line in walk(root, DROPPED_TAGS).lines] == ["One", "three"]


def test_a_subtree_is_walked_without_its_tail() -> None:
    root = etree.fromstring("<div><p>One <b>bold</b> two</p>after</div>", etree.HTMLParser())
    paragraph = root.find(".//p")
    assert paragraph is not None
    walked = walk(paragraph, DROPPED_TAGS)
    assert [line.text for line in walked.lines] == ["One bold two"]
    assert _rendered(walked) == _rendered(walk_proxies(paragraph, DROPPED_TAGS))


def test_an_empty_element_and_one_line() -> None:
    for page in ("<p></p>", "<p>only</p>", "<html></html>"):
        root = etree.fromstring(page, etree.HTMLParser())
        _assert_same_walk(root)


def test_a_deep_and_wide_page() -> None:
    deep = "<div>" * 3000 + "deep words" + "</div>" * 3000
    wide = "".join(f"<p class='c{index % 7}'>line {index} é</p>" for index in range(5000))
    for page in (deep, wide):
        root = parse(f"<html><body>{page}</body></html>")
        assert root is not None
        _assert_same_walk(root)
