"""Metadata: golden cases per source (JSON-LD, OpenGraph, microdata, time, bylines, text-mode
segments), the date parser, and properties (never raises; a source iff a value)."""

from __future__ import annotations

import doctest
import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import page_text

import cleantext
from cleantext.meta.dates import parse_date
from cleantext.model import LIST_FIELDS, TEXT_FIELDS, Metadata

PAGES = Path(__file__).parent.parent / "fixtures" / "pages"
BODY = (
    "<p>The council approved the new budget on Monday after a long debate about schools, "
    "roads and the price of water in the old town.</p>"
)


def html_page(head: str = "", body: str = BODY, lang: str = "en") -> str:
    return f'<html lang="{lang}"><head>{head}</head><body><article>{body}</article></body></html>'


def json_ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_seed_page_in_text_mode_gives_its_section_and_tags() -> None:
    text = (PAGES / "editorial-japan-russia.txt").read_text(encoding="utf-8")
    meta = cleantext.clean(text).metadata
    assert meta.section == ("INTERNATIONAL", "Europe & Eurasia")
    assert meta.tags == ("Ambassador", "Ukraine", "COVID-19", "Trending Japan")
    assert (meta.source_of("section"), meta.source_of("tags")) == ("breadcrumb", "tag_list")


def test_text_mode_reads_byline_dateline_and_copyright() -> None:
    text = (
        "Home > Local > Council\n\nCouncil passes the budget\n\nBy Ann Lee and Bo Chan\n\n"
        "Published: 5. März 2024\n\nThe council approved the new budget on Monday after a long "
        "debate about schools and roads.\n\nMembers said the plan would fund repairs for the "
        "next three years.\n\n© 2024 Example Media. All rights reserved."
    )
    meta = cleantext.clean(text).metadata
    assert meta.section == ("Local", "Council")
    assert meta.authors == ("Ann Lee", "Bo Chan")
    assert meta.published == "2024-03-05"
    assert meta.publisher == "Example Media"
    assert meta.source_of("authors") == "byline"
    assert meta.source_of("published") == "dateline"
    assert meta.source_of("publisher") == "copyright"


def test_json_ld_graph_with_referenced_author_and_breadcrumbs() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Example News"},
            {
                "@type": ["NewsArticle"],
                "headline": "Budget passed",
                "author": [{"@id": "#ann"}, {"@type": "Person", "name": "Bo Chan"}],
                "datePublished": "2024-03-05T10:00:00+01:00",
                "dateModified": "2024-03-06",
                "keywords": ["budget", "council"],
                "publisher": {"@id": "#org"},
                "image": {"@type": "ImageObject", "url": "/img/a.jpg"},
            },
            {"@type": "Person", "@id": "#ann", "name": "Ann Lee"},
            {"@type": "Organization", "@id": "#org", "name": "Example Media"},
            {
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {"@type": "ListItem", "position": 1, "name": "News"},
                    {"@type": "ListItem", "position": 2, "item": {"name": "Local"}},
                ],
            },
        ],
    }
    meta = cleantext.clean_html(html_page(json_ld(graph)), url="https://example.org/a").metadata
    assert meta.authors == ("Ann Lee", "Bo Chan")
    assert (meta.published, meta.modified) == ("2024-03-05", "2024-03-06")
    assert meta.tags == ("budget", "council")
    assert meta.section == ("News", "Local")
    assert meta.publisher == "Example Media"
    assert meta.site_name == "Example News"
    assert meta.image == "https://example.org/img/a.jpg"
    assert meta.title == "Budget passed"
    assert {meta.source_of(name) for name in ("authors", "published", "tags", "section")} == {
        "json-ld"
    }


def test_json_ld_in_an_array_and_malformed_blocks_are_skipped() -> None:
    head = '<script type="application/ld+json">{"broken": </script>' + json_ld(
        [{"@type": "BlogPosting", "author": "By Ann Lee", "datePublished": "March 5, 2024"}]
    )
    meta = cleantext.clean_html(html_page(head)).metadata
    assert (meta.authors, meta.published) == (("Ann Lee",), "2024-03-05")


def test_opengraph_twitter_and_meta_tags() -> None:
    head = (
        "<title>Budget passed | Example News</title>"
        '<meta property="og:title" content="Budget passed">'
        '<meta property="og:site_name" content="Example News">'
        '<meta property="og:description" content="The council approved it.">'
        '<meta name="twitter:image" content="https://cdn.example.org/b.jpg">'
        '<meta property="og:url" content="https://example.org/budget">'
        '<meta property="article:published_time" content="2024-03-05T10:00:00Z">'
        '<meta property="article:modified_time" content="2024-03-07T10:00:00Z">'
        '<meta property="article:section" content="Local">'
        '<meta property="article:tag" content="budget"><meta property="article:tag" content="roads">'
        '<meta name="author" content="Ann Lee">'
    )
    meta = cleantext.clean_html(html_page(head)).metadata
    assert meta.title == "Budget passed"
    assert meta.site_name == "Example News"
    assert meta.description == "The council approved it."
    assert meta.image == "https://cdn.example.org/b.jpg"
    assert meta.canonical_url == "https://example.org/budget"
    assert (meta.published, meta.modified) == ("2024-03-05", "2024-03-07")
    assert (meta.section, meta.tags, meta.authors) == (
        ("Local",),
        ("budget", "roads"),
        ("Ann Lee",),
    )
    assert meta.source_of("published") == "meta"


@pytest.mark.parametrize("name", ["published", "published-date", "dcterms.created"])
def test_generic_published_meta_names(name: str) -> None:
    head = f'<meta name="{name}" content="July 17, 2025">'
    meta = cleantext.clean_html(html_page(head)).metadata
    assert (meta.published, meta.source_of("published")) == ("2025-07-17", "meta")


def test_a_byline_row_under_the_headline_gives_author_and_date() -> None:
    body = "<header><h1>Budget passed</h1><p>Ann Lee | Senior Writer | July 2, 2025</p></header>"
    meta = cleantext.clean_html(html_page(body=body + BODY)).metadata
    assert (meta.published, meta.source_of("published")) == ("2025-07-02", "dateline")


def test_keywords_meta_gives_tags_and_canonical_link_the_url() -> None:
    head = '<meta name="keywords" content="budget, council ,roads"><link rel="canonical" href="/b">'
    meta = cleantext.clean_html(html_page(head), url="https://example.org/x?y=1").metadata
    assert meta.tags == ("budget", "council", "roads")
    assert (meta.canonical_url, meta.source_of("canonical_url")) == (
        "https://example.org/b",
        "link",
    )


def test_microdata_author_and_dates() -> None:
    body = (
        '<div itemscope itemtype="https://schema.org/Article">'
        '<span itemprop="author" itemscope><span itemprop="name">Ann Lee</span></span>'
        '<meta itemprop="datePublished" content="2024-03-05">' + BODY + "</div>"
    )
    meta = cleantext.clean_html(html_page(body=body)).metadata
    assert (meta.authors, meta.published) == (("Ann Lee",), "2024-03-05")
    assert meta.source_of("authors") == "microdata"


def test_microdata_date_created_of_a_question_comes_before_its_comments() -> None:
    body = (
        '<div itemscope itemtype="https://schema.org/Question"><h1>How do I back up?</h1>'
        '<time itemprop="dateCreated" datetime="2010-10-16T21:58:06">asked</time>' + BODY + "</div>"
        '<div itemscope itemtype="https://schema.org/Comment">'
        '<span itemprop="datePublished">2010-10-17 01:03:31 +00:00</span><p>Try rsync.</p></div>'
    )
    meta = cleantext.clean_html(html_page(body=body)).metadata
    assert (meta.published, meta.source_of("published")) == ("2010-10-16", "microdata")


def test_time_element_and_byline_element() -> None:
    body = (
        '<h1>Budget passed</h1><p class="byline">By <a rel="author" href="/ann">Ann Lee</a></p>'
        '<time datetime="2024-03-05T08:00">5 March</time>' + BODY
    )
    meta = cleantext.clean_html(html_page(body=body)).metadata
    assert (meta.title, meta.source_of("title")) == ("Budget passed", "h1")
    assert (meta.published, meta.source_of("published")) == ("2024-03-05", "time")
    assert (meta.authors, meta.source_of("authors")) == (("Ann Lee",), "byline")


def test_byline_label_alone_on_its_line_names_the_author_on_the_next() -> None:
    text = (
        "Council passes the budget\n\nWritten by\n\nAnn Lee\n\nThe council approved the new "
        "budget on Monday after a long debate.\n\nMembers said the plan would fund repairs."
    )
    assert cleantext.clean(text).metadata.authors == ("Ann Lee",)


def test_author_class_and_author_page_link_give_the_first_names_only() -> None:
    body = (
        '<div class="post-hero__author">Ann Lee</div>'
        + BODY
        + '<aside><a href="/authors/bo-chan">Bo Chan</a></aside>'
    )
    assert cleantext.clean_html(html_page(body=body)).metadata.authors == ("Ann Lee",)
    linked = '<p><a href="https://example.org/author/bo-chan/">Bo Chan</a></p>' + BODY
    assert cleantext.clean_html(html_page(body=linked)).metadata.authors == ("Bo Chan",)


def test_an_author_bio_is_not_a_name() -> None:
    bio = '<div class="author-bio">Ann writes about cities, budgets and the people who run them.</div>'
    assert cleantext.clean_html(html_page(body=bio + BODY)).metadata.authors == ()


def test_title_prefers_the_agreeing_h1_over_a_site_name_h1() -> None:
    head = "<title>Budget passed - Example News</title>"
    body = "<h1>Example News</h1><h1>Budget passed</h1>" + BODY
    meta = cleantext.clean_html(html_page(head, body)).metadata
    assert meta.title == "Budget passed"


def test_title_without_h1_drops_the_site_name() -> None:
    head = '<title>Budget passed | Example News</title><meta property="og:site_name" content="Example News">'
    meta = cleantext.clean_html(html_page(head)).metadata
    assert (meta.title, meta.source_of("title")) == ("Budget passed", "title-tag")


def test_date_stamp_elements_give_published_and_modified() -> None:
    body = (
        '<p class="post-date">Posted March 5, 2024</p>'
        '<span class="meta-date">Last updated: 7 March 2024</span>' + BODY
    )
    meta = cleantext.clean_html(html_page(body=body)).metadata
    assert (meta.published, meta.modified) == ("2024-03-05", "2024-03-07")
    assert meta.source_of("published") == meta.source_of("modified") == "dateline"


def test_time_element_without_datetime_is_read_from_its_text() -> None:
    meta = cleantext.clean_html(html_page(body="<time>Aug 04, 2025</time>" + BODY)).metadata
    assert (meta.published, meta.source_of("published")) == ("2025-08-04", "time")


def test_date_from_the_url_path() -> None:
    meta = cleantext.clean_html(html_page(), url="https://example.org/2018/07/02/shed").metadata
    assert (meta.published, meta.source_of("published")) == ("2018-07-02", "url")


def test_absent_fields_stay_absent() -> None:
    meta = cleantext.clean_html(html_page(lang="")).metadata
    assert meta.page_type == "article"  # a reading of the page, with its evidence
    assert replace(meta, page_type=None, sources=()) == Metadata()
    assert cleantext.clean("The council approved the budget on Monday.").metadata == Metadata()


def test_json_records_carry_metadata() -> None:
    result = cleantext.clean((PAGES / "editorial-japan-russia.txt").read_text(encoding="utf-8"))
    data = result.as_dict()["metadata"]
    assert isinstance(data, dict)
    assert data["tags"] == ["Ambassador", "Ukraine", "COVID-19", "Trending Japan"]
    assert data["sources"] == {"section": "breadcrumb", "tags": "tag_list"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05T10:00:00Z", "2024-03-05"),
        ("2024/3/5", "2024-03-05"),
        ("Posted March 5th, 2024 at 10:00", "2024-03-05"),
        ("Mar. 5, 2024", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("Veröffentlicht am 5. März 2024", "2024-03-05"),
        ("05.03.2024, 10:12 Uhr", "2024-03-05"),
        ("Publié le 5 mars 2024", "2024-03-05"),
        ("5 de marzo de 2024", "2024-03-05"),
        ("12/25/2024", "2024-12-25"),
        ("25/12/2024", "2024-12-25"),
        ("December 17th 2025", "2025-12-17"),
        ("no date here", None),
        ("31.02.2024", None),
        ("March 2024", None),
        ("1850-01-01", None),
        ("Released 2024.03.05.", "2024-03-05"),
        ("2024.4.4 → 2024.5.0 issue", None),  # release numbers, not dates
        ("v1.2024.10.15", None),
    ],
)
def test_dates_are_read_into_iso(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def _sources_match_values(meta: Metadata) -> None:
    for name in (*TEXT_FIELDS, *LIST_FIELDS):
        assert (meta.source_of(name) is not None) == bool(getattr(meta, name)), name


@given(page_text())
def test_text_mode_metadata_never_raises_and_sources_match(text: str) -> None:
    _sources_match_values(cleantext.clean(text).metadata)


HTML_PIECES = st.sampled_from(
    [
        "<h1>Budget</h1>",
        "<title>A | B</title>",
        '<meta property="og:title" content="x">',
        '<meta name="author" content="">',
        '<meta property="article:published_time" content="2024-13-45">',
        '<script type="application/ld+json">{"@graph": [{"@type": "Article", "author": [1, null, {}]}]}</script>',
        '<script type="application/ld+json">[[[{"@id": "#a", "author": {"@id": "#a"}}]]]</script>',
        '<time datetime="">',
        '<span itemprop="author" itemscope></span>',
        '<a rel="author"></a>',
        '<link rel="canonical">',
        "<p>By Ann Lee</p>",
        "<p>© 2024</p>",
        BODY,
    ]
)


PRINTABLE = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30)
"""Random text without control characters (too many of those are refused as binary)."""


@given(st.lists(st.one_of(HTML_PIECES, PRINTABLE), max_size=12), st.none() | PRINTABLE)
def test_html_metadata_never_raises_and_sources_match(pieces: list[str], url: str | None) -> None:
    result = cleantext.clean_html("<html><body>" + "".join(pieces) + "</body></html>", url=url)
    _sources_match_values(result.metadata)


def test_markup_metadata_replaces_a_stale_source_of_a_field_it_sets() -> None:
    """A field the markup sets keeps one source, the markup's, as ``with_field`` gives it
    (a ``base`` may name a source for a field left empty)."""
    from lxml import etree

    from cleantext.meta.markup import html_metadata

    page = etree.fromstring("<html><body><h1>Budget</h1></body></html>", etree.HTMLParser())
    base = Metadata(sources=(("title", "stale"), ("lang", "html-lang")))
    meta = html_metadata(page, [], [], ["Budget"], base)
    assert (meta.title, meta.sources) == ("Budget", (("lang", "html-lang"), ("title", "h1")))


def test_the_metadata_doc_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path(__file__).parent.parent
    monkeypatch.chdir(root)
    outcome = doctest.testfile(str(root / "docs" / "metadata.md"), module_relative=False)
    assert outcome.attempted > 0 and outcome.failed == 0


def test_json_ld_with_raw_tabs_in_strings_is_read() -> None:
    block = (
        '<script type="application/ld+json">{"@type": "Article", "description": "Two\tcolumns",'
        ' "datePublished": "2024-02-21 13:00:00"}</script>'
    )
    meta = cleantext.clean_html(html_page(head=block)).metadata
    assert (meta.published, meta.source_of("published")) == ("2024-02-21", "json-ld")


def test_a_members_join_date_is_not_the_pages_date() -> None:
    text = (
        "Which bench vise?\n\nann_lee\n\nJoined: Dec 17, 2023\n\nI need a vise for "
        "a small workshop and would like to hear what people use.\n\nThanks in advance."
    )
    assert cleantext.clean(text).metadata.published is None


@pytest.mark.parametrize("mark", ["・", "⋅"])
def test_a_dateline_split_by_dots_of_other_scripts(mark: str) -> None:
    from cleantext.meta.segments import is_dateline

    assert is_dateline(f"December 18, 2025 {mark} 3 min read")


LONG_BODY = "".join(
    f"<p>Paragraph {n} says the council met again and talked about the roads, the schools and "
    "the price of water in the old town for a long while.</p>"
    for n in range(12)
)


def test_the_one_date_a_page_shows_is_its_published_date() -> None:
    body = "<h1>Budget passed</h1>" + LONG_BODY + "<p>April 8, 2024</p>" + LONG_BODY
    meta = cleantext.clean_html(html_page(body=body)).metadata
    assert (meta.published, meta.source_of("published")) == ("2024-04-08", "sole_date")


@pytest.mark.parametrize(
    "stamps",
    [
        "<p>April 8, 2024</p><p>May 2, 2024</p>",  # two dates: which one is not known
        "<p>Updated April 8, 2024</p>",  # the page calls it a change
    ],
)
def test_no_sole_date_when_the_page_shows_two_or_calls_it_updated(stamps: str) -> None:
    body = "<h1>Budget passed</h1>" + LONG_BODY + stamps + LONG_BODY
    assert cleantext.clean_html(html_page(body=body)).metadata.published is None


def test_no_sole_date_that_markup_calls_modified() -> None:
    head = '<meta property="article:modified_time" content="2024-04-08T10:00:00Z">'
    body = "<h1>Budget passed</h1>" + LONG_BODY + "<p>April 8, 2024</p>" + LONG_BODY
    meta = cleantext.clean_html(html_page(head=head, body=body)).metadata
    assert (meta.published, meta.modified) == (None, "2024-04-08")


def test_a_utc_stamp_a_day_from_the_address_date_gives_the_address_day() -> None:
    head = '<meta property="article:published_time" content="2025-12-19T02:41:41+00:00">'
    url = "https://example.org/2025/12/18/comfort-watches"
    meta = cleantext.clean_html(html_page(head=head), url=url).metadata
    assert (meta.published, meta.source_of("published")) == ("2025-12-18", "url")


def test_a_save_stamp_gives_way_to_an_earlier_date_under_the_headline() -> None:
    head = json_ld(
        {"@type": "Article", "datePublished": "Nov 20, 2025", "dateModified": "Nov 20, 2025"}
    )
    body = "<h1>Budget passed</h1><p>May 14, 2025</p>" + BODY
    meta = cleantext.clean_html(html_page(head=head, body=body)).metadata
    assert (meta.published, meta.source_of("published")) == ("2025-05-14", "dateline")
    assert meta.modified == "2025-11-20"
    later = body.replace("May 14, 2025", "December 1, 2025")
    assert cleantext.clean_html(html_page(head=head, body=later)).metadata.published == "2025-11-20"


@given(
    st.lists(
        st.sampled_from([*"-_ aAdDeEiIİſsStTyYbBlLuUhHpPoOmMrR", "date", "byline", "posted"]),
        max_size=20,
    ).map("".join)
)
def test_class_marks_agree_with_the_pattern_then_the_substrings(classes: str) -> None:
    """The substring test before the pattern changes no answer (the reference is the pattern
    first, then the case-folded substrings)."""
    from cleantext.meta.marked import BYLINE_CLASSES, DATE_CLASSES, MARK_CLASS, _class_marks

    folded = classes.casefold()
    found = MARK_CLASS.search(classes) is not None
    expected = (
        found and any(mark in folded for mark in DATE_CLASSES),
        found and any(mark in folded for mark in BYLINE_CLASSES),
    )
    assert _class_marks(classes) == expected
