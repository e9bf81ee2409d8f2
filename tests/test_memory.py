"""Memory against input size (issue #10, defect 6), and the docs' memory table.

The figures themselves come from ``python -m benchmarks.scaling`` (fresh processes,
peak RSS); here the causes are pinned: a run of blank lines is one gap whatever its
length, equal tokens are one string, and the docs' table is the generator's output.
"""

from __future__ import annotations

import re
import sys
import tracemalloc
from array import array
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import TypeVar

import pytest
from benchmarks import scaling
from benchmarks.memory_phases import phase_peaks
from hypothesis import given
from hypothesis import strategies as st

from cleantext import clean
from cleantext.detectors.photo_credit import DETECTOR as PHOTO_CREDIT
from cleantext.engine import Units
from cleantext.html.dom import PageEvidence, choose_container
from cleantext.html.items import item_lines
from cleantext.html.parse import MAX_NESTING, flatten_deep
from cleantext.meta.segments import _byline_texts, is_byline, is_dateline
from cleantext.text._lines import LineTable
from cleantext.text._page import gap_newlines
from cleantext.text.features import SHAPE_REPEATS, line_facts, page_features
from cleantext.text.page import DomEvidence, Gap, Line, Page
from cleantext.text.prefilter import SHORT_LINE, FoldedLines, casefold
from cleantext.text.words import line_tokens, word_counts
from strategies import any_text, page_text

T = TypeVar("T")
DOCS = Path(__file__).parent.parent / "docs" / "benchmarks.md"
SENTENCE = "The council approved the new budget on Monday after a long debate."


def traced_peak(call: Callable[[], T]) -> tuple[T, int]:
    """What ``call`` returns, and the most memory Python held while it ran (bytes)."""
    tracemalloc.start()
    try:
        return call(), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def reference_split(text: str) -> tuple[tuple[Line, ...], tuple[Gap, ...]]:
    """Lines and gaps by the plain definition: every raw line visited, blank ones skipped."""
    lines: list[Line] = []
    gaps: list[Gap] = []
    position = previous_row = block = 0
    for row, raw in enumerate(text.split("\n")):
        if raw.strip():
            newlines = row - previous_row
            if lines:
                block += newlines >= 2
                gaps.append(Gap(lines[-1].end, position, newlines, len(lines) - 1))
            end = position + len(raw.rstrip())
            lines.append(Line(len(lines), position, end, raw.strip(), block, newlines))
            previous_row = row
        position += len(raw) + 1
    return tuple(lines), tuple(gaps)


ODD_SPACES = st.sampled_from(
    [" ", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2028", "\u3000", "\n"]
)


@given(
    st.one_of(
        any_text(),
        page_text(),
        st.lists(st.one_of(ODD_SPACES, st.sampled_from(["a", "é", "•"]))).map("".join),
    )
)
def test_lines_and_gaps_match_the_plain_definition(text: str) -> None:
    page = Page.from_text(text)
    assert (tuple(page.lines), tuple(page.gaps)) == reference_split(text)


def test_a_run_of_blank_lines_is_one_gap_whatever_its_length() -> None:
    text = SENTENCE + "\n" * 2_000_000 + " \n\t" * 100_000 + SENTENCE
    page, peak = traced_peak(lambda: Page.from_text(text))
    assert [gap.newlines for gap in page.gaps] == [2_100_000]
    assert peak < 100_000  # bytes: a few objects, nothing per blank line


def test_equal_tokens_are_one_string() -> None:
    found = line_tokens(LineTable("\n".join([SENTENCE, SENTENCE.upper(), "• " + SENTENCE])))
    assert found[0] == found[1] == found[2]
    assert all(a is b is c for a, b, c in zip(*found, strict=True))


def test_a_long_line_is_tokenized_exactly() -> None:
    words = [f"w{number}" for number in range(100_000)]
    line = " ".join(words) + ". End"
    assert line_tokens(LineTable(line))[0] == (*words, "end")


def test_tokens_of_long_prose_take_a_few_bytes_each() -> None:
    line = " ".join([SENTENCE] * 20_000)  # 1.3 MB, 240,000 tokens, 11 distinct
    tracemalloc.start()
    tokens = line_tokens(LineTable(line))
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(tokens[0]) == 240_000
    assert peak < len(line)  # was 15x with a string object per token, then 6x
    assert held < len(line)


def test_lines_are_held_in_arrays_not_objects() -> None:
    text = "Home\nNews\n" * 100_000  # 1 MB of one-word lines
    tracemalloc.start()
    page = Page.from_text(text)
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(page.lines) == 200_000
    assert held < 1.8 * len(text)  # two 4-byte offsets a line, one block (was 55x: a Line
    # per line; 5.2x with three 64-bit numbers a line, a block number among them)


def test_the_docs_memory_table_is_the_generators_output() -> None:
    document = DOCS.read_text(encoding="utf-8")
    start, end = document.index(scaling.MEMORY_START), document.index(scaling.MEMORY_END)
    section = document[start:end].splitlines()
    assert re.fullmatch(
        r"Measured \d{4}-\d\d-\d\d \d\d:\d\d UTC at commit `\w+` with "
        r"`python -m benchmarks\.scaling --sizes [\d ]+ --shapes [\w: ]+`:",
        section[1],
    )
    header, rows = section[3:5], section[5:]
    assert tuple(header) == scaling.MEMORY_HEADER
    assert rows, "the memory table has no rows"
    measured = [_measurement(row) for row in rows]
    assert scaling.memory_table(measured).splitlines()[2:] == rows  # rendered by the generator


def _measurement(row: str) -> scaling.Measurement:
    shape, megabytes, increase, _, peak = (cell.strip() for cell in row.strip("|").split("|"))
    assert shape in scaling.ALL_SHAPES
    return scaling.Measurement(
        shape,
        float(megabytes),
        0.0,
        0.0,
        float(peak),
        0,
        None if increase == "n/a" else float(increase),
    )


def test_the_docs_section_is_replaced_in_place() -> None:
    rows = [scaling.Measurement("prose", 1.0, 0.1, 0.1, 40.0, 0, 12.4)]
    section = scaling.memory_section(rows, "python -m benchmarks.scaling --sizes 1 --shapes prose")
    before = f"intro\n{scaling.MEMORY_START}\nold table\n{scaling.MEMORY_END}\noutro"
    after = scaling.replace_section(before, section)
    assert after.startswith("intro\n") and after.endswith("\noutro")
    assert "old table" not in after
    assert "| prose | 1.0 | 12 | 12.0 | 40 |" in after  # (the ratio of the figures shown)


@given(st.one_of(any_text(), page_text()), st.sets(st.integers(min_value=0, max_value=60)))
def test_kept_text_joins_the_kept_lines_by_the_plain_definition(
    text: str, removed: set[int]
) -> None:
    table = LineTable(text)
    assert table.kept_text(unit_flags(table, removed)) == reference_kept_text(text, removed)


def unit_flags(table: LineTable, removed: set[int]) -> bytearray:
    """The engine's flag per unit (1: it goes) for the unit numbers in ``removed``."""
    return bytearray(unit in removed for unit in range(max(2 * len(table) - 1, 0)))


def reference_kept_text(text: str, removed: set[int]) -> str:
    """The engine's kept text by its plain definition (the lines not removed, one newline
    inside a block, a blank line between blocks)."""
    parts: list[str] = []
    previous_block = -1
    for line in Page.from_text(text).lines:
        if 2 * line.index not in removed:
            if parts:
                parts.append("\n" if line.block == previous_block else "\n\n")
            parts.append(text[line.start : line.end])
            previous_block = line.block
    return "".join(parts)


def test_the_engine_keeps_no_python_object_per_line() -> None:
    text = "Home\nNews\n" * 100_000  # 1 MB of one-word lines
    page = Page.from_text(text)
    removed = unit_flags(page.lines, {2, 4, 6})
    tracemalloc.start()
    units = Units(page.lines)
    kept = page.lines.kept_text(removed)
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert units.covered(0, 10) == range(0, 4) and len(kept) == len(text) - 16
    assert held < 6 * len(text)  # the units' offsets and the kept text (was 44x: lists of ints)
    assert peak < 6 * len(text)  # (was 14x: a list of every kept piece)


def test_a_long_line_near_the_body_costs_no_list_of_its_words() -> None:
    line = " ".join([SENTENCE] * 20_000)  # 1.3 MB, 240,000 words
    found, peak = traced_peak(
        lambda: (is_byline(line), is_dateline(line), list(_byline_texts([line])))
    )
    assert found == (False, False, [])
    assert peak < 2 * len(line)  # (was 12x: a string per word)


def test_repeats_hold_each_distinct_line_once() -> None:
    text = "home\nnews 1\nnews 2\nmore news\n" * 50_000  # 200,000 lines, 1.5 MB
    lines = Page.from_text(text).features  # (the tokens and word counts made before)
    lines.tokens, lines.word_counts  # noqa: B018  (computed here, outside the trace)
    facts, peak = traced_peak(lambda: line_facts(lines))
    repeats = facts.repeat_counts(SHAPE_REPEATS)
    assert list(repeats[:4]) == [50_000, 100_000, 100_000, 50_000]
    assert peak < 2 * len(text)  # (the facts' arrays; a string a line would be 7x more)


def test_the_folded_lines_of_a_page_hold_no_python_object_per_line() -> None:
    page = Page.from_text("Home\nNews\n" * 100_000)  # 1 MB of one-word lines
    tracemalloc.start()
    folded = FoldedLines(page.lines, max_chars=SHORT_LINE)
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [line.index for line in folded.containing(["news"])][:2] == [1, 3]
    assert held < 4 * len(page.text)  # the text and an offset a line (was 9x: a list of ints)
    assert peak < 5 * len(page.text)  # (was 14x and more: a list of the lines' texts)


def test_folding_ascii_text_makes_one_copy() -> None:
    text = SENTENCE * 30_000  # 2 MB
    folded, peak = traced_peak(lambda: casefold(text))
    assert folded == text.casefold()
    assert peak < 1.2 * len(text)  # (was 2x: the pieces, then their join)


def test_a_detector_finding_most_lines_builds_them_one_at_a_time() -> None:
    page = Page.from_text(f"<p>{SENTENCE}</p>\n" * 20_000)  # "ap" (an agency) in "approved"
    assert page.folded and page.word_counts and page.tokens  # (the features every detector shares)
    found, peak = traced_peak(lambda: list(PHOTO_CREDIT.run(page, PHOTO_CREDIT.params)))
    assert found == []
    assert peak < 80 * len(page.lines)  # (was 230 bytes a line: a list of every line built)


def _paragraphs_page(count: int) -> Page:
    """A page of ``count`` paragraphs, each its own ``<p>`` (distinct XPaths), typed unknown."""
    evidence = PageEvidence(
        DomEvidence(f"/html/body/article/p[{n}]", "p") for n in range(1, count + 1)
    )
    page = Page.from_text("\n\n".join([SENTENCE] * count), evidence)
    assert page.word_counts and page.sentence_ends and page.page_type.kind == "unknown"
    return page


def test_the_container_choice_holds_no_python_object_per_element() -> None:
    page = _paragraphs_page(20_000)
    chosen, peak = traced_peak(lambda: choose_container(page))
    assert chosen is not None and chosen.xpath == "/html/body/article"
    assert peak < 150 * len(page.lines)  # (was 237 bytes a line: lists of floats, parents' paths)


def test_item_lines_hold_one_block_at_a_time() -> None:
    page = _paragraphs_page(20_000)
    found, peak = traced_peak(lambda: item_lines(page))
    assert found == frozenset()
    assert peak < 10 * len(page.lines)  # (was 173 bytes a line: a list of every block's lines)


def test_the_classifier_features_hold_no_python_object_per_line() -> None:
    page = Page.from_text("Home\nNews\n" * 100_000 + SENTENCE)  # 1 MB of one-word lines
    assert len(page.tokens) == len(page.word_counts)  # (the page's own, shared with detectors)
    tracemalloc.start()
    found = page_features(page)
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert found.lines[0] == found.lines[1998] and found.lines[-1].words == 12
    assert found.lines[0].repeats == 100_000
    assert held < 36 * len(page.lines)  # typed arrays, 33 bytes a line
    assert peak < 40 * len(page.lines)  # (was 93 bytes a line: a text and a key each)


def test_texts_written_in_place_take_the_narrowest_kind() -> None:
    for text in ["\xa0\xa0Fun\nabc", "é\nab", "\u3000ab\n\xa0cd\n\n€x", "x\n\U0001f600"]:
        table = LineTable(text)
        joined, _ = table.joined()
        assert joined == "\n".join(line.text for line in table)
        for removed in ({0}, {2}, set()):
            assert table.kept_text(unit_flags(table, removed)) == reference_kept_text(text, removed)


def test_flattening_a_deep_page_holds_no_list_of_its_pieces() -> None:
    text = "<div>Nested text. " * 50_000 + "</div>" * 50_000  # 1.2 MB, 50,000 levels
    flat, peak = traced_peak(lambda: flatten_deep(text, MAX_NESTING))
    assert flat.count("<div>") == MAX_NESTING and flat.count("Nested text.") == 50_000
    assert peak < 3 * len(text)  # (was 4.5x: every piece in one list)


@given(st.one_of(any_text(), page_text()), st.sets(st.integers(min_value=0, max_value=60)))
def test_a_table_with_64_bit_offsets_reads_as_one_with_32_bit_ones(
    text: str, removed: set[int]
) -> None:
    """The offsets are 32-bit unless the text is too long for them (then 64-bit, ``wide``):
    every reading of the table, and of the kernels that read it, is the same either way."""
    narrow, wide = LineTable(text), LineTable(text, wide=True)
    assert (narrow.wide, wide.wide, narrow.starts.itemsize, wide.starts.itemsize) == (
        False,
        True,
        4,
        8,
    )
    assert (tuple(wide), tuple(wide.gaps)) == (tuple(narrow), tuple(narrow.gaps))
    assert list(wide.blocks) == list(narrow.blocks) == [line.block for line in narrow]
    assert wide.joined(SHORT_LINE) == (
        narrow.joined(SHORT_LINE)[0],
        array("q", narrow.joined(SHORT_LINE)[1]),
    )
    assert wide.kept_text(unit_flags(wide, removed)) == narrow.kept_text(
        unit_flags(narrow, removed)
    )
    assert wide.sentence_ends() == narrow.sentence_ends()
    assert list(line_tokens(wide)) == list(line_tokens(narrow))
    assert line_tokens(wide).counts() == line_tokens(narrow).counts()
    assert word_counts(wide) == word_counts(narrow)
    assert gap_newlines(wide) == gap_newlines(narrow)
    units, wide_units = Units(narrow), Units(wide)
    assert [units.start(unit) for unit in range(units.size)] == [
        wide_units.start(unit) for unit in range(wide_units.size)
    ]


def test_the_page_features_of_one_word_lines_take_a_few_bytes_a_line() -> None:
    text = "Home\nNews\n" * 100_000  # 1 MB of one-word lines
    page = Page.from_text(text)
    lines = len(page.lines)
    features, peak = traced_peak(
        lambda: (page.sentence_ends, page.tokens, page.word_counts, page.folded)
    )
    assert tuple(features[0][:2]) == (False, False) and features[1][1] == ("news",)
    assert peak < 32 * lines  # (was 44 bytes a line: a tuple of bools, 64-bit offsets)
    kept_half = traced_peak(lambda: page.sentence_ends.select(range(0, lines, 2)))[1]
    assert kept_half < 2 * lines  # (was 8 bytes a line: a list, then a tuple of half the lines)


def test_clean_holds_few_bytes_a_line_of_one_word_lines() -> None:
    text = scaling.one_word_lines(500_000)
    result, peak = traced_peak(lambda: clean(text))
    assert result.text or result.removed
    assert peak < 22 * len(text)  # (was 27x: 64-bit offsets, a tuple of bools; issue 14: 8x)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="peak RSS read from /proc")
def test_reading_a_large_table_never_holds_its_whole_tree() -> None:
    """Reading an HTML table of 3 MB (parse, walk, evidence) peaks well under lxml's tree of
    it alone (17.8x the input: a libxml2 node of about 120 bytes for every 10-byte cell):
    the page is parsed in pieces and each element leaves the tree once it is read. Held
    whole, the reading peaked at 33x; streamed, at 15x (a fresh process, peak RSS)."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        size, reading, _ = pool.submit(phase_peaks, "html_table", 3).result()
    assert reading < 20 * size
