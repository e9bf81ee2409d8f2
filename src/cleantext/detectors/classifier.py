"""content_classifier: what no named detector claims, judged line by line and in context.

The lines are classified by :mod:`cleantext.content.classify`; this module turns the
lines that are not content into proposals, one per run of lines of the same
kind, with the evidence in the reason, all found in one compiled pass
(:func:`~cleantext.content._context.removals`: each run's size and kind, the evidence of its
first line with a class of its own, and where it lies from the main content).
"""

from __future__ import annotations

from collections.abc import Iterator

from cleantext.content._context import removals
from cleantext.content.classify import Params, analyse
from cleantext.detector import Detector, Proposal
from cleantext.text.page import Page


def detect(page: Page, params: Params) -> Iterator[Proposal]:
    """Propose every line outside the main content run, and bad lines inside it.

    >>> from cleantext import clean
    >>> body = ("The mayor said that the new bridge will open in May, after two years of work "
    ...     "and a long debate in the city council about what it would cost.")
    >>> result = clean("Latest\\n\\nWorld\\n\\nLocal\\n\\n" + body + "\\n\\nAbout us")
    >>> [(segment.detector, segment.text) for segment in result.removed]
    [('content_classifier', 'Latest\\n\\nWorld\\n\\nLocal')]
    >>> result.text == body + "\\n\\nAbout us"  # one short line after the text: too uncertain
    True
    """
    analysis = analyse(page, params, page.claims)
    if not analysis.windows:
        return
    scores = {"inside": params.inside_score, "prose": params.prose_score, "edge": params.edge_score}
    counted_words = "stopwords" if analysis.features.language else "frequent words of the page"
    found = removals(
        page.lines,
        analysis.features.lines,
        analysis.initial,
        analysis.classes,
        analysis.windows,
        analysis.headlines,
        analysis.edge,
        params.min_sentence_words,
        counted_words,
    )
    for start, end, kind, reason in found:
        yield Proposal(start, end, scores.get(kind, params.score), reason)


DETECTOR = Detector(
    name="content_classifier",
    description="Lines that read like navigation or furniture, or lie away from the main text.",
    detect=detect,
    params=Params(),
    order=90,
    fallback=True,
    modes=("text",),  # HTML mode's DOM evidence supersedes it (it cost 0.05-0.10 F1 there)
)
