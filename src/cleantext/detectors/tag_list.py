"""tag_list: footer tag lists (a run of short bullet items, or a "Tags:" line) after the body."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from cleantext.detector import Detector, Proposal, span_of
from cleantext.detectors._tag_list import RUN, tag_events
from cleantext.text._prefilter import longer_lines
from cleantext.text.lexicon import count_tokens, has_bullet, strip_bullet
from cleantext.text.page import Line, Page
from cleantext.text.triggers import TAG_LABEL_WORDS, TAG_LIST

TAG_LABEL = regex.compile(
    r"^(?:tags?|tagged(?: with)?|topics?|related topics|filed under|categories|category|keywords"
    r"|schlagwörter|schlagworte|themen|mots[- ]clés|étiquettes|etiquetas|temas|tematy|tagi"
    r"|argomenti|теги|темы)\s*:?",
    regex.IGNORECASE,
)
SENTENCE_STOPS = (".", "!", "?")
"""A tag item never ends with one of these."""
LABEL_WORDS = TAG_LABEL_WORDS
"""The first words of :data:`TAG_LABEL` (case-folded): a label line starts with one, or a
tag item with a bullet (the shared scan's :data:`~cleantext.text.triggers.TAG_LIST`)."""


@dataclass(frozen=True)
class Params:
    """Thresholds of :data:`DETECTOR`."""

    min_items: int = 2
    """A run needs at least this many bullet items."""
    max_item_words: int = 4
    """Tags are one to a few words."""
    max_label_words: int = 30
    """A "Tags:" line holds at most this many words."""
    score: float = 0.8
    """Score of a run of short bullets after the body."""
    label_score: float = 0.85
    """Score of a line that starts with a tag label ("Tags:", "Topics:")."""


def detect(page: Page, params: Params) -> Iterator[Proposal]:
    """Propose runs of short bullet items and "Tags:" lines that follow the body.

    >>> from cleantext import clean
    >>> body = "The minister resigned on Friday after weeks of pressure from his party."
    >>> clean(body + "\\n\\n  • Politics\\n  • Elections\\n  • Europe").text == body
    True
    >>> steps = "Mix the flour and the butter.\\n  • 200 g flour\\n  • 100 g butter\\n" + body
    >>> clean(steps).removed
    ()
    """
    after_body = page.body[1] + 1 if page.body[1] >= page.body[0] else len(page.lines)
    candidates = _candidates(page, after_body)
    if not candidates:
        return  # (the token counts are not even read: a page's worth of them)
    events = tag_events(
        page.lines, page.token_counts, candidates, params.max_item_words, params.min_items,
        lambda index: has_bullet(page.lines.line_text(index)),
    )  # fmt: skip
    for kind, first, last in events:
        if kind == RUN:
            yield _run_proposal(page.lines[first : last + 1], params)
            continue
        line = page.lines[first]  # (a line that may be a label)
        if _is_label(line.text, params):
            yield span_of([line], params.label_score, f"tag label line {line.text[:40]!r}")


def _candidates(page: Page, first: int) -> list[int]:
    """The lines from ``first`` on that start with a bullet or a word of :data:`LABEL_WORDS`
    (found in ``page.folded``), and the lines too long to be in it."""
    folded = page.folded
    found = folded.triggered_numbers(TAG_LIST)
    if folded.max_chars is not None:
        found = sorted(found + longer_lines(page.lines, folded.max_chars))
    return [index for index in found if index >= first]


def _is_label(text: str, params: Params) -> bool:
    """True for a "Tags:" line (a bullet item never is one: the label starts it)."""
    return TAG_LABEL.match(text) is not None and count_tokens(text) <= params.max_label_words


def _run_proposal(run: Sequence[Line], params: Params) -> Proposal:
    """The proposal of a run of short bullet items after the body."""
    items = ", ".join(strip_bullet(line.text) for line in run[:4])
    more = f" and {len(run) - 4} more" if len(run) > 4 else ""
    reason = f"{len(run)} short bullet items after the body ends: {items}{more}"
    return span_of(run, params.score, reason)


DETECTOR = Detector(
    name="tag_list",
    description='Footer tag lists: short bullet items or a "Tags:" line after the body.',
    detect=detect,
    params=Params(),
    order=40,
)
