"""The compiled page facts of :mod:`cleantext.text._page` and the token counts of
:class:`~cleantext.text._words.LineTokens` give what the plain definitions give."""

from __future__ import annotations

import sys
from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.detectors import ad_gap
from cleantext.text._lines import Flags, Line, LineTable
from cleantext.text._page import (
    body_core,
    gaps_wider,
    same_lines,
    selected_counts,
    usual_separator,
)
from cleantext.text.page import Page, counts_as_prose
from strategies import any_text, page_text
from test_memory import reference_kept_text


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


def test_same_lines_across_character_widths() -> None:
    source = LineTable("\u65e5\u672c\nHome\n\u00e9t\u00e9\nBody.")  # (two bytes a character)
    assert same_lines(LineTable("Home\nBody."), source, [1, 3])  # (one byte a character)
    assert same_lines(LineTable("\u00e9t\u00e9\nBody."), source, [2, 3])
    assert not same_lines(LineTable("Home\nBodz."), source, [1, 3])
    assert not same_lines(LineTable("Home\nBody.\U0001f600"), source, [1, 3])
    assert same_lines(LineTable("  \u65e5\u672c\nHome\U0001f600"), source, [0, 1]) is False
    assert same_lines(LineTable("  \u65e5\u672c\n\tHome"), source, [0, 1])


@settings(max_examples=300, deadline=None)
@given(st.one_of(any_text(), page_text()), st.data())
def test_selected_tokens_are_the_kept_lines_tokens(text: str, data: st.DataObject) -> None:
    page = Page.from_text(text)
    last = max(len(page.lines) - 1, 0)
    kept = sorted(data.draw(st.sets(st.integers(0, last), max_size=12)))
    kept = [index for index in kept if index < len(page.lines)]
    chosen = page.tokens.select(kept)
    assert list(chosen) == [page.tokens[index] for index in kept]
    assert list(chosen.counts()) == [len(page.tokens[index]) for index in kept]
    assert chosen.vocabulary is page.tokens.vocabulary


def test_selected_tokens_edges() -> None:
    tokens = Page.from_text("a b\n\n-\nc d e\n\u00e9t\u00e9 \U0001f600").tokens
    assert list(tokens.select([])) == []
    assert list(tokens.select([1])) == [()]
    assert list(tokens.select([3, 3, 0])) == [tokens[3], tokens[3], ("a", "b")]
    assert list(tokens.select(array("i", [2, 1]))) == [("c", "d", "e"), ()]
    with pytest.raises(IndexError):
        tokens.select([4])


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
    assert sys.getsizeof(joined) == sys.getsizeof("\n".join(texts))  # (the narrowest kind)
    assert list(starts) == [sum(len(t) + 1 for t in texts[:n]) for n in range(len(texts) + 1)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text(st.sampled_from("a \xe9\u0100\U0001f600\x7f\x80\xff"), max_size=6), max_size=6
    ),
    st.data(),
)
def test_joined_and_kept_texts_take_the_narrowest_kind(
    lines: list[str], data: st.DataObject
) -> None:
    """A string written in place is of the kind its widest character needs, never wider
    (``str`` equality alone does not tell: an ASCII text in a Latin-1 string compares equal)."""
    table = LineTable("\n".join(lines))
    texts = [line.text for line in table]
    limit = data.draw(st.integers(-1, 6))
    joined, _ = table.joined(limit)
    shown = "\n".join(text if limit < 0 or len(text) <= limit else "" for text in texts)
    assert joined == shown and sys.getsizeof(joined) == sys.getsizeof(shown)
    removed = data.draw(st.lists(st.booleans(), min_size=len(table), max_size=len(table)))
    flags = bytearray(2 * len(table))
    flags[::2] = bytes(removed)
    kept = table.kept_text(flags)
    assert sys.getsizeof(kept) == sys.getsizeof(_canonical(kept))
    assert kept == reference_kept_text(
        table.text, {2 * k for k, gone in enumerate(removed) if gone}
    )


def _canonical(text: str) -> str:
    """``text`` made again from its code points: a string of the narrowest kind."""
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass")


def test_joined_lines_of_wide_text_and_no_lines() -> None:
    table = LineTable("  Caf\u00e9\n\n\U0001f600 x\nplain", wide=True)
    assert table.joined_lines([2, 0]) == ("plain\nCaf\u00e9", array("q", [0, 6, 11]))
    assert LineTable("a").joined_lines([]) == ("", array("i", [0]))
    with pytest.raises(IndexError):
        table.joined_lines([3])


def _plain_separator(newlines: list[int]) -> int:
    """The most frequent gap of 2 line breaks or more, the smallest on a tie, else 1."""
    between_blocks = sorted({n for n in newlines if n >= 2}, key=lambda n: (-newlines.count(n), n))
    return between_blocks[0] if between_blocks else 1


# Gaps around the kernel's table bound (256) and far past it, and around the int32 range.
GAP_SIZES = st.one_of(
    st.integers(min_value=0, max_value=6),
    st.integers(min_value=250, max_value=262),
    st.sampled_from([10_000, 2**31 - 1]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(GAP_SIZES, max_size=40))
def test_usual_separator_is_the_plain_mode(newlines: list[int]) -> None:
    assert usual_separator(array("i", newlines)) == _plain_separator(newlines)


@settings(max_examples=300, deadline=None)
@given(st.lists(GAP_SIZES, max_size=40), st.integers(min_value=-3, max_value=2**31 + 5))
def test_gaps_wider_are_the_plain_wide_gaps(newlines: list[int], width: int) -> None:
    wide = [index for index, count in enumerate(newlines) if count >= width]
    assert list(gaps_wider(array("i", newlines), width)) == wide


def test_usual_separator_ties_and_large_gaps() -> None:
    assert usual_separator(array("i")) == 1
    assert usual_separator(array("i", [1, 1, 0])) == 1
    assert usual_separator(array("i", [300, 3, 300, 3])) == 3
    assert usual_separator(array("i", [300, 3, 300, 2**31 - 1, 2**31 - 1, 2**31 - 1])) == 2**31 - 1
    assert usual_separator(array("i", [255, 256, 256])) == 256


def _plain_ad_gap(page: Page, params: ad_gap.Params) -> list[tuple[int, int, float, str]]:
    """ad_gap's proposals, every gap tested in Python (as before the compiled search)."""
    separator, newlines = page.separator, list(page.gap_newlines)
    if newlines.count(separator) < params.min_votes:
        return []
    found = []
    for after, count in enumerate(newlines):
        excess = count - separator
        if excess >= params.min_excess:
            gap = page.gaps[after]
            score = min(0.95, params.score + params.step * (excess - params.min_excess))
            reason = (
                f"{count - 1} blank lines where this page separates paragraphs with {separator - 1}"
            )
            found.append((gap.start, gap.end, score, reason))
    return found


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["Text.", "Più", "x"]), st.integers(1, 9)), max_size=30),
    st.integers(min_value=-1, max_value=4),
    st.integers(min_value=0, max_value=4),
)
def test_ad_gap_finds_the_plain_wide_gaps(
    lines: list[tuple[str, int]], min_excess: int, min_votes: int
) -> None:
    page = Page.from_text("".join(text + "\n" * breaks for text, breaks in lines))
    params = ad_gap.Params(min_excess=min_excess, min_votes=min_votes)
    found = [(p.start, p.end, p.score, p.reason) for p in ad_gap.detect(page, params)]
    assert found == _plain_ad_gap(page, params)


def plain_lines(text: str) -> list[tuple[int, int, int, str, int, int]]:
    """The lines of ``text`` as :class:`LineTable` gives them, in plain Python: (index, start,
    end, text, block, gap_before) for each non-blank line."""
    found: list[tuple[int, int, int, str, int, int]] = []
    start, block, newlines = 0, -1, 0
    for raw in text.split("\n"):
        if raw.strip():
            first = start + len(raw) - len(raw.lstrip())
            end = start + len(raw.rstrip())
            previous = found[-1][2] if found else 0
            block += 1 if not found or newlines >= 2 else 0
            breaks = text.count("\n", previous, first)
            found.append((len(found), start, end, text[first:end], block, breaks))
            newlines = 0
        start += len(raw) + 1
        newlines += 1
    return found


def fields(line: Line) -> tuple[int, int, int, str, int, int]:
    """A line's fields, in the order of :func:`plain_lines`."""
    return (line.index, line.start, line.end, line.text, line.block, line.gap_before)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        any_text(),
        page_text(),
        st.text(st.sampled_from(" \t\n\r\x0b\x1c\u2028\u3000a\u00e9\U0001f600")),
        st.text(st.sampled_from(" \t\n\x85\xa0a\u00e9")),  # (Latin-1: the newline by memchr)
    )
)
def test_lines_are_the_plain_split_lines(text: str) -> None:
    for wide in (False, True):
        table = LineTable(text, wide=wide)
        assert [fields(line) for line in table] == plain_lines(text)
        assert [table.breaks_before(index) for index in range(len(table))] == [
            line[5] for line in plain_lines(text)
        ]
        assert [table.line_text(index) for index in range(-len(table), len(table))] == [
            line[3] for line in plain_lines(text) * 2
        ]


def test_lines_of_edge_texts() -> None:
    assert list(LineTable("")) == [] and list(LineTable("\n \n\t")) == []
    assert fields(LineTable("\u3000\u00e9t\u00e9 ")[0]) == (0, 0, 4, "\u00e9t\u00e9", 0, 0)
    line = LineTable("a\n\n\n \U0001f600 b\r\n c")[-1]
    assert fields(line) == (2, 10, 12, "c", 1, 1)
    assert fields(LineTable("a\n\n\n \U0001f600 b\r\n c")[1]) == (1, 4, 8, "\U0001f600 b", 1, 3)


def test_line_text_refuses_an_index_out_of_range() -> None:
    table = LineTable(" a\n\n b ")
    assert (table.line_text(1), table.line_text(-2)) == ("b", "a")
    for index in (2, -3, 2**31, -(2**31)):
        with pytest.raises(IndexError):
            table.line_text(index)
