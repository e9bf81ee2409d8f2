"""tag_list: footer tag lists (a run of short bullet items, or a "Tags:" line) after the body."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from cleantext.detector import Detector, Proposal, span_of
from cleantext.text.lexicon import count_tokens, has_bullet, strip_bullet
from cleantext.text.page import Line, Page

TAG_LABEL = regex.compile(
    r"^(?:tags?|tagged(?: with)?|topics?|related topics|filed under|categories|category|keywords"
    r"|schlagwörter|schlagworte|themen|mots[- ]clés|étiquettes|etiquetas|temas|tematy|tagi"
    r"|argomenti|теги|темы)\s*:?",
    regex.IGNORECASE,
)
SENTENCE_END = regex.compile(r"[.!?]$")


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
    run: list[Line] = []
    for line in page.lines[after_body:]:
        if TAG_LABEL.match(line.text) and count_tokens(line.text) <= params.max_label_words:
            yield span_of([line], params.label_score, f"tag label line {line.text[:40]!r}")
        elif _is_tag_item(line.text, params) and (not run or line.index == run[-1].index + 1):
            run.append(line)
            continue
        yield from _run_proposal(run, params)
        run = [line] if _is_tag_item(line.text, params) else []
    yield from _run_proposal(run, params)


def _is_tag_item(text: str, params: Params) -> bool:
    if not has_bullet(text):
        return False
    item = strip_bullet(text)
    return 0 < count_tokens(item) <= params.max_item_words and not SENTENCE_END.search(item)


def _run_proposal(run: list[Line], params: Params) -> Iterator[Proposal]:
    if len(run) >= params.min_items:
        items = ", ".join(strip_bullet(line.text) for line in run[:4])
        more = f" and {len(run) - 4} more" if len(run) > 4 else ""
        reason = f"{len(run)} short bullet items after the body ends: {items}{more}"
        yield span_of(run, params.score, reason)


DETECTOR = Detector(
    name="tag_list",
    description='Footer tag lists: short bullet items or a "Tags:" line after the body.',
    detect=detect,
    params=Params(),
    order=40,
)
