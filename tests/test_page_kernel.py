"""The compiled page facts of :mod:`cleantext.text._page` and the token counts of
:class:`~cleantext.text._words.LineTokens` give what the plain definitions give."""

from __future__ import annotations

from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.text._lines import Flags, LineTable
from cleantext.text._page import body_core, same_lines, selected_counts
from cleantext.text.page import Page, counts_as_prose
from strategies import any_text, page_text


def _plain_body(words: list[int], ends: list[bool]) -> tuple[int, int]:
    """The densest run of prose, line by line (Kadane's maximum subarray)."""
    best, best_range = 0.0, (0, -1)
    running, run_start = 0.0, 0
    for index, (count, end) in enumerate(zip(words, ends, strict=True)):
        if counts_as_prose(count, end):
            running += float(count)
        elif count >= 25:
            running += count / 2
        else:
            running -= 3.0
        if running <= 0:
            running, run_start = 0.0, index + 1
        elif running > best:
            best, best_range = running, (run_start, index)
    return best_range


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=60), st.booleans()), max_size=60))
def test_body_core_is_the_plain_densest_run(lines: list[tuple[int, bool]]) -> None:
    words, ends = [count for count, _ in lines], [end for _, end in lines]
    assert body_core(array("i", words), Flags(bytes(ends))) == _plain_body(words, ends)


@settings(max_examples=200, deadline=None)
@given(st.one_of(any_text(), page_text()))
def test_page_body_is_the_plain_densest_run(text: str) -> None:
    page = Page.from_text(text)
    assert page.body == _plain_body(list(page.word_counts), list(page.sentence_ends))


@settings(max_examples=200, deadline=None)
@given(st.one_of(any_text(), page_text()))
def test_gap_newlines_and_separator_read_the_gaps(text: str) -> None:
    page = Page.from_text(text)
    newlines = [gap.newlines for gap in page.gaps]
    assert list(page.gap_newlines) == newlines
    between_blocks = sorted({n for n in newlines if n >= 2}, key=lambda n: (-newlines.count(n), n))
    assert page.separator == (between_blocks[0] if between_blocks else 1)


@settings(max_examples=200, deadline=None)
@given(st.one_of(any_text(), page_text()))
def test_token_counts_are_the_lengths_of_the_tokens(text: str) -> None:
    page = Page.from_text(text)
    assert list(page.token_counts) == [len(tokens) for tokens in page.tokens]


def test_body_core_needs_one_sentence_end_per_line() -> None:
    with pytest.raises(ValueError, match="one sentence end per line"):
        body_core(array("i", [1, 2]), Flags(b"\1"))


@settings(max_examples=300, deadline=None)
@given(st.one_of(any_text(), page_text()), st.data())
def test_same_lines_compares_the_kept_lines_texts(text: str, data: st.DataObject) -> None:
    source = LineTable(text)
    kept = sorted(data.draw(st.sets(st.integers(0, max(len(source) - 1, 0)), max_size=8)))
    kept = [index for index in kept if index < len(source)]
    other = LineTable(data.draw(st.one_of(any_text(), st.just(_joined(source, kept)))))
    plain = [line.text for line in other] == [source[index].text for index in kept]
    assert same_lines(other, source, kept) == plain


def _joined(table: LineTable, kept: list[int]) -> str:
    """The kept lines, indented or not, one a line."""
    return "\n".join(("  " if index % 2 else "") + table[index].text for index in kept)


def test_same_lines_sees_one_changed_character() -> None:
    source = LineTable("Home\n  Caf\u00e9 \u6771\n\nBody.")
    assert same_lines(LineTable("Caf\u00e9 \u6771\nBody."), source, [1, 2])
    assert not same_lines(LineTable("Caf\u00e9 \u6772\nBody."), source, [1, 2])
    assert not same_lines(LineTable("Body.\nCaf\u00e9 \u6771"), source, [1, 2])
    assert same_lines(LineTable(""), LineTable(""), [])
    with pytest.raises(IndexError):
        same_lines(LineTable("Home"), source, [9])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-(2**31), 2**31 - 1), max_size=30), st.data())
def test_selected_counts_are_the_kept_entries(counts: list[int], data: st.DataObject) -> None:
    kept = data.draw(st.lists(st.integers(0, max(len(counts) - 1, 0)), max_size=12))
    kept = [index for index in kept if index < len(counts)]
    chosen = selected_counts(array("i", counts), array("i", kept))
    assert chosen.typecode == "i"
    assert chosen.tolist() == [counts[index] for index in kept]
    assert selected_counts(array("i", counts), kept).tolist() == chosen.tolist()


def test_selected_counts_refuse_an_index_out_of_range() -> None:
    assert selected_counts(array("i"), []).tolist() == []
    with pytest.raises(IndexError):
        selected_counts(array("i", [1, 2]), [2])


@settings(max_examples=300, deadline=None)
@given(st.one_of(any_text(), page_text()), st.data())
def test_joined_lines_are_the_chosen_lines_texts(text: str, data: st.DataObject) -> None:
    table = LineTable(text)
    chosen = data.draw(st.lists(st.integers(0, max(len(table) - 1, 0)), max_size=8))
    chosen = [index for index in chosen if index < len(table)]
    joined, starts = table.joined_lines(chosen)
    texts = [table[index].text for index in chosen]
    assert joined == "\n".join(texts)
    assert list(starts) == [sum(len(t) + 1 for t in texts[:n]) for n in range(len(texts) + 1)]


def test_joined_lines_of_wide_text_and_no_lines() -> None:
    table = LineTable("  Caf\u00e9\n\n\U0001f600 x\nplain", wide=True)
    assert table.joined_lines([2, 0]) == ("plain\nCaf\u00e9", array("q", [0, 6, 11]))
    assert LineTable("a").joined_lines([]) == ("", array("i", [0]))
    with pytest.raises(IndexError):
        table.joined_lines([3])
