"""The engine's and the page's fast paths give exactly what the plain computations give."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from cleantext import Config
from cleantext.engine import Claim, _claims, _Units, _weigh
from cleantext.text._lines import LineTable
from cleantext.text._words import is_handled
from cleantext.text.lexicon import strip_bullet, tokens
from cleantext.text.page import Gap, Line, Page
from cleantext.text.words import WORD, line_tokens, word_counts
from strategies import any_text, page_text

MOSTLY_ASCII = st.text(
    st.sampled_from(string.printable + "•’“é\u00a0Σς+-.'_" * 3),
    max_size=60,
)
"""Line texts made mostly of ASCII, with the marks and dots tokens are trimmed of."""
LINE_TEXTS = st.lists(
    st.one_of(MOSTLY_ASCII, any_text()).map(lambda text: text.replace("\n", " ")),
    max_size=8,
)


@given(LINE_TEXTS)
def test_word_counts_are_counts_of_the_word_regex(texts: list[str]) -> None:
    table = LineTable("\n".join(texts))
    assert list(word_counts(table)) == [len(WORD.findall(line.text)) for line in table]


@given(LINE_TEXTS)
def test_line_tokens_are_the_tokens_of_the_unbulleted_text(texts: list[str]) -> None:
    table = LineTable("\n".join(texts))
    assert list(line_tokens(table)) == [tuple(tokens(strip_bullet(line.text))) for line in table]


def test_the_kernel_classes_characters_as_the_regexes_do() -> None:
    """Every character the kernel classes itself, between letters, at the ends, and alone."""
    handled = [chr(code) for code in range(0x3001) if is_handled(chr(code)) and chr(code) != "\n"]
    assert len(handled) > 700  # (Latin: the most common lines stay in the kernel)
    texts = [f"{char}a{char}x{char}{char}.{char}" for char in handled]
    table = LineTable("\n".join(texts))
    found_counts, found_tokens = word_counts(table), line_tokens(table)
    for line in table:
        assert found_counts[line.index] == len(WORD.findall(line.text)), line.text
        assert found_tokens[line.index] == tuple(tokens(strip_bullet(line.text))), line.text


def reference_split(text: str) -> tuple[list[Line], list[Gap]]:
    """The plain line splitter: find each newline, strip, count the breaks in between."""
    lines: list[Line] = []
    gaps: list[Gap] = []
    newlines = position = 0
    while position <= len(text):
        stop = text.find("\n", position)
        stop = len(text) if stop < 0 else stop
        raw = text[position:stop]
        if raw.strip():
            block = 0
            if lines:
                gaps.append(Gap(lines[-1].end, position, newlines, lines[-1].index))
                block = lines[-1].block + (newlines >= 2)
            end = position + len(raw.rstrip())
            lines.append(Line(len(lines), position, end, raw.strip(), block, newlines))
            newlines = 0
        newlines += stop < len(text)
        position = stop + 1
    return lines, gaps


@given(st.one_of(page_text(), any_text()))
def test_lines_and_gaps_match_the_plain_splitter(text: str) -> None:
    page = Page.from_text(text)
    lines, gaps = reference_split(text)
    assert list(page.lines) == lines
    assert list(page.gaps) == gaps


def reference_weigh(claims: list[Claim]) -> tuple[dict[int, float], dict[int, int]]:
    """Scores and winners unit by unit, claim by claim (the definition :func:`_weigh` keeps)."""
    best: dict[int, dict[str, float]] = {}
    winners: dict[int, int] = {}
    for number, claim in enumerate(claims):
        for unit in claim.units:
            found = best.setdefault(unit, {})
            if claim.detector.name not in found or claim.score > found[claim.detector.name]:
                found[claim.detector.name] = claim.score
            if unit not in winners or beats(claim, claims[winners[unit]]):
                winners[unit] = number
    scores = {}
    for unit, found in best.items():
        doubt = 1.0
        for score in found.values():
            doubt *= 1.0 - score
        scores[unit] = 1.0 - doubt
    return scores, winners


def beats(claim: Claim, other: Claim) -> bool:
    if claim.detector.fallback != other.detector.fallback:
        return other.detector.fallback
    if claim.score != other.score:
        return claim.score > other.score
    return claim.detector.order < other.detector.order


@given(page_text())
def test_weighing_matches_the_claim_by_claim_definition(text: str) -> None:
    page = Page.from_text(text)
    units = _Units(page)
    config = Config()
    claims, _ = _claims(page, units, list(config.active()), config.threshold)
    scores, winners = _weigh(units.size, claims)
    expected_scores, expected_winners = reference_weigh(claims)
    assert scores == expected_scores
    assert {unit: winner for unit, winner in enumerate(winners) if winner >= 0} == expected_winners
