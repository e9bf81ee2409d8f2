"""content_classifier: what no named detector claims, judged line by line and in context.

The lines are classified by :mod:`cleantext.content.classify`; this module turns the
lines that are not content into proposals, one per run of lines of the same
kind, with the evidence in the reason.
"""

from __future__ import annotations

from collections.abc import Iterator

from cleantext.content._context import removal_runs
from cleantext.content.classify import EMPTY, Analysis, Params, analyse
from cleantext.detector import Detector, Proposal, span_of
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
    runs = removal_runs(
        list(analysis.classes),
        analysis.features.lines,
        analysis.windows,
        analysis.headlines,
        analysis.edge,
        params.min_sentence_words,
    )
    for first, last, kind in runs:
        yield _proposal(page, analysis, range(first, last + 1), kind, params)


def _proposal(page: Page, analysis: Analysis, run: range, kind: str, params: Params) -> Proposal:
    """The proposal of a run of lines that go for the same reason (see
    :func:`~cleantext.content._context.removal_runs`: bad lines inside the content,
    lines outside it, prose away from it, short lines at its edge)."""
    scores = {"inside": params.inside_score, "prose": params.prose_score, "edge": params.edge_score}
    score = scores.get(kind, params.score)
    return span_of([page.lines[run[0]], page.lines[run[-1]]], score, _reason(analysis, run, kind))


def _reason(analysis: Analysis, run: range, kind: str) -> str:
    """The run's size and kind, the evidence of its first own line, and where it lies."""
    shown = next((index for index in run if analysis.initial[index] != EMPTY), run[0])
    line = analysis.features.lines[shown]
    words = "stopwords" if analysis.features.language else "frequent words of the page"
    evidence = (
        f"{line.words} words, "
        f"{'sentence punctuation' if line.sentence_end else 'no sentence punctuation'}, "
        f"{line.density:.0%} {words}"
    )
    if line.repeats > 1:
        evidence += f", occurs {line.repeats} times"
    label = {
        "inside": "boilerplate inside the content",
        "prose": "text away from the content",
        "edge": "short lines just after the content",
    }.get(kind, "boilerplate")
    where = _where(analysis, run)
    return f"{_lines(len(run))} of {label} ({analysis.initial[shown]}: {evidence}), {where}"


def _where(analysis: Analysis, run: range) -> str:
    first, last = analysis.window
    if last < first:
        return "no content run on the page"
    if run[-1] < first:
        return f"{_lines(first - run[-1])} before the content"
    if run[0] > last:
        return f"{_lines(run[0] - last)} after the content"
    return "within the content"


def _lines(count: int) -> str:
    return f"{count} lines" if count != 1 else "1 line"


DETECTOR = Detector(
    name="content_classifier",
    description="Lines that read like navigation or furniture, or lie away from the main text.",
    detect=detect,
    params=Params(),
    order=90,
    fallback=True,
    modes=("text",),  # HTML mode's DOM evidence supersedes it (it cost 0.05-0.10 F1 there)
)
