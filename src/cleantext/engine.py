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
from typing import Any, NamedTuple

from cleantext._engine import INSIDE_BODY_DAMPING as INSIDE_BODY_DAMPING  # (the engine's constants)
from cleantext._engine import OUTSIDE_BODY_BOOST as OUTSIDE_BODY_BOOST
from cleantext._engine import PART_OF_GROUP as PART_OF_GROUP
from cleantext._engine import (
    Claims,
    Units,
    UnitValues,
    lines_where,
    removed_units,
)
from cleantext.config import Config
from cleantext.detector import Detector, Mode, Proposal
from cleantext.model import Segment
from cleantext.text.page import Page, kept_evidence

NEIGHBOUR_MARGIN = 0.15
"""A line this close under the threshold goes when the lines on both sides go."""
MAX_PASSES = 3
"""Passes in all: the kept text is checked again until nothing more goes, at most this often."""
SECOND_LOOK_NOTE = "found when the cleaned text was checked again"


class Decision(NamedTuple):
    """Per unit of a page (compiled: :mod:`cleantext._engine`): the combined score
    (``UNCLAIMED`` where no claim covers it) and the number of the winning claim (-1 where
    none), each kept as runs of equal values, and whether it goes (1) or stays (0)."""

    scores: UnitValues[float]
    winners: UnitValues[int]
    removed: bytearray


def decide(
    page: Page, config: Config, *, mode: Mode = "text", passes: int = MAX_PASSES
) -> tuple[str, tuple[Segment, ...]]:
    """Run ``config``'s detectors for ``mode`` on ``page``; return the clean text and the
    removed segments.

    ``passes`` bounds how often the kept text is checked again; text mode keeps the
    default so that cleaning its own output changes nothing. HTML mode passes 1:
    its output is text, never fed back to it, and a second look costs a fifth of its time.
    """
    units = Units(page.lines)
    active = list(config.active(mode))
    claims, seen = _claims(page, units, active, config.threshold)
    decision = _resolve(units, claims, config.threshold)
    kept: str | None = None  # the kept text of ``decision``, once assembled
    for _ in range(passes - 1):
        if not lines_where(decision.removed, True):  # nothing went: the kept lines are the page
            break
        kept = _assemble(page, decision.removed)
        found = _second_look(seen, units, decision.removed, kept, active, config.threshold)
        if not found:
            break
        kept = None
        claims.extend(found)
        decision = _resolve(units, claims, config.threshold)
    page.features.forget()  # (decided: from here on only the lines and the text are read)
    if kept is None:
        kept = _assemble(page, decision.removed)
    return kept, _segments(page, decision, claims)


def _claims(
    page: Page, units: Units, active: list[tuple[Detector, Any]], threshold: float
) -> tuple[Claims, Page]:
    """Claims of the named detectors, then of the fallback ones (which see the lines that
    the named claims remove on their own); and the page as the fallbacks saw it, with what
    they computed (tokens, page type).

    The page's type is read once, on ``page``, and handed to the fallbacks' copy.
    """
    claims = Claims(units)
    _run(page, claims, [item for item in active if not item[0].fallback])
    fallbacks = [item for item in active if item[0].fallback]
    if not fallbacks:
        return claims, page
    claimed = claims.claimed_lines(threshold)
    seen = page.with_claims(claimed)  # (which hands over the page type too)
    page.features.forget_named_reads()  # (the named detectors' and the page type's alone)
    _run(seen, claims, fallbacks)
    return claims, seen


def _resolve(units: Units, claims: Claims, threshold: float) -> Decision:
    """Weigh the claims and decide each unit: those scoring ``threshold`` or more go, and a
    line within :data:`NEIGHBOUR_MARGIN` under it whose neighbour lines both go.

    Each detector's best claim on a unit counts once: ``1 - prod(1 - best)``, taken in the
    order of the detectors' first claims on the unit. A unit goes to a named detector's
    claim over a fallback's, then to the higher score, then to the detector first in
    order, then to the earlier claim (compiled: :meth:`cleantext._engine.Claims.weigh`).
    """
    scores, winners = claims.weigh()
    return Decision(scores, winners, removed_units(scores, threshold, threshold - NEIGHBOUR_MARGIN))


def _second_look(
    page: Page,
    units: Units,
    removed: bytearray,
    text: str,
    active: list[tuple[Detector, Any]],
    threshold: float,
) -> Claims:
    """Clean the kept lines once more; return claims on ``units`` for what that pass removes.

    ``page`` is the page as the detectors last saw it: its kept lines' word features and
    its type are carried over to the page of the kept lines. ``text`` is the kept text
    (``_assemble(page, removed)``, which the caller returns when nothing more goes).

    Removing furniture changes the context (the body core moves, a run ends), so
    a second look can find more; repeating it makes cleaning idempotent.
    """
    found = Claims(units)
    if not lines_where(removed, True):  # nothing went: the kept lines are the page
        return found
    kept = lines_where(removed, False)
    evidence = None if page.evidence is None else kept_evidence(page.evidence, kept)
    again = Page.from_text(text, evidence).reusing(page, kept)
    again_units = Units(again.lines)
    claims, _ = _claims(again, again_units, active, threshold)
    again_decision = _resolve(again_units, claims, threshold)
    winners, scores = again_decision.winners, again_decision.scores
    for run in _line_runs(lines_where(again_decision.removed, True), winners, kept):
        source = winners[2 * run[0]]
        first, last = page.lines[kept[run[0]]], page.lines[kept[run[-1]]]
        score = max(scores[2 * line] for line in run)
        proposal = Proposal(first.start, last.end, score, claims.proposals[source].reason)
        covered = units.covered(first.start, last.end)
        detector = claims.detectors[source]
        found.add(detector, proposal, score, SECOND_LOOK_NOTE, covered.start, covered.stop)
    return found


def _line_runs(lines: array[int], winners: UnitValues[int], kept: array[int]) -> list[list[int]]:
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


def _run(page: Page, claims: Claims, detectors: list[tuple[Detector, Any]]) -> None:
    """Add the detectors' proposals on ``page`` to ``claims``, each placed in context: on the
    units it covers, its score adjusted for where it sits relative to the body core
    (:data:`OUTSIDE_BODY_BOOST` of the remaining doubt goes outside it,
    :data:`INSIDE_BODY_DAMPING` damps it strictly inside; compiled:
    :meth:`cleantext._engine.Claims.place`)."""
    first, last = page.body
    for detector, params in detectors:
        claims.place(detector, detector.run(page, params), first, last)


def _segments(page: Page, decision: Decision, claims: Claims) -> tuple[Segment, ...]:
    """One segment per run of consecutive removed units that the same claim wins (compiled:
    :meth:`cleantext._engine.Claims.segments`)."""
    found = claims.segments(
        decision.removed, decision.winners, decision.scores, page.text, page.evidence
    )
    return tuple(found)


def _assemble(page: Page, removed: bytearray) -> str:
    """Join the kept lines: one newline inside a block, one blank line between blocks."""
    return page.lines.kept_text(removed)
