"""The classifier's per-line counts are kept as narrow as the page's largest allows.

``text/_features.pyx`` stores each line's characters, words, sentences, key numbers,
stopword and repeat counts in ``array("B")`` until a count needs ``"H"`` or ``"i"``
(the arrays widen as they are filled). These tests check the values read back are the
plain ones whatever the width, on pages that force each width.
"""

from __future__ import annotations

from array import array

from hypothesis import given
from hypothesis import strategies as st

from cleantext.text._features import narrowed
from cleantext.text.features import page_features
from cleantext.text.page import Page

WIDTHS = {"B": 0xFF, "H": 0xFFFF, "i": 2**31 - 1}


def narrowest(values: list[int]) -> str:
    """The typecode the narrowing should choose."""
    largest = max(values, default=0)
    return next(code for code, limit in WIDTHS.items() if largest <= limit)


@given(st.lists(st.integers(0, 2**31 - 1) | st.integers(0, 300) | st.integers(0, 70000)))
def test_narrowed_keeps_every_value_in_the_narrowest_type(values: list[int]) -> None:
    found = narrowed(array("i", values))
    assert list(found) == values
    assert found.typecode == narrowest(values)


def plain_counts(page: Page) -> list[tuple[int, int]]:
    """Each line's characters and words as the plain definitions give them."""
    return [
        (len(line.text), count) for line, count in zip(page.lines, page.word_counts, strict=True)
    ]


def test_counts_widen_as_larger_ones_come() -> None:
    distinct = [f"item {chr(0x4E00 + number)}" for number in range(300)]  # 300 keys: "H"
    text = "\n".join([*distinct, "word " * 100, "ab " * 25_000, *distinct, "short"])
    page = Page.from_text(text)
    found = page_features(page)
    facts = page.features.line_facts
    assert facts.chars.typecode == "i" and facts.keys.typecode == "H"
    assert facts.words.typecode == "H"
    assert [(line.chars, line.words) for line in found.lines] == plain_counts(page)
    assert [line.repeats for line in found.lines][:300] == [2] * 300
    kept = array("i", [0, 300, 301, 302, 601])
    chosen = facts.select(kept)
    assert list(chosen.chars) == [facts.chars[index] for index in kept]
    assert list(chosen.keys) == [facts.keys[index] for index in kept]
    assert chosen.chars.typecode == facts.chars.typecode


def test_one_word_lines_cost_a_byte_a_count() -> None:
    page = Page.from_text("\n".join(["home", "news", "sport"] * 50))
    found = page_features(page)
    facts = page.features.line_facts
    codes = {facts.chars.typecode, facts.words.typecode, facts.sentences.typecode}
    assert codes | {facts.keys.typecode, found.lines.stopwords.typecode} == {"B"}
    assert found.lines.repeats.typecode == "B"
    assert [line.repeats for line in found.lines] == [50] * 150
