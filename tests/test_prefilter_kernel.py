"""The compiled word scans of :mod:`cleantext.text._prefilter` find what the plain ways find.

``lines_holding`` against one ``str.find`` per word and line; ``LeadWords.page_lines``
against matching the rule's own pattern on every line; ``longer_lines`` against ``len``;
the shared scan of every detector's words (``Triggers``) against the one-group scans.
Texts mix the detectors' own words (in random case, with letters that fold: ``İ``,
``ſ``, the Kelvin sign) with marks, bullets and other scripts.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.detectors import ad_label, comments, menu, related_list, tag_list
from cleantext.text._lines import LineTable
from cleantext.text._prefilter import (
    Triggers,
    lines_holding,
    lines_in,
    lines_leading_with,
    lines_up_to,
    lines_with_terms,
    longer_lines,
)
from cleantext.text.lexicon import BULLET_CHARS, has_bullet, strip_bullet, tokens
from cleantext.text.page import Page
from cleantext.text.prefilter import casefold, either, lines_only_of, shared_triggers
from cleantext.text.triggers import COMMENTS, FOUND, NEWSLETTER, PHOTO_CREDIT
from strategies import any_text

WORDS = sorted(
    {*comments.TRIGGERS, *related_list.LEAD_WORDS.words, "read more", "ап", "ß"}
    | {"subscribe", "sign up for", "log", "photo", "credit", ":", "…", "...", "getty"}
)
ODD = (
    "İ",
    "ı",
    "ſ",
    "\u212a",
    "\u0307",
    "½",
    "_",
    "• ",
    "» ",
    "[",
    "(",
    "  ",
    "\t",
    "é",
    "ж",
    "東",
    "2",
    "٣",
)


def _piece() -> st.SearchStrategy[str]:
    word = st.sampled_from(WORDS).flatmap(
        lambda text: st.lists(st.booleans(), min_size=len(text), max_size=len(text)).map(
            lambda upper: "".join(c.upper() if u else c for c, u in zip(text, upper, strict=True))
        )
    )
    return st.one_of(word, st.sampled_from(ODD), st.sampled_from((" ", "\n", "\n\n", ".")))


def _text() -> st.SearchStrategy[str]:
    return st.one_of(st.lists(_piece(), max_size=40).map("".join), any_text())


@settings(max_examples=300, deadline=None)
@given(_text(), st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
def test_lines_holding_finds_what_find_finds(text: str, words: list[str]) -> None:
    folded = casefold(text)
    expected = [
        number
        for number, line in enumerate(folded.split("\n"))
        if any(word in line for word in words)
    ]
    found = lines_holding(folded, words)
    assert set(expected) <= set(found)  # (``i`` + U+0307 also stands for ``i``: maybe more)
    assert found == sorted(set(found))
    assert all(
        any(word in line.replace("i\u0307", "i") for word in words)
        for line in (folded.split("\n")[number] for number in found)
    )


@settings(max_examples=300, deadline=None)
@given(_text())
def test_lead_words_on_the_page_match_what_the_pattern_matches(text: str) -> None:
    page = Page.from_text(text)
    for lead, limit in ((related_list.LEAD_WORDS, None), (ad_label.LEAD_WORDS, 60)):
        plain = [
            line
            for line in page.lines
            if (limit is None or len(line.text) <= limit) and lead.pattern.match(line.text)
        ]
        assert lead.page_lines(page, limit) == plain
    assert menu.LINK_WORDS.page_lines(page, 320) == menu.LINK_WORDS.lines(
        [line for line in page.lines if len(line.text) <= 320]
    )


def test_lead_scan_skips_marks_but_not_letters() -> None:
    assert lines_leading_with("• read\n_read\nxread\n½read\n12 read", ("read", "12")) == [
        0,
        1,
        3,
        4,
    ]


@settings(max_examples=200, deadline=None)
@given(any_text(), st.integers(min_value=0, max_value=30))
def test_longer_lines_are_those_longer_than_the_limit(text: str, limit: int) -> None:
    table = LineTable(text)
    assert longer_lines(table, limit) == [line.index for line in table if len(line.text) > limit]


@settings(max_examples=200, deadline=None)
@given(any_text(), st.integers(min_value=0, max_value=30), st.integers(min_value=-1, max_value=40))
def test_longer_lines_stop_at_the_longest(text: str, limit: int, longest: int) -> None:
    table = LineTable(text)
    assert longer_lines(table, limit, longest) == [
        line.index
        for line in table
        if limit < len(line.text) and (longest < 0 or len(line.text) <= longest)
    ]


@settings(max_examples=200, deadline=None)
@given(any_text(), st.integers(min_value=0, max_value=30), st.data())
def test_lines_up_to_keep_the_lines_no_longer_than_the_longest(
    text: str, longest: int, data: st.DataObject
) -> None:
    table = LineTable(text)
    numbers = data.draw(st.lists(st.integers(0, len(table) - 1), unique=True)) if table else []
    chosen = lines_up_to(table, array("q", sorted(numbers)), longest)
    assert chosen.typecode == "q"
    assert chosen.tolist() == [n for n in sorted(numbers) if len(table[n].text) <= longest]


def lines_opening_with(folded: str, words: Iterable[str]) -> list[int]:
    """The numbers of the lines of ``folded`` (case-folded, split at ``\\n``) that start
    with one of ``words``, a dotted ``i`` (``İ`` folded) read as ``i``: the plain rule that
    the shared scan's *opening* groups are checked against."""
    starts = tuple(words)
    return [
        number
        for number, line in enumerate(folded.split("\n"))
        if line.startswith(starts) or line.replace("i\u0307", "i").startswith(starts)
    ]


def test_the_opening_rule_reads_a_dotted_i_as_i() -> None:
    assert lines_opening_with("• read more\nread on\n\n-\n", ("read", "•", "-")) == [0, 1, 3]
    assert lines_opening_with("i\u0307tem\nitem\nxitem", ("item",)) == [0, 1]


@settings(max_examples=200, deadline=None)
@given(_text(), st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
def test_an_opening_group_finds_the_lines_that_start_with_a_word(
    text: str, words: list[str]
) -> None:
    folded = casefold(text)
    numbers, _ = Triggers(opening={"open": words}).lines(folded)
    assert list(numbers) == lines_opening_with(folded, words)


@settings(max_examples=200, deadline=None)
@given(_text())
def test_tag_list_candidates_hold_every_label_and_bullet_line(text: str) -> None:
    page = Page.from_text(text + "\n• Tag one\n  • Tags: a, b\n" + "x" * 250)
    found = set(tag_list._candidates(page, 0))
    for line in page.lines:
        if has_bullet(line.text) or tag_list.TAG_LABEL.match(line.text):
            assert line.index in found


@settings(max_examples=200, deadline=None)
@given(_text())
def test_lines_only_of_are_the_lines_made_of_the_words(text: str) -> None:
    page = Page.from_text(text + "\nShare | Tweet\nread more")
    words = frozenset(WORDS) | {"share", "tweet"}
    expected = [
        line
        for line in page.lines
        if len(line.text) <= 40
        and 0 < len(tokens(strip_bullet(line.text))) <= 5
        and words.issuperset(tokens(strip_bullet(line.text)))
    ]
    assert list(lines_only_of(page, words, max_tokens=5, max_chars=40)) == expected


ANYWHERE = {"talk": comments.TRIGGERS, "more": ("read more", "ап", "ß", "  ", "\t")}
LEADING = {"lead": related_list.LEAD_WORDS.words, "skip": ("skip", "ir", "ſ")}
OPENING = {"tag": (*tag_list.LABEL_WORDS, "•", "-", "i")}
SHARED = Triggers(ANYWHERE, LEADING, OPENING)


@settings(max_examples=300, deadline=None)
@given(_text())
def test_the_shared_scan_finds_what_each_group_scan_finds(text: str) -> None:
    folded = casefold(text)
    numbers, groups = SHARED.lines(folded)
    assert list(numbers) == sorted(set(numbers))
    assert all(groups)  # (only the lines with some group come back)
    scans = (
        *((name, lines_holding, words) for name, words in ANYWHERE.items()),
        *((name, lines_leading_with, words) for name, words in LEADING.items()),
        *((name, lines_opening_with, words) for name, words in OPENING.items()),
    )
    for name, scan, words in scans:
        assert lines_in(numbers, groups, SHARED.bits[name]).tolist() == scan(folded, words), name


@settings(max_examples=200, deadline=None)
@given(_text())
def test_the_shared_scan_reads_each_string_kind_alike(text: str) -> None:
    """The scan reads a text of one, two or four bytes a character by separate loops: a
    last line that widens the text changes nothing on the lines before it."""
    folded = casefold(text)
    numbers, groups = SHARED.lines(folded)
    for wider in ("\n\u00e9", "\n\u0436", "\n\U0001f600"):
        more, more_groups = SHARED.lines(folded + wider)
        assert (more.tolist(), more_groups.tolist()) == (numbers.tolist(), groups.tolist())


def lines_numbered(text: str) -> list[int]:
    """The lines of ``text`` whose first letter or decimal digit is a decimal digit."""
    return [
        number
        for number, line in enumerate(text.split("\n"))
        if next((char.isdecimal() for char in line if char.isalpha() or char.isdecimal()), False)
    ]


ANCHORED = {
    "related_list": lines_leading_with,
    "ad_label": lines_leading_with,
    "menu_links": lines_leading_with,
    "comment lead": lines_leading_with,
    "newsletter lead": lines_leading_with,
    "credit lead": lines_leading_with,
}
"""How the detectors' leading groups are found (tag_list's opens a line, the others are
found anywhere in it)."""


@settings(max_examples=100, deadline=None)
@given(_text())
def test_the_detectors_shared_groups_are_their_own_scans(text: str) -> None:
    page = Page.from_text(text)
    for name, trigger in FOUND.items():
        if name == "tag_list":
            expected = lines_opening_with(page.folded.text, (*tag_list.LABEL_WORDS, *BULLET_CHARS))
        elif name == "numbered":
            expected = lines_numbered(page.folded.text)
        else:
            expected = ANCHORED.get(name, lines_holding)(page.folded.text, trigger.words)
        assert page.folded.triggered_numbers(trigger) == expected, name


def _either(found: dict[str, list[int]], *terms: tuple[str, ...]) -> list[int]:
    """The lines in every group of one of ``terms``, from each group's own lines."""
    return sorted({n for term in terms for n in set.intersection(*(set(found[g]) for g in term))})


@settings(max_examples=200, deadline=None)
@given(_text())
def test_the_detectors_combined_triggers_are_unions_of_group_intersections(text: str) -> None:
    page = Page.from_text(text + "\n12 comments\nPhoto: Jane Doe\nCaption Credit: AP")
    found = {name: page.folded.triggered_numbers(trigger) for name, trigger in FOUND.items()}
    expected = {
        COMMENTS: _either(
            found, ("comments", "comment lead"), ("comments", "numbered"), ("comment form",)
        ),
        NEWSLETTER: _either(found, ("newsletter",), ("newsletter lead",)),
        PHOTO_CREDIT: _either(found, ("credit lead",), ("credit words", "credit marks")),
    }
    for trigger, lines in expected.items():
        assert page.folded.triggered_numbers(trigger) == lines


@given(st.lists(st.integers(0, 15), max_size=30), st.lists(st.integers(0, 15), max_size=4))
def test_lines_with_terms_keeps_the_lines_with_every_bit_of_a_term(
    masks: list[int], terms: list[int]
) -> None:
    numbers = array("q", range(0, 3 * len(masks), 3))
    chosen = lines_with_terms(numbers, array("Q", masks), terms)
    assert chosen.typecode == "q"
    expected = [n for n, m in zip(numbers, masks, strict=True) if any(m & t == t for t in terms)]
    assert chosen.tolist() == expected


def test_a_trigger_joins_groups_of_one_scan_each_term_led_by_words() -> None:
    other = shared_triggers({"x": ("x",)}, {}, {})
    with pytest.raises(ValueError, match="one scan"):
        either(FOUND["comments"], other["x"])
    with pytest.raises(ValueError, match="group of words"):
        either(FOUND["numbered"])


def test_the_shared_scan_refuses_what_it_cannot_find() -> None:
    with pytest.raises(ValueError, match="unique"):
        Triggers({"a": ("x",)}, {"a": ("y",)})
    with pytest.raises(ValueError, match="newline"):
        Triggers({"a": ("x\ny",)})


EVERY_CODE_POINT = "".join(map(chr, range(0x110000)))  # (the surrogates too: a str holds them)
"""Every code point once, in order: below the folding table's end (U+2100) and beyond."""


def _folding_text() -> st.SearchStrategy[str]:
    """Text that mixes ASCII, the table's code points (those that fold to one and those
    that fold to several: ``ß``, ``İ``, ``ŉ``) and the code points beyond it, in runs
    long and short, so that the kernel's blocks fall every way."""
    below = st.characters(max_codepoint=0x20FF, exclude_categories=())
    beyond = st.characters(min_codepoint=0x2100, exclude_categories=())
    odd = st.sampled_from(("ß", "İ", "ŉ", "ΐ", "ﬁ", "Σ", "ς", "µ", "ẞ", "\u212a", "Ꭰ", "ᏸ", "\n"))
    run = st.one_of(
        st.text(below, max_size=600),
        st.text(beyond, max_size=40),
        st.text(st.one_of(below, beyond, odd), max_size=40),
        odd,
        st.sampled_from(WORDS).map(str.upper),
    )
    repeated = st.tuples(run, st.integers(1, 300)).map(lambda pair: pair[0] * pair[1])
    return st.lists(st.one_of(run, repeated), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(_folding_text(), st.integers(1, 1_000))
def test_casefold_is_str_casefold(text: str, piece: int) -> None:
    assert casefold(text) == text.casefold()
    assert casefold(text, piece) == text.casefold()


@pytest.mark.parametrize("piece", [1, 3, 255, 256, 257, 1 << 16])
def test_casefold_is_str_casefold_for_every_code_point(piece: int) -> None:
    assert casefold(EVERY_CODE_POINT, piece) == EVERY_CODE_POINT.casefold()
    below = EVERY_CODE_POINT[:0x2100]
    assert casefold(below, piece) == below.casefold()
    one_to_one = "".join(char for char in below if len(char.casefold()) == 1)
    assert casefold(one_to_one, piece) == one_to_one.casefold()
    for char in EVERY_CODE_POINT[: 0x2100 + 100]:  # each alone, and amid text of each width
        for text in (char, "Ab" + char, "É" * 300 + char + "Ж", "ž" + char + "東" * 300):
            assert casefold(text, piece) == text.casefold()


def test_casefold_of_edge_texts() -> None:
    assert casefold("") == "" and casefold("\n") == "\n"
    for text in ("Ǆ", "ß", "ΣΑΣ", "İ", "東", "😀", "\ud800", "ÀÉ" * 70_000, "Ж東" * 70_000):
        assert casefold(text) == text.casefold()
        assert casefold(text * 3, 7) == (text * 3).casefold()
    with pytest.raises(ValueError, match="piece"):
        casefold("é", 0)
