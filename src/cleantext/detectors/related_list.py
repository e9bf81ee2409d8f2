"""related_list: "Related" / "Most popular" headings with their headlines, and "Read more" links."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from heapq import merge

import regex

from cleantext.detector import Detector, Proposal, quote, span_of
from cleantext.text._prefilter import longer_lines
from cleantext.text.lexicon import BULLET_CHARS, has_bullet, strip_bullet
from cleantext.text.page import Line, Page
from cleantext.text.triggers import RELATED_LEADS

HEADING = regex.compile(
    r"""^(?:
        (?:read|see)\ (?:more|also|next)(?:\ (?:on|about|from|in)\ .{1,40})?
        |related(?:\ (?:articles?|stories|story|posts?|content|news|coverage|links|reading|videos?
            |topics|items|pages|questions|posts|reviews|recipes|guides))?
        |more\ (?:from|on|in|about|stories|news|articles|coverage|headlines|videos?|like\ this
            |to\ read|to\ explore|reviews|recipes|posts|questions|guides|galleries|photos|videos)(?:\ .{1,40})?
        |you\ (?:may|might|will|could)\ (?:also\ )?(?:like|enjoy|love|be\ interested\ in)
        |recommended(?:\ (?:for\ you|stories|articles|reading|videos?|posts))?
        |(?:the\ )?most\ (?:popular|read|viewed|shared|emailed|commented|recent|watched)(?:\ .{1,30})?
        |popular(?:\ (?:posts|stories|articles|now|news|on\ .{1,30}))?|trending(?:\ (?:now|stories|news|articles|topics|today|on\ .{1,30}))?
        |top\ (?:stories|news|articles|headlines)|latest(?:\ (?:news|stories|articles|posts|headlines))
        |also\ (?:read|on|in)(?:\ .{1,40})?|what\ to\ (?:read|watch)\ next|don'?t\ miss(?:\ this)?
        |editor['’]?s?\ (?:picks?|choice)|further\ reading|in\ other\ news|around\ the\ web
        |(?:recent|similar|other|previous|next)\ (?:posts|articles|stories|news|entries)
        |mehr\ zum\ thema|(?:das\ (?:thema\ )?)?könnte\ (?:sie|dich)\ auch\ interessieren|lesen\ sie\ auch
        |weitere\ (?:artikel|beiträge|nachrichten|themen)|meistgelesen(?:e)?
        |(?:ähnliche|verwandte|neueste)\ (?:artikel|beiträge|nachrichten|themen|themenbereiche)
        |schon\ gelesen\??|empfehlungen\ (?:aus\ der\ redaktion|für\ sie)
        |(?:à\ )?lire\ aussi|sur\ le\ même\ sujet|les\ plus\ lus|articles\ similaires
        |te\ puede\ interesar|lo\ más\ leído|(?:noticias|notas|artículos)\ relacionad[oa]s
        |(?:también\ )?te\ puede\ gustar|vea\ también|(?:veja|leia)\ (?:também|mais)
        |(?:notícias|matérias)\ relacionadas
        |leggi\ anche|articoli\ correlati|czytaj\ (?:też|także|również)|zobacz\ (?:też|również)
        |читайте\ также|похожие\ статьи|関連記事|関連ニュース|相关文章|相关新闻|相关阅读|相關新聞
    )[\s:»›>→…·|\-]*$""",
    regex.IGNORECASE | regex.VERBOSE,
)
LONE_LINK = regex.compile(
    r"""^[\W_]*(?:read\ more|continue\ reading(?:\ the\ (?:main\ )?(?:story|article))?|keep\ reading|read\ (?:the\ )?(?:full|whole|rest|entire)
        (?:\ of\ the)?(?:\ (?:story|article|post|report))?|full\ story|more\ »|weiterlesen|mehr\ lesen
        |lire\ la\ suite|leer\ más|seguir\ leyendo|leggi\ (?:di\ più|tutto)|czytaj\ dalej
        |читать\ далее)[\W_]*$""",
    regex.IGNORECASE | regex.VERBOSE,
)
INLINE = regex.compile(
    r"""^(?:read\ more|related|see\ also|also\ read|read\ also|more|lesen\ sie\ auch
        |mehr\ zum\ thema|(?:à\ )?lire\ aussi|leggi\ anche|czytaj\ (?:też|także))\ ?[:|»›]\ ?\S""",
    regex.IGNORECASE | regex.VERBOSE,
)
NOT_HEADLINE_END = regex.compile(r"[.!;:,]$")
BULLET_OPENINGS = "".join(sorted(BULLET_CHARS))
"""The characters a bullet opens with, for :func:`longer_lines`."""
LEAD_WORDS = RELATED_LEADS
"""The first words of :data:`HEADING`, :data:`LONE_LINK` and :data:`INLINE` (case-folded;
the shared scan finds them)."""


@dataclass(frozen=True)
class Params:
    """Thresholds of :data:`DETECTOR`."""

    max_chars: int = 200
    """Longer lines are never headings, links or listed headlines."""
    max_item_words: int = 20
    """A listed headline has at most this many words and no final full stop."""
    max_items: int = 40
    """At most this many headlines follow one heading."""
    keep_before_body: int = 1
    """Lines right before the body core never join a list (the article's own title sits there)."""
    score: float = 0.85
    """Score of a related heading and the headlines that follow it."""
    link_score: float = 0.8
    """Score of a lone "Read more" / "Continue reading" link or an inline "Related: ..." line."""


def detect(page: Page, params: Params) -> Iterator[Proposal]:
    """Propose related/popular headings with their headline lists, and lone "Read more" links.

    >>> from cleantext import Config, clean
    >>> only = Config().enable_only("related_list")
    >>> body = "The mayor opened the new bridge on a bright Sunday morning."
    >>> related = "Related\\n  • Council Approves Budget\\n  • New Tram Line Opens"
    >>> clean(body + "\\n\\n" + related, config=only).text == body
    True
    >>> clean("Related reports said the talks would resume in May.", config=only).removed
    ()
    """
    lines = page.lines
    free = 0  # lines before this one belong to a list already proposed
    for line in _lead_lines(page, params):
        text = strip_bullet(line.text)
        if line.index < free or len(text) > params.max_chars:
            continue
        if HEADING.match(text) and _heads_list(page, line.index, params):
            last = _list_end(page, line.index, params)
            items = last - line.index
            reason = f"related heading {quote(text, 30)} followed by {items} headline(s)"
            yield span_of(lines[line.index : last + 1], params.score, reason)
            free = last + 1
        elif LONE_LINK.match(text) or (INLINE.match(text) and _is_headline(text, params)):
            yield span_of([line], params.link_score, f"read-more link {quote(text)}")


def _lead_lines(page: Page, params: Params) -> Iterator[Line]:
    """The lines, in order, that start with a lead word and whose text without its bullet
    may be short enough to read: those of at most ``max_chars`` characters, and the longer
    ones that open with a bullet character (without one, :func:`strip_bullet` leaves a line
    as it is). No other line is built."""
    short = LEAD_WORDS.page_lines(page, params.max_chars)
    bulleted = longer_lines(page.lines, params.max_chars, -1, BULLET_OPENINGS)
    if not bulleted:
        return iter(short)
    return merge(short, LEAD_WORDS.lines(page.lines[index] for index in bulleted))


def _heads_list(page: Page, index: int, params: Params) -> bool:
    """False for a bulleted heading with nothing under it: a link inside a menu, not a heading."""
    return not has_bullet(page.lines.line_text(index)) or _list_end(page, index, params) > index


def _list_end(page: Page, index: int, params: Params) -> int:
    """Index of the last headline of the list that follows the heading at line ``index``."""
    first, last = page.body
    stop = min(len(page.lines) - 1, index + params.max_items)
    if index < first:
        stop = min(stop, first - 1 - params.keep_before_body)
    elif index <= last:
        stop = min(stop, last)
    end = index
    while end < stop and _continues(page.lines[index], page.lines[end], page.lines[end + 1]):
        if not _is_headline(strip_bullet(page.lines.line_text(end + 1)), params):
            break
        end += 1
    return end


def _continues(heading: Line, previous: Line, line: Line) -> bool:
    """True when ``line`` still belongs to the list under ``heading`` (``previous`` is above it).

    Under a bulleted heading only deeper-indented lines belong; a new block
    continues the list only when it starts indented or with a bullet.
    """
    if has_bullet(heading.text) and line.indent <= heading.indent:
        return False
    if line.block == previous.block:
        return True
    return line.indent > 0 or has_bullet(line.text)


def _is_headline(text: str, params: Params) -> bool:
    if len(text) > params.max_chars or NOT_HEADLINE_END.search(text):
        return False
    return 0 < len(text.split()) <= params.max_item_words


DETECTOR = Detector(
    name="related_list",
    description='"Related" / "Most popular" headings with their headline lists; "Read more" links.',
    detect=detect,
    params=Params(),
    order=15,
)
