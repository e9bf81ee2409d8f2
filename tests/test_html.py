"""HTML mode: rendering rules, encodings, metadata, DOM evidence, XPaths and the result's invariants."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import cleantext
from cleantext import Config, clean_html
from cleantext.html.decode import decode_html
from cleantext.html.evidence import line_evidence
from cleantext.html.parse import parse
from cleantext.html.render import render
from cleantext.html.structured import descriptive_elements, json_ld_blocks, json_ld_bodies
from invariants import check_result

PROSE = (
    "The council approved the new budget on Monday after a long debate about schools.",
    "Residents who waited outside the hall said they hoped that water prices would fall.",
    "Officials said that further talks with the farmers would follow early next month.",
    "Teachers and nurses were asked to comment on the plan before the final vote in spring.",
)
RENDER_ONLY = Config().enable_only("ad_label")
"""A config under which the sample pages lose nothing: the rendered text is the output."""


def article(*extra: str) -> str:
    """A page with a nav, an article of four paragraphs, and ``extra`` markup after it."""
    paragraphs = "".join(f"<p>{text}</p>" for text in PROSE)
    return (
        "<html lang='en'><head><title>Budget | City News</title></head><body>"
        "<nav class='site-menu'><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/world'>World</a></li></ul></nav>"
        f"<article><h1>Budget passed</h1>{paragraphs}</article>{''.join(extra)}</body></html>"
    )


def rendered(html: str) -> str:
    return clean_html(html, config=RENDER_ONLY).source_text


# Rendering rules


def test_blocks_are_separated_by_a_blank_line() -> None:
    assert rendered("<p>One.</p><div>Two.</div><h2>Three</h2>") == "One.\n\nTwo.\n\nThree"


def test_list_items_are_bullet_lines_in_one_block() -> None:
    assert rendered("<p>Steps:</p><ul><li>flour</li><li>butter</li></ul>") == (
        "Steps:\n\n  • flour\n  • butter"
    )


def test_br_breaks_a_line_without_a_blank_line() -> None:
    assert rendered("<p>first line<br>second line</p>") == "first line\nsecond line"


def test_table_rows_are_lines_and_cells_are_tab_separated() -> None:
    html = "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>41</td></tr></table>"
    assert rendered(html) == "Name\tAge\nAnn\t41"


def test_inline_whitespace_collapses_but_pre_keeps_its_lines() -> None:
    html = "<p>a   b\n c</p><pre>x = 1\n    y = 2</pre>"
    assert rendered(html) == "a b c\n\nx = 1\n    y = 2"


@pytest.mark.parametrize(
    "hidden",
    [
        "<script>var secret = 1;</script>",
        "<style>.secret { color: red }</style>",
        "<template><p>secret</p></template>",
        "<noscript>secret</noscript>",  # (a short one beside visible text: see below)
        "<svg><text>secret</text></svg>",
        "<select><option>secret</option></select>",
        "<textarea>secret</textarea>",
        "<button>secret</button>",
        "<p hidden>secret</p>",
        "<p aria-hidden='true'>secret</p>",
        "<p style='display: none'>secret</p>",
        "<p style='color:red;visibility:hidden'>secret</p>",
    ],
)
def test_hidden_and_non_text_elements_are_dropped(hidden: str) -> None:
    text = rendered(f"<p>visible</p>{hidden}<p>after</p>")
    assert "secret" not in text
    assert text == "visible\n\nafter"


POSTS = "".join(
    f"<div class='post'><p>Reply {n}: the resolver reads the first nameserver and then the "
    "second one, which is why the lookups failed on the older machines.</p></div>"
    for n in range(12)
)


def test_noscript_is_rendered_when_the_page_shows_little_text_without_it() -> None:
    text = rendered(f"<div id='app'>Loading</div><noscript>{POSTS}</noscript>")
    assert text.startswith("Loading\n\nReply 0: the resolver")
    assert text.count("Reply") == 12


def test_noscript_is_dropped_when_the_page_shows_its_text_without_it() -> None:
    article = "<p>" + "The council approved the budget after a long debate. " * 20 + "</p>"
    text = rendered(f"{article}<noscript>{POSTS}</noscript>")
    assert "Reply" not in text and text.startswith("The council")


@pytest.mark.parametrize(
    "hiding", ["hidden", "aria-hidden='true'", "style='visibility:hidden;min-height:100vh'"]
)
def test_hidden_text_is_rendered_when_the_page_shows_little_without_it(hiding: str) -> None:
    story = "<p>" + "The council approved the budget after a long debate. " * 20 + "</p>"
    assert rendered(f"<div id='root'>Loading</div><div {hiding}>{story}</div>").startswith(
        "Loading\n\nThe council approved"
    )
    shown = rendered(f"<div>{story}</div><div {hiding}>{story.replace('council', 'secret')}</div>")
    assert "secret" not in shown


def test_a_button_the_parser_left_the_page_in_is_rendered() -> None:
    article = "<p>" + "The council approved the budget after a long debate. " * 20 + "</p>"
    text = rendered(f"<header><button class='menu'>Menu<div><main>{article}</main></div></header>")
    assert text.startswith("Menu") and text.count("The council approved") == 20


def test_nested_buttons_render_in_linear_time() -> None:
    depth = 5000
    page = "<button>" * depth + "word " * 200 + "</button>" * depth
    assert rendered(page).split() == ["word"] * 200


def test_comments_are_not_rendered() -> None:
    assert rendered("<p>a<!-- secret -->b</p>") == "ab"


# Encodings


@pytest.mark.parametrize(
    ("data", "encoding", "how"),
    [
        ("\ufeff<p>é</p>".encode("utf-8"), "utf-8", "bom"),
        ("\ufeff<p>é</p>".encode("utf-16-le"), "utf-16-le", "bom"),
        ('<meta charset="windows-1251"><p>Ж</p>'.encode("cp1251"), "cp1251", "meta"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2"><p>ł</p>'.encode(
                "iso-8859-2"
            ),
            "iso8859-2",
            "meta",
        ),
        ("<p>é</p>".encode(), "utf-8", "utf-8"),
        ("<p>é</p>".encode("cp1252"), "cp1252", "fallback"),
        ("<p>é</p>".encode("utf-16-le"), "utf-16-le", "utf-16 sniffed"),
    ],
)
def test_encoding_is_found_and_recorded(data: bytes, encoding: str, how: str) -> None:
    decoded = decode_html(data)
    assert (decoded.encoding, decoded.how) == (encoding, how)
    assert clean_html(data).metadata.encoding == encoding
    assert "\ufffd" not in decoded.text


def test_the_first_charset_declaration_wins() -> None:
    data = '<meta charset="koi8-r"><meta charset="utf-8"><p>Жук</p>'.encode("koi8-r")
    assert decode_html(data).encoding == "koi8-r"
    assert "Жук" in clean_html(data).text


def test_a_str_input_records_no_encoding() -> None:
    assert clean_html("<p>x</p>").metadata.encoding is None


# Metadata


def test_metadata_title_lang_and_url() -> None:
    result = clean_html(article(), url="https://example.org/budget")
    assert result.metadata.title == "Budget passed"  # the page's h1 (docs/metadata.md)
    assert result.metadata.source_of("title") == "h1"
    assert result.metadata.lang == "en"
    assert result.metadata.url == "https://example.org/budget"


def test_without_h1_og_title_wins_over_title_and_an_h1_alone_is_the_title() -> None:
    og = "<meta property='og:title' content='Budget passed'><title>Site</title><p>x</p>"
    assert clean_html(og).metadata.title == "Budget passed"
    assert clean_html("<h1>Only a heading</h1><p>x</p>").metadata.title == "Only a heading"


# Evidence and XPaths


def evidence_of(html: str) -> dict[str, cleantext.text.page.DomEvidence]:
    root = parse(html)
    assert root is not None
    builder = render(root)
    items = line_evidence(
        root, builder.lines, json_ld_bodies(json_ld_blocks(descriptive_elements(root)).valid)
    )
    return {line.text.strip(" •"): item for line, item in zip(builder.lines, items, strict=True)}


def test_evidence_names_the_element_and_its_landmarks_and_tokens() -> None:
    found = evidence_of(article())
    home = found["Home"]
    assert home.xpath == "/html/body/nav/ul/li[1]"
    assert home.tag == "li"
    assert "nav" in home.landmarks
    assert home.tokens == frozenset({"menu"})
    assert home.labels == (("<nav>", 3), ("menu", 3))
    assert home.line_link_density == 1.0 and home.link_density == 1.0
    body = found[PROSE[0]]
    assert body.xpath == "/html/body/article/p[1]"
    assert body.landmarks == frozenset({"article"})
    assert body.link_density == 0.0
    assert found["Budget passed"].is_heading


def test_link_density_counts_link_characters_only() -> None:
    found = evidence_of("<p>read <a href='/x'>this</a> now</p>")
    assert found["read this now"].line_link_density == pytest.approx(4 / 13, abs=0.01)


def test_json_ld_article_body_marks_its_lines() -> None:
    ld = json.dumps({"@type": "NewsArticle", "articleBody": f"{PROSE[0]} {PROSE[1]}"})
    page = f"<script type='application/ld+json'>{ld}</script>" + article()
    found = evidence_of(page)
    assert found[PROSE[0]].in_structured_body and found[PROSE[1]].in_structured_body
    assert not found[PROSE[2]].in_structured_body
    assert not found["Home"].in_structured_body


def test_microdata_article_body_marks_its_lines() -> None:
    found = evidence_of(f"<div itemprop='articleBody'><p>{PROSE[0]}</p></div><p>{PROSE[1]}</p>")
    assert found[PROSE[0]].in_structured_body
    assert not found[PROSE[1]].in_structured_body


def test_removed_segments_name_their_element() -> None:
    result = clean_html(
        article("<footer><p>Copyright 2024 City News. All rights reserved.</p></footer>")
    )
    assert result.text.startswith("Budget passed\n\n" + PROSE[0])
    sources = {segment.source for segment in result.removed}
    assert "/html/body/nav/ul/li[1]" in sources
    assert "/html/body/footer/p" in sources
    for segment in result.removed:
        assert segment.reason


def test_dom_detectors_explain_with_the_evidence() -> None:
    related = (
        "<aside class='related-links'><ul><li><a href='/a'>Other story one</a></li>"
        "<li><a href='/b'>Other story two</a></li></ul></aside>"
    )
    page = article(related)
    assert "Other story" not in clean_html(page).text
    by_landmark = clean_html(page, config=Config().enable_only("dom_landmark"))
    reasons = [segment.reason for segment in by_landmark.removed]
    assert any("inside <nav>" in reason and "menu" in reason for reason in reasons)
    assert any("inside <aside>" in reason and "related" in reason for reason in reasons)
    by_links = clean_html(page, config=Config().enable_only("dom_link_density"))
    assert all("link density 1.00" in segment.reason for segment in by_links.removed)
    assert len(by_links.removed) == 2


def test_text_detectors_run_in_html_mode_too() -> None:
    result = clean_html(article("<p>Home &gt; News &gt; World</p>"))
    assert "breadcrumb" in {segment.detector for segment in result.removed}


def test_structured_body_keeps_a_page_whose_markup_says_nothing() -> None:
    paragraphs = "".join(f"<div><span>{text}</span></div>" for text in PROSE)
    result = clean_html(f"<div>{paragraphs}</div>")
    for text in PROSE:
        assert text in result.text


# Properties


def test_segments_are_exact_and_nothing_is_lost_on_a_real_shaped_page() -> None:
    result = clean_html(article("<div class='share'>Share Tweet Email</div>"))
    check_result(result.source_text, result)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["p", "div", "li", "h2", "span", "nav", "aside", "td", "a", "br"]),
            st.sampled_from(["", "menu", "share", "content", "sidebar", "comment"]),
            st.sampled_from([*PROSE, "Home", "Share", "12 comments", "", "a < b"]),
        ),
        max_size=25,
    )
)
def test_any_markup_gives_a_sound_result(parts: list[tuple[str, str, str]]) -> None:
    html = "".join(
        f"<{tag} class='{cls}' href='/x'>{text}</{tag}>" if tag != "br" else "<br>"
        for tag, cls, text in parts
    )
    result = clean_html(html)
    check_result(result.source_text, result)
    assert clean_html(html) == result


@given(st.text(max_size=300))
def test_any_text_gives_a_sound_result(text: str) -> None:
    try:
        result = clean_html(text)
    except cleantext.InputError:
        return
    check_result(result.source_text, result)


@given(
    st.lists(
        st.tuples(st.integers(0, 6), st.sampled_from(["p", "div", "li", "span", "td", "fb:like"])),
        min_size=1,
        max_size=40,
    )
)
def test_xpaths_are_those_lxml_writes(steps: list[tuple[int, str]]) -> None:
    """The walk's linear-time XPaths agree with lxml's own (quadratic) ``getpath`` on any
    tree: each block element holds its own text, so its line names it."""
    root = parse("<div>x</div>")
    assert root is not None
    elements = [root.find("body")]
    for parent, tag in steps:
        elements.append(etree.SubElement(elements[parent % len(elements)], tag))
    expected = {"x": root.getroottree().getpath(root.find("body/div"))}
    for number, element in enumerate(elements):
        if element.tag in ("p", "div", "li"):
            element.text = f"e{number}"
            expected[element.text] = root.getroottree().getpath(element)
    lines = render(root).lines
    assert {line.text.strip(" •"): line.frame[0].xpath() for line in lines} == expected
    paths = line_evidence(root, lines, ())
    assert [item.xpath for item in paths] == [line.frame[0].xpath() for line in lines]


BUDGET_PROSE = (
    "The council approved the budget on Monday after a long debate about schools and roads."
)


def test_a_title_that_is_never_closed_does_not_swallow_the_page() -> None:
    result = clean_html(f"<html><head><title>Budget news<body><p>{BUDGET_PROSE}</p></body></html>")
    assert BUDGET_PROSE in result.text


def test_content_that_the_parser_leaves_in_head_is_rendered() -> None:
    page = f"<html><head><title>Budget</title><box><div><p>{BUDGET_PROSE}</p></div></box></head></html>"
    result = clean_html(page)
    assert BUDGET_PROSE in result.text
    assert result.metadata.title == "Budget"
