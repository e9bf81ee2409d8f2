"""dom_link_density: lines of blocks made mostly of link text (HTML mode)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cleantext.detector import Detector, Proposal, span_of
from cleantext.page import Line, Page


@dataclass(frozen=True)
class Params:
    """Thresholds of :data:`DETECTOR`."""

    min_density: float = 0.5
    """Share of link text from which a block (and the line) counts as link-dense."""
    base_score: float = 0.45
    """Score at ``min_density``; it rises to ``base_score + slope * (1 - min_density)`` at 1."""
    slope: float = 0.9
    """How fast the score rises with the link density."""


def detect(page: Page, params: Params) -> Iterator[Proposal]:
    """Propose lines that are mostly links inside blocks that are mostly links.

    >>> from cleantext import Config
    >>> from cleantext.html import clean_html
    >>> prose = "<p>The council approved the budget after a long debate on schools.</p>"
    >>> menu = "<ul><li><a href='/a'>World</a></li><li><a href='/b'>Sport</a></li></ul>"
    >>> result = clean_html(prose * 3 + menu, config=Config().enable_only("dom_link_density"))
    >>> [(segment.detector, segment.reason) for segment in result.removed]
    [('dom_link_density', 'link density 1.00 (block 1.00) (outside the body)')]
    """
    if page.evidence is None:
        return
    run: list[Line] = []
    found: tuple[float, str] | None = None
    for line, evidence in zip(page.lines, page.evidence, strict=True):
        current = None
        if evidence is not None and not evidence.in_structured_body:
            density = min(evidence.link_density, evidence.line_link_density)
            if density >= params.min_density:
                score = params.base_score + params.slope * (density - params.min_density)
                reason = f"link density {evidence.line_link_density:.2f} (block {evidence.link_density:.2f})"
                current = (round(min(score, 0.95), 3), reason)
        if run and current != found:
            yield span_of(run, *(found or (0.0, "")))
            run = []
        if current is not None:
            run.append(line)
        found = current
    if run:
        yield span_of(run, *(found or (0.0, "")))


DETECTOR = Detector(
    name="dom_link_density",
    description="HTML: lines that are mostly link text, in blocks that are mostly link text.",
    detect=detect,
    params=Params(),
    order=62,
)
