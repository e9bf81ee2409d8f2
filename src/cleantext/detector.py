"""What a detector is: a named, documented, pure function that proposes spans to remove.

A detector never cuts anything itself. It looks at a :class:`~cleantext.page.Page`
and yields :class:`Proposal` values: a span of the input, a score in [0, 1] and
a reason with its evidence. The engine weighs every proposal and decides.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from itertools import accumulate
from typing import Any, TypeVar

from cleantext.page import Line, Page


@dataclass(frozen=True, slots=True)
class Proposal:
    """A detector's claim that ``page.text[start:end]`` is boilerplate."""

    start: int
    end: int
    score: float
    reason: str


@dataclass(frozen=True)
class NoParams:
    """Parameters of a detector that has no thresholds to tune."""


DetectFunction = Callable[[Page, Any], Iterable[Proposal]]


@dataclass(frozen=True)
class Detector:
    """A detector: stable ``name``, one-line ``description``, tunable ``params``, ``detect``.

    ``params`` is a frozen dataclass whose field defaults are the detector's
    named thresholds; ``detect(page, params)`` yields proposals. ``order``
    breaks ties between detectors that claim the same span with equal scores.
    A ``fallback`` detector (a generic classifier) still adds its score, but a
    named detector that claims the same line wins the segment and its reason.
    """

    name: str
    description: str
    detect: DetectFunction
    params: Any = NoParams()
    order: int = 50
    fallback: bool = False

    def run(self, page: Page, params: Any = None) -> list[Proposal]:
        """Run the detector on ``page`` with ``params`` (its defaults when None)."""
        return list(self.detect(page, self.params if params is None else params))

    def param_names(self) -> tuple[str, ...]:
        """Names of the tunable parameters."""
        return tuple(item.name for item in fields(self.params))


Evidence = TypeVar("Evidence")


def line_runs(
    lines: Iterable[Line], evidence: Callable[[Line], Evidence | None]
) -> Iterator[tuple[list[Line], list[Evidence]]]:
    """Maximal runs of adjacent lines whose ``evidence`` is not None, with that evidence.

    >>> from cleantext.page import Page
    >>> page = Page.from_text("Share\\nTweet\\nThe text goes on here.\\nPrint")
    >>> def short(line):
    ...     return len(line.text) if len(line.text) < 6 else None
    >>> [([line.text for line in run], sizes) for run, sizes in line_runs(page.lines, short)]
    [(['Share', 'Tweet'], [5, 5]), (['Print'], [5])]
    """
    run: list[Line] = []
    found: list[Evidence] = []
    for line in lines:
        item = evidence(line)
        if run and (item is None or line.index != run[-1].index + 1):
            yield run, found
            run, found = [], []
        if item is not None:
            run.append(line)
            found.append(item)
    if run:
        yield run, found


class FoldedLines:
    """The case-folded text of some lines, joined by newlines, to find words in it quickly.

    A cheap pre-filter, one C-level scan per word: a rule matched with
    ``regex.IGNORECASE`` (simple case folding, which ``str.casefold`` covers) or
    on lower-cased text can only accept a line that holds its literal words.

    >>> page = Page.from_text("Leave a COMMENT\\nThe text.\\nReplies")
    >>> [line.text for line in FoldedLines(page.lines).containing(("comment", "repl"))]
    ['Leave a COMMENT', 'Replies']
    """

    __slots__ = ("lines", "starts", "text")

    def __init__(self, lines: Sequence[Line]) -> None:
        texts = [line.text for line in lines]
        joined = "\n".join(texts)
        folded = joined.casefold()
        if len(folded) == len(joined):  # each character folded to one: offsets are unchanged
            sizes = [len(text) for text in texts]
        else:
            pieces = [text.casefold() for text in texts]
            folded, sizes = "\n".join(pieces), [len(piece) for piece in pieces]
        self.lines = lines
        self.text = folded
        self.starts = list(accumulate((size + 1 for size in sizes), initial=0))
        """Where each line starts in ``text`` (and, last, where a next one would)."""

    def containing(self, words: Iterable[str]) -> list[Line]:
        """The lines, in order, that contain one of ``words`` (case-folded, without newlines)."""
        text, starts = self.text, self.starts
        found: set[int] = set()
        for word in words:
            at = text.find(word)
            while at >= 0:  # one hit per line is enough: go on at the next line
                number = bisect_right(starts, at) - 1
                found.add(number)
                at = text.find(word, starts[number + 1])
        return [self.lines[number] for number in sorted(found)]


def lines_with(lines: Sequence[Line], words: Iterable[str]) -> list[Line]:
    """The ``lines`` whose case-folded text contains one of ``words`` (see :class:`FoldedLines`).

    >>> page = Page.from_text("Share\\nThe text.\\nTWEET")
    >>> [line.text for line in lines_with(page.lines, ("tweet",))]
    ['TWEET']
    """
    return FoldedLines(lines).containing(words)


def triggers(*groups: Iterable[str]) -> tuple[str, ...]:
    """The case-folded words of ``groups`` for :func:`lines_with`, without redundant ones.

    A word that contains another is dropped: a line holding it holds the other.

    >>> triggers(("comment", "comments", "Reply"), ["replies", "commentaire"])
    ('comment', 'replies', 'reply')
    """
    words = {word.casefold() for group in groups for word in group}
    return tuple(sorted(word for word in words if not any(part in word for part in words - {word})))


def span_of(lines: Sequence[Line], score: float, reason: str) -> Proposal:
    """A proposal covering ``lines`` (consecutive, in order) from first to last."""
    return Proposal(lines[0].start, lines[-1].end, score, reason)


def quote(text: str, limit: int = 40) -> str:
    """Quote ``text`` for a reason, shortened to ``limit`` characters.

    >>> quote("Print | Email | Share")
    '"Print | Email | Share"'
    >>> quote("x" * 50, limit=10)
    '"xxxxxxxxx…"'
    """
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f'"{text}"'


def in_margin(page: Page, index: int) -> bool:
    """True when line ``index`` lies before or after the page's body core."""
    first, last = page.body
    return last < first or index < first or index > last
