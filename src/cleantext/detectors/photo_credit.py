"""photo_credit: photo credits ("Photo: Jane Doe/Reuters", "(Getty Images)", "Foto: dpa")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from cleantext.detector import Detector, Proposal, line_tokens, quote
from cleantext.text.lexicon import PHOTO_AGENCIES
from cleantext.text.page import Line, Page
from cleantext.text.prefilter import in_line_order, short_lines_with
from cleantext.text.triggers import AGENCIES, CREDIT_TRIGGERS, PHOTO_CREDIT

LABELLED = regex.compile(
    r"""^[\W_]*(?:
        (?:photo|photos|photograph|photography|image|images|picture|pic|foto|fotos|bild|bilder
        |illustration|title\ image|header\ image|cover\ image|lead\ image)
        (?:\ credits?|\ courtesy(?:\ of)?|\ by|\ source|\ ©|\ \(c\))?\s?[:/|©]
        |(?:image\ |photo\ )?credits?\s?[:/|]|credit\.\.\.|courtesy\ of\ |photos?\ by\ [\p{Lu}@]
        |(?:photo|image|picture)\ (?:credit|courtesy)\ |(?:ap|afp|epa|reuters|dpa)\ photo\s?/
    )""",
    regex.IGNORECASE | regex.VERBOSE,
)
TRAILING = regex.compile(
    r"(?:credit|photo|foto|image|bild)\s?(?:\.\.\.|…|:)\s?\S[^.!?]{0,80}$", regex.I
)
"""A credit glued to the end of a caption ("...a big win.Credit...Doug Mills/The Times")."""
PARENTHESISED = regex.compile(r"^[(\[].{2,80}[)\]]$")
TRIGGERS = CREDIT_TRIGGERS
"""Case-folded words, one of which every credit line contains, a label or an agency (the
page's shared scan finds tighter groups: :data:`~cleantext.text.triggers.PHOTO_CREDIT`,
:data:`~cleantext.text.triggers.AGENCIES`)."""


@dataclass(frozen=True)
class Params:
    """Thresholds of :data:`DETECTOR`."""

    max_chars: int = 160
    """Longer lines are never credit lines."""
    max_words: int = 16
    """A credit line holds at most this many words."""
    max_bare_words: int = 2
    """A line naming an agency without brackets or a slash ("Getty Images") has at most this."""
    score: float = 0.85
    """Score of a labelled credit ("Photo: ...", "Image Credit: ...", "AP Photo/...")."""
    agency_score: float = 0.75
    """Score of a short line in brackets or with a slash that names a photo agency."""
    caption_score: float = 0.6
    """Score of a caption line that ends with a credit ("...Credit...Name")."""


def detect(page: Page, params: Params) -> Iterator[Proposal]:
    """Propose each short line that is a photo credit.

    >>> from cleantext import Config, clean
    >>> only = Config().enable_only("photo_credit")
    >>> body = "The mayor opened the new bridge on a bright Sunday morning."
    >>> clean("Photo: Jane Doe/Reuters\\n\\n" + body, config=only).text == body
    True
    >>> clean("The photo showed the mayor on the new bridge at dawn.", config=only).removed
    ()
    """
    for line in _candidates(page, params):
        found = _evidence(line.text, line_tokens(page, line.index), params)
        if found is not None:
            score, evidence = found
            yield Proposal(line.start, line.end, score, f"{evidence}: {quote(line.text)}")


def _candidates(page: Page, params: Params) -> Iterator[Line]:
    """The short lines of at most ``max_words`` words that may be credits, in order: those
    the shared scan finds opening with a label or holding a trailing credit's words, and
    those with an agency's name among their tokens (:func:`_named`)."""
    counts = page.word_counts
    labelled = short_lines_with(page, PHOTO_CREDIT, params.max_chars)
    last = -1
    for line in in_line_order(labelled, _named(page, params)):
        if line.index != last and counts[line.index] <= params.max_words:
            yield line
        last = line.index


def _named(page: Page, params: Params) -> Iterator[Line]:
    """The short lines with an agency's name among their tokens, in order. The shared scan
    finds such a name inside words too (``ap`` in "happen"): the tokens settle it before
    the line is built."""
    words, folded = page.tokens, page.folded
    if folded.max_chars is not None and folded.max_chars < params.max_chars:
        named = short_lines_with(page, AGENCIES, params.max_chars)  # (longer lines too)
        return (line for line in named if not PHOTO_AGENCIES.isdisjoint(words[line.index]))
    numbers = folded.triggered_indexes(AGENCIES)  # (page.folded holds the page's lines)
    found = (page.lines[n] for n in numbers if not PHOTO_AGENCIES.isdisjoint(words[n]))
    return (line for line in found if len(line.text) <= params.max_chars)


def _evidence(text: str, words: Sequence[str], params: Params) -> tuple[float, str] | None:
    label = LABELLED.match(text)
    if label is not None:
        return params.score, f"credit label {label.group().strip()!r}"
    agencies = sorted(set(words) & PHOTO_AGENCIES)
    if agencies and (
        PARENTHESISED.match(text) or "/" in text or len(words) <= params.max_bare_words
    ):
        return params.agency_score, f"photo agency {', '.join(agencies)}"
    trailing = TRAILING.search(text)
    if trailing is not None:
        return params.caption_score, f"caption ending in a credit {quote(trailing.group(), 24)}"
    return None


DETECTOR = Detector(
    name="photo_credit",
    description="Photo credits: Photo: Jane Doe/Reuters, Image Credit: ..., (Getty Images).",
    detect=detect,
    params=Params(),
    order=17,
)
