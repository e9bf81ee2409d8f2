"""dom_landmark: lines inside nav/header/footer/aside or elements named like furniture (HTML mode)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cleantext.detector import Detector, Proposal, span_of
from cleantext.dom import (
    LANDMARK_STRENGTH,
    TOKEN_STRENGTH,
    Container,
    ancestor_at,
    main_container,
    wrapper_labels,
)
from cleantext.page import DomEvidence, Line, Page, is_prose

CONTENT_LANDMARKS = frozenset({"article", "main"})
"""Landmarks of the content: furniture labels inside them are damped."""


@dataclass(frozen=True)
class Params:
    """Thresholds of :data:`DETECTOR`."""

    prose_damping: float = 0.75
    """Factor on the score of a line that reads as prose (it may be content after all)."""
    content_damping: float = 0.8
    """Factor on the score of a line that is also inside <article>/<main>."""


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
    reader = _Reader(container, wrapper_labels(page) if container is None else frozenset())
    run: list[Line] = []
    found: tuple[float, str] | None = None
    for line, evidence in zip(page.lines, page.evidence, strict=True):
        current = _judge(page, line, evidence, reader, params)
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
    page: Page, line: Line, evidence: DomEvidence | None, reader: _Reader, params: Params
) -> tuple[float, str] | None:
    if evidence is None or evidence.in_structured_body:
        return None
    verdict = reader.verdict(evidence)
    if verdict is None:
        return None
    score, reason, in_content = verdict
    if is_prose(line.text, page.word_counts[line.index], min_words=8):
        score *= params.prose_damping
    if in_content:
        score *= params.content_damping
    return round(score, 3), reason


Verdict = tuple[float, str, bool]
"""The strongest furniture label's score (not yet damped), the reason naming the furniture
labels, and whether the line is also inside <article>/<main>."""


class _Reader:
    """What the labels of one page's lines say: :func:`~cleantext.dom.live_labels`, kept to
    the furniture labels, worked out once per set of labels (and verdicts once per set of
    furniture labels). Only a label below the container needs the line's own XPath: the
    container's carriers (elements wrapping the text) silence theirs."""

    def __init__(self, container: Container | None, ignored: frozenset[str]) -> None:
        self.container = container
        self.ignored = ignored
        self.prefix = "" if container is None else container.xpath + "/"
        self.floor = 0 if container is None else container.xpath.count("/")
        self.below: dict[tuple[object, bool], tuple[tuple[tuple[str, int], ...], tuple[str, ...]]]
        self.below = {}
        self.verdicts: dict[tuple[tuple[str, ...], bool], Verdict | None] = {}

    def furniture(self, evidence: DomEvidence) -> tuple[str, ...]:
        """The furniture labels among the line's live labels."""
        xpath, container = evidence.xpath, self.container
        inner = container is not None and (
            xpath == container.xpath or xpath.startswith(self.prefix)
        )
        key = (evidence.labels, inner)
        if key not in self.below:
            floor = self.floor if inner else 0
            pairs = tuple(
                (label, depth)
                for label, depth in evidence.labels
                if depth > floor and label not in self.ignored and _is_furniture(label)
            )
            self.below[key] = pairs, tuple(label for label, _ in pairs)
        pairs, labels = self.below[key]
        if container is not None and inner and container.carriers and pairs:
            carriers = container.carriers
            return tuple(
                label for label, depth in pairs if ancestor_at(xpath, depth) not in carriers
            )
        return labels

    def verdict(self, evidence: DomEvidence) -> Verdict | None:
        """The line's verdict, before the prose damping (``None``: no furniture label)."""
        labels = self.furniture(evidence)
        if not labels:
            return None
        key = (labels, not evidence.landmarks.isdisjoint(CONTENT_LANDMARKS))
        if key not in self.verdicts:
            self.verdicts[key] = _verdict(*key)
        return self.verdicts[key]


def _is_furniture(label: str) -> bool:
    return label[1:-1] in LANDMARK_STRENGTH or label in TOKEN_STRENGTH


def _verdict(labels: tuple[str, ...], in_content: bool) -> Verdict:
    landmarks = sorted(label[1:-1] for label in labels if label[1:-1] in LANDMARK_STRENGTH)
    words = sorted(label for label in labels if label in TOKEN_STRENGTH)
    score = max(
        [LANDMARK_STRENGTH[name] for name in landmarks] + [TOKEN_STRENGTH[t] for t in words]
    )
    parts = [f"inside <{'>, <'.join(landmarks)}>"] if landmarks else []
    if words:
        parts.append(f"inside elements with class/id words {', '.join(words)}")
    return score, "; ".join(parts), in_content


DETECTOR = Detector(
    name="dom_landmark",
    description="HTML: lines in nav/header/footer/aside or in elements named nav, share, ad, ...",
    detect=detect,
    params=Params(),
    order=61,
)
