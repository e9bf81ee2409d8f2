"""What a detector is: a named, documented, pure function that proposes spans to remove.

A detector never cuts anything itself. It looks at a :class:`~cleantext.text.page.Page`
and yields :class:`Proposal` values: a span of the input, a score in [0, 1] and
a reason with its evidence. The engine weighs every proposal and decides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from typing import Any, Literal, TypeVar

from cleantext.text.page import Line, Page


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
Mode = Literal["text", "html"]
"""What the engine is cleaning: text (:func:`cleantext.clean`) or a rendered HTML page."""
MODES: tuple[Mode, ...] = ("text", "html")


@dataclass(frozen=True)
class Detector:
    """A detector: stable ``name``, one-line ``description``, tunable ``params``, ``detect``.

    ``params`` is a frozen dataclass whose field defaults are the detector's
    named thresholds; ``detect(page, params)`` yields proposals. ``order``
    breaks ties between detectors that claim the same span with equal scores.
    A ``fallback`` detector (a generic classifier) still adds its score, but a
    named detector that claims the same line wins the segment and its reason.
    ``modes`` are the modes it runs in by default; a config that names it
    (``enable``, ``enable_only``) runs it in the others too.
    """

    name: str
    description: str
    detect: DetectFunction
    params: Any = NoParams()
    order: int = 50
    fallback: bool = False
    modes: tuple[Mode, ...] = MODES

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

    >>> from cleantext.text.page import Page
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


def line_tokens(page: Page, index: int) -> tuple[str, ...]:
    """``page.tokens[index]``: the page's tokens are computed once, for every line, in
    compiled code (:mod:`cleantext.text._words`).

    >>> line_tokens(Page.from_text("Home\\n• Share this"), 1)
    ('share', 'this')
    """
    return page.tokens[index]


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
