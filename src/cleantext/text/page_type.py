"""What kind of page a text is, read from the text's own shape.

A thread repeats a post header before every post: the poster's name, a date,
"#3", "Reply", "Quote", "Joined", "X said:". Such header lines come in
clusters, and in a thread the first cluster comes before the first post, so
there is little prose above it. An article with a comment section has the same
clusters, but after its body, and the body is longer than any one comment.

``read_page_type`` returns a :class:`PageType`, the kind and the evidence it
rests on; ``unknown`` when the shape says nothing. Detectors read it as
``page.page_type`` (text mode reads it here; HTML mode's page type comes
from its DOM, see :meth:`cleantext.text.page.Page.with_page_type`).

>>> posts = "\\n".join(
...     f"user{n}\\nJoined Mar 2020\\n#{n}\\nI had the same trouble with my router and a reset fixed it for me."
...     for n in range(1, 5)
... )
>>> read_page_type(Page.from_text("Router keeps dropping\\n" + posts))
PageType(kind='forum', reason='4 post headers (#n, joined)')
>>> read_page_type(Page.from_text("The council met on Monday."))
PageType(kind='unknown', reason='')
"""

from __future__ import annotations

import re
from typing import NamedTuple

import regex

from cleantext.text._page_type import code_candidates, header_ends
from cleantext.text.lexicon import strip_bullet
from cleantext.text.page import Page, counts_as_prose
from cleantext.text.prefilter import triggers
from cleantext.text.triggers import HEADERS, PRICES

ARTICLE, FORUM, PRODUCT, COLLECTION = "article", "forum", "product", "collection"
LISTING, DOCUMENTATION, SERVICE, UNKNOWN = "listing", "documentation", "service", "unknown"
PAGE_TYPES = (ARTICLE, FORUM, PRODUCT, COLLECTION, LISTING, DOCUMENTATION, SERVICE, UNKNOWN)
"""Every kind a page can be read as, in HTML and text mode alike."""
EVERY_RUN_KINDS = frozenset({FORUM, DOCUMENTATION, PRODUCT, COLLECTION})
"""Kinds whose content comes in many runs, all of them content: posts, sections between code."""

HEADER_CHARS = 160
"""Longer lines are never part of a post header."""
CLUSTER_REACH = 3
"""Header lines at most this many lines apart belong to one post header."""
MIN_POSTS = 3
"""Post headers (clusters with two kinds of header line) a thread needs."""
MIN_CODE_LINES = 10
"""Code-like lines documentation needs..."""
MIN_CODE_SHARE = 0.03
"""...making at least this share of its lines."""
CODE_CHARS = 200
"""Longer lines are never counted as code."""

SHOP_CHARS = 80
"""Longer lines are never counted as prices or shop buttons."""
MIN_PRICES = 2
"""Price lines a shop page needs (with a shop button)..."""
COLLECTION_PRICES = 10
"""...and from how many it is a collection of products rather than one product."""

_DATE = (
    r"(?:\p{L}{3,9}\.?\s\d{1,2}(?:st|nd|rd|th)?,?\s\d{4}|\d{1,2}(?:st|nd|rd|th)?\s\p{L}{3,9}\.?,?\s\d{4}"
    r"|\d{4}-\d\d-\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
)
_TIME = r"(?:,?\s(?:at\s|@)?\d{1,2}:\d\d(?::\d\d)?(?:\s?[ap]\.?m\.?)?)?"
_UNIT = r"(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?|y|yrs?|years?)"
POST_NUMBER = regex.compile(
    r"^(?:post|reply|message|comment)?\s?#\s?\d{1,6}(?:\s[\d\s:/.,-]{4,25})?$", regex.I
)
"""A post's number: "#12", "Post #3", "#1 2024-08-03 10:59"."""
ATTRIBUTION = regex.compile(
    r"^\S.{0,50}\s(?:said|wrote|says|writes|posted)\s?:[\W_]{0,3}$"
    r"|^(?:originally\s)?posted\sby\s.{1,60}$",
    regex.I,
)
"""Who wrote a post or a quoted one: "Pippin06 said:", "seth wrote:", "Posted by ..."."""
POST_BUTTON = regex.compile(
    r"^(?:reply|quote|multi-?quote|reply\swith\squote|report|permalink|(?:\d+\s)?likes?|share"
    r"|share\s(?:improve|edit|follow)\s.{0,40}|\d+\s(?:replies|reply)|likes?\s\d{1,6}"
    r"|.{0,40}\sreply\squote(?:\s\d{1,6})?|report\spost(?:\sto\smoderator)?)$",
    regex.I,
)
"""A post's buttons: "Reply", "Quote", "Likes 7", "Share Improve this answer Follow"."""
POSTER = regex.compile(
    r"^(?:joined|posts|messages|reaction\sscore|member\ssince|registered|karma|reputation"
    r"|likes\sreceived|solutions|points|trophies)(?::?\s.{0,30}|:)?$"
    r"|^(?:offline|online|user\savatar|(?:new|senior|junior|active|well-known|registered)\smember"
    r"|moderator|administrator|admin|original\sposter|op|op\sposts:?|thread\sstarter"
    r"|\S{1,40}\s(?:offline|online)|last\sedited\sby(?:\s.{1,40})?)$",
    regex.I,
)
"""What a forum says about the poster: "Joined: Feb 2017", "Posts: 98", "Offline"."""
AGO = regex.compile(rf"^(?:posted\s)?(?:\d{{1,3}}|an?)\s?{_UNIT}\s(?:ago|later)$", regex.I)
"""A relative date: "3 days ago", "posted 6 years ago"."""
DATE_LINE = regex.compile(
    rf"^(?:(?:posted|updated|edited|last\sedited)\s(?:on\s)?)?(?:(?:mon|tue|wed|thu|fri|sat|sun)\p{{L}}{{0,6}},?\s)?{_DATE}{_TIME}$",
    regex.I,
)
"""A line that is a date: "Dec 30, 2023", "Wed Dec 27, 2023 10:00 am", "Posted October 29, 2025"."""
REPLY_SUBJECT = regex.compile(r"^re:\s\S.{0,150}$", regex.I)
"""A reply's subject line: "Re: Turning off all LED of RPi 5"."""
SIGNED_DATE = regex.compile(
    rf"^\S.{{0,60}}\s[·|•]\s{_DATE}{_TIME}$"
    r"|^(?:\S.{0,60}\s)?(?:answered|asked|edited|modified)\s(?:\p{L}{3,9}\.?\s)?\d.{0,30}$",
    regex.I,
)
"""A name with a date on one line: "longshot · 03/03/2026 19:44", "answered Jan 3, 2015"."""
CODE_KEYWORDS = (
    *("def", "class", "import", "from", "return", "const", "let", "var", "function", "fn"),
    *("pub", "use", "async", "await", "export", "public", "private", "static", "struct"),
    *("enum", "impl", "package", "#include", "select", "insert", "create", "$", ">>>", "npm"),
    *("pip", "git", "docker", "curl", "sudo", "kubectl", "yarn", "cargo", "go"),
)
"""What a line of code may start with (then a space): a keyword, a prompt."""
CODE_OPENERS = frozenset(CODE_KEYWORDS)
"""The same, as a set (the compiled pre-filter looks a line's first word up in it)."""
CODE_FIRST_CHARS = "".join(sorted({word[0] for word in CODE_KEYWORDS}))
"""The characters they start with (the compiled pre-filter reads a line's first word only
when its first character is one of them)."""
CODE_WORDS = "(?:" + "|".join(re.escape(word) for word in CODE_KEYWORDS) + ")"
CODE_LINE = regex.compile(
    rf"^{CODE_WORDS}\s"
    r"|[{;]$|^[}\])]|=>|^\w[\w.]*\([^()]{0,80}\)[;:]?$|^[\w.\[\]]+\s[+\-*/]?=\s"
    r"|^(?:\#|//|/\*)\s?\S|</?\w{1,20}[^<>]{0,80}>|::|\w\.\w{1,40}\(",
)
"""A line that looks like code: a keyword or a prompt first, a brace or a semicolon last,
a call, an assignment, a comment, a tag."""
PRICE = regex.compile(
    r"(?:^|[\s(:])(?:[$€£¥₹]|US\$|CA\$|A\$)\s?\d[\d.,]{0,12}(?:$|[\s)/*])"
    r"|\d[\d.,]{0,12}\s?(?:€|\$|£|zł|kr|USD|EUR|GBP)(?:$|[\s)/*])"
)
"""A price: "$1,299.00", "From £45", "19,99 €"."""
SHOP_BUTTON = regex.compile(
    r"^[\W_]*(?:add\sto\s(?:cart|bag|basket|trolley)|buy\s(?:it\s)?now|in\sstock|out\sof\sstock"
    r"|sold\sout|quantity|qty|select\s(?:a\s)?size|size\sguide|add\sto\swish\s?list"
    r"|free\s(?:shipping|delivery|returns).{0,40}|pre-?order|notify\sme.{0,20}"
    r"|ships?\s(?:in|within|free).{0,30}|check\sout|shop\snow|view\sproduct|quick\s(?:view|shop|add))"
    r"[\W_]*$",
    regex.I,
)
"""A shop's button or stock line: "Add to cart", "In stock", "Free shipping over $50"."""
DATE_END = regex.compile(r"(?:\d|[ap]\.?m\.?)$", regex.MULTILINE)
"""How a line that is a date or a time ends: a digit, "am", "pm"."""
DATE_DIGITS = regex.compile(r"\d{4}|\d[/.]\d")
"""A year or a numeric date."""
SHOP_WORDS = triggers(
    ("add", "buy", "stock", "sold", "quantity", "qty", "size", "free", "order", "notify"),
    ("ship", "check", "shop", "product", "quick", "\u0307"),
)
"""Every shop button holds one of these (case-folded)."""
HEADER_KINDS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    ("#n", POST_NUMBER),
    ("said", ATTRIBUTION),
    ("reply", POST_BUTTON),
    ("joined", POSTER),
    ("ago", AGO),
    ("date", DATE_LINE),
    ("re", REPLY_SUBJECT),
    ("signed", SIGNED_DATE),
)
"""The kinds of line a post header is made of, each with its pattern (on the bulletless line)."""
HEADER_LINE = regex.compile(
    "|".join(f"(?P<kind{i}>{pattern.pattern})" for i, (_, pattern) in enumerate(HEADER_KINDS)),
    regex.I,
)
"""All of :data:`HEADER_KINDS` in one pattern, tried in their order: one match a line."""
EVERY_KIND = (1 << len(HEADER_KINDS)) - 1
"""Every kind of :data:`HEADER_KINDS`: kind ``k`` is the bit ``1 << k``."""
KINDS_TRIED = tuple(
    tuple(item for number, item in enumerate(HEADER_KINDS) if kinds >> number & 1)
    for kinds in range(EVERY_KIND + 1)
)
"""For each set of kinds (bits), its kinds and their patterns, in order: the ones a line is
tried for (a line is mostly tried for one or two)."""
WORD_KINDS = tuple(
    (1 << number, HEADERS[kind]) for number, (kind, _) in enumerate(HEADER_KINDS) if kind in HEADERS
)
"""Each kind that a word marks, with its group of the shared trigger scan
(:data:`cleantext.text.triggers.HEADER_GROUPS`)."""
DATED = frozenset({"date", "signed"})
"""Kinds whose lines may end in a date (:data:`DATE_END`, :data:`DATE_DIGITS`) and hold no word."""
DATED_KINDS = sum(1 << number for number, (kind, _) in enumerate(HEADER_KINDS) if kind in DATED)
"""The kinds a line that ends like a date may be without any of their words."""
JOINED_KIND = 1 << [kind for kind, _ in HEADER_KINDS].index("joined")
"""The kind of a line that is only "OP" (a poster's mark)."""
SIGNED = frozenset({"signed", "re"})
"""Kinds that make a post header on their own: a name with a date, a reply's subject."""
THREAD_KINDS = frozenset({"#n", "joined"})
"""Kinds a forum's post headers have and an article's comments do not (post numbers,
poster statistics): with these, the text before the first post may be long (a summary)."""


class PageType(NamedTuple):
    """A page's kind (``forum``, ..., ``unknown``) and the evidence it rests on."""

    kind: str
    reason: str


NO_TYPE = PageType(UNKNOWN, "")


def read_page_type(page: Page) -> PageType:
    """The page's kind from the shape of its lines (:data:`NO_TYPE` when nothing stands out).

    Each rule's regular expressions run only on the lines a cheap scan of the whole
    text leaves (see :class:`_Candidates`): the result is what testing every line gives.
    """
    candidates = _Candidates(page)
    return (
        _thread(page, candidates.headers())
        or _documentation(page, candidates.code())
        or _shop(candidates)
        or NO_TYPE
    )


def header_kind(text: str, kinds: int = EVERY_KIND) -> str | None:
    """The kind of post-header line ``text`` is, or None. Only the ``kinds`` (bits, see
    :data:`EVERY_KIND`) are tried, in their order: the first that matches wins, as in
    :data:`HEADER_LINE`, which tries them all in one match.

    >>> header_kind("• #12"), header_kind("Pippin06 said:"), header_kind("Joined"), header_kind("Home")
    ('#n', 'said', 'joined', None)
    >>> header_kind("Joined", kinds=0b1), header_kind("Joined", kinds=0b1000)
    (None, 'joined')
    """
    if len(text) > HEADER_CHARS:
        return None
    bare = strip_bullet(text)
    if kinds != EVERY_KIND:
        return _first_kind(bare, kinds)
    found = HEADER_LINE.match(bare)
    if found is None or found.lastgroup is None:
        return None
    return HEADER_KINDS[int(found.lastgroup.removeprefix("kind"))][0]


def _first_kind(text: str, kinds: int) -> str | None:
    """The first of the ``kinds`` (bits) whose pattern matches ``text``, or None."""
    for kind, pattern in KINDS_TRIED[kinds & EVERY_KIND]:
        if pattern.match(text):
            return kind
    return None


class _Candidates:
    """The page's short lines, joined once, and the few of them each rule can accept.

    A rule's pattern needs a word, a mark or a shape of the line's ends that a line must
    have (the shared scan's ``HEADERS``, ``DATE_END``, ``PRICES``, ``SHOP_WORDS``, the compiled
    :func:`~cleantext.text._page_type.header_ends` and
    :func:`~cleantext.text._page_type.code_candidates`): one scan of the joined text, or
    one pass over the lines, finds the lines worth matching.
    ``tests/test_page_type_prefilter.py`` checks each pattern's alternatives against it.
    """

    def __init__(self, page: Page) -> None:
        self.page = page
        self.folded = page.folded  # case-folded, shared with the detectors' pre-filters

    def headers(self) -> dict[int, str]:
        """Line index to kind, for each post-header line, in order.

        A line is tried only for the kinds it may be: those whose words it holds (one
        shared scan, :data:`WORD_KINDS`), the dated kinds when it ends like a date and
        holds a year or a numeric date, "joined" when it ends in "op"."""
        lines = self.page.lines
        possible = self._word_kinds()
        op, dated = header_ends(self.folded.text, self.folded.starts, DATE_END.search)
        for index in op:
            possible[index] = possible.get(index, 0) | JOINED_KIND
        for index in dated:
            if DATE_DIGITS.search(lines.line_text(index)):
                possible[index] = possible.get(index, 0) | DATED_KINDS
        found: dict[int, str] = {}
        known: dict[tuple[str, int], str | None] = {}  # (lines repeat)
        for index in sorted(possible):
            key = (lines.line_text(index), possible[index])
            if key not in known:
                known[key] = header_kind(*key)
            kind = known[key]
            if kind is not None:
                found[index] = kind
        return found

    def _word_kinds(self) -> dict[int, int]:
        """Line index to the kinds (bits) whose words the line holds."""
        possible: dict[int, int] = {}
        for bit, group in WORD_KINDS:
            for index in self.folded.triggered_numbers(group):
                possible[index] = possible.get(index, 0) | bit
        return possible

    def code(self) -> int:
        """How many lines look like code."""
        candidates = code_candidates(self.page.lines, CODE_CHARS, CODE_OPENERS, CODE_FIRST_CHARS)
        return sum(1 for text in candidates if CODE_LINE.search(text))

    def prices(self) -> int:
        """How many short lines hold a price."""
        texts = (
            self.page.lines.line_text(index) for index in self.folded.triggered_numbers(PRICES)
        )
        return sum(1 for text in texts if len(text) <= SHOP_CHARS and PRICE.search(text))

    def shop_buttons(self) -> int:
        """How many short lines are a shop's button or stock line."""
        return sum(
            1
            for line in self.folded.containing(SHOP_WORDS)
            if len(line.text) <= SHOP_CHARS and SHOP_BUTTON.match(line.text)
        )


def _thread(page: Page, kinds: dict[int, str]) -> PageType | None:
    """A forum thread: post headers repeat, and the first comes before the bulk of the text
    (or the headers are of a kind that only forums print). ``kinds``: the header lines."""
    if len(kinds) < MIN_POSTS:
        return None  # each post header holds one header line at least
    prose = _prose_words(page)
    headers = [
        cluster
        for cluster in _header_clusters(kinds, prose)
        if len(set(cluster.values())) >= 2 or not SIGNED.isdisjoint(cluster.values())
    ]
    if len(headers) < MIN_POSTS:
        return None
    starts = [min(cluster) for cluster in headers]
    ends = [max(cluster) for cluster in headers]
    posts = sorted(
        sum(prose[end:start]) for end, start in zip(ends, [*starts[1:], len(prose)], strict=True)
    )
    threadlike = sum(not THREAD_KINDS.isdisjoint(cluster.values()) for cluster in headers)
    if threadlike < MIN_POSTS and sum(prose[: starts[0]]) >= posts[3 * len(posts) // 4]:
        return None  # a body longer than three posts in four, then comments: an article
    kinds_seen = sorted({kind for cluster in headers for kind in cluster.values()})
    return PageType(FORUM, f"{len(headers)} post headers ({', '.join(kinds_seen)})")


def _documentation(page: Page, code: int) -> PageType | None:
    """Documentation: many lines of code (``code`` of them) among the text."""
    if code < MIN_CODE_LINES or code < MIN_CODE_SHARE * len(page.lines):
        return None
    return PageType(DOCUMENTATION, f"{code} code-like lines of {len(page.lines)}")


def _shop(candidates: _Candidates) -> PageType | None:
    """A shop's page: prices and a shop button; many prices make it a collection."""
    prices = candidates.prices()
    if prices < MIN_PRICES:
        return None
    buttons = candidates.shop_buttons()
    if not buttons:
        return None
    kind = COLLECTION if prices >= COLLECTION_PRICES else PRODUCT
    return PageType(kind, f"{prices} price lines, {buttons} shop buttons")


def _header_clusters(kinds: dict[int, str], prose: list[int]) -> list[dict[int, str]]:
    """Runs of post-header lines (line index to kind, from ``kinds``): at most
    ``CLUSTER_REACH`` lines apart, with no running text between them."""
    clusters: list[dict[int, str]] = []
    last = -CLUSTER_REACH - 1
    for index, kind in kinds.items():
        if index - last <= CLUSTER_REACH and not any(prose[last + 1 : index]):
            clusters[-1][index] = kind
        else:
            clusters.append({index: kind})
        last = index
    return clusters


def _prose_words(page: Page) -> list[int]:
    """Per line, its words when it reads as running text (5 words and a sentence end), else 0."""
    return [
        words if counts_as_prose(words, ends, min_words=5) else 0
        for words, ends in zip(page.word_counts, page.sentence_ends, strict=True)
    ]
