"""comments: comment-section furniture ("Leave a comment", "12 comments", "Reply")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from cleantext.detector import Detector, Proposal, line_runs, quote, span_of
from cleantext.text.page import Line, Page
from cleantext.text.prefilter import short_lines_with
from cleantext.text.triggers import COMMENT_TRIGGERS, COMMENTS

COUNT = r"(?:\d[\d,.]*\s?[kK]?\s*)?"
COMMENT_NOUN = (
    r"(?:comments?|responses?|replies|reactions|kommentare?|commentaires?|comentarios?"
    r"|commenti|komentarze?|комментари[йяи])"
)
FURNITURE = regex.compile(
    rf"""^[\W_]*(?:
        {COUNT}{COMMENT_NOUN}(?:\s*\(\d+\))?
        |(?:leave|post|add|write|submit|view|show|load|see|read|hide)\s(?:a|your|more|all|the|\d+)?\s?(?:more\s)?(?:{COMMENT_NOUN}|reply)
        |(?:log|sign)\s?in\s(?:to|or\sregister\sto)\s(?:comment|reply|post(?:\sa\scomment)?
            |join\sthe\s(?:discussion|conversation))(?:\shere)?
        |be\sthe\sfirst\sto\s(?:comment|reply|review)|join\sthe\s(?:discussion|conversation)
        |comments?\s(?:are|is)\sclosed|(?:comment|discussion)\spolicy|(?:click\shere\sto\s)?cancel\sreply
        |leave\sa\sreply\scancel\sreply|(?:log\s?in|sign\sin)\sor\sregister\sto\spost\scomments
        |flag\sas\sinappropriate|recent\scomments|link\sto\sthis\scomment|trackback(?:\surl.{0, 30})?
        |subscribe\sto:?\spost\scomments(?:\s\(atom\))?|(?:blog\s)?comments\spowered\sby\s\w+
        |(?:verify|previewing)\syour\scomment|your\scomment\scould\snot\sbe\sposted.{0, 40}
        |(?:loading|load)\scomments.{0, 3}|report\sthis\s(?:comment|post)|re:\s\(score:\s?\d+\)
        |offensive\?\sunsuitable\?\sreport\sthis\scomment
        |sort\sby:?(?:\s(?:newest|oldest|best|top|popular))?|(?:newest|oldest)\sfirst
        |kommentar\s(?:schreiben|verfassen)|laisser\sun\scommentaire|deja\sun\scomentario
        |lascia\sun\scommento|dodaj\skomentarz|report\s(?:abuse|comment|this\scomment)
    )[\W_]*$""",
    regex.IGNORECASE | regex.VERBOSE,
)
REPLY = regex.compile(
    r"^[\W_]*(?:reply(?:delete)?|reply\sto\sthis(?:\s(?:comment|post|parent|thread))?(?:\sshare)?"
    r"|antworten|répondre|responder|rispondi|odpowiedz|ответить)(?:\s\(?\d+\)?)?[\W_]*$",
    regex.IGNORECASE,
)
"""A reply button: never article text, even inside the body core."""
BUTTON = regex.compile(
    r"^[\W_]*(?:report|flag|permalink|like|upvote|downvote)(?:\s\(?\d+\)?)?[\W_]*$",
    regex.IGNORECASE,
)
FORM_PHRASE = regex.compile(
    r"your\s(?:e-?mail\s)?address\swill\snot\sbe\spublished|required\sfields\sare\smarked"
    r"|you\smust\sbe\slogged\sin\sto\spost|notify\sme\sof\s(?:follow-?up|new)\scomments",
    regex.IGNORECASE,
)
TRIGGERS = COMMENT_TRIGGERS
"""Case-folded words, one of which every line that the patterns above match contains (the
page's shared scan finds them only in lines that open with a furniture word or a count,
or with a form notice's word: :data:`~cleantext.text.triggers.COMMENTS`)."""


@dataclass(frozen=True)
class Params:
    """Thresholds of :data:`DETECTOR`."""

    max_chars: int = 120
    """Longer lines are never comment furniture."""
    score: float = 0.85
    """Score of a comment heading, count, prompt or form notice ("12 comments", "Leave a reply")."""
    form_score: float = 0.9
    """Score of a comment form's notice ("Your email address will not be published")."""
    reply_score: float = 0.7
    """Score of a lone reply button ("Reply", "[Reply]"), kept a little above the threshold."""
    button_score: float = 0.6
    """Score of a lone comment button ("Reply", "Report"), which could be an ordinary word."""


def detect(page: Page, params: Params) -> Iterator[Proposal]:
    """Propose each run of consecutive comment-section furniture lines.

    >>> from cleantext import Config, clean
    >>> only = Config().enable_only("comments")
    >>> body = "The mayor opened the new bridge on a bright Sunday morning."
    >>> clean(body + "\\n\\n12 comments\\nLeave a comment", config=only).text == body
    True
    >>> clean("Readers left 12 comments on the first day, most of them kind.", config=only).removed
    ()
    """
    candidates = short_lines_with(page, COMMENTS, params.max_chars)
    for run, scores in line_runs(candidates, lambda line: _score(line.text, params) or None):
        yield from _proposal(run, scores)


def _score(text: str, params: Params) -> float:
    if len(text) > params.max_chars:
        return 0.0
    if FORM_PHRASE.search(text):
        return params.form_score
    if FURNITURE.match(text):
        return params.score
    if REPLY.match(text):
        return params.reply_score
    return params.button_score if BUTTON.match(text) else 0.0


def _proposal(run: list[Line], scores: list[float]) -> Iterator[Proposal]:
    if run:
        shown = " / ".join(quote(line.text, 30) for line in run[:3])
        more = f" and {len(run) - 3} more" if len(run) > 3 else ""
        yield span_of(run, max(scores), f"{len(run)} comment-section line(s): {shown}{more}")


DETECTOR = Detector(
    name="comments",
    description="Comment-section furniture: Leave a comment, 12 comments, Reply, Report.",
    detect=detect,
    params=Params(),
    order=16,
)
