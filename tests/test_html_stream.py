"""The streamed reading of HTML mode: the page parsed in pieces and walked as it is parsed,
each element removed from the tree once read, reads what the whole parsed tree reads.

Each property feeds generated pages to lxml's pull parser in pieces of any size (down to
one byte, so that every text and tail is cut somewhere) and compares every reading with the
reading of the tree parsed whole: the rendered lines and their evidence, and what the
tree left at the end answers to the readings made after the walk (JSON-LD, metadata, the
page type's microdata, the marked elements, ``<base href>``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from cleantext.html._walk import stream_walk
from cleantext.html.api import _read, _read_parsed, _read_streamed, clean_html
from cleantext.html.evidence import LineReader
from cleantext.html.page_type import ITEMTYPES
from cleantext.html.parse import _parse_bytes, pull_parser, xml_compatible
from cleantext.html.render import LITTLE_TEXT_WORDS, LineBuilder, render, render_stream
from cleantext.html.structured import descriptive_elements
from cleantext.html.vocabulary import DROPPED_TAGS
from cleantext.meta.marked import MAX_MARKED_ELEMENTS, MarkedElements, element_marks
from cleantext.model import Metadata
from strategies import html_page

DESCRIBING = (
    "<title>The <b>budget</b> vote</title>",
    "<meta name='author' content='Ann Lee'>",
    "<meta property='article:published_time' content='2024-03-05'>",
    "<link rel='canonical' href='/budget'>",
    "<base href='https://example.org/news/'>",
    '<script type="application/ld+json">{"@type": "NewsArticle", "articleBody":'
    ' "The council approved the budget on Monday after a long debate."}</script>',
    "<script>var x = '<p>not markup</p>';</script>",
)
"""Elements a page describes itself in (read after the walk, from what is left of the tree)."""
MARKED = (
    "<time datetime='2024-03-05'>5 March</time>",
    "<time>6 March 2024</time>",
    "<span class='byline'>By Ann <b>Lee</b></span>",
    "<div class='post-date'>Posted <span>7 March 2024</span></div>",
    "<a rel='author' href='/people/ann'>Ann Lee</a>",
    "<a href='/author/bob'>Bob Stone</a>",
    "<div itemprop='author' itemscope><span itemprop='name'>Cleo Park</span></div>",
    "<meta itemprop='datePublished' content='2024-03-08'>",
    "<div itemscope itemtype='https://schema.org/Product'><p>Kettle</p></div>",
    "<p>The council approved the budget on Monday after a long debate.</p>",
    "<button>Menu</button>",
    "<pre><code class='language-sql'>select 1;</code></pre>",
    "<div hidden><p>Hidden text</p></div>",
)
"""Elements the metadata reads, or whose start reads their content (buttons, code blocks)."""


@st.composite
def described_page(draw: st.DrawFn) -> str:
    """A generated page with elements describing it and marked elements among its blocks
    (more than :data:`MAX_MARKED_ELEMENTS` of a kind on some pages)."""
    body = draw(html_page())
    marks = draw(st.lists(st.sampled_from(MARKED), max_size=8))
    repeats = draw(st.sampled_from([1, 1, MAX_MARKED_ELEMENTS + 2]))
    head = "".join(draw(st.lists(st.sampled_from(DESCRIBING), max_size=4)))
    tail = "".join(draw(st.lists(st.sampled_from(DESCRIBING), max_size=2)))
    lang = draw(st.sampled_from(["", " lang='en'"]))
    return (
        f"<html{lang}><head>{head}</head><body><article>{''.join(marks) * repeats}"
        f"{body}</article>{tail}</body></html>"
    )


def _streamed(html: str, chunk: int) -> tuple[LineBuilder, etree._Element]:
    builder, root = stream_walk(
        pull_parser(), xml_compatible(html), chunk, DROPPED_TAGS, LineReader()
    )
    assert root is not None
    return builder, root


def _parsed(html: str) -> etree._Element:
    root, _ = _parse_bytes(xml_compatible(html))
    assert root is not None
    return root


def _strings(elements: object) -> list[bytes]:
    assert isinstance(elements, (list, tuple))
    return [etree.tostring(element) for element in elements]


@settings(max_examples=150)
@given(described_page(), st.integers(1, 80))
def test_streamed_lines_and_evidence_are_the_parsed_trees(html: str, chunk: int) -> None:
    root = _parsed(html)
    whole = render(root, reader=LineReader())
    builder, left = _streamed(html, chunk)
    streamed = _read(builder, left, Metadata())
    parsed = _read(whole, root, Metadata())
    assert streamed.rendered == parsed.rendered
    assert list(streamed.page.evidence or ()) == list(parsed.page.evidence or ())
    assert streamed.page.page_type == parsed.page.page_type
    assert streamed.drawing == parsed.drawing
    assert streamed.metadata == parsed.metadata


@settings(max_examples=150)
@given(described_page(), st.integers(1, 80))
def test_the_tree_left_answers_the_readings_after_the_walk(html: str, chunk: int) -> None:
    root = _parsed(html)
    _, left = _streamed(html, chunk)
    assert _strings(descriptive_elements(left)) == _strings(descriptive_elements(root))
    assert ITEMTYPES(left) == ITEMTYPES(root)
    marked, kept = MarkedElements.of(root), MarkedElements.of(left)
    for kind in ("props", "times", "stamps", "bylines"):
        assert _strings(getattr(kept, kind)) == _strings(getattr(marked, kind))
    assert left.get("lang") == root.get("lang")
    base, kept_base = root.find("head/base[@href]"), left.find("head/base[@href]")
    assert (base is None) == (kept_base is None)


def _marked_as_first_written(root: etree._Element) -> tuple[list[etree._Element], ...]:
    """The marked elements by the plain loop the compiled walk replaced (props, stamps,
    bylines: every element with attributes tested, the first of each kind kept)."""
    props: list[etree._Element] = []
    stamps: list[etree._Element] = []
    bylines: list[etree._Element] = []
    class_marks: dict[str, tuple[bool, bool]] = {}
    for element in root.iter(etree.Element):
        names = element.keys()
        if names:
            prop, stamp, byline = element_marks(element, names, class_marks)
            for found, kind in ((prop, props), (stamp, stamps), (byline, bylines)):
                if found:
                    kind.append(element)
    limit = MAX_MARKED_ELEMENTS
    return props[:limit], stamps[:limit], bylines[:limit]


@settings(max_examples=150)
@given(described_page())
def test_the_compiled_marked_walk_finds_what_the_plain_loop_finds(html: str) -> None:
    root = _parsed(html)
    marked = MarkedElements.of(root)
    assert (marked.props, marked.stamps, marked.bylines) == _marked_as_first_written(root)


def test_the_compiled_marked_walk_on_a_page_without_marks_and_one_of_a_mark() -> None:
    for page in ("<p>text</p>", "<span class='byline'>By Ann</span>"):
        root = _parsed(page)
        marked = MarkedElements.of(root)
        assert (marked.props, marked.stamps, marked.bylines) == _marked_as_first_written(root)


def test_the_tree_left_holds_only_what_is_read_after_the_walk() -> None:
    rows = "<tr><td>Harbour Street</td><td>12.50</td></tr>" * 2000
    html = f"<html lang='en'><head><title>Prices</title></head><body><table>{rows}</table>"
    builder, left = _streamed(html, 4096)
    assert builder.words == 2000 * 3
    assert etree.tostring(left) == b'<html lang="en"><head><title>Prices</title></head></html>'


def test_pages_the_stream_cannot_read_as_the_tree_are_read_whole() -> None:
    """Few words (the page's <noscript> may be rendered), a runaway title, a page nested
    deeper than libxml2 parses: the streamed reading declines, the whole tree is read."""
    words = "Some words of the article. " * 60
    few = "<div id='app'>Loading</div><noscript><p>" + words + "</p></noscript>"
    runaway = f"<html><head><title>Budget<p>{words}</p></body></html>"
    deep = "<div>" * 3000 + words + "</div>" * 3000
    for html in (few, runaway, deep):
        assert render_stream(xml_compatible(html)) is None
        assert _read_streamed(html, Metadata()) is None
        assert clean_html(html).text.split()[:3] == ["Some", "words", "of"]
    plain = f"<p>{words}</p>"
    streamed = render_stream(xml_compatible(plain))
    assert streamed is not None and streamed[0].words >= LITTLE_TEXT_WORDS


@settings(max_examples=40)
@given(st.lists(described_page(), min_size=8, max_size=12).map("".join))
def test_the_streamed_reading_of_a_long_page_is_the_parsed_one(html: str) -> None:
    streamed = _read_streamed(html, Metadata())
    parsed = _read_parsed(html, Metadata())
    assert parsed is not None
    if streamed is None:  # (the stream declines pages of few words: nothing to compare)
        return
    assert streamed.rendered == parsed.rendered
    assert list(streamed.page.evidence or ()) == list(parsed.page.evidence or ())
    assert streamed.page.page_type == parsed.page.page_type
    assert (streamed.drawing, streamed.metadata) == (parsed.drawing, parsed.metadata)
