"""dom_outside_main: lines outside the element that holds the page's main content (HTML mode)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cleantext.detector import Detector, Proposal
from cleantext.detectors._outside import outside_runs
from cleantext.html.dom import SENTENCE_WORDS, Container, line_rows, main_container
from cleantext.html.lead import first_inside, lead_lines
from cleantext.text.page import Page


@dataclass(frozen=True)
class Params:
    """Thresholds of :data:`DETECTOR`."""

    min_share: float = 0.5
    """The container must hold at least this share of the page's content weight."""
    min_weight: float = 25.0
    """The container's net content weight (about: words of prose) must reach this."""
    score: float = 0.75
    """Score of a non-prose line outside the container."""
    prose_score: float = 0.7
    """Score of a prose line outside the container (it may be content the choice missed)."""
    headline_lookback: int = 6
    """Lines before the container searched for its headline (an h1/h2 there is kept)."""


def detect(page: Page, params: Params) -> Iterator[Proposal]:
    """Propose the lines outside the element with the most content weight.

    Each line weighs for its ancestors: prose words count for, link text and
    short lines against (lines in the structured ``articleBody`` count double).
    The element with the highest total is the main content.

    >>> from cleantext.html import clean_html
    >>> prose = "<p>" + "The council approved the budget after a long debate on schools. " * 3 + "</p>"
    >>> page = "<div><p>Weather: sunny</p></div><div class='main'>" + prose * 2 + "</div>"
    >>> result = clean_html(page)
    >>> [(segment.detector, segment.text) for segment in result.removed]
    [('dom_outside_main', 'Weather: sunny')]
    """
    container = main_container(page)
    if container is None or page.evidence is None:
        return
    if container.share < params.min_share or container.score < params.min_weight:
        return
    keep = {_headline(page, container, params), *lead_lines(page, container)}
    lines = page.lines
    runs = outside_runs(
        lines,
        line_rows(page.evidence),
        page.word_counts,
        page.sentence_ends,
        container.xpath,
        keep,
        SENTENCE_WORDS,
    )
    for first, last, prose in runs:
        yield _proposal(lines[first].start, lines[last].end, prose, container, params)


def _headline(page: Page, container: Container, params: Params) -> int:
    """Index of the heading just before the container (kept as the page's headline), or -1."""
    evidence = page.evidence or ()
    first = first_inside(page, container)
    for index in range(first - 1, max(first - params.headline_lookback, 0) - 1, -1):
        item = evidence[index]
        if item is not None and item.is_heading and item.tag in {"h1", "h2"}:
            return index
    return -1


def _proposal(start: int, end: int, prose: bool, container: Container, params: Params) -> Proposal:
    where = f"outside the main content {container.xpath} (it holds {container.share:.0%} of the page's prose"
    if container.structured_lines:
        where += f"; {container.structured_lines} lines match the structured articleBody"
    return Proposal(start, end, params.prose_score if prose else params.score, where + ")")


DETECTOR = Detector(
    name="dom_outside_main",
    description="HTML: lines outside the element that holds most of the page's prose.",
    detect=detect,
    params=Params(),
    order=60,
    modes=("html",),  # (it reads the DOM evidence, which only HTML mode has)
)
