"""The lines longer than ``page.folded``'s, found by words once a page, are the plain ones.

``page.folded_longer`` holds the lines of more than ``SHORT_LINE`` and at most
``LONGER_LINE`` characters, case-folded and scanned once for every detector's words:
``short_lines_with`` and ``LeadWords.page_lines`` read the longer lines from it (and
search beyond ``LONGER_LINE`` on their own). Each is checked here against a plain search
of every line, on pages whose lines straddle both lengths; ``longer_lines`` with
``opening`` against the first character; related_list's lead lines against its rules'
plain reading (a lead word, and short enough once the bullet goes).
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleantext.detectors import ad_label, menu, photo_credit, related_list
from cleantext.detectors.related_list import Params, _lead_lines
from cleantext.text import prefilter
from cleantext.text._lines import LineTable
from cleantext.text._prefilter import longer_lines
from cleantext.text.lexicon import BULLET_CHARS, PHOTO_AGENCIES, strip_bullet, tokens
from cleantext.text.page import Page
from cleantext.text.prefilter import (
    LONGER_LINE,
    SHORT_LINE,
    FoldedLines,
    LeadWords,
    LineSubset,
    casefold,
    short_lines_with,
)
from cleantext.text.triggers import (
    COMMENT_FORM_WORDS,
    COMMENT_TRIGGERS,
    COMMENTS,
    COOKIE_NOTICE,
    COOKIE_TRIGGERS,
    FOUND,
    MENU_CELLS,
    PHOTO_CREDIT,
)
from strategies import any_text

WORDS = ("cookie", "Consent", "comment", "Read more", "related", "skip", "ad", "ß", "ΣΑΣ")
FILLER = ("x" * 37, "Straße ", "şey ", "東京 ", "  ", "\t", "• ", "» ", "- ", " ", ".")


def _cased(word: str) -> st.SearchStrategy[str]:
    """``word`` with each letter in either case."""
    flips = st.lists(st.booleans(), min_size=len(word), max_size=len(word))
    return flips.map(
        lambda upper: "".join(
            c.upper() if u else c.lower() for c, u in zip(word, upper, strict=True)
        )
    )


def _line() -> st.SearchStrategy[str]:
    """A line of words and marks, around a run of filler that makes it 0 to 1,100
    characters long (most lines straddle one of the lengths)."""
    piece = st.one_of(st.sampled_from(WORDS).flatmap(_cased), st.sampled_from(FILLER))
    pieces = st.lists(piece, max_size=6).map("".join)
    length = st.one_of(
        st.sampled_from((SHORT_LINE, LONGER_LINE)).flatmap(
            lambda around: st.integers(around - 12, around + 12)
        ),
        st.integers(0, 1100),
    )
    return st.tuples(pieces, length, pieces).map(
        lambda parts: parts[0] + ("Straße şey x " * 100)[: parts[1]] + parts[2]
    )


def _page_text() -> st.SearchStrategy[str]:
    return st.one_of(
        st.lists(_line(), max_size=12).map("\n".join),
        st.tuples(any_text(), _line()).map("\n".join),
    )


def _holds(text: str, words: tuple[str, ...]) -> bool:
    return any(word in casefold(text) for word in words)


LIMITS = (SHORT_LINE, SHORT_LINE + 40, LONGER_LINE - 1, LONGER_LINE, LONGER_LINE + 1, 1000)


@settings(max_examples=300, deadline=None)
@given(_page_text(), st.sampled_from(LIMITS))
@example("\n".join(f"Cookie{' x' * ((n - 6) // 2)}" for n in LIMITS), LONGER_LINE)
@example("\n".join(f"• Skip{'  x' * ((n - 6) // 3)}" for n in LIMITS), SHORT_LINE + 40)
def test_short_lines_with_a_trigger_are_a_search_of_every_line(text: str, limit: int) -> None:
    page = Page.from_text(text.replace("\u0307", ""))  # (the scan reads i + U+0307 as i)
    talk = FOUND["comments"]
    for trigger, words in ((COOKIE_NOTICE, COOKIE_TRIGGERS), (talk, COMMENT_TRIGGERS)):
        expected = [
            line.index
            for line in page.lines
            if len(line.text) <= limit and _holds(line.text, words)
        ]
        assert [line.index for line in short_lines_with(page, trigger, limit)] == expected
        assert [line.index for line in short_lines_with(page, words, limit)] == expected
    # A union of group intersections: of its first groups' lines, those that each line's
    # own scan keeps (all of them beyond the longest lines the page's scans read).
    furniture = [line.index for line in short_lines_with(page, COMMENTS, limit)]
    assert furniture == [
        line.index
        for line in short_lines_with(page, COMMENT_TRIGGERS + COMMENT_FORM_WORDS, limit)
        if len(line.text) > LONGER_LINE or any(FoldedLines([line]).triggered(COMMENTS))
    ]
    spaced = [
        line.index
        for line in page.lines
        if len(line.text) <= limit and _holds(line.text, ("\t", "  "))
    ]
    assert [line.index for line in short_lines_with(page, MENU_CELLS, limit)] == spaced


@settings(max_examples=300, deadline=None)
@given(_page_text(), st.sampled_from((None, *LIMITS)))
def test_lead_words_on_long_lines_match_what_the_pattern_matches(
    text: str, limit: int | None
) -> None:
    page = Page.from_text(text)
    leads: tuple[LeadWords, ...] = (related_list.LEAD_WORDS, ad_label.LEAD_WORDS, menu.LINK_WORDS)
    for lead in leads:
        plain = [
            line
            for line in page.lines
            if (limit is None or len(line.text) <= limit) and lead.pattern.match(line.text)
        ]
        assert lead.page_lines(page, limit) == plain


@settings(max_examples=300, deadline=None)
@given(_page_text(), st.sampled_from((0, 5, 40, 200)))
@example(f"•{' ' * 300}Related\n-{' ' * 190}Read more here\n• Read more{' x' * 200}", 200)
def test_related_lead_lines_are_those_its_rules_read(text: str, limit: int) -> None:
    page = Page.from_text(text)
    plain = [
        line.index
        for line in page.lines
        if len(strip_bullet(line.text)) <= limit
        and related_list.LEAD_WORDS.pattern.match(line.text)
    ]
    found = [line.index for line in _lead_lines(page, Params(max_chars=limit))]
    assert [index for index in found if len(strip_bullet(page.lines[index].text)) <= limit] == plain
    assert found == sorted(set(found))


@settings(max_examples=200, deadline=None)
@given(any_text(), st.integers(min_value=0, max_value=30), st.sampled_from(("", "•-", "x", "» ")))
def test_longer_lines_opening_with_a_character(text: str, limit: int, opening: str) -> None:
    table = LineTable(text)
    assert longer_lines(table, limit, -1, opening) == [
        line.index
        for line in table
        if len(line.text) > limit and (not opening or line.text[0] in opening)
    ]


def test_bullets_open_bulleted_long_lines() -> None:
    text = "• " + "Read more " * 30 + "\n" + "Read more " * 30
    assert longer_lines(LineTable(text), 200, -1, "".join(BULLET_CHARS)) == [0]


@settings(max_examples=200, deadline=None)
@given(_page_text())
def test_folded_longer_holds_the_longer_lines_folded(text: str) -> None:
    page = Page.from_text(text)
    longer = page.folded_longer
    chosen = [line for line in page.lines if SHORT_LINE < len(line.text) <= LONGER_LINE]
    assert [line.index for line in longer.lines] == [line.index for line in chosen]
    assert longer.text == "\n".join(casefold(line.text) for line in chosen)
    assert [longer.text[start : end - 1] for start, end in pairwise(longer.starts)] == [
        casefold(line.text) for line in chosen
    ]


def test_line_subset_slices() -> None:
    table = Page.from_text("a\nb\nc\nd").lines
    subset = LineSubset(table, [0, 2, 3])
    assert [line.text for line in subset[1:]] == ["c", "d"]
    assert len(subset) == 3
    with pytest.raises(IndexError):
        subset[3]


@settings(max_examples=100, deadline=None)
@given(_page_text(), st.sampled_from((None, *LIMITS)))
def test_too_many_longer_lines_are_searched_a_batch_at_a_time(text: str, limit: int | None) -> None:
    page = Page.from_text(text.replace("\u0307", ""))
    batch = prefilter.LONGER_BATCH
    prefilter.LONGER_BATCH = 1  # (more than one longer line: none folded at once)
    try:
        if len(longer_lines(page.lines, SHORT_LINE, LONGER_LINE)) > 1:
            assert page.folded_longer is None
        lead = related_list.LEAD_WORDS
        assert lead.page_lines(page, limit) == [
            line
            for line in page.lines
            if (limit is None or len(line.text) <= limit) and lead.pattern.match(line.text)
        ]
        chars = 1000 if limit is None else limit
        expected = [
            line.index
            for line in page.lines
            if len(line.text) <= chars and _holds(line.text, COOKIE_TRIGGERS)
        ]
        assert [line.index for line in short_lines_with(page, COOKIE_NOTICE, chars)] == expected
    finally:
        prefilter.LONGER_BATCH = batch


CREDIT_PIECES = ("Photo", "AP", "happen", "Getty Images", "Credit", ":", "…", "(", " ", "• ")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(CREDIT_PIECES), max_size=5).map("".join),
            st.integers(0, 700),
        ).map(lambda parts: parts[0] + " x" * (parts[1] // 2)),
        max_size=8,
    ).map("\n".join),
    st.sampled_from((160, SHORT_LINE, SHORT_LINE + 1, LONGER_LINE + 100)),
)
@example("happenPhoto" + " x" * 320, LONGER_LINE + 100)
def test_photo_credit_candidates_are_the_scan_and_the_agency_tokens(text: str, limit: int) -> None:
    page = Page.from_text(text)
    params = photo_credit.Params(max_chars=limit, max_words=400)
    expected = [
        line.index
        for line in page.lines
        if len(line.text) <= limit
        and (
            any(FoldedLines([line]).triggered(PHOTO_CREDIT))
            or (len(line.text) > LONGER_LINE and _holds(line.text, PHOTO_CREDIT.listed))
            or not PHOTO_AGENCIES.isdisjoint(tokens(strip_bullet(line.text)))
        )
    ]
    assert [line.index for line in photo_credit._candidates(page, params)] == expected
