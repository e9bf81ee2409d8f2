"""The page type read from the text's shape, and what the detectors do with it."""

from __future__ import annotations

import pytest
import regex

import cleantext
from cleantext.text.page import DomEvidence, Page
from cleantext.text.page_type import (
    CODE_LINE,
    DOCUMENTATION,
    FORUM,
    PRICE,
    PRODUCT,
    UNKNOWN,
    PageType,
    header_kind,
    read_page_type,
)

NAV = "\n".join(["• Forums", "• What's new", "• Members", "Log in", "Register", "Search"])
POSTS = [
    (
        "Pippin06",
        "Do you plan on having a monthly budget for your hobby this year, or do you simply "
        "buy whatever catches your eye when it shows up in the shop? I have been thinking "
        "about it since the holidays.\nMy plan is to buy mostly samples this year, with a few "
        "exceptions for new bottles, so that I save some money after I retire in June.",
    ),
    (
        "SmellSharpe",
        "I will spend a lot less this year than I did in the two years before, that much I "
        "know for sure.",
    ),
    (
        "Fiveoaks",
        "No special budget here, I just replenish my favourites when they run low and wait "
        "for the sales.",
    ),
    (
        "Colbourne",
        "With my collection close to a thousand bottles, I will surely be spending less and "
        "giving a few away.",
    ),
]


def thread_text() -> str:
    """A forum thread as a scraper renders it: a header of poster details before each post."""
    parts = [NAV, "Fragrance budget for this year?"]
    for number, (name, body) in enumerate(POSTS, start=1):
        header = [name, "Joined", "Feb 8, 2017", "Messages", "5,421", "• Dec 30, 2023"]
        parts.append("\n".join([*header, f"• #{number}"]))
        parts.append(body)
        parts.append("• Like\n• Quote\nReactions: ChuckW and 5 others")
    parts.append("About us\nContact us\nTerms and rules\nPrivacy policy")
    return "\n\n".join(parts)


ARTICLE_BODY = " ".join(
    [
        "The council approved the new budget on Monday after a debate that lasted most of",
        "the evening, with members arguing over the cost of schools, roads and the water",
        "works that the town has put off repairing for more than a decade.",
    ]
    * 12
)


def article_with_comments() -> str:
    """A blog article, then its comment section: the same post headers, after a long body."""
    parts = [NAV, "Council passes the budget", ARTICLE_BODY]
    for name in ("Jane", "Omar", "Lee", "Ana"):
        comment = f"I think the council got it right this time, thanks {name} for the report."
        parts.append(f"{name} says:\nMarch 3, 2020 at 5:00 pm\n{comment}\nReply")
    return "\n\n".join(parts)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("• #12", "#n"),
        ("Post #3", "#n"),
        ("#1 2024-08-03 10:59:47", "#n"),
        ("Pippin06 said:", "said"),
        ("jahboater wrote: ↑", "said"),
        ("Originally Posted by Sam", "said"),
        ("Reply", "reply"),
        ("• Quote", "reply"),
        ("Share Improve this answer Follow", "reply"),
        ("Joined: Sun Dec 17, 2023 11:18 am", "joined"),
        ("Posts: 98", "joined"),
        ("Reaction score", "joined"),
        ("posted 6 years ago", "ago"),
        ("Wed Dec 27, 2023 10:00 am", "date"),
        ("Posted October 29, 2025", "date"),
        ("Re: Turning off all LEDs", "re"),
        ("longshot · 03/03/2026 19:44", "signed"),
        ("answered Jan 3, 2015 at 10:20", "signed"),
        ("Home", None),
        ("Frequently Asked Questions", None),
        ("#1 Garmin Forerunner 965", None),
        ("The council said: we will vote on Monday and then publish the whole budget.", None),
        ("x" * 200, None),
    ],
)
def test_header_kind(line: str, kind: str | None) -> None:
    assert header_kind(line) == kind


def test_thread_reads_as_forum() -> None:
    found = read_page_type(Page.from_text(thread_text()))
    assert found.kind == FORUM
    assert found.reason.startswith("4 post headers")


def test_article_with_comment_section_is_not_a_forum() -> None:
    assert read_page_type(Page.from_text(article_with_comments())).kind == UNKNOWN


def test_plain_prose_is_unknown() -> None:
    assert read_page_type(Page.from_text(ARTICLE_BODY)) == PageType(UNKNOWN, "")


def test_every_post_of_a_thread_is_content() -> None:
    text = cleantext.clean(thread_text()).text
    for _, body in POSTS:
        for paragraph in body.split("\n"):
            assert paragraph in text
    assert "About us" not in text


def test_comments_after_an_article_still_go() -> None:
    text = cleantext.clean(article_with_comments()).text
    assert ARTICLE_BODY in text
    assert "thanks Jane" not in text


def test_result_metadata_records_the_type_and_its_evidence() -> None:
    metadata = cleantext.clean(thread_text()).metadata
    assert metadata.page_type == FORUM
    assert (metadata.source_of("page_type") or "").startswith("4 post headers")
    assert cleantext.clean(ARTICLE_BODY).metadata.page_type is None


def test_a_page_with_dom_evidence_takes_its_type_from_outside() -> None:
    text = thread_text()
    evidence = tuple(DomEvidence("/html/body/p", "p") for _ in Page.from_text(text).lines)
    page = Page.from_text(text, evidence)
    assert page.page_type.kind == UNKNOWN
    assert page.with_page_type(PageType(FORUM, "dom")).page_type == PageType(FORUM, "dom")


def test_the_second_look_keeps_the_type() -> None:
    page = Page.from_text(thread_text())
    fewer = Page.from_text(POSTS[1][1]).reusing(page, [0])
    assert fewer.page_type.kind == FORUM


def documentation_text() -> str:
    """A library's reference page: sections of prose split by code examples."""
    sections = []
    for name in ("open", "read", "write", "close"):
        prose = (
            f"The {name} function is the part of the library that most programs call first, and "
            "this section explains what it does with its arguments and what it returns to you."
        )
        if name == "open":  # the overview: longer than the other sections
            prose += " It also shows the errors it raises and how a program recovers from them." * 3
        code = [
            "import library",
            f"handle = library.{name}('data.txt')",
            "if handle is None:",
            "    raise SystemExit(1)",
            f"print(handle.{name}())",
        ]
        sections.append(f"{name}()\n\n{prose}\n\n" + "\n".join(code))
    return "\n\n".join([NAV, *sections, "About us\nContact us"])


def test_documentation_reads_as_documentation() -> None:
    found = read_page_type(Page.from_text(documentation_text()))
    assert found == PageType(DOCUMENTATION, "16 code-like lines of 36")


def test_every_section_of_documentation_is_content() -> None:
    text = cleantext.clean(documentation_text()).text
    for name in ("open", "read", "write", "close"):
        assert f"The {name} function is the part" in text


def product_text() -> str:
    """A shop's product page: a price, shop buttons, a description, then specifications."""
    description = (
        "This wool runner is made from fine merino that keeps your feet cool in summer and "
        "warm in winter, and it goes into the washing machine when it gets dirty after a long "
        "week of walking around town. The sole is made from sugar cane and lasts for years."
    )
    specs = (
        "The upper is knitted in one piece, so there are no seams to rub against your heel, "
        "and the insole can be taken out to dry."
    )
    return "\n\n".join(
        [
            NAV,
            "Wool Runner\n$98\nSelect size\nAdd to cart\nFree shipping on orders over $75",
            description,
            "Size guide\n• 8\n• 9\n• 10\n• 11\nReviews (412)\nShare\nSave",
            specs,
            "About us\nContact us",
        ]
    )


@pytest.mark.parametrize(
    ("pattern", "line", "matches"),
    [
        (CODE_LINE, "import library", True),
        (CODE_LINE, "handle = library.open('data.txt')", True),
        (CODE_LINE, "}", True),
        (CODE_LINE, "$ pip install cleantext-web", True),
        (CODE_LINE, "accumulate()", True),
        (CODE_LINE, "The council met on Monday.", False),
        (CODE_LINE, "Home", False),
        (CODE_LINE, "Prices from $5", False),
        (PRICE, "$98", True),
        (PRICE, "From £45.00", True),
        (PRICE, "19,99 €", True),
        (PRICE, "Chapter 5", False),
    ],
)
def test_code_and_price_lines(pattern: regex.Pattern[str], line: str, matches: bool) -> None:
    assert (pattern.search(line) is not None) == matches


def test_product_page_reads_as_product() -> None:
    found = read_page_type(Page.from_text(product_text()))
    assert found == PageType(PRODUCT, "2 price lines, 4 shop buttons")


def test_a_products_specifications_are_content() -> None:
    text = cleantext.clean(product_text()).text
    assert "The upper is knitted in one piece" in text
    assert "This wool runner is made from fine merino" in text


def listing_text() -> str:
    """A front page of teasers: no body dominates, each item is a short run of its own."""
    items = [
        "The council approved the new budget on Monday after a long debate about schools and "
        "roads, and the mayor called it a fair deal for every part of the town. The vote was "
        "close, and two members asked for the water works to be repaired before the summer.",
        "The river rose by two metres overnight. The bridge on the main road is closed to cars.",
        "A new bakery opened in the old station hall. It sells bread from the farms of the valley.",
        "The library will stay open until nine in the evening. It has a new room for children.",
    ]
    parts = [NAV]
    for number, teaser in enumerate(items, start=1):
        parts.append(
            f"Headline number {number}\nBy Staff Writer\n5 min read\nShare\nSave\n{teaser}"
        )
    parts.append("About us\nContact us")
    return "\n\n".join(parts)


def test_a_page_without_a_long_body_keeps_every_run() -> None:
    text = cleantext.clean(listing_text()).text
    for teaser in ("The river rose", "A new bakery opened", "The library will stay open"):
        assert teaser in text


def test_clean_html_on_text_without_markup_records_the_type_too() -> None:
    assert cleantext.clean_html(thread_text()).metadata.page_type == FORUM
