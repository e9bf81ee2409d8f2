"""copyright: copyright and legal lines ("© 2024 Example Media", "Terms of Use | Privacy")."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import regex

from cleantext.detector import Detector, Proposal, line_tokens, quote, span_of
from cleantext.text.lexicon import LEGAL_CORE, LEGAL_WORDS, RIGHTS_RESERVED
from cleantext.text.page import Line, Page, is_prose
from cleantext.text.prefilter import short_lines_with
from cleantext.text.triggers import COPYRIGHT, COPYRIGHT_TRIGGERS, LEGAL_LINKS, LEGAL_TRIGGERS

QUOTE_MARK = regex.compile(r"[\"“”„«»]")
COPYRIGHT_MARK = regex.compile(r"©|\(c\)\s*\d{4}|\bcopyright\s*(?:©|\(c\)|\d{4})", regex.IGNORECASE)
MARK_TRIGGERS = COPYRIGHT_TRIGGERS
"""Case-folded words, one of which every copyright line contains (found by the page's
shared scan, :data:`~cleantext.text.triggers.COPYRIGHT`)."""
LINK_TRIGGERS = LEGAL_TRIGGERS
"""A row of legal links holds a core word, so one of these (the shared scan's
:data:`~cleantext.text.triggers.LEGAL_LINKS`)."""


@dataclass(frozen=True)
class Params:
    """Thresholds of :data:`DETECTOR`."""

    max_chars: int = 200
    """Longer lines are never copyright or legal lines."""
    max_words: int = 30
    """A copyright line holds at most this many words."""
    max_link_words: int = 12
    """A row of legal links ("Terms of Use | Privacy Policy") holds at most this many words."""
    score: float = 0.9
    """Score of a copyright line (a © mark, "Copyright 2019", "All rights reserved")."""
    links_score: float = 0.85
    """Score of legal links naming two legal terms or more (over one line or a run)."""
    single_score: float = 0.6
    """Score of one legal link alone ("Impressum"), which could be a heading."""


def detect(page: Page, params: Params) -> Iterator[Proposal]:
    """Propose copyright lines and runs of legal links (privacy, terms, imprint).

    >>> from cleantext import Config, clean
    >>> only = Config().enable_only("copyright")
    >>> body = "The mayor opened the new bridge on a bright Sunday morning."
    >>> clean(body + "\\n\\n© 2024 Example Media. All rights reserved.", config=only).text == body
    True
    >>> clean("Copyright law changed in 2019, and artists say the reform came too late.", config=only).removed
    ()
    """
    marks: dict[int, str] = {}
    for line in short_lines_with(page, COPYRIGHT, params.max_chars):
        mark = _copyright_evidence(line.text, page.word_counts[line.index], params)
        if mark is not None:
            marks[line.index] = mark
    found = [
        (index, _mark_proposal(page.lines[index], mark, params)) for index, mark in marks.items()
    ]
    found += _link_runs(page, short_lines_with(page, LEGAL_LINKS, params.max_chars), marks, params)
    yield from (proposal for _, proposal in sorted(found, key=lambda item: item[0]))


def _mark_proposal(line: Line, mark: str, params: Params) -> Proposal:
    return span_of([line], params.score, f"{mark}: {quote(line.text)}")


def _link_runs(
    page: Page, candidates: Iterable[Line], marks: dict[int, str], params: Params
) -> Iterator[tuple[int, Proposal]]:
    """The runs of adjacent legal-link lines around ``candidates``, by first line index."""
    end = -1
    for line in candidates:
        if line.index <= end or _link_terms(page, line.index, marks, params) is None:
            continue
        first = end = line.index
        while first > 0 and _link_terms(page, first - 1, marks, params) is not None:
            first -= 1
        while end + 1 < len(page.lines) and _link_terms(page, end + 1, marks, params) is not None:
            end += 1
        run = list(page.lines[first : end + 1])
        terms = [
            term for item in run for term in _link_terms(page, item.index, marks, params) or ()
        ]
        yield from ((first, proposal) for proposal in _links(run, terms, params))


def _link_terms(page: Page, index: int, marks: dict[int, str], params: Params) -> list[str] | None:
    """The legal terms of line ``index`` when it is a line of legal links, else None."""
    text = page.lines.line_text(index)
    # A line that reads like a sentence is not a row of links, whatever its words.
    if len(text) > params.max_chars or index in marks or is_prose(text, page.word_counts[index]):
        return None
    return _legal_terms(line_tokens(page, index), params)


def _copyright_evidence(text: str, words: int, params: Params) -> str | None:
    lowered = text.lower()
    phrase = next((phrase for phrase in RIGHTS_RESERVED if phrase in lowered), None)
    if phrase is not None and words <= params.max_words and not _quoted_in_prose(text, words):
        return f"copyright line with {phrase!r}"
    mark = COPYRIGHT_MARK.search(text)
    if mark is None or words > params.max_words or _quoted_in_prose(text, words):
        return None
    if "©" not in mark.group() and is_prose(text, words):
        return None
    return f"copyright line with {mark.group()!r}"


def _quoted_in_prose(text: str, words: int) -> bool:
    """True for a sentence that quotes a copyright line: the article talks about it."""
    return is_prose(text, words) and QUOTE_MARK.search(text) is not None


def _legal_terms(words: Sequence[str], params: Params) -> list[str] | None:
    """The legal core words of a line made only of legal-link words (maybe none), else None."""
    if not words or len(words) > params.max_link_words:
        return None
    if not all(word in LEGAL_WORDS for word in words):
        return None
    return [word for word in words if word in LEGAL_CORE]


def _links(run: list[Line], terms: list[str], params: Params) -> Iterator[Proposal]:
    if not terms:
        return
    score = params.links_score if len(terms) >= 2 else params.single_score
    shown = ", ".join(dict.fromkeys(terms[:8]))
    yield span_of(run, score, f"{len(run)} line(s) of legal links naming {shown}")


DETECTOR = Detector(
    name="copyright",
    description="Copyright and legal lines: ©, All rights reserved, Privacy Policy, Impressum.",
    detect=detect,
    params=Params(),
    order=12,
)
