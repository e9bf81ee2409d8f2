"""print_banner: print, share and utility banners such as "print PRINT" or "A A A"."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from cleantext.detector import Detector, Proposal, line_runs, line_tokens, quote, span_of
from cleantext.text.lexicon import UTILITY_CORE, UTILITY_WORDS
from cleantext.text.page import Line, Page
from cleantext.text.prefilter import lines_only_of

FONT_SIZE_WORDS = frozenset({"a", "aa", "aaa", "a-", "a+", "aa-", "aa+"})


@dataclass(frozen=True)
class Params:
    """Thresholds of :data:`DETECTOR`."""

    max_chars: int = 80
    """Longer lines are never banners."""
    max_tokens: int = 10
    """Banners are a handful of words."""
    score: float = 0.9
    """Score of a line made only of utility words, one of them a core word."""
    font_score: float = 0.85
    """Score of a font-size row ("A A A", "A- A+")."""


def detect(page: Page, params: Params) -> Iterator[Proposal]:
    """Propose each run of consecutive lines made only of utility words.

    >>> from cleantext import clean
    >>> clean("print PRINT\\n\\nThe mayor opened the new bridge on a bright Sunday morning.").text
    'The mayor opened the new bridge on a bright Sunday morning.'
    >>> clean("Print the form and sign it before you send it to the office.").removed
    ()
    """

    def score(line: Line) -> float | None:
        return _banner_score(line.text, line_tokens(page, line.index), params) or None

    candidates = lines_only_of(page, UTILITY_WORDS, params.max_tokens, params.max_chars)
    for run, scores in line_runs(candidates, score):
        yield _proposal(run, scores)


def _banner_score(text: str, words: Sequence[str], params: Params) -> float:
    if len(text) > params.max_chars:
        return 0.0
    if not words or len(words) > params.max_tokens or not set(words) <= UTILITY_WORDS:
        return 0.0
    if set(words) & UTILITY_CORE:
        return params.score
    if set(words) <= FONT_SIZE_WORDS and len(words) >= 2:
        return params.font_score
    return 0.0


def _proposal(run: list[Line], scores: list[float]) -> Proposal:
    shown = " / ".join(quote(line.text, 30) for line in run[:3])
    return span_of(run, min(scores), f"only print/share/utility words: {shown}")


DETECTOR = Detector(
    name="print_banner",
    description="Print, share and utility banners (print PRINT, Print | Email | Share, A A A).",
    detect=detect,
    params=Params(),
    order=10,
)
