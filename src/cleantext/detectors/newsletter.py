"""newsletter: newsletter and sign-up prompts ("Sign up for our newsletter", "Subscribe")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from cleantext.detector import Detector, Proposal, line_runs, line_tokens, quote, span_of
from cleantext.text.lexicon import NEWSLETTER_WORDS, READER_WORDS, SIGNUP_WORDS
from cleantext.text.page import Line, Page, is_prose
from cleantext.text.prefilter import short_lines_with
from cleantext.text.triggers import NEWSLETTER, SIGNUP_TRIGGERS

PROMPT = regex.compile(
    r"""(?:
        \b(?:in|to|into)\ your\ (?:e-?mail\ )?inbox\b|\benter\ (?:your\ )?e-?mail\b
        |\byour\ e-?mail\ address\b(?!\ will\ not)|\balready\ (?:a\ subscriber|subscribed|have\ an\ account)\b
        |\bunsubscribe\ at\ any\ time\b|\bnever\ share\ your\ e-?mail\b
        |\bjoin\ [\d,.]+\ other\ subscribers\b|\bsubscribe\ to\ (?:continue|read|unlock)\b
        |\bsubscribers?\ only\b|\bihre\ e-?mail-adresse\b|\bvotre\ (?:adresse\ )?e-?mail\b
        |\btu\ (?:correo|e-?mail)\b|\bsign\ up\ for\ (?:our|free)\b|\bsubscribe\ to\ (?:get|receive)\b
        |\b(?:posts|updates|articles|stories|news)\ (?:by|via)\ e-?mail\b
    )""",
    regex.IGNORECASE | regex.VERBOSE,
)
LABEL = regex.compile(
    r"""^[\W_]*(?:subscribe(?:\ (?:now|today|here|for\ free))?|sign\ up(?:\ (?:now|today|here|free))?
        |newsletters?|e-?mail\ address|abonnieren|jetzt\ abonnieren|s'abonner
        |suscríbete|suscribirme|suscribirse|iscriviti|submit|sign\ me\ up
        |log\ ?in|sign\ ?in|register|create\ (?:an\ |your\ )?account|my\ account|anmelden|connexion)[\W_]*$""",
    regex.IGNORECASE | regex.VERBOSE,
)
TRIGGERS = SIGNUP_TRIGGERS
"""Case-folded words, one of which every sign-up line contains (the page's shared scan
finds tighter groups, a label's first word or a prompt's word:
:data:`~cleantext.text.triggers.NEWSLETTER`)."""


@dataclass(frozen=True)
class Params:
    """Thresholds of :data:`DETECTOR`."""

    max_chars: int = 200
    """Longer lines are never sign-up prompts."""
    max_words: int = 30
    """A prompt holds at most this many words."""
    score: float = 0.85
    """Score of a prompt phrase ("Enter your email address", "Already a subscriber?")."""
    label_score: float = 0.75
    """Score of a lone label or button ("Subscribe", "Newsletter", "Sign up", "Log in")."""


def detect(page: Page, params: Params) -> Iterator[Proposal]:
    """Propose each run of consecutive sign-up prompts and labels.

    >>> from cleantext import Config, clean
    >>> only = Config().enable_only("newsletter")
    >>> body = "The mayor opened the new bridge on a bright Sunday morning."
    >>> prompt = "Sign up for our newsletter\\nEnter your email address\\nSubscribe"
    >>> clean(body + "\\n\\n" + prompt, config=only).text == body
    True
    >>> clean("Readers who subscribe to the newsletter get it on Fridays.", config=only).removed
    ()
    """

    def evidence(line: Line) -> tuple[float, str] | None:
        return _evidence(
            line.text, line_tokens(page, line.index), page.word_counts[line.index], params
        )

    for run, found in line_runs(short_lines_with(page, NEWSLETTER, params.max_chars), evidence):
        yield from _proposal(run, found)


def _evidence(
    text: str, tokens: Sequence[str], words: int, params: Params
) -> tuple[float, str] | None:
    """Score and evidence of a sign-up line, or None."""
    if len(text) > params.max_chars or words > params.max_words:
        return None
    if LABEL.match(text):
        return params.label_score, f"sign-up label {quote(text, 30)}"
    phrase = PROMPT.search(text)
    if phrase is not None:
        return params.score, f"sign-up phrase {quote(phrase.group(), 30)}"
    found = set(tokens)
    named = found & NEWSLETTER_WORDS
    verbs = found & SIGNUP_WORDS
    if not named or not verbs or (is_prose(text, words) and not found & READER_WORDS):
        return None
    return params.score, f"newsletter words {', '.join(sorted(named | verbs))}"


def _proposal(run: list[Line], found: list[tuple[float, str]]) -> Iterator[Proposal]:
    if not run:
        return
    score = max(item[0] for item in found)
    shown = "; ".join(dict.fromkeys(item[1] for item in found[:3]))
    yield span_of(run, score, f"{len(run)} sign-up line(s): {shown}")


DETECTOR = Detector(
    name="newsletter",
    description="Newsletter and sign-up prompts: Sign up for our newsletter, Enter your email.",
    detect=detect,
    params=Params(),
    order=14,
)
