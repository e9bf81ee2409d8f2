"""dom_landmark: lines inside nav/header/footer/aside or elements named like furniture (HTML mode)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from cleantext.detector import Detector, Proposal
from cleantext.detectors._landmark import verdict_runs
from cleantext.html.choice import LINK_TOKENS
from cleantext.html.dom import (
    LANDMARK_STRENGTH,
    SENTENCE_WORDS,
    TOKEN_STRENGTH,
    Container,
    ancestor_at,
    content_labels,
    line_rows,
    main_container,
    wrapper_labels,
)
from cleantext.text.page import Page

VERDICT_CACHE_SIZE = 4096
"""Verdicts remembered across pages (:func:`_verdict`; each a short tuple and string)."""
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
    rows = line_rows(page.evidence)
    runs = verdict_runs(rows, page.word_counts, page.sentence_ends, SENTENCE_WORDS, reader)
    for first, last, (score, reason) in runs:
        yield Proposal(page.lines[first].start, page.lines[last].end, score, reason)


Verdict = tuple[float, str]
"""A line's score and reason."""
Pairs = tuple[tuple[str, int], ...]
"""Labels with the depth of the element carrying each."""
Split = tuple[tuple[str, ...], bool] | None
"""A line's furniture labels, and whether a content landmark holds it (``None``: no furniture)."""
Reading = tuple[Pairs, Split, bool]
"""What a line's labels say wherever the line is: the furniture labels and content landmarks
among its live labels (with their depths), their :data:`Split`, and whether the line's own
XPath can silence some of them (then :meth:`_Reader.split_on` works the split out per line)."""


class _Reader:
    """What the labels of one page's lines say: :func:`~cleantext.html.dom.live_labels`, kept to
    the furniture labels, worked out once per set of labels inside the container or outside
    (``readings``), and verdicts once per set of furniture labels and damping (``verdicts``).
    Only a label below the container needs the line's own XPath: the container's carriers
    (elements wrapping the text) silence theirs, and so do elements named like boxes of links
    that hold text. The per-line loop that reads these is compiled
    (:func:`~cleantext.detectors._landmark.verdict_runs`)."""

    def __init__(self, container: Container | None, ignored: frozenset[str], params: Params):
        self.ignored = ignored
        self.params = params
        self.xpath = "\n" if container is None else container.xpath  # (no line's XPath)
        self.floor = 0 if container is None else container.xpath.count("/")
        self.carriers = frozenset[str]() if container is None else container.carriers
        self.boxes = frozenset[str]() if container is None else container.text_boxes
        self.readings: dict[tuple[Pairs, bool], Reading] = {}
        self.verdicts: dict[tuple[tuple[str, ...], bool, bool], Verdict | None] = {}

    def reading(self, labels: Pairs, inner: bool) -> Reading:
        """What ``labels`` say on a line inside the container (``inner``) or outside it."""
        floor = self.floor if inner else 0
        pairs = tuple(
            (label, depth)
            for label, depth in labels
            if depth > floor and label not in self.ignored and _speaks(label)
        )
        names = tuple(label for label, _ in pairs)
        by_path = bool(pairs) and (
            (inner and bool(self.carriers))
            or (bool(self.boxes) and any(label in LINK_TOKENS for label in names))
        )
        self.readings[labels, inner] = pairs, _split(names), by_path
        return self.readings[labels, inner]

    def split_on(self, xpath: str, pairs: Pairs, inner: bool) -> Split:
        """The :data:`Split` of the labels of ``pairs`` that speak on the line at ``xpath``: not
        those of its elements that wrap the text (inside the container), nor link-box names of
        elements that hold text."""
        carriers = self.carriers if inner else frozenset[str]()
        boxes = self.boxes
        return _split(
            tuple(
                label
                for label, depth in pairs
                if not (
                    (element := ancestor_at(xpath, depth)) in carriers
                    or (label in LINK_TOKENS and element in boxes)
                )
            )
        )

    def verdict(self, furniture: tuple[str, ...], in_content: bool, prose: bool) -> Verdict | None:
        """:func:`_verdict`, once per page for each of its arguments."""
        self.verdicts[furniture, in_content, prose] = _verdict(
            furniture, in_content, prose, self.params
        )
        return self.verdicts[furniture, in_content, prose]


def _split(labels: tuple[str, ...]) -> Split:
    """The furniture labels among ``labels``, and whether a content landmark is among them."""
    furniture = tuple(label for label in labels if label not in CONTENT_LANDMARKS)
    return (furniture, len(furniture) < len(labels)) if furniture else None


def _speaks(label: str) -> bool:
    """A furniture label, or a content landmark (which damps the furniture labels)."""
    return label[1:-1] in LANDMARK_STRENGTH or label in TOKEN_STRENGTH or label in CONTENT_LANDMARKS


@lru_cache(maxsize=VERDICT_CACHE_SIZE)
def _verdict(
    labels: tuple[str, ...], in_content: bool, prose: bool, params: Params
) -> Verdict | None:
    """The strongest label's score, damped for prose and for <article>/<main>, and the
    reason naming the labels (``None`` for prose under labels too weak to judge it).

    Its answers are remembered across pages (a few hundred sets of furniture labels recur
    on every site; the pages' own sets are new only the first time)."""
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
    modes=("html",),  # (it reads the DOM evidence, which only HTML mode has)
)
