"""dom_landmark: lines inside nav/header/footer/aside or elements named like furniture (HTML mode)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cleantext.detector import Detector, Proposal, span_of
from cleantext.html.choice import LINK_TOKENS
from cleantext.html.dom import (
    LANDMARK_STRENGTH,
    SENTENCE_WORDS,
    TOKEN_STRENGTH,
    Container,
    ancestor_at,
    content_labels,
    main_container,
    wrapper_labels,
)
from cleantext.text.page import DomEvidence, Line, Page, counts_as_prose

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
    """Propose lines whose ancestors are furniture landmarks or carry furniture class/id words
    (not the words that name a page's content: a forum's posts, ``comment``).

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
    wrappers = wrapper_labels(page) if container is None else frozenset()
    reader = _Reader(container, wrappers | content_labels(page.page_type.kind), params)
    run: list[Line] = []
    found: Verdict | None = None
    lines = zip(page.lines, page.evidence, page.word_counts, page.sentence_ends, strict=True)
    for line, evidence, words, ends in lines:
        current = reader.judge(counts_as_prose(words, ends, SENTENCE_WORDS), evidence)
        if run and current != found:
            yield _proposal(run, found)
            run = []
        if current is not None:
            run.append(line)
        found = current
    if run:
        yield _proposal(run, found)


def _proposal(run: list[Line], found: Verdict | None) -> Proposal:
    score, reason = found or (0.0, "")
    return span_of(run, score, reason)


Verdict = tuple[float, str]
"""A line's score and reason."""
LabelsBelow = tuple[tuple[tuple[str, int], ...], tuple[str, ...]]
"""Furniture labels of elements below a depth: with their depths, and alone."""
Split = tuple[tuple[str, ...], bool] | None
"""A line's furniture labels, and whether a content landmark holds it (``None``: no furniture)."""


class _Reader:
    """What the labels of one page's lines say: :func:`~cleantext.html.dom.live_labels`, kept to
    the furniture labels, worked out once per set of labels, and verdicts once per set of
    furniture labels and damping. Only a label below the container needs the line's own
    XPath: the container's carriers (elements wrapping the text) silence theirs."""

    def __init__(self, container: Container | None, ignored: frozenset[str], params: Params):
        self.ignored = ignored
        self.params = params
        self.xpath = "\n" if container is None else container.xpath  # (no line's XPath)
        self.prefix = "\n" if container is None else container.xpath + "/"
        self.floor = 0 if container is None else container.xpath.count("/")
        self.carriers = frozenset[str]() if container is None else container.carriers
        self.boxes = frozenset[str]() if container is None else container.text_boxes
        self.below: dict[tuple[object, bool], LabelsBelow] = {}
        self.splits: dict[tuple[object, bool], Split] = {}
        self.verdicts: dict[tuple[tuple[str, ...], bool, bool], Verdict | None] = {}

    def judge(self, prose: bool, evidence: DomEvidence | None) -> Verdict | None:
        """The line's score and reason (``None``: no furniture label speaks about it)."""
        if evidence is None or evidence.in_structured_body:
            return None
        xpath = evidence.xpath
        inner = xpath == self.xpath or xpath.startswith(self.prefix)
        key = (evidence.labels, inner)
        if (inner and self.carriers) or (self.boxes and self.names_a_box(key)):
            pairs = self.pairs(key)[0]
            split = _split(self.unwrapped(xpath, pairs, inner)) if pairs else None
        elif key in self.splits:
            split = self.splits[key]
        else:
            split = self.splits[key] = _split(self.pairs(key)[1])
        if split is None:
            return None
        return self.verdict(*split, prose)

    def pairs(self, key: tuple[tuple[tuple[str, int], ...], bool]) -> LabelsBelow:
        """The furniture labels and content landmarks among the live labels of a line with
        these labels, inside the container or not (before the carriers silence theirs)."""
        if key not in self.below:
            labels, inner = key
            floor = self.floor if inner else 0
            pairs = tuple(
                (label, depth)
                for label, depth in labels
                if depth > floor and label not in self.ignored and _speaks(label)
            )
            self.below[key] = pairs, tuple(label for label, _ in pairs)
        return self.below[key]

    def names_a_box(self, key: tuple[tuple[tuple[str, int], ...], bool]) -> bool:
        """Whether a line with these labels has a link-box name (``menu``, ``nav``, ...)."""
        return any(label in LINK_TOKENS for label in self.pairs(key)[1])

    def unwrapped(
        self, xpath: str, pairs: tuple[tuple[str, int], ...], inner: bool
    ) -> tuple[str, ...]:
        """The labels of ``pairs`` that speak: not those of elements on ``xpath`` that wrap the
        text (inside the container), nor link-box names of elements that hold text."""
        carriers = self.carriers if inner else frozenset[str]()
        boxes = self.boxes
        return tuple(
            label
            for label, depth in pairs
            if not (
                (element := ancestor_at(xpath, depth)) in carriers
                or (label in LINK_TOKENS and element in boxes)
            )
        )

    def verdict(self, furniture: tuple[str, ...], in_content: bool, prose: bool) -> Verdict | None:
        """:func:`_verdict`, once per page for each of its arguments."""
        key = (furniture, in_content, prose)
        if key not in self.verdicts:
            self.verdicts[key] = _verdict(*key, self.params)
        return self.verdicts[key]


def _split(labels: tuple[str, ...]) -> Split:
    """The furniture labels among ``labels``, and whether a content landmark is among them."""
    furniture = tuple(label for label in labels if label not in CONTENT_LANDMARKS)
    return (furniture, len(furniture) < len(labels)) if furniture else None


def _speaks(label: str) -> bool:
    """A furniture label, or a content landmark (which damps the furniture labels)."""
    return label[1:-1] in LANDMARK_STRENGTH or label in TOKEN_STRENGTH or label in CONTENT_LANDMARKS


def _verdict(
    labels: tuple[str, ...], in_content: bool, prose: bool, params: Params
) -> Verdict | None:
    """The strongest label's score, damped for prose and for <article>/<main>, and the
    reason naming the labels (``None`` for prose under labels too weak to judge it)."""
    landmarks = sorted(label[1:-1] for label in labels if label[1:-1] in LANDMARK_STRENGTH)
    words = sorted(label for label in labels if label in TOKEN_STRENGTH)
    score = max(
        [LANDMARK_STRENGTH[name] for name in landmarks] + [TOKEN_STRENGTH[t] for t in words]
    )
    if prose:
        if score < params.min_prose_label:
            return None
        score *= params.prose_damping
    if in_content:
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
