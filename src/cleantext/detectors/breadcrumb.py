"""breadcrumb: trails such as "Home > News > World" or "INTERNATIONAL > Europe & Eurasia"."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from cleantext.detector import Detector, Proposal, quote
from cleantext.text.lexicon import HOME_WORDS, tokens
from cleantext.text.page import Page
from cleantext.text.prefilter import short_lines_with
from cleantext.text.triggers import BREADCRUMB
from cleantext.text.triggers import SEPARATOR_MARKS as SEPARATOR_MARKS

# A match starts only after a non-space (or where the last match ended), and the
# leading spaces are possessive: a long run of spaces is scanned once, not once per start.
SEPARATOR = regex.compile(r"(?:(?<!\s)|\G)(?:\s++(?:>>?|›|»|/|\||→|::|-->)\s+|\s*+(?:›|»|→)\s*)")
SENTENCE_MARKS = (".", "!", "?", ";", ":", ",")
"""A line that ends with one of these ends like a sentence: not a trail."""
WEAK_SEPARATORS = frozenset({"/", "|"})
DANGLING_WORDS = frozenset("of the an and or de du des la le der die das und et".split())
"""Words that never end a label: a step ending in one is a phrase cut in two ("Image 1 of")."""


@dataclass(frozen=True)
class Params:
    """Thresholds of :data:`DETECTOR`."""

    max_chars: int = 120
    """Longer lines are never trails."""
    max_words: int = 14
    """A trail has few words in all."""
    max_part_words: int = 5
    """Each step of a trail is a short label."""
    max_caseless_part_chars: int = 10
    """In scripts without spaces or case (CJK), a step is at most this many characters."""
    score: float = 0.85
    """Score of a trail of three steps or more, or one that starts at Home."""
    two_part_score: float = 0.7
    """Score of a two-step trail with a strong separator (> › » →)."""
    weak_score: float = 0.5
    """Score of a two-step trail split by / or | (often a page title instead)."""


def detect(page: Page, params: Params) -> Iterator[Proposal]:
    """Propose each line that is a short trail of labels joined by one separator.

    >>> from cleantext import clean
    >>> result = clean("INTERNATIONAL > Europe & Eurasia\\n\\nThe envoy arrived in Kyiv late on Friday night.")
    >>> result.removed[0].text
    'INTERNATIONAL > Europe & Eurasia'
    >>> clean("The result was 5 > 3, as the committee expected all along.").removed
    ()

    Each step is a label: a phrase cut in two ("Image 1 of") is none, nor a counter ("4 / 12").

    >>> clean("Image 1 of / 23\\n\\nThe envoy arrived in Kyiv late on Friday night.").removed
    ()
    """
    for line in short_lines_with(page, BREADCRUMB, params.max_chars):
        if line.text.endswith(SENTENCE_MARKS):
            continue
        found = _trail(line.text, params)
        if found is not None:
            score, steps, separator = found
            reason = f"{steps} short labels joined by {separator!r}: {quote(line.text)}"
            yield Proposal(line.start, line.end, score, reason)


def _trail(text: str, params: Params) -> tuple[float, int, str] | None:
    separators = {match.group().strip() for match in SEPARATOR.finditer(text)}
    if len(separators) != 1:
        return None
    parts = [part.strip() for part in SEPARATOR.split(text)]
    if len(parts) < 2 or not all(parts):
        return None
    words = [tokens(part) for part in parts]
    counts = [len(found) for found in words]
    if sum(counts) > params.max_words or max(counts) > params.max_part_words or min(counts) < 1:
        return None
    separator = separators.pop()
    if not _labels(parts, words, separator):
        return None
    if not parts[0][0].isalnum() or parts[0][0].islower():
        return None  # a trail starts with a capital, a digit or a letter of a caseless script
    if any(_caseless(part) and len(part) > params.max_caseless_part_chars for part in parts):
        return None
    starts_home = parts[0].lower() in HOME_WORDS
    if len(parts) >= 3 or starts_home:
        return params.score, len(parts), separator
    if separator in WEAK_SEPARATORS:
        return params.weak_score, len(parts), separator
    return params.two_part_score, len(parts), separator


def _labels(parts: list[str], words: list[list[str]], separator: str) -> bool:
    """False when a step is a phrase cut in two ("Image 1 of") or the line is a counter
    ("Photo 4 / 12"): the steps of a trail are labels."""
    if any(found[-1] in DANGLING_WORDS for found in words):
        return False
    return not (separator in WEAK_SEPARATORS and len(parts) == 2 and parts[1].isdigit())


def _caseless(part: str) -> bool:
    """True when ``part`` starts with a letter that has no case (CJK, Arabic, Hebrew, ...)."""
    first = part[0]
    return first.isalpha() and not first.isupper() and not first.islower()


DETECTOR = Detector(
    name="breadcrumb",
    description="Breadcrumb trails: short labels joined by >, ›, », /, |, or →.",
    detect=detect,
    params=Params(),
    order=20,
)
