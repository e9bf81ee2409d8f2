"""ad_label: lines that only label an ad slot ("Advertisement", "Sponsored content")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from cleantext.detector import Detector, Proposal, quote
from cleantext.text.page import Page
from cleantext.text.triggers import AD_LEADS

AD_LABEL = regex.compile(
    r"""^[\W_]*(?:
        advertisements?|advertising|advert|ads?|anzeige|werbung|publicité|publicidad|pubblicità
        |reklama|реклама|广告|廣告|広告|광고|إعلان|פרסומת|sponsored(?:\ content|\ links?|\ stories|\ post)?|paid\ content
        |promoted(?:\ content|\ stories)?|partner\ content|ad\ feedback|report\ (?:this\ )?ad
        |(?:story|article)\ continues\ (?:below|after)(?:\ (?:this|the))?\ (?:advertisement|ad)
        |continue\ reading\ (?:the\ main\ story\ )?below
        |skip\ (?:this\ )?ad(?:vertisement)?|close\ ad|scroll\ to\ continue(?:\ with\ content)?
    )[\W_]*$""",
    regex.IGNORECASE | regex.VERBOSE,
)
LEAD_WORDS = AD_LEADS
"""The first words of :data:`AD_LABEL` (the shared scan finds them)."""


@dataclass(frozen=True)
class Params:
    """Thresholds of :data:`DETECTOR`."""

    max_chars: int = 60
    """Labels are short; longer lines are never labels."""
    score: float = 0.9
    """Score of a line that is only an ad label."""


def detect(page: Page, params: Params) -> Iterator[Proposal]:
    """Propose each line that is nothing but an advertisement label.

    >>> from cleantext import clean
    >>> clean("The vote passed narrowly.\\n\\nADVERTISEMENT\\n\\nCounting ended at dawn.").text
    'The vote passed narrowly.\\n\\nCounting ended at dawn.'
    >>> clean("Advertisement revenue rose by a third last year, the company said.").removed
    ()
    """
    for line in LEAD_WORDS.page_lines(page, params.max_chars):
        if AD_LABEL.match(line.text):
            yield Proposal(line.start, line.end, params.score, f"ad label {quote(line.text)}")


DETECTOR = Detector(
    name="ad_label",
    description="Ad-slot labels: Advertisement, Story continues below advertisement, Sponsored.",
    detect=detect,
    params=Params(),
    order=31,
)
