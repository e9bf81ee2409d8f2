"""Shared hypothesis strategies: arbitrary text, page-like text, clean prose, boilerplate.

The page-like strategies build text in the shapes scrapers produce: paragraphs
of prose, blank-line gaps of varying width, ``  • `` bullets, short menu-like
lines, right-to-left and CJK lines. ``BOILERPLATE`` lists snippets that a named
detector must remove when they are put around clean prose.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

import cleantext

WORDS = (
    "the council approved a new budget on monday after long debate while residents "
    "waited outside city hall for news about schools roads and water prices which rose "
    "sharply during winter officials said further talks would follow next month and that "
    "farmers teachers nurses drivers were asked to comment before final vote in spring"
).split()
"""Plain lower-case words that no detector treats as furniture."""

RTL_LINES = (
    "وافق المجلس على الميزانية الجديدة بعد نقاش طويل.",
    "הממשלה אישרה את התקציב החדש לאחר דיון ארוך.",
    "قال المسؤولون إن المحادثات ستستمر الشهر المقبل",
)
CJK_LINES = (
    "市議会は長い議論の末、月曜日に新しい予算を承認した。",
    "政府表示，谈判将于下个月继续进行。",
    "서울시는 새로운 예산안을 승인했다.",
    "東京",
)
MENU_LINES = ("Home", "News", "World", "Sport", "Contact us", "About", "Log in", "Menu")


@dataclass(frozen=True)
class Boilerplate:
    """A snippet, the detectors allowed to remove it, and where it may stand."""

    text: str
    detectors: frozenset[str]
    places: tuple[str, ...]


COPYRIGHT = frozenset({"copyright"})
BOTH = ("top", "bottom")
BOILERPLATE = (
    Boilerplate("print PRINT", frozenset({"print_banner"}), ("top",)),
    Boilerplate("Print | Email | Share", frozenset({"print_banner"}), ("top", "bottom")),
    Boilerplate("A A A", frozenset({"print_banner"}), ("top",)),
    Boilerplate("Home > News > World", frozenset({"breadcrumb"}), ("top",)),
    Boilerplate("INTERNATIONAL > Europe & Eurasia", frozenset({"breadcrumb"}), ("top",)),
    Boilerplate("Advertisement", frozenset({"ad_label"}), ("top", "middle", "bottom")),
    Boilerplate("Story continues below advertisement", frozenset({"ad_label"}), ("middle",)),
    Boilerplate("  • Politics\n  • Elections", frozenset({"tag_list"}), ("bottom",)),
    Boilerplate("Tags: Politics, Budget, Europe", frozenset({"tag_list"}), ("bottom",)),
    Boilerplate("© 2024 Example Media Group. All rights reserved.", COPYRIGHT, ("top", "bottom")),
    Boilerplate("Terms of Use | Privacy Policy", COPYRIGHT, ("bottom",)),
    Boilerplate("Share on Facebook\nShare on Twitter", frozenset({"social_row"}), BOTH),
    Boilerplate("Facebook Twitter LinkedIn Email", frozenset({"social_row"}), BOTH),
    Boilerplate(
        "We use cookies to improve your experience on our site. By continuing you accept "
        "our use of cookies.\nAccept",
        frozenset({"cookie_notice"}),
        BOTH,
    ),
    Boilerplate("Sign up for our newsletter", frozenset({"newsletter"}), BOTH),
    Boilerplate("Leave a comment", frozenset({"comments"}), ("bottom",)),
    Boilerplate("12 comments", frozenset({"comments"}), BOTH),
    Boilerplate("Photo: Jane Smith/Reuters", frozenset({"photo_credit"}), BOTH),
    Boilerplate("Read more", frozenset({"related_list"}), ("bottom",)),
    # A list that ends right before the body may end with the article's title,
    # so lists of headlines and menus are put after the body only.
    Boilerplate(
        "Related stories\n  • Council delays vote on roads\n  • Schools face budget cuts",
        frozenset({"related_list"}),
        ("bottom",),
    ),
    Boilerplate("Home\nNews\nWorld\nSport\nBusiness", frozenset({"menu"}), ("bottom",)),
)
"""Known boilerplate; a snippet whose detectors are not registered yet is left out."""


def registered_boilerplate() -> tuple[Boilerplate, ...]:
    """The snippets of :data:`BOILERPLATE` that a registered detector can remove."""
    names = set(cleantext.DETECTORS)
    return tuple(item for item in BOILERPLATE if item.detectors & names)


def any_text() -> st.SearchStrategy[str]:
    """Any str without surrogates: NUL, control characters and every script included."""
    chars = st.characters(exclude_categories=["Cs"])
    lines = st.lists(st.text(chars, max_size=30), max_size=12)
    glue = st.sampled_from(["\n", "\n\n", "\n\n\n\n\n", "\r\n", " \n\t\n"])
    joined = st.tuples(lines, glue).map(lambda pair: pair[1].join(pair[0]))
    return st.one_of(st.text(chars), joined)


def sentence() -> st.SearchStrategy[str]:
    """A prose sentence of 10 to 20 plain words, capitalised, ending with a full stop."""
    words = st.lists(st.sampled_from(WORDS), min_size=10, max_size=20)
    return words.map(lambda items: " ".join(items).capitalize() + ".")


def paragraph() -> st.SearchStrategy[str]:
    """One to four prose sentences on one line."""
    return st.lists(sentence(), min_size=1, max_size=4).map(" ".join)


def clean_prose() -> st.SearchStrategy[str]:
    """Two to six prose paragraphs separated by one blank line: text the engine keeps."""
    return st.lists(paragraph(), min_size=2, max_size=6).map("\n\n".join)


def page_line() -> st.SearchStrategy[str]:
    """One line of a scraped page: prose, a bullet, a menu item, RTL or CJK text."""
    bullet = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(
        lambda items: "  • " + " ".join(items)
    )
    return st.one_of(
        paragraph(),
        bullet,
        st.sampled_from(MENU_LINES),
        st.sampled_from(RTL_LINES),
        st.sampled_from(CJK_LINES),
        st.sampled_from([item.text for item in BOILERPLATE]),
    )


def page_text() -> st.SearchStrategy[str]:
    """Page-like text: lines joined by gaps of one to eight line breaks, some with trailing spaces."""
    gap = st.sampled_from(["\n", "\n\n", "\n\n", "\n\n\n", "\n \n", "\n\n\n\n\n\n\n\n", " \n\n"])
    pieces = st.lists(st.tuples(page_line(), gap), min_size=1, max_size=25)
    return pieces.map(lambda items: "".join(line + sep for line, sep in items).rstrip("\n"))


MARKUP_WORDS = (*WORDS[:12], "*star*", "_under_", "[x]", "a|b", "#tag", "1.", "-", "`t`", "&amp;")
"""Words for generated HTML, Markdown's special characters among them."""


def html_page() -> st.SearchStrategy[str]:
    """HTML with the structure Markdown keeps (headings, nested lists, quotes, code, tables
    with spans, breaks and lists in cells, links, images) and furniture the engine removes."""
    words = st.lists(st.sampled_from(MARKUP_WORDS), min_size=1, max_size=6).map(" ".join)
    inline = st.one_of(
        words,
        words.map(lambda text: f"<a href='/p/{len(text)}'>{text}</a>"),
        words.map(lambda text: f"{text}<br>{text}"),
        st.just("<img src='i.png' alt='pic'>"),
    )
    span = st.sampled_from(["", " colspan='2'", " rowspan='2'", " colspan='0'"])
    cell = st.tuples(st.sampled_from(["td", "th"]), span, inline).map(
        lambda item: f"<{item[0]}{item[1]}>{item[2]}</{item[0]}>"
    )
    row = st.lists(cell, min_size=1, max_size=4).map(lambda cells: f"<tr>{''.join(cells)}</tr>")
    table = st.lists(row, min_size=1, max_size=4).map(
        lambda rows: f"<table>{''.join(rows)}</table>"
    )

    def nest(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        items = st.lists(st.one_of(inline, children), min_size=1, max_size=4)
        return st.one_of(
            st.tuples(st.sampled_from(["ul", "ol"]), items).map(
                lambda pair: f"<{pair[0]}>{''.join(f'<li>{i}</li>' for i in pair[1])}</{pair[0]}>"
            ),
            items.map(lambda parts: f"<blockquote>{''.join(parts)}</blockquote>"),
            items.map(lambda parts: f"<td>{''.join(parts)}</td>"),
            st.tuples(st.sampled_from(["div", "nav", "footer", "p"]), items).map(
                lambda pair: f"<{pair[0]}>{''.join(pair[1])}</{pair[0]}>"
            ),
        )

    block = st.one_of(
        st.tuples(st.integers(1, 6), inline).map(
            lambda pair: f"<h{pair[0]}>{pair[1]}</h{pair[0]}>"
        ),
        paragraph().map(lambda text: f"<p>{text}</p>"),
        inline.map(lambda text: f"<p>{text}</p>"),
        words.map(lambda text: f"<pre><code class='language-py'>{text}\n\n  {text}</code></pre>"),
        table,
        st.recursive(inline, nest, max_leaves=4),
    )
    return st.lists(block, min_size=1, max_size=6).map(lambda blocks: "".join(blocks))
