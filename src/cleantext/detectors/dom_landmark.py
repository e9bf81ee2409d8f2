"""dom_landmark: lines inside nav/header/footer/aside or elements named like furniture (HTML mode)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cleantext.detector import Detector, Proposal, span_of
from cleantext.dom import (
    LANDMARK_STRENGTH,
    TOKEN_STRENGTH,
    Container,
    live_labels,
    main_container,
    wrapper_labels,
)
from cleantext.page import DomEvidence, Line, Page, is_prose

CONTENT_LANDMARKS = frozenset({"<article>", "<main>"})
"""Landmarks that speak for content, when they are live labels (not the container's wrappers)."""


@dataclass(frozen=True)
class Params:
    """Thresholds of :data:`DETECTOR`."""

    prose_damping: float = 0.75
    """Factor on the score of a line that reads as prose (it may be content after all)."""
    content_damping: float = 0.8
    """Factor on the score of a line that is also inside <article>/<main>."""
    min_prose_label: float = 0.6
    """A prose line is proposed only under labels at least this strong (a ``header`` class
    word, 0.5, names page headers and article headers alike; a paragraph there is text)."""


def detect(page: Page, params: Params) -> Iterator[Proposal]:
    """Propose lines whose ancestors are furniture landmarks or carry furniture class/id words.

    Inside the main container only the labels of elements below it count: a
    wrapper such as ``<div class="page with-sidebar">`` around the article says nothing.

    >>> from cleantext import Config
    >>> from cleantext.html import clean_html
    >>> prose = "<p>The council approved the budget after a long debate on schools.</p>"
    >>> page = "<div class='share-tools'>Email this</div><nav>Weather</nav>" + prose * 3
    >>> result = clean_html(page, config=Config().enable_only("dom_landmark"))
    >>> [(segment.text, segment.reason) for segment in result.removed]
    [('Email this', 'inside elements with class/id words share (outside the body)'),
     ('Weather', 'inside <nav> (outside the body)')]
    """
    if page.evidence is None:
        return
    container = main_container(page)
    ignored = wrapper_labels(page) if container is None else frozenset()
    run: list[Line] = []
    found: tuple[float, str] | None = None
    for line, evidence in zip(page.lines, page.evidence, strict=True):
        current = _judge(page, line, evidence, (container, ignored), params)
        if run and current != found:
            yield _proposal(run, found)
            run = []
        if current is not None:
            run.append(line)
        found = current
    if run:
        yield _proposal(run, found)


def _proposal(run: list[Line], found: tuple[float, str] | None) -> Proposal:
    score, reason = found or (0.0, "")
    return span_of(run, score, reason)


def _judge(
    page: Page,
    line: Line,
    evidence: DomEvidence | None,
    context: tuple[Container | None, frozenset[str]],
    params: Params,
) -> tuple[float, str] | None:
    if evidence is None or evidence.in_structured_body:
        return None
    labels = live_labels(evidence, *context)
    landmarks = sorted(label[1:-1] for label in labels if label[1:-1] in LANDMARK_STRENGTH)
    words = sorted(label for label in labels if label in TOKEN_STRENGTH)
    if not landmarks and not words:
        return None
    score = max(
        [LANDMARK_STRENGTH[name] for name in landmarks] + [TOKEN_STRENGTH[t] for t in words]
    )
    if is_prose(line.text, page.word_counts[line.index], min_words=8):
        if score < params.min_prose_label:
            return None
        score *= params.prose_damping
    if CONTENT_LANDMARKS.intersection(labels):
        score *= params.content_damping
    parts = [f"inside <{'>, <'.join(landmarks)}>"] if landmarks else []
    if words:
        parts.append(f"inside elements with class/id words {', '.join(words)}")
    return round(score, 3), "; ".join(parts)


DETECTOR = Detector(
    name="dom_landmark",
    description="HTML: lines in nav/header/footer/aside or in elements named nav, share, ad, ...",
    detect=detect,
    params=Params(),
    order=61,
)
