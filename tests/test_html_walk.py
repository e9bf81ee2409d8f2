"""The HTML walk's memory of large pages: lines read a rendered block at a time, white
space collapsed without a string per word, the tree's memory handed back.

Each rule here is checked against its plain definition on any input, and its memory on a
large page (tracemalloc, Python's allocations) against what it replaced."""

from __future__ import annotations

import ctypes
import tracemalloc
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleantext.html import evidence as evidence_module
from cleantext.html._walk import collapse_spaces
from cleantext.html.evidence import LineReader, line_evidence, rendered_lines
from cleantext.html.parse import RELEASE_CHARS, parse, release_tree_memory
from cleantext.html.render import render
from strategies import html_page

SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u3000"
"""White space as ``str.split`` reads it, ASCII and beyond."""


@given(st.text(alphabet=st.sampled_from([*SPACES, "a", "é", "ж", "€", "\x01", "𝔸"]), max_size=60))
def test_collapse_spaces_is_split_and_join(text: str) -> None:
    expected = " ".join(text.split())
    found = collapse_spaces(text)
    assert found == expected  # (a string of a wider kind than its characters need is unequal)
    assert hash(found) == hash(expected)


@given(st.text(max_size=80))
def test_collapse_spaces_on_any_text(text: str) -> None:
    assert collapse_spaces(text) == " ".join(text.split())


@given(html_page())
def test_reading_blocks_as_the_walk_goes_reads_what_the_whole_lines_give(html: str) -> None:
    root = parse(html)
    assert root is not None
    whole = render(root)
    reader = LineReader()
    walked = render(root, reader=reader)
    assert walked.lines == []  # (every block was given to the reader and let go)
    assert (walked.text(), walked.words) == (whole.text(), sum(line.words for line in whole.lines))
    evidence = reader.evidence(("a", "b"), rendered_lines(walked.text()))
    assert list(evidence) == list(line_evidence(root, whole.lines, ("a", "b")))
    shapes = [line.shape for line in whole.lines]
    assert list(walked.shaper.shapes) == shapes == list(whole.shaper.shapes)
    assert [walked.shaper.shapes[index] for index in range(-len(shapes), 0)] == shapes
    assert reader.events == {i: line.events for i, line in enumerate(whole.lines) if line.events}
    headings = [
        line.text for line, item in zip(whole.lines, evidence, strict=True) if item.tag == "h1"
    ]
    assert reader.headings == headings


def _peak(run: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_page_of_paragraphs_never_holds_all_its_rendered_lines() -> None:
    """Reading each block as it ends keeps only the evidence: below two thirds of reading
    the evidence from the whole list of rendered lines."""
    sentence = "The council approved the new budget on Monday after a long debate."
    root = parse("<article>" + f"<p>{sentence}</p>\n" * 5000 + "</article>")
    assert root is not None

    def whole() -> object:
        return line_evidence(root, render(root).lines, ())

    def blocks() -> object:
        reader = LineReader()
        render(root, reader=reader)
        return reader.evidence()

    whole()  # (CPython reuses up to 2000 freed tuples of a size unseen by tracemalloc: both
    # measures start with those free lists full, whatever the tests before left in them)
    assert _peak(blocks) < 2 / 3 * _peak(whole)


def test_one_long_text_is_collapsed_without_a_string_per_word() -> None:
    text = "Nested text.  \n" * 20_000
    peak = _peak(lambda: collapse_spaces(text))
    assert peak < 2 * len(text)  # (its words as a list would hold about 8 times the text)


def test_the_tree_memory_of_a_large_page_only_is_handed_back() -> None:
    with_glibc = getattr(ctypes.CDLL(None), "malloc_trim", None) is not None
    assert release_tree_memory(RELEASE_CHARS) is with_glibc  # (nothing happens elsewhere)
    assert release_tree_memory(RELEASE_CHARS - 1) is False


@given(html_page(), st.integers(0, 4))
def test_a_long_pages_numbered_kinds_read_as_a_short_pages_kinds(html: str, kept: int) -> None:
    """A page of more than ``ITEMS_KEPT`` lines numbers its lines' kinds (from its first
    block past the bound on); a shorter one keeps them as they are: both read the same."""
    root = parse(html)
    assert root is not None
    lines = render(root).lines
    bodies = (render(root).text(), "no line of the page")  # (the longer lines are in the body)
    short = list(line_evidence(root, lines, bodies))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(evidence_module, "ITEMS_KEPT", kept)
        long = line_evidence(root, lines, bodies)
    assert list(long) == short and list(long.select(range(len(short)))) == short
    distinct = len({item[1:] for item in short})  # (and those found in the body, again)
    assert len(long._kinds) <= 2 * distinct or len(short) <= kept
