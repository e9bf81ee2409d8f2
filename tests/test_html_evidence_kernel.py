"""The compiled kinds of a rendered block's lines (``html/_evidence.pyx``) against the plain
loop they replaced in :meth:`LineReader.take <cleantext.html.evidence.LineReader.take>`."""

from __future__ import annotations

import math
from array import array
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from cleantext.html._evidence import read_kinds, rounded
from cleantext.html._walk import Block, RenderedBlock
from cleantext.html.dom import EvidenceKind, PageEvidence
from cleantext.html.frames import ROOT_CONTEXT, Context, new_context

CONTEXTS = (
    ROOT_CONTEXT,
    new_context(ROOT_CONTEXT, "nav", "navigation", frozenset({"menu"}), False, 2),
    new_context(ROOT_CONTEXT, "article", None, frozenset(), True, 3),
    new_context(ROOT_CONTEXT, "h2", None, frozenset({"title"}), False, 4),
)


def _reference(
    block: RenderedBlock,
    pending: list[EvidenceKind] | None,
    evidence: PageEvidence,
    numbered: array[int],
    keep: int,
) -> list[EvidenceKind] | None:
    """The plain loop: each line's kind, pending until more than ``keep``, then numbered."""
    chars = block.total_chars
    link_density = round(block.total_links / chars, 3) if chars else 0.0
    words = round(block.words / len(block), 2)
    for element, depth, context, line_chars, line_links in zip(
        block.elements, block.depths, block.contexts, block.chars, block.link_chars, strict=True
    ):
        kind = (
            element.tag,
            context.landmarks,
            context.tokens,
            link_density,
            depth,
            context.in_body,
            context.heading,
            round(line_links / line_chars, 3) if line_chars else 0.0,
            words,
            context.labels,
        )
        if pending is not None:
            pending.append(kind)
            if len(pending) > keep:
                numbered.extend(evidence.kind_number(item) for item in pending)
                pending = None
        else:
            numbered.append(evidence.kind_number(kind))
    return pending


line = st.tuples(
    st.sampled_from(["p", "li", "td", "h1", "div", "ünï"]),
    st.integers(0, 40),
    st.sampled_from(range(len(CONTEXTS))),
    st.integers(0, 10**6),
    st.integers(0, 10**6),
    st.integers(0, 300),
)


def _block(lines: list[tuple[str, int, int, int, int, int]]) -> RenderedBlock:
    block = RenderedBlock()
    for tag, depth, context, chars, links, words in lines:
        frame: tuple[Block, int, Context] = (Block(None, tag), depth, CONTEXTS[context])
        block.add(frame, "text", chars, min(links, chars), words, ())
    return block


@given(st.lists(st.lists(line, min_size=1, max_size=12), max_size=6), st.integers(0, 30))
def test_read_kinds_reads_what_the_plain_loop_reads(blocks: list[Any], keep: int) -> None:
    found: tuple[list[EvidenceKind] | None, PageEvidence, array[int]]
    found = ([], PageEvidence(), array("i"))
    expected: tuple[list[EvidenceKind] | None, PageEvidence, array[int]]
    expected = ([], PageEvidence(), array("i"))
    for lines in blocks:
        block = _block(lines)
        found = (read_kinds(block, found[0], found[1], found[2], keep), found[1], found[2])
        expected = (_reference(block, expected[0], expected[1], expected[2], keep), *expected[1:])
    assert found[0] == expected[0]
    assert found[2] == expected[2]
    assert dict(found[1].numbers) == dict(expected[1].numbers)


def test_a_block_past_the_bound_is_numbered_from_the_line_that_crosses_it() -> None:
    block = _block([("p", 1, 0, 10, 0, 2)] * 3 + [("li", 2, 1, 10, 5, 2)])
    evidence, numbered = PageEvidence(), array("i")
    assert read_kinds(block, [], evidence, numbered, 2) is None
    assert list(numbered) == [0, 0, 0, 1]


@given(st.integers(0, 10**7), st.integers(1, 10**7), st.sampled_from([0, 1, 2, 3, 4]))
def test_rounded_ratios_are_pythons_round(part: int, whole: int, digits: int) -> None:
    assert rounded(part / whole, digits) == round(part / whole, digits)


@given(st.floats(allow_nan=False), st.integers(-2, 6))
def test_rounded_floats_are_pythons_round(value: float, digits: int) -> None:
    found, expected = rounded(value, digits), round(value, digits)
    assert found == expected
    assert math.copysign(1.0, found) == math.copysign(1.0, expected)


def test_rounded_halves_and_edges_are_pythons_round() -> None:
    values = [0.0, -0.0, 0.0005, 0.0015, 0.0025, 0.125, 0.375, 2.675, 1.0, 0.9995, 0.99949999]
    values += [k / 1000 + 0.0005 for k in range(1000)] + [k / 8 for k in range(64)]
    values += [1e8 + 0.5, 999999.9995, 1e9, 1e300, 5e-324, math.inf, -math.inf, -0.5]
    for value in values:
        for digits in (0, 1, 2, 3):
            assert rounded(value, digits) == round(value, digits), (value, digits)
    assert math.isnan(rounded(math.nan, 3))
