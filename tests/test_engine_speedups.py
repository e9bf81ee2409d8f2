"""The engine's and the page's fast paths give exactly what the plain computations give."""

from __future__ import annotations

import string
from array import array
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from hypothesis import given
from hypothesis import strategies as st

from cleantext import Config
from cleantext._engine import UNCLAIMED, lines_where, removed_runs, removed_units, weigh
from cleantext.detector import Detector, Proposal
from cleantext.engine import (
    INSIDE_BODY_DAMPING,
    NEIGHBOUR_MARGIN,
    OUTSIDE_BODY_BOOST,
    PART_OF_GROUP,
    Claims,
    Units,
    _claims,
    _resolve,
)
from cleantext.model import Segment
from cleantext.text._lines import LineTable
from cleantext.text._words import is_handled
from cleantext.text.lexicon import strip_bullet, tokens
from cleantext.text.page import DomEvidence, Gap, Line, Page
from cleantext.text.words import WORD, line_tokens, word_counts
from strategies import any_text, page_text

MOSTLY_ASCII = st.text(
    st.sampled_from(string.printable + "•’“é\u00a0Σς+-.'_" * 3),
    max_size=60,
)
"""Line texts made mostly of ASCII, with the marks and dots tokens are trimmed of."""
CYRILLIC = st.text(
    st.sampled_from(
        "".join(map(chr, range(0x3FC, 0x534))) + " .,-'’„“«»—►→+_1٣日\u0301" + "аБв ЁёІі " * 3
    ),
    max_size=60,
)
"""Line texts of the Cyrillic letters (the block's edges and combining marks too) with the
quotes, dashes and arrows the kernel classes, and a few characters it leaves to the regex."""
LINE_TEXTS = st.lists(
    st.one_of(MOSTLY_ASCII, CYRILLIC, any_text()).map(lambda text: text.replace("\n", " ")),
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


CASED_WORDS = st.sampled_from(
    ["Der", "der", "DER", "été", "Été", "ÉTÉ", "x1", "Жж", "жж", "cat's", "A.B.", "ǅ", "+1"]
)
"""Tokens in several cases, some on lines the kernel leaves to the plain definition."""


@given(st.lists(st.lists(CASED_WORDS, min_size=1, max_size=6), max_size=40))
def test_each_token_is_one_string_of_the_vocabulary(lines: list[list[str]]) -> None:
    """The kernel's table of tokens gives every occurrence of a token, read by the kernel
    or by the plain definition, one id: the same string, held once."""
    table = LineTable("\n".join(" ".join(words) for words in lines))
    found = line_tokens(table)
    assert list(found) == [tuple(tokens(strip_bullet(line.text))) for line in table]
    assert len(set(found.vocabulary)) == len(found.vocabulary)
    first: dict[str, str] = {}
    for token in (token for line in found for token in line):
        assert first.setdefault(token, token) is token


def test_the_table_of_tokens_grows_with_the_vocabulary() -> None:
    words = [f"w{number} W{number % 7}X" for number in range(5000)]
    table = LineTable("\n".join(words))
    found = line_tokens(table)
    assert list(found) == [tuple(tokens(line.text)) for line in table]
    assert len(found.vocabulary) == 5007


def test_the_kernel_classes_characters_as_the_regexes_do() -> None:
    """Every character the kernel classes itself, between letters, at the ends, and alone."""
    handled = [chr(code) for code in range(0x20000) if is_handled(chr(code)) and chr(code) != "\n"]
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


class Claim(NamedTuple):
    """One claim, as the plain definitions read it (a row of :class:`Claims`)."""

    detector: Detector
    proposal: Proposal
    score: float
    note: str
    units: range


def rows(claims: Claims) -> list[Claim]:
    """The claims of the table, one row each."""
    return [
        Claim(
            claims.detectors[k],
            claims.proposals[k],
            claims.scores[k],
            claims.notes[k],
            range(claims.firsts[k], claims.stops[k]),
        )
        for k in range(len(claims))
    ]


def reference_claimed_lines(claims: list[Claim], threshold: float) -> dict[int, str]:
    """Lines that claims scoring ``threshold`` or more cover wholly, first claim's detector."""
    claimed: dict[int, str] = {}
    for claim in claims:
        if claim.score >= threshold:
            for line in range((claim.units.start + 1) // 2, (claim.units.stop + 1) // 2):
                claimed.setdefault(line, claim.detector.name)
    return claimed


def reference_weigh(claims: list[Claim]) -> tuple[dict[int, float], dict[int, int]]:
    """Scores and winners unit by unit, claim by claim (the definition ``Claims.weigh`` keeps)."""
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
    units = Units(page.lines)
    config = Config()
    claims, _ = _claims(page, units, list(config.active()), config.threshold)
    scores, winners = claims.weigh()
    expected_scores, expected_winners = reference_weigh(rows(claims))
    assert len(scores) == len(winners) == units.size
    assert max(scores.runs, winners.runs) <= 2 * len(claims) + 1  # (runs, not a value a unit)
    assert {
        unit: score for unit, score in enumerate(scores) if score != UNCLAIMED
    } == expected_scores
    assert {unit: winner for unit, winner in enumerate(winners) if winner >= 0} == expected_winners


def reference_bounds(page: Page) -> list[int]:
    """The units' bounds by their plain definition: each line's start and end in turn."""
    return [offset for line in page.lines for offset in (line.start, line.end)]


def reference_covered(page: Page, start: int, end: int) -> range:
    """The units lying wholly inside ``[start, end)``, by bisection of the plain bounds."""
    bounds, size = reference_bounds(page), max(2 * len(page.lines) - 1, 0)
    return range(bisect_left(bounds, start, 0, size), bisect_right(bounds, end, 1, size + 1) - 1)


def reference_placed(
    covered: range, score: float, first: int, last: int
) -> tuple[float, str, range]:
    """A claim's score and note by the plain rule (as the engine wrote it in Python)."""
    score, note = min(max(score, 0.0), 1.0), ""
    top, bottom = (covered.start + 1) // 2, (covered.stop - 1) // 2
    if top > bottom or last < first:
        pass
    elif bottom < first or top > last:
        score, note = score + (1 - score) * OUTSIDE_BODY_BOOST, "outside the body"
    elif top > first and bottom < last:
        score, note = score * INSIDE_BODY_DAMPING, "inside the body"
    return score, note, covered


OFFSETS = st.integers(min_value=-3, max_value=400)
LINE_NUMBERS = st.integers(min_value=-1, max_value=12)


@given(st.one_of(page_text(), any_text()), OFFSETS, OFFSETS, st.floats(-0.5, 1.5), LINE_NUMBERS)
def test_units_cover_and_place_as_the_plain_definition(
    text: str, start: int, end: int, score: float, first: int
) -> None:
    page = Page.from_text(text)
    units = Units(page.lines)
    bounds = reference_bounds(page)
    assert units.size == max(len(bounds) - 1, 0)
    assert [units.start(unit) for unit in range(units.size)] == bounds[:-1]
    assert [units.end(unit) for unit in range(units.size)] == bounds[1:]
    covered = reference_covered(page, start, end)
    assert units.covered(start, end) == covered
    for last in (first - 1, first, first + 3):
        expected = reference_placed(covered, score, first, last)
        assert units.placed(score, start, end, first, last) == expected
        claims = Claims(units)
        claims.place(DETECTOR, [Proposal(start, end, score, "why")], first, last)
        assert rows(claims) == [Claim(DETECTOR, Proposal(start, end, score, "why"), *expected)]


DETECTOR = Detector("menu", "menu lines", lambda page, params: iter(()))


@given(page_text(), st.sampled_from([0.3, 0.6, 0.7, 0.9]))
def test_claimed_lines_are_the_lines_of_the_claims_over_the_threshold(
    text: str, threshold: float
) -> None:
    page = Page.from_text(text)
    claims, _ = _claims(page, Units(page.lines), list(Config().active()), threshold)
    assert claims.claimed_lines(threshold) == reference_claimed_lines(rows(claims), threshold)


def test_claims_are_extended_in_order_and_numbered_by_detector() -> None:
    page = Page.from_text("Home\n\nNews\n\nThe text of the page goes here.")
    units = Units(page.lines)
    first, second = Claims(units), Claims(units)
    fallback = Detector("classifier", "lines", lambda page, params: iter(()), fallback=True)
    first.place(DETECTOR, [Proposal(0, 4, 0.5, "a")], 0, -1)
    second.add(fallback, Proposal(6, 10, 0.9, "b"), 0.9, "again", 2, 3)
    second.add(DETECTOR, Proposal(0, 4, 0.4, "c"), 0.4, "", 0, 1)
    first.extend(second)
    assert [(row.detector.name, row.score, row.note, row.units) for row in rows(first)] == [
        ("menu", 0.5, "", range(0, 1)),
        ("classifier", 0.9, "again", range(2, 3)),
        ("menu", 0.4, "", range(0, 1)),
    ]
    scores, winners = first.weigh()
    assert list(winners) == [0, -1, 1, -1, -1] and scores[0] == 0.5


def reference_removed(scores: list[float], threshold: float) -> set[int]:
    """The units that go, by the plain rule: at the threshold or over it, or a line near it
    between two lines that go (from the first line on)."""
    claimed = {unit: score for unit, score in enumerate(scores) if score != UNCLAIMED}
    removed = {unit for unit, score in claimed.items() if score >= threshold}
    near = sorted(
        unit
        for unit, score in claimed.items()
        if unit % 2 == 0 and threshold - NEIGHBOUR_MARGIN <= score < threshold
    )
    for unit in near:
        if 0 < unit < len(scores) - 1 and unit - 2 in removed and unit + 2 in removed:
            removed.add(unit)
    return removed


UNIT_SCORES = st.lists(
    st.one_of(st.just(UNCLAIMED), st.sampled_from([0.5, 0.55, 0.6, 0.7]), st.floats(0, 1)),
    max_size=40,
).filter(lambda scores: len(scores) % 2 == 1)


@given(UNIT_SCORES, st.sampled_from([0.6, 0.7, 0.1, 1.0]))
def test_units_go_by_the_plain_rule(scores: list[float], threshold: float) -> None:
    removed = removed_units(array("d", scores), threshold, threshold - NEIGHBOUR_MARGIN)
    assert {unit for unit, flag in enumerate(removed) if flag} == reference_removed(
        scores, threshold
    )


@given(st.lists(st.tuples(st.booleans(), st.integers(-1, 3), st.floats(0, 1)), max_size=30))
def test_removed_runs_are_the_runs_of_one_winner(units: list[tuple[bool, int, float]]) -> None:
    removed = bytearray(flag for flag, _, _ in units)
    winners = array("i", [winner for _, winner, _ in units])
    scores = array("d", [score for _, _, score in units])
    expected: list[tuple[int, int, float]] = []
    for unit, (flag, winner, score) in enumerate(units):
        if flag and expected and expected[-1][1] == unit - 1 and winners[unit - 1] == winner:
            first, _, best = expected[-1]
            expected[-1] = (first, unit, max(best, score))
        elif flag:
            expected.append((unit, unit, score))
    assert removed_runs(removed, winners, scores) == expected
    assert list(lines_where(removed, True)) == [
        u // 2 for u in range(0, len(units), 2) if removed[u]
    ]
    assert list(lines_where(removed, False)) == [
        u // 2 for u in range(0, len(units), 2) if not removed[u]
    ]


RAW_CLAIMS = st.lists(
    st.tuples(
        st.integers(0, 12),  # first unit
        st.integers(-1, 6),  # units covered (none when not positive)
        st.integers(0, 3),  # detector number
        st.sampled_from([0.25, 0.5, 0.9, 1.0]),  # score (ties are common)
    ),
    max_size=25,
)


@given(RAW_CLAIMS, st.integers(0, 16))
def test_the_sweep_weighs_overlapping_claims_as_the_claim_by_claim_definition(
    raw: list[tuple[int, int, int, float]], size: int
) -> None:
    """Many claims over few units: the chains of detectors per unit, claim by claim in
    order, and the winners painted weakest first (the engine's plain definitions)."""
    firsts = [min(first, size) for first, _, _, _ in raw]
    stops = [min(first + length, size) for first, length, _, _ in raw]
    detectors = [detector for _, _, detector, _ in raw]
    named = [detector != 3 for detector in detectors]  # detector 3 is a fallback
    orders = [10 * (detector % 2) for detector in detectors]  # two detectors share an order
    scores = [score for _, _, _, score in raw]
    chains: list[dict[int, float]] = [{} for _ in range(size)]
    for number, detector in enumerate(detectors):
        for unit in range(firsts[number], stops[number]):
            best = chains[unit].get(detector)
            chains[unit][detector] = scores[number] if best is None else max(best, scores[number])
    expected_scores = [UNCLAIMED] * size
    for unit, chain in enumerate(chains):
        if chain:
            doubt = 1.0
            for best in chain.values():  # (a dict keeps the order of first claims)
                doubt *= 1.0 - best
            expected_scores[unit] = 1.0 - doubt
    expected_winners = [-1] * size
    strengths = [(named[k], scores[k], -orders[k], -k) for k in range(len(raw))]
    for number in sorted(range(len(raw)), key=strengths.__getitem__):
        for unit in range(firsts[number], stops[number]):
            expected_winners[unit] = number
    found_scores, found_winners = weigh(size, firsts, stops, detectors, named, orders, scores)
    assert list(found_scores) == expected_scores
    assert list(found_winners) == expected_winners


def reference_segments(
    page: Page, units: Units, claims: Claims, removed: bytearray, winners: list[int],
    scores: list[float], evidence: list[DomEvidence | None] | None,
) -> list[Segment]:  # fmt: skip
    """One segment per run of removed units of one winning claim, built unit by unit in
    Python (the engine's segments before they were compiled)."""
    runs: list[list[int]] = []
    for unit, flag in enumerate(removed):
        if flag and runs and runs[-1][-1] == unit - 1 and winners[unit - 1] == winners[unit]:
            runs[-1].append(unit)
        elif flag:
            runs.append([unit])
    found = []
    for run in runs:
        first, last, number = run[0], run[-1], winners[run[0]]
        start, end = units.start(first), units.end(last)
        reason = claims.proposals[number].reason
        if first > claims.firsts[number] or last < claims.stops[number] - 1:
            reason = PART_OF_GROUP + reason
        if claims.notes[number]:
            reason += f" ({claims.notes[number]})"
        item = None if evidence is None else evidence[(first + 1) // 2]
        score = round(max(scores[unit] for unit in run), 4)
        name = claims.detectors[number].name
        source = None if item is None else item.xpath
        found.append(Segment(start, end, page.text[start:end], name, reason, score, source))
    return found


@given(page_text(), st.sampled_from([0.2, 0.5, 0.7]), st.booleans())
def test_segments_are_the_plain_runs_of_one_winner(
    text: str, threshold: float, with_evidence: bool
) -> None:
    page = Page.from_text(text)
    units = Units(page.lines)
    claims, _ = _claims(page, units, list(Config().active()), threshold)
    decision = _resolve(units, claims, threshold)
    evidence: list[DomEvidence | None] | None = None
    if with_evidence:
        evidence = [
            None if index % 3 == 2 else DomEvidence(f"/html/p[{index}]", "p")
            for index in range(len(page.lines))
        ]
    found = claims.segments(
        decision.removed, decision.winners, decision.scores, page.text, evidence
    )
    winners, scores = list(decision.winners), list(decision.scores)
    assert found == reference_segments(
        page, units, claims, decision.removed, winners, scores, evidence
    )
