"""ad_gap: runs of blank lines longer than the page's own paragraph separator, where ads stood."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cleantext.detector import Detector, Proposal
from cleantext.text._page import gaps_wider
from cleantext.text.page import Page


@dataclass(frozen=True)
class Params:
    """Thresholds of :data:`DETECTOR`."""

    min_excess: int = 2
    """A gap needs at least this many more line breaks than the page's usual separator."""
    min_votes: int = 3
    """The usual separator must occur at least this often for the page to have one."""
    score: float = 0.7
    """Score of a gap with exactly ``min_excess`` extra line breaks."""
    step: float = 0.05
    """Added for each further extra line break (up to 0.95)."""


def detect(page: Page, params: Params) -> Iterator[Proposal]:
    """Propose each gap that is much wider than the page's usual gap between blocks.

    >>> from cleantext import Page
    >>> text = "One.\\n\\n\\nTwo.\\n\\n\\nThree.\\n\\n\\nFour.\\n\\n\\n\\n\\nFive."
    >>> [(p.start, p.end, p.reason) for p in detect(Page.from_text(text), Params())]
    [(28, 33, '4 blank lines where this page separates paragraphs with 2')]
    """
    separator = page.separator
    newlines = page.gap_newlines
    if newlines.count(separator) < params.min_votes:
        return
    for after in gaps_wider(newlines, separator + params.min_excess):  # (compiled)
        count = newlines[after]
        excess = count - separator
        gap = page.gaps[after]
        score = min(0.95, params.score + params.step * (excess - params.min_excess))
        reason = (
            f"{count - 1} blank lines where this page separates paragraphs with {separator - 1}"
        )
        yield Proposal(gap.start, gap.end, score, reason)


DETECTOR = Detector(
    name="ad_gap",
    description="Runs of blank lines wider than the page's own paragraph separator.",
    detect=detect,
    params=Params(),
    order=30,
)
