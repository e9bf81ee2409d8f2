"""The metadata's line readers walk outwards from an offset instead of splitting the whole
text (memory on pages of many lines), and must find what splitting finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleantext.meta import segments
from cleantext.meta.segments import HAS_YEAR, NEAR_BODY_LINES

BREAKS = ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029", " ", "  "]
WORDS = ["By Ann Lee", "May 2, 2024", "The council met.", "x", "2019", "ab\n\ncd"]
PIECES = st.sampled_from([*BREAKS, *WORDS])
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def _split_near(text: str, start: int) -> list[str]:
    before = [line.strip() for line in text[:start].splitlines() if line.strip()]
    after = [
        line.strip() for line in text[start:].splitlines()[: NEAR_BODY_LINES * 4] if line.strip()
    ]
    return before[-NEAR_BODY_LINES:] + after[:NEAR_BODY_LINES]


@given(TEXTS, st.integers(min_value=0, max_value=400))
def test_lines_near_an_offset_are_what_splitting_finds(text: str, offset: int) -> None:
    start = min(offset, len(text))
    assert segments._lines_near(text, start) == _split_near(text, start)


@given(TEXTS)
def test_lines_with_a_year_are_what_splitting_finds(text: str) -> None:
    expected = [line for line in text.splitlines() if HAS_YEAR.search(line)]
    assert list(segments._lines_with_a_year(text)) == expected


@given(TEXTS, st.integers(min_value=0, max_value=30))
def test_short_lines_with_a_year_are_what_splitting_and_stripping_find(
    text: str, longest: int
) -> None:
    stripped = [line.strip() for line in text.splitlines() if HAS_YEAR.search(line)]
    expected = [line for line in stripped if len(line) <= longest]
    assert list(segments._lines_with_a_year(text, longest=longest)) == expected
