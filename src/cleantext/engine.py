"""The engine: run the detectors, weigh their proposals in context, decide, cut.

Every line and every gap between lines is a *unit*. A proposal claims the
units it covers completely. A unit's score combines the claims of different
detectors (``1 - prod(1 - s)``, so agreement raises confidence), after each
claim was adjusted for where it sits: furniture outside the page's body core
is more likely boilerplate, a claim sandwiched inside the body less likely.
A line just under the threshold whose neighbours both go is removed too.
Units at or above the threshold are removed; consecutive units won by the same
proposal become one :class:`~cleantext.model.Segment`. Fallback detectors (the
content classifier) run last and see which lines the named ones remove
(``page.claims``).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from typing import Any, NamedTuple

from cleantext._engine import combined_scores, same_winner_runs
from cleantext.config import Config
from cleantext.detector import Detector, Mode, Proposal
from cleantext.model import Segment
from cleantext.text.page import Page

OUTSIDE_BODY_BOOST = 0.3
"""Share of the remaining doubt removed from a claim that lies outside the body core."""
INSIDE_BODY_DAMPING = 0.8
"""Factor applied to a claim whose lines sit strictly inside the body core."""
NEIGHBOUR_MARGIN = 0.15
"""A line this close under the threshold goes when the lines on both sides go."""
MAX_PASSES = 3
"""Passes in all: the kept text is checked again until nothing more goes, at most this often."""
SECOND_LOOK_NOTE = "found when the cleaned text was checked again"
PART_OF_GROUP = "part of a larger group: "
"""Starts the reason of a segment that is only a piece of what its proposal claimed (other
detectors won, or the engine kept, the rest): the reason describes the whole group."""


class Claim(NamedTuple):
    """A proposal with its detector, its score adjusted for context, and the units it covers."""

    detector: Detector
    proposal: Proposal
    score: float
    note: str
    units: range


def decide(
    page: Page, config: Config, *, mode: Mode = "text", passes: int = MAX_PASSES
) -> tuple[str, tuple[Segment, ...]]:
    """Run ``config``'s detectors for ``mode`` on ``page``; return the clean text and the
    removed segments.

    ``passes`` bounds how often the kept text is checked again; text mode keeps the
    default so that cleaning its own output changes nothing. HTML mode passes 1:
    its output is text, never fed back to it, and a second look costs a fifth of its time.
    """
    units = _Units(page)
    active = list(config.active(mode))
    claims, seen = _claims(page, units, active, config.threshold)
    scores, winners, removed = _resolve(page, units, claims, config.threshold)
    for _ in range(passes - 1):
        found = _second_look(seen, units, removed, active, config.threshold)
        if not found:
            break
        claims += found
        scores, winners, removed = _resolve(page, units, claims, config.threshold)
    segments = _segments(page, units, removed, scores, winners, claims)
    return _assemble(page, removed), segments


def _claims(
    page: Page, units: _Units, active: list[tuple[Detector, Any]], threshold: float
) -> tuple[list[Claim], Page]:
    """Claims of the named detectors, then of the fallback ones (which see the named claims);
    and the page as the fallbacks saw it, with what they computed (tokens, page type).

    The page's type is read once, on ``page``, and handed to the fallbacks' copy.
    """
    claims = _run(page, units, [item for item in active if not item[0].fallback])
    fallbacks = [item for item in active if item[0].fallback]
    if not fallbacks:
        return claims, page
    claimed = _claimed_lines(units, claims, threshold)
    seen = page.with_claims(claimed).with_page_type(page.page_type)
    claims += _run(seen, units, fallbacks)
    return claims, seen


def _resolve(
    page: Page, units: _Units, claims: list[Claim], threshold: float
) -> tuple[dict[int, float], list[int], set[int]]:
    scores, winners = _weigh(units.size, claims)
    return scores, winners, _decide_units(page, scores, threshold)


def _second_look(
    page: Page,
    units: _Units,
    removed: set[int],
    active: list[tuple[Detector, Any]],
    threshold: float,
) -> list[Claim]:
    """Clean the kept lines once more; return claims on ``page`` for what that pass removes.

    ``page`` is the page as the detectors last saw it: its kept lines' word features and
    its type are carried over to the page of the kept lines.

    Removing furniture changes the context (the body core moves, a run ends), so
    a second look can find more; repeating it makes cleaning idempotent.
    """
    kept = _kept_lines(page, removed)
    if len(kept) == len(page.lines):
        return []
    evidence = None if page.evidence is None else tuple(page.evidence[i] for i in kept)
    again = Page.from_text(_assemble(page, removed), evidence).reusing(page, kept)
    again_units = _Units(again)
    claims, _ = _claims(again, again_units, active, threshold)
    scores, winners, gone = _resolve(again, again_units, claims, threshold)
    found: list[Claim] = []
    for run in _line_runs(sorted(unit // 2 for unit in gone if unit % 2 == 0), winners, kept):
        source = claims[winners[2 * run[0]]]
        first, last = page.lines[kept[run[0]]], page.lines[kept[run[-1]]]
        score = max(scores[2 * line] for line in run)
        proposal = Proposal(first.start, last.end, score, source.proposal.reason)
        covered = units.covered(first.start, last.end)
        found.append(Claim(source.detector, proposal, score, SECOND_LOOK_NOTE, covered))
    return found


def _line_runs(lines: list[int], winners: list[int], kept: list[int]) -> list[list[int]]:
    """Group removed lines of the second look: same winning claim, adjacent in the original."""
    runs: list[list[int]] = []
    for line in lines:
        previous = runs[-1][-1] if runs else None
        if (
            previous is not None
            and kept[line] == kept[previous] + 1
            and winners[2 * line] == winners[2 * previous]
        ):
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _run(page: Page, units: _Units, detectors: list[tuple[Detector, Any]]) -> list[Claim]:
    """The detectors' claims, each placed in context (see :meth:`_Units.place`)."""
    body = page.body
    return [
        units.place(detector, proposal, body)
        for detector, params in detectors
        for proposal in detector.run(page, params)
    ]


def _claimed_lines(units: _Units, claims: list[Claim], threshold: float) -> dict[int, str]:
    """Lines that named detectors' claims remove on their own: what fallback detectors see."""
    claimed: dict[int, str] = {}
    for claim in claims:
        if claim.score >= threshold:
            name = claim.detector.name
            for line in range((claim.units.start + 1) // 2, (claim.units.stop + 1) // 2):
                claimed.setdefault(line, name)
    return claimed


class _Units:
    """Lines and gaps interleaved: line ``k`` is unit ``2k``, the gap after it unit ``2k + 1``.

    The units tile the lines' span, so one array of their boundaries holds them all:
    unit ``u`` runs from ``bounds[u]`` to ``bounds[u + 1]`` (a gap runs from the end of
    the line before it to the start of the line after it). 8 bytes a unit, no Python
    object per line.
    """

    def __init__(self, page: Page) -> None:
        lines = page.lines
        self.bounds = array("q", [0]) * (2 * len(lines))
        self.bounds[0::2] = lines.starts
        self.bounds[1::2] = lines.ends
        self.size = max(2 * len(lines) - 1, 0)

    def start(self, unit: int) -> int:
        """Where ``unit`` starts."""
        return self.bounds[unit]

    def end(self, unit: int) -> int:
        """Where ``unit`` ends."""
        return self.bounds[unit + 1]

    def covered(self, start: int, end: int) -> range:
        """Units lying wholly inside ``[start, end)``."""
        return range(bisect_left(self.bounds, start, 0, self.size), self._stop(end))

    def _stop(self, end: int) -> int:
        """The number of units ending at or before ``end``."""
        return bisect_right(self.bounds, end, 1, self.size + 1) - 1

    def place(self, detector: Detector, proposal: Proposal, body: tuple[int, int]) -> Claim:
        """The proposal as a claim on the units it covers, its score adjusted for where it
        sits relative to the ``body`` core (first and last line)."""
        score, note = min(max(proposal.score, 0.0), 1.0), ""
        covered = self.covered(proposal.start, proposal.end)
        top, bottom = (covered.start + 1) // 2, (covered.stop - 1) // 2  # first, last line
        first, last = body
        if top > bottom or last < first:
            pass
        elif bottom < first or top > last:
            score, note = score + (1 - score) * OUTSIDE_BODY_BOOST, "outside the body"
        elif top > first and bottom < last:
            score, note = score * INSIDE_BODY_DAMPING, "inside the body"
        return Claim(detector, proposal, score, note, covered)


def _weigh(size: int, claims: list[Claim]) -> tuple[dict[int, float], list[int]]:
    """Per unit of ``size``: the combined score of all detectors (for the units some claim
    covers), and the index of the winning claim (-1 where none).

    Each detector's best claim on a unit counts once: ``1 - prod(1 - best)``, taken in the
    order of the detectors' first claims on the unit (compiled: :mod:`cleantext._engine`).
    """
    numbers: dict[str, int] = {}
    detectors = [numbers.setdefault(claim.detector.name, len(numbers)) for claim in claims]
    scores = combined_scores(
        size,
        [claim.units.start for claim in claims],
        [claim.units.stop for claim in claims],
        detectors,
        [float(claim.score) for claim in claims],
    )
    return scores, _winners(size, claims)


def _winners(size: int, claims: list[Claim]) -> list[int]:
    """Per unit, the claim that wins it: a named detector's over a fallback's, then the
    higher score, then the detector first in order, then the earlier claim. Claims are
    laid down weakest first, so each unit keeps the strongest that covers it."""
    winners = [-1] * size
    strengths = [
        (not claim.detector.fallback, claim.score, -claim.detector.order, -number)
        for number, claim in enumerate(claims)
    ]
    for number in sorted(range(len(claims)), key=strengths.__getitem__):
        covered = claims[number].units
        winners[covered.start : covered.stop] = [number] * len(covered)
    return winners


def _decide_units(page: Page, scores: dict[int, float], threshold: float) -> set[int]:
    removed = {unit for unit, score in scores.items() if score >= threshold}
    near = {
        unit
        for unit, score in scores.items()
        if unit % 2 == 0 and threshold - NEIGHBOUR_MARGIN <= score < threshold
    }
    last_line = 2 * (len(page.lines) - 1)
    for unit in sorted(near):
        if 0 < unit < last_line and unit - 2 in removed and unit + 2 in removed:
            removed.add(unit)
    return removed


def _segments(
    page: Page,
    units: _Units,
    removed: set[int],
    scores: dict[int, float],
    winners: list[int],
    claims: list[Claim],
) -> tuple[Segment, ...]:
    """One segment per run of consecutive removed units that the same claim wins."""
    ordered = sorted(removed)
    return tuple(
        _segment(page, units, ordered[start:stop], scores, claims[winners[ordered[start]]])
        for start, stop in same_winner_runs(ordered, winners)
    )


def _segment(
    page: Page, units: _Units, run: list[int], scores: dict[int, float], claim: Claim
) -> Segment:
    start, end = units.start(run[0]), units.end(run[-1])
    reason = claim.proposal.reason
    if run[0] > claim.units.start or run[-1] < claim.units.stop - 1:
        reason = PART_OF_GROUP + reason
    if claim.note:
        reason += f" ({claim.note})"
    evidence = None if page.evidence is None else page.evidence[(run[0] + 1) // 2]
    return Segment(
        start,
        end,
        page.text[start:end],
        claim.detector.name,
        reason,
        round(max(map(scores.__getitem__, run)), 4),
        None if evidence is None else evidence.xpath,
    )


def _assemble(page: Page, removed: set[int]) -> str:
    """Join the kept lines: one newline inside a block, one blank line between blocks."""
    return page.lines.kept_text(removed)


def _kept_lines(page: Page, removed: set[int]) -> list[int]:
    """Indexes of the lines whose unit is not ``removed``."""
    return [index for index in range(len(page.lines)) if 2 * index not in removed]
