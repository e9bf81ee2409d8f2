"""cookie_notice: cookie and consent notices ("We use cookies ... Accept", "Manage preferences")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from cleantext.detector import Detector, Proposal, line_tokens, quote, span_of
from cleantext.text.lexicon import (
    ADDRESSEE_WORDS,
    BUTTON_WORDS,
    CONSENT_WORDS,
    COOKIE_BUTTON_CORE,
    COOKIE_CORE,
    SITE_PHRASES,
    strip_bullet,
    tokens,
)
from cleantext.text.page import Line, Page
from cleantext.text.prefilter import short_lines_with
from cleantext.text.triggers import COOKIE_NOTICE, COOKIE_TRIGGERS

SITE_WORDS = frozenset(word for phrase in SITE_PHRASES for word in phrase.split())
BANNER_TITLE = regex.compile(
    r"^[\W_]*(?:we\s(?:value|respect|care\sabout)\syour\sprivacy|your\sprivacy(?:\schoices)?"
    r"|privacy\s(?:settings|preferences|choices)|cookie\s(?:settings|preferences|consent))[\W_]*$",
    regex.IGNORECASE,
)
"""A consent banner's title ("We value your privacy"), taken along with the notice."""
TRIGGERS = COOKIE_TRIGGERS
"""Case-folded words, one of which every notice holds, a core word or "cookie" in a word
(found by the page's shared scan, :data:`~cleantext.text.triggers.COOKIE_NOTICE`)."""


@dataclass(frozen=True)
class Params:
    """Thresholds of :data:`DETECTOR`."""

    max_chars: int = 600
    """Longer lines are never consent notices (bounds the work per line)."""
    max_button_words: int = 6
    """A button line ("Accept all cookies", "Manage preferences") has at most this many words."""
    min_vocabulary: int = 2
    """Distinct consent words (site, experience, partners, ...) a notice without a button needs."""
    score: float = 0.85
    """Score of a notice: a cookie word, words addressed to the reader, and a button or vocabulary."""


def detect(page: Page, params: Params) -> Iterator[Proposal]:
    """Propose each consent notice with the button lines right next to it.

    >>> from cleantext import Config, clean
    >>> only = Config().enable_only("cookie_notice")
    >>> body = "The mayor opened the new bridge on a bright Sunday morning."
    >>> notice = "We use cookies to improve your experience on our site.\\nAccept\\nManage preferences"
    >>> clean(notice + "\\n\\n" + body, config=only).text == body
    True
    >>> clean("Bake the cookies for twelve minutes, then let them cool on a rack.", config=only).removed
    ()
    """
    lines = page.lines
    claimed = -1
    for line in short_lines_with(page, COOKIE_NOTICE, params.max_chars):
        if line.index <= claimed:
            continue
        evidence = _notice_evidence(line.text, line_tokens(page, line.index), params)
        if evidence is None:
            continue
        first = _extend(lines, line.index, -1, params)
        last = _extend(lines, line.index, 1, params)
        claimed = last
        span = lines[first : last + 1]
        buttons = len(span) - 1
        reason = f"consent notice ({evidence}) with {buttons} button line(s): {quote(line.text)}"
        yield span_of(span, params.score, reason)


def _notice_evidence(text: str, words: Sequence[str], params: Params) -> str | None:
    """What makes ``text`` a consent notice, or None."""
    if len(text) > params.max_chars:
        return None
    # ``words`` are lower-cased pieces of ``text``: a word starting "cookie" needs it in there.
    if COOKIE_CORE.isdisjoint(words) and "cookie" not in text.lower():
        return None
    core = sorted({word for word in words if word in COOKIE_CORE or word.startswith("cookie")})
    if not core:
        return None
    buttons = sorted(set(words) & COOKIE_BUTTON_CORE)
    if len(words) <= params.max_button_words and set(words) <= BUTTON_WORDS | set(core):
        return f"button {', '.join(core + buttons)}" if buttons else None
    addressed = _addressed(text, words)
    pronouns = ADDRESSEE_WORDS - SITE_WORDS
    vocabulary = sorted(set(words) & CONSENT_WORDS - pronouns - set(buttons) - set(core))
    if not addressed or (not buttons and len(vocabulary) < params.min_vocabulary):
        return None
    shown = [word for word in vocabulary if not any(word in phrase for phrase in addressed)]
    found = core + addressed[:3] + buttons + shown[:4]
    return f"words {', '.join(found)}"


def _addressed(text: str, words: Sequence[str]) -> list[str]:
    """Pronouns and site phrases of ``text`` that address the reader."""
    lowered = text.lower()
    phrases = [phrase for phrase in SITE_PHRASES if phrase in lowered]
    pronouns = sorted(set(words) & ADDRESSEE_WORDS - SITE_WORDS)
    return phrases + pronouns


def _extend(lines: Sequence[Line], index: int, step: int, params: Params) -> int:
    """Widen from line ``index`` over the adjacent button-only lines in direction ``step``."""
    while 0 <= index + step < len(lines) and _is_button(lines[index + step].text, params):
        index += step
    return index


def _is_button(text: str, params: Params) -> bool:
    if len(text) > params.max_chars:
        return False
    if BANNER_TITLE.match(text):
        return True
    words = tokens(strip_bullet(text))
    return 0 < len(words) <= params.max_button_words and set(words) <= BUTTON_WORDS


DETECTOR = Detector(
    name="cookie_notice",
    description="Cookie and consent notices with their buttons (We use cookies..., Accept all).",
    detect=detect,
    params=Params(),
    order=13,
)
