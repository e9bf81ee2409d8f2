"""dom_link_density: lines of blocks made mostly of link text (HTML mode)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cleantext.detector import Detector, Proposal, span_of
from cleantext.html.dom import line_kinds
from cleantext.html.items import item_lines
from cleantext.text.page import Line, Page


@dataclass(frozen=True)
class Params:
    """Thresholds of :data:`DETECTOR`."""

    min_density: float = 0.5
    """Share of link text from which a block (and the line) counts as link-dense."""
    base_score: float = 0.45
    """Score at ``min_density``; it rises to ``base_score + slope * (1 - min_density)`` at 1."""
    slope: float = 0.9
    """How fast the score rises with the link density."""
    max_heading_words: int = 8
    """A heading this short right before a link-dense line is proposed with it."""
    heading_factor: float = 0.9
    """Share of the link list's score that its heading gets."""


def detect(page: Page, params: Params) -> Iterator[Proposal]:
    """Propose lines that are mostly links inside blocks that are mostly links (not the items'
    titles of a listing or a collection: :func:`~cleantext.html.items.item_lines`).

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
    judged = _judged(page, params)
    run: list[Line] = []
    for line, current in zip(page.lines, judged, strict=True):
        if run and current != judged[run[-1].index]:
            yield span_of(run, *(judged[run[-1].index] or (0.0, "")))
            run = []
        if current is not None:
            run.append(line)
    if run:
        yield span_of(run, *(judged[run[-1].index] or (0.0, "")))


def _judged(page: Page, params: Params) -> list[tuple[float, str] | None]:
    """Each line's score and reason (``None``: not proposed): link-dense lines, then the
    headings of link lists (each heading judged by the line after it as first judged)."""
    evidence = page.evidence or ()
    items = item_lines(page)
    verdicts: dict[tuple[float, float], tuple[float, str]] = {}  # (once per pair of densities)
    judged: list[tuple[float, str] | None] = []
    headings: list[int] = []
    for index, item in enumerate(line_kinds(evidence)):  # (its columns: no item made a line)
        found = None
        if item is None:
            pass
        elif (
            item.line_link_density >= params.min_density  # (cheap tests first)
            and item.link_density >= params.min_density
            and not item.in_structured_body
            and index not in items
        ):
            key = (item.line_link_density, item.link_density)
            found = verdicts.get(key)
            if found is None:
                found = verdicts[key] = _verdict(*key, params)
        elif item.is_heading:
            headings.append(index)
        judged.append(found)
    for index in headings:  # (in order: each reads the next line's first judgement)
        judged[index] = _heading_of(page, index, judged, params)
    return judged


def _verdict(line_density: float, block_density: float, params: Params) -> tuple[float, str]:
    density = min(block_density, line_density)
    score = params.base_score + params.slope * (density - params.min_density)
    reason = f"link density {line_density:.2f} (block {block_density:.2f})"
    return round(min(score, 0.95), 3), reason


def _heading_of(
    page: Page, index: int, judged: list[tuple[float, str] | None], params: Params
) -> tuple[float, str] | None:
    """A short heading right before a link-dense line is the title of that link list."""
    evidence = page.evidence[index] if page.evidence else None
    following = judged[index + 1] if index + 1 < len(judged) else None
    if evidence is None or following is None or not evidence.is_heading:
        return None
    if page.word_counts[index] > params.max_heading_words:
        return None
    score = round(following[0] * params.heading_factor, 3)
    return score, f"heading of a link list ({following[1]})"


DETECTOR = Detector(
    name="dom_link_density",
    description="HTML: lines that are mostly link text, in blocks that are mostly link text.",
    detect=detect,
    params=Params(),
    order=62,
    modes=("html",),  # (it reads the DOM evidence, which only HTML mode has)
)
