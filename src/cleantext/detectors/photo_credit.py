"""photo_credit: photo credits ("Photo: Jane Doe/Reuters", "(Getty Images)", "Foto: dpa")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from cleantext.detector import Detector, Proposal, line_tokens, quote
from cleantext.text.lexicon import PHOTO_AGENCIES
from cleantext.text.page import Page
from cleantext.text.prefilter import short_lines_with
from cleantext.text.triggers import CREDIT_TRIGGERS, PHOTO_CREDIT

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
"""Case-folded words, one of which every credit line contains, a label or an agency (found
by the page's shared scan, :data:`~cleantext.text.triggers.PHOTO_CREDIT`)."""


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
    counts = page.word_counts
    short = (  # (one line at a time: a common trigger, "ap" in "approved", finds most lines)
        line
        for line in short_lines_with(page, PHOTO_CREDIT, params.max_chars)
        if counts[line.index] <= params.max_words
    )
    for line in short:
        found = _evidence(line.text, line_tokens(page, line.index), params)
        if found is not None:
            score, evidence = found
            yield Proposal(line.start, line.end, score, f"{evidence}: {quote(line.text)}")


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
