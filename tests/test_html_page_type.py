"""The page type: read from declared schema.org types and from the rendered lines, recorded in
the metadata with its reason, and read by the detectors (a listing's items are content)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleantext.html import clean_html
from cleantext.html.page_type import PAGE_TYPES, may_hold_itemtypes, schema_types
from cleantext.html.parse import parse

PROSE = (
    "<p>The council approved the new budget on Monday after a long debate about schools, "
    "roads and the price of water in the older districts of the town.</p>"
)


def _json_ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


@pytest.mark.parametrize(
    ("declared", "kind"),
    [
        ({"@type": "DiscussionForumPosting", "headline": "Help"}, "forum"),
        ({"@type": "QAPage"}, "forum"),
        ({"@graph": [{"@type": "BreadcrumbList"}, {"@type": ["TechArticle"]}]}, "documentation"),
        ({"@type": "Product", "offers": {"@type": "Offer", "price": "9.00"}}, "product"),
        ([{"@type": "Product"}, {"@type": "Product"}, {"@type": "Product"}], "collection"),
        ({"@type": "NewsArticle"}, "article"),
        ({"@type": "SearchResultsPage"}, "listing"),
    ],
)
def test_declared_schema_types_decide_the_type(declared: object, kind: str) -> None:
    metadata = clean_html(f"<head>{_json_ld(declared)}</head><body>{PROSE}</body>").metadata
    assert metadata.page_type == kind
    assert (metadata.source_of("page_type") or "").startswith("declares ")


def test_microdata_itemtype_counts_as_declared() -> None:
    page = f'<div itemscope itemtype="http://schema.org/Product"><h1>Mug</h1>{PROSE}</div>'
    assert clean_html(page).metadata.page_type == "product"


def test_without_declared_types_the_lines_decide() -> None:
    cards = "".join(f"<div><a href='/p{n}'>Blue mug {n}</a><br>$12.00</div>" for n in range(6))
    code = "<pre>" + "\n".join(f"x{n} = compute({n})" for n in range(20)) + "</pre>"
    assert clean_html(cards).metadata.page_type == "collection"
    assert clean_html(f"<h1>API</h1><p>Call it so.</p>{code}").metadata.page_type == "documentation"
    assert clean_html(PROSE * 5).metadata.page_type == "article"
    assert clean_html("<div><a href='/'>Home</a></div>").metadata.page_type is None  # unknown
    assert (
        clean_html(PROSE * 5).metadata.source_of("page_type")
        == "prose lines hold 100% of the words"
    )


def test_every_type_is_one_of_the_known_ones() -> None:
    assert clean_html(PROSE).metadata.page_type in PAGE_TYPES


def _listing(declared: str) -> str:
    teasers = "".join(
        f"<div class='teaser'><h3><a href='/story/{n}'>Story number {n} of the week</a></h3>"
        f"<span>5 May 2025</span></div>"
        for n in range(8)
    )
    menu = "<nav><ul>" + "".join(f"<li><a href='/s{n}'>Section {n}</a></li>" for n in range(6))
    return f"<head>{declared}</head><body>{menu}</ul></nav><main>{teasers}</main></body>"


def test_a_listings_linked_titles_are_content() -> None:
    listing = clean_html(_listing(_json_ld({"@type": "CollectionPage"})))
    assert listing.metadata.page_type == "collection"
    assert listing.text.count("Story number") == 8
    assert "Section 3" not in listing.text


def test_the_same_titles_under_an_article_are_a_link_box() -> None:
    article = clean_html(
        _listing(_json_ld({"@type": "NewsArticle"})).replace("<main>", f"<main>{PROSE * 6}")
    )
    assert article.metadata.page_type == "article"
    assert "Story number" not in article.text


def test_linked_headings_make_a_listing_without_declared_types() -> None:
    listing = clean_html(_listing(""))
    assert listing.metadata.page_type == "listing"
    assert listing.metadata.source_of("page_type") == "8 headings are links"
    assert listing.text.count("Story number") == 8


def _thread(declared: str) -> str:
    question = (
        "<div class='post'><span>annk</span><p>My projector flickers after an hour of use and "
        "the lamp is new. What should I check before I send it back to the shop?</p></div>"
    )
    replies = "".join(
        f"<div class='comment'><span>user{n}</span><p>Reply {n}: check the fan and the filter "
        "first, a clogged filter makes the lamp overheat and the picture flicker.</p></div>"
        for n in range(5)
    )
    return f"<head>{declared}</head><body><main>{question}<div class='comments'>{replies}</div></main></body>"


def test_a_threads_posts_are_content() -> None:
    thread = clean_html(_thread(_json_ld({"@type": "DiscussionForumPosting"})))
    assert thread.metadata.page_type == "forum"
    assert thread.text.count("Reply ") == 5 and "My projector flickers" in thread.text


def test_the_same_replies_under_an_article_are_comments() -> None:
    article = clean_html(_thread(_json_ld({"@type": "NewsArticle"})))
    assert "Reply 3" not in article.text and "My projector flickers" in article.text


def test_items_of_a_page_of_no_clear_type_are_content() -> None:
    jobs = "".join(
        f"<div class='job'><a href='/job/{n}'>Night nurse, ward {n}</a><br>Posted 5 May</div>"
        for n in range(6)
    )
    menu = "<header>" + "".join(f"<a href='/s{n}'>Section {n}</a> " for n in range(8))
    result = clean_html(f"{menu}</header><main>{jobs}</main>")
    assert result.metadata.page_type is None  # unknown: no field
    assert result.text.count("Night nurse") == 6
    assert "Section 3" not in result.text


@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                ["itemtype", "ItemType", "ITEMTYPE", "item-type", "itemscope", "data-x"]
            ),
            st.sampled_from(["https://schema.org/Product", "Article", "", "a b/NewsArticle"]),
        ),
        max_size=4,
    )
)
def test_a_text_without_itemtype_holds_no_microdata_type(
    attributes: list[tuple[str, str]],
) -> None:
    html = "".join(f"<div {name}='{value}'>x</div>" for name, value in attributes) + "<p>Ünï</p>"
    root = parse(html)
    assert root is not None
    microdata = may_hold_itemtypes(html)
    assert schema_types(root, [], microdata) == schema_types(root, [])
    if not microdata:
        assert schema_types(root, []) == []
