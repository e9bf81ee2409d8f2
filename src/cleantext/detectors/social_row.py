"""social_row: share and follow rows ("Share on Facebook", "Facebook Twitter LinkedIn")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from cleantext.detector import Detector, Proposal, line_runs, line_tokens, span_of
from cleantext.text.lexicon import (
    SHARE_VERBS,
    SOCIAL_FILLER,
    SOCIAL_NETWORKS,
    STRONG_NETWORKS,
    strip_bullet,
    tokens,
)
from cleantext.text.page import Line, Page, is_prose
from cleantext.text.prefilter import lines_only_of

NETWORK_OR_FILLER = SOCIAL_NETWORKS | STRONG_NETWORKS | SOCIAL_FILLER
"""A share row is made of these words only."""


@dataclass(frozen=True)
class Params:
    """Thresholds of :data:`DETECTOR`."""

    max_chars: int = 120
    """Longer lines are never share rows."""
    max_tokens: int = 14
    """A share row is a handful of words."""
    max_label_tokens: int = 4
    """A row without network names ("Share this:", "Follow us") has at most this many words."""
    score: float = 0.9
    """Score of a row naming two networks or more, or one network with a share verb."""
    single_score: float = 0.55
    """Score of a line that is one network name alone (a run of them scores ``score``)."""


def detect(page: Page, params: Params) -> Iterator[Proposal]:
    """Propose each run of consecutive lines made of network names and share words.

    >>> from cleantext import Config, clean
    >>> only = Config().enable_only("social_row")
    >>> body = "The mayor opened the new bridge on a bright Sunday morning."
    >>> clean(body + "\\n\\nShare on Facebook\\nFacebook Twitter LinkedIn WhatsApp", config=only).text == body
    True
    >>> clean("Facebook shares fell on Tuesday after the company cut its forecast.", config=only).removed
    ()
    """

    def networks(line: Line) -> list[str] | None:
        return _networks(line.text, line_tokens(page, line.index), params)

    candidates = lines_only_of(page, NETWORK_OR_FILLER, params.max_tokens, params.max_chars)
    for run, found in line_runs(candidates, networks):
        yield from _proposal(run, [name for names in found for name in names], params)


def _networks(text: str, words: Sequence[str], params: Params) -> list[str] | None:
    """The network names of a share-row line (a share verb counts as ``share``), else None.

    A line of generic names only ("Email", "RSS") gives an empty list: it joins a
    row but does not make one.
    """
    if len(text) > params.max_chars:
        return None
    if not words or len(words) > params.max_tokens:
        return None
    if not all(word in NETWORK_OR_FILLER for word in words):
        return None
    if is_prose(text, len(words)):  # a sentence is not a row of buttons, whatever its words
        return None
    named = [word for word in words if word in STRONG_NETWORKS]
    verbs = ["share"] if set(words) & SHARE_VERBS else []
    if named or verbs or set(words) <= SOCIAL_NETWORKS:
        return named + verbs
    return None


def _proposal(run: list[Line], names: list[str], params: Params) -> Iterator[Proposal]:
    label = len(run) == 1 and len(tokens(strip_bullet(run[0].text))) <= params.max_label_tokens
    if not names or (names == ["share"] and not label):
        return
    networks = sorted({name for name in names if name != "share"})
    strong = len(networks) >= 2 or "share" in names
    score = params.score if strong else params.single_score
    evidence = [f"networks {', '.join(networks[:6])}"] if networks else []
    evidence += ["a share/follow verb"] if "share" in names else []
    reason = f"share/follow row of {len(run)} line(s): {' and '.join(evidence)}"
    yield span_of(run, score, reason)


DETECTOR = Detector(
    name="social_row",
    description="Share and follow rows: network names with share words (Share on Facebook).",
    detect=detect,
    params=Params(),
    order=9,
)
