"""dom_comment_tail: the comment thread at the end of the main container (HTML mode)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from cleantext.detector import Detector, Proposal, quote, span_of
from cleantext.detectors._outside import inside_lines
from cleantext.detectors.comments import COMMENT_NOUN
from cleantext.html.dom import content_labels, line_kind, line_rows, main_container
from cleantext.text.page import DomEvidence, Line, Page

HEADING = regex.compile(
    rf"""^[\W_]*(?:
        (?:\d[\d,]*\s)?{COMMENT_NOUN}(?:\s\(\d+\))?
        |(?:\d[\d,]*|one|no)\s(?:thoughts?|{COMMENT_NOUN})\s(?:on|to|for|about)\s.{{1,150}}
        |(?:leave|post|add|write)\s(?:a|your)\s(?:comment|reply|response)
        |(?:reader\s|user\s)?(?:comments?|discussion)(?:\s\(\d+\))?
        |what\sdo\syou\sthink\??|join\sthe\s(?:discussion|conversation)
    )[\W_]*$""",
    regex.IGNORECASE | regex.VERBOSE,
)
"""The heading of a comment section: "Comments", "12 Responses to "Title"", "Leave a reply"."""


@dataclass(frozen=True)
class Params:
    """Thresholds of :data:`DETECTOR`."""

    max_words: int = 30
    """Longer lines are never a comment section's heading."""
    min_before: int = 50
    """At least this many of the container's words must come before the heading (the article)."""
    max_link_density: float = 0.5
    """A heading with this much link text is a link to the comments, not their heading."""
    score: float = 0.75
    """Score of the heading and every line after it in the container."""


def detect(page: Page, params: Params) -> Iterator[Proposal]:
    """Propose a comment section's heading and the rest of the main container after it.

    The article comes first: the heading must follow some of the container's words.

    >>> from cleantext.html import clean_html
    >>> prose = "<p>The council approved the budget after a long debate on schools and roads.</p>"
    >>> reply = "<p>I think the council was right about the schools, and about the roads too.</p>"
    >>> page = "<div>" + prose * 6 + "<h3>2 Comments</h3>" + reply * 2 + "</div>"
    >>> print(clean_html(page).text.splitlines()[-1])
    The council approved the budget after a long debate on schools and roads.
    """
    container = main_container(page)
    if (
        container is None
        or page.evidence is None
        or "comment" in content_labels(page.page_type.kind)
    ):
        return  # (on a forum page the thread is the content)
    members = inside_lines(line_rows(page.evidence), container.xpath)
    start = _heading(page, members, params)
    if start is None:
        return
    after = [index for index in members if index >= start]
    if _more_articles(page.evidence, after):
        return
    run = [page.lines[index] for index in after]
    yield span_of(run, params.score, _reason(run))


def _more_articles(evidence: Sequence[DomEvidence | None], after: Sequence[int]) -> bool:
    """An ``<article>`` after the heading that is neither the heading's nor a comment's: the
    heading belongs to a widget above more text, not to a thread at the end."""
    first = line_kind(evidence, after[0])
    own = first.landmarks if first is not None else frozenset()
    return any(
        item is not None
        and "article" in item.landmarks
        and "article" not in own
        and "comment" not in item.tokens
        for item in (line_kind(evidence, index) for index in after)
    )


def _heading(page: Page, members: Sequence[int], params: Params) -> int | None:
    """The first comment heading after ``min_before`` of the container's words, or ``None``."""
    evidence: Sequence[DomEvidence | None] = () if page.evidence is None else page.evidence
    counts = page.word_counts
    min_before, max_words = params.min_before, params.max_words
    seen = 0
    for index in members:
        words = counts[index]
        if (
            seen >= min_before
            and words <= max_words
            and _heads(page, line_kind(evidence, index), index, params)
        ):
            return index
        seen += words
    return None


def _heads(page: Page, item: DomEvidence | None, index: int, params: Params) -> bool:
    """Whether the short line ``index``, of evidence ``item``, reads as a comment section's
    heading."""
    return (
        item is not None
        and item.line_link_density < params.max_link_density
        and (item.is_heading or _alone(page, index))
        and HEADING.match(page.lines[index].text) is not None
    )


def _alone(page: Page, index: int) -> bool:
    """The line is a block of its own (a heading styled as a paragraph)."""
    lines = page.lines
    line: Line = lines[index]
    after = index + 1 >= len(lines) or lines[index + 1].block != line.block
    return after and (index == 0 or lines[index - 1].block != line.block)


def _reason(run: Sequence[Line]) -> str:
    return f"comment section after the heading {quote(run[0].text)} ({len(run)} lines)"


DETECTOR = Detector(
    name="dom_comment_tail",
    description="HTML: a comment section's heading and the rest of the main content after it.",
    detect=detect,
    params=Params(),
    order=63,
    modes=("html",),  # (it reads the DOM evidence, which only HTML mode has)
)
