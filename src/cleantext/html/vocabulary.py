"""What tag names, ARIA roles and class/id words say about an element.

Class and id values are split into words (``"site-navBar_top"`` gives
``site``, ``nav``, ``bar``, ``top``); each word is mapped to a canonical token
when it is one of the known boilerplate or content words, or starts with a
known stem (``navigation`` -> ``nav``, ``subscribe-box`` -> ``subscribe``).
"""

from __future__ import annotations

import functools
import re

HEAD_METADATA_TAGS = frozenset("title meta link base script style noscript template".split())
"""What a ``<head>`` normally holds: none of it is rendered."""
DROPPED_TAGS = HEAD_METADATA_TAGS | frozenset(
    """
    svg math canvas iframe object embed
    input select textarea button option optgroup datalist output progress meter dialog
    """.split()
)
"""Elements whose content is never rendered. ``<head>`` is not among them: its metadata
elements are, but libxml2 leaves the body inside ``<head>`` after an unknown element there."""

BLOCK_TAGS = frozenset(
    """
    address article aside blockquote body center dd details dir div dl dt fieldset figcaption
    figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav
    ol p pre section summary table tbody thead tfoot tr ul caption
    """.split()
)
"""Elements that start and end a block of their own."""

LINE_TAGS = frozenset({"li", "dt", "dd", "tr", "option"})
"""Block elements that are lines inside their parent block, not blocks of their own."""

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
CELL_TAGS = frozenset({"td", "th"})

LANDMARK_TAGS = frozenset({"main", "article", "nav", "header", "footer", "aside"})
"""Elements that are landmarks by their tag."""
SECTIONING_TAGS = frozenset({"article", "main", "aside", "nav", "section"})
"""A header or footer inside one of these belongs to it, not to the page."""

ROLE_LANDMARKS = {
    "main": "main",
    "article": "article",
    "navigation": "nav",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "aside",
    "search": "nav",
    "menu": "nav",
    "menubar": "nav",
    "dialog": "aside",
    "alert": "aside",
}
"""ARIA roles and the landmark they stand for."""

BOILERPLATE_TOKENS = {
    "nav": 0.7,
    "menu": 0.7,
    "breadcrumb": 0.9,
    "share": 0.8,
    "social": 0.8,
    "tags": 0.6,
    "related": 0.8,
    "comment": 0.7,
    "sidebar": 0.8,
    "footer": 0.7,
    "header": 0.5,
    "ad": 0.8,
    "promo": 0.8,
    "sponsor": 0.8,
    "cookie": 0.9,
    "consent": 0.9,
    "newsletter": 0.9,
    "subscribe": 0.8,
    "widget": 0.6,
    "banner": 0.6,
    "popup": 0.8,
    "modal": 0.7,
    "login": 0.7,
    "signup": 0.8,
    "masthead": 0.6,
    "toolbar": 0.7,
    "pagination": 0.7,
    "recommended": 0.8,
    "trending": 0.8,
    "outbrain": 0.9,
    "copyright": 0.8,
    "skip": 0.6,
    "hidden": 0.8,
}
"""Boilerplate tokens and how strongly each alone suggests boilerplate."""

CONTENT_TOKENS = frozenset({"article", "content", "post", "entry", "story", "body", "text"})
"""Tokens that suggest the element holds the page's main text."""

STEMS = (
    ("navig", "nav"),
    ("navbar", "nav"),
    ("breadcrumb", "breadcrumb"),
    ("sharing", "share"),
    ("share", "share"),
    ("social", "social"),
    ("related", "related"),
    ("comment", "comment"),
    ("sidebar", "sidebar"),
    ("footer", "footer"),
    ("advert", "ad"),
    ("promo", "promo"),
    ("sponsor", "sponsor"),
    ("cookie", "cookie"),
    ("consent", "consent"),
    ("gdpr", "consent"),
    ("newsletter", "newsletter"),
    ("subscri", "subscribe"),
    ("widget", "widget"),
    ("popup", "popup"),
    ("recommend", "recommended"),
    ("pagination", "pagination"),
    ("copyright", "copyright"),
    ("caption", "caption"),
    ("disclaimer", "disclaimer"),
    ("byline", "byline"),
)
"""Word stems mapped to their canonical token."""

EXACT = {
    "nav": "nav",
    "menu": "menu",
    "menus": "menu",
    "submenu": "menu",
    "megamenu": "menu",
    "crumbs": "breadcrumb",
    "tags": "tags",
    "tag": "tags",
    "tagcloud": "tags",
    "keywords": "tags",
    "comments": "comment",
    "disqus": "comment",
    "replies": "comment",
    "aside": "sidebar",
    "rail": "sidebar",
    "sidebars": "sidebar",
    "foot": "footer",
    "header": "header",
    "head": "header",
    "ad": "ad",
    "ads": "ad",
    "adsense": "ad",
    "adslot": "ad",
    "advertising": "ad",
    "dfp": "ad",
    "sponsored": "sponsor",
    "banner": "banner",
    "modal": "modal",
    "overlay": "modal",
    "login": "login",
    "signin": "login",
    "signup": "signup",
    "register": "signup",
    "masthead": "masthead",
    "credit": "caption",
    "credits": "caption",
    "author": "byline",
    "bio": "byline",
    "toolbar": "toolbar",
    "pager": "pagination",
    "trending": "trending",
    "popular": "trending",
    "outbrain": "outbrain",
    "taboola": "outbrain",
    "skip": "skip",
    "hidden": "hidden",
    "hide": "hidden",
    "invisible": "hidden",
    "article": "article",
    "content": "content",
    "post": "post",
    "entry": "entry",
    "story": "story",
    "body": "body",
    "text": "text",
}
"""Whole words mapped to their canonical token."""

STEM_TOKENS = dict(STEMS)
STEM_PREFIXES = tuple(STEM_TOKENS)
WORD = re.compile(r"[A-Za-z0-9]+")
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
EMPTY: frozenset[str] = frozenset()
MAX_VALUE_CHARS = 200
"""Only the start of a class/id value is read (a longer one is generated, not written)."""
WORD_CACHE_SIZE = 16384
"""Class/id words whose tokens are remembered across pages (least recently used go first)."""


def class_tokens(value: str) -> frozenset[str]:
    """Canonical tokens found in a class or id attribute value.

    >>> sorted(class_tokens("site-navBar main-content"))
    ['content', 'nav']
    >>> sorted(class_tokens("social-share-buttons adsbygoogle"))
    ['share', 'social']
    >>> class_tokens("address headline")
    frozenset()
    """
    found: set[str] = set()
    for word in WORD.findall(value[:MAX_VALUE_CHARS]):
        tokens = word_tokens(word)
        if tokens:
            found.update(tokens)
    return frozenset(found) if found else EMPTY


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def word_tokens(word: str) -> tuple[str, ...]:
    """The tokens of one word: its own, else those of its camelCase parts (``navBar`` gives ``nav``).

    Cached: the same class/id words (``container``, ``item``, ``col``) recur on every page
    of every site, and the cache is bounded (:data:`WORD_CACHE_SIZE` short words).

    >>> word_tokens("Navigation"), word_tokens("siteNav"), word_tokens("footerNav")
    (('nav',), ('nav',), ('footer',))
    """
    token = _canonical(word.lower())
    if token is not None:
        return (token,)
    if word.islower() or word.isupper():
        return ()
    parts = (_canonical(part.lower()) for part in CAMEL.split(word))
    return tuple(sorted({token for token in parts if token is not None}))


def _canonical(word: str) -> str | None:
    exact = EXACT.get(word)
    if exact is not None or not word.startswith(STEM_PREFIXES):
        return exact
    return next(token for stem, token in STEMS if word.startswith(stem))
