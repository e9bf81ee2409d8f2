"""The page's type (article, forum, product, ...) from what its markup says, with the reason.

The types are those of the WCXB benchmark: what counts as a page's main content
depends on it (a thread's posts, a listing's items, a product's description and
specifications, documentation's code and tables). Evidence, strongest first:

1. the schema.org types the page declares (JSON-LD ``@type``, microdata
   ``itemtype``): ``DiscussionForumPosting`` and ``QAPage`` say forum,
   ``TechArticle`` documentation, ``Product`` product (several products, or a
   ``CollectionPage``, a collection), ``Article`` and its kinds article;
2. the rendered lines: many short lines holding a price say collection (unless
   prose dominates the page), one price
   beside an add-to-cart control says product, many linked headings say listing,
   runs of preformatted code say documentation, prose that dominates the page
   says article.

A page that none of it describes is ``unknown``. The reason names the evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex
from lxml import etree

from cleantext.html.structured import json_objects
from cleantext.text.page import DomEvidence
from cleantext.text.page_type import (
    ARTICLE,
    COLLECTION,
    DOCUMENTATION,
    FORUM,
    LISTING,
    PAGE_TYPES,
    PRODUCT,
    UNKNOWN,
    PageType,
)

__all__ = ["PAGE_TYPES", "PageType", "page_type"]

SCHEMA_TYPES = {
    "discussionforumposting": FORUM,
    "qapage": FORUM,
    "socialmediaposting": FORUM,
    "techarticle": DOCUMENTATION,
    "apireference": DOCUMENTATION,
    "softwaresourcecode": DOCUMENTATION,
    "collectionpage": COLLECTION,
    "offercatalog": COLLECTION,
    "searchresultspage": LISTING,
    "product": PRODUCT,
    "article": ARTICLE,
    "newsarticle": ARTICLE,
    "blogposting": ARTICLE,
    "reportagenewsarticle": ARTICLE,
    "analysisnewsarticle": ARTICLE,
    "opinionnewsarticle": ARTICLE,
    "scholarlyarticle": ARTICLE,
    "recipe": ARTICLE,
}
"""schema.org types (lower case) and the page type each speaks for."""
SCHEMA_ORDER = (FORUM, DOCUMENTATION, COLLECTION, LISTING, PRODUCT, ARTICLE)
"""When a page declares several, the first of these wins: a thread page also declares its
breadcrumb list, a product page its reviews' ``Article``s."""
ITEMTYPES = etree.XPath("//@itemtype")
"""Every microdata ``itemtype`` value, in document order (one C-level search of the tree)."""
ITEMTYPE_NAME = regex.compile("itemtype", regex.IGNORECASE)
"""The attribute's name in a page's text (a plain word: linear)."""
COLLECTION_PRODUCTS = 3
"""A page declaring at least this many products is a collection of them."""

PRICE = regex.compile(
    r"(?:[$€£¥₹]|\b(?:USD|EUR|GBP|CHF|CAD|AUD)\b)\s?\d|\d\s?(?:[€£]|\b(?:EUR|USD|zł|kr|Kč)\b)"
)
"""A price: a currency sign or code beside a digit (no nested repetition: linear)."""
PRICE_LINE_WORDS = 12
"""A line holding a price counts as an item's price when it is at most this long."""
COLLECTION_PRICES = 4
"""A page with at least this many price lines, whose prose does not dominate, lists items for
sale (an article that compares products quotes their prices too)."""
CART = regex.compile(
    r"\b(?:add to (?:cart|basket|bag|trolley)|buy now|in den warenkorb)\b", regex.I
)
"""The control that buys the one item a product page is about."""
CODE_LINES = 12
"""Lines of preformatted text (``<pre>``) from which a page is documentation..."""
CODE_SHARE = 0.1
"""...when they are also at least this share of the page's lines."""
LISTING_HEADINGS = 5
"""A page with at least this many headings that are links, and at least half as many as it has
prose lines, lists items (news teasers, courses, jobs) under their linked titles."""
LINK_HEADING = 0.5
"""A heading with at least this share of link text is a linked title."""
ARTICLE_PROSE_SHARE = 0.5
"""A page whose prose lines hold at least this share of its words reads as an article."""
PROSE_WORDS = 20
"""A line this long (in words) is prose for :data:`ARTICLE_PROSE_SHARE`."""


def may_hold_itemtypes(html: str) -> bool:
    """False when the page's text names no ``itemtype`` attribute (in any case): its tree
    then holds none, and :func:`schema_types` need not search it (most pages have none; the
    scan of the text costs a fifth of the search of the tree).

    >>> may_hold_itemtypes("<div ItemType='https://schema.org/Product'>"), may_hold_itemtypes("<p>")
    (True, False)
    """
    return ITEMTYPE_NAME.search(html) is not None


def schema_types(
    root: etree._Element, json_ld: Iterable[object], microdata: bool = True
) -> list[str]:
    """The schema.org types the page declares, lower case: JSON-LD ``@type`` values anywhere
    in ``json_ld`` and microdata ``itemtype`` attributes, in document order, repeats kept
    (``microdata=False``: the page holds none, :func:`may_hold_itemtypes`).

    >>> from lxml import etree
    >>> root = etree.fromstring('<div itemscope itemtype="https://schema.org/Product">x</div>', etree.HTMLParser())
    >>> schema_types(root, [{"@graph": [{"@type": ["QAPage"]}, {"@type": "Question"}]}])
    ['qapage', 'question', 'product']
    """
    found = [name.lower() for name in _json_types(json_ld)]
    for value in _itemtypes(root) if microdata else ():
        found.extend(part.rstrip("/").rsplit("/", 1)[-1].lower() for part in value.split())
    return found


def _itemtypes(root: etree._Element) -> list[str]:
    values = ITEMTYPES(root)
    return [value for value in values if isinstance(value, str)] if isinstance(values, list) else []


def _json_types(blocks: Iterable[object]) -> Iterable[str]:
    for block in blocks:
        for item in json_objects(block):
            kind = item.get("@type")
            names = kind if isinstance(kind, list) else [kind]
            yield from (name for name in names if isinstance(name, str))


def from_schema(types: Sequence[str]) -> PageType | None:
    """The page type the declared schema.org ``types`` speak for, if any.

    >>> from_schema(["breadcrumblist", "discussionforumposting"])
    PageType(kind='forum', reason='declares schema.org DiscussionForumPosting')
    >>> from_schema(["product", "product", "product"]).kind, from_schema(["product", "offer"]).kind
    ('collection', 'product')
    >>> from_schema(["organization"]) is None
    True
    """
    kinds = {SCHEMA_TYPES[name]: name for name in types if name in SCHEMA_TYPES}
    products = types.count("product")
    if products >= COLLECTION_PRODUCTS:
        return PageType(COLLECTION, f"declares {products} schema.org Products")
    for kind in SCHEMA_ORDER:
        if kind in kinds:
            return PageType(kind, f"declares schema.org {_schema_name(kinds[kind])}")
    return None


def _schema_name(lower: str) -> str:
    """The usual spelling of a schema.org type written in lower case."""
    spelled = {
        "discussionforumposting": "DiscussionForumPosting",
        "qapage": "QAPage",
        "socialmediaposting": "SocialMediaPosting",
        "techarticle": "TechArticle",
        "apireference": "APIReference",
        "softwaresourcecode": "SoftwareSourceCode",
        "itemlist": "ItemList",
        "collectionpage": "CollectionPage",
        "offercatalog": "OfferCatalog",
        "searchresultspage": "SearchResultsPage",
        "newsarticle": "NewsArticle",
        "blogposting": "BlogPosting",
    }
    return spelled.get(lower, lower[:1].upper() + lower[1:])


def from_lines(
    texts: Sequence[str], words: Sequence[int], evidence: Sequence[DomEvidence]
) -> PageType:
    """The page type the rendered lines speak for (``unknown`` when they say nothing clear).

    >>> items = ["Blue mug", "$12.00", "Red mug", "$14.00", "Tea pot", "$30.00", "Jug", "$9.50"]
    >>> from_lines(items, [len(t.split()) for t in items], [DomEvidence("/html/body/p", "p")] * 8)
    PageType(kind='collection', reason='4 short lines hold a price')
    """
    prices = sum(
        1
        for text, count in zip(texts, words, strict=True)
        if count <= PRICE_LINE_WORDS and PRICE.search(text)
    )
    total = sum(words)
    prose = sum(count for count in words if count >= PROSE_WORDS)
    prose_lines = sum(1 for count in words if count >= PROSE_WORDS)
    titles = sum(
        1 for item in evidence if item.is_heading and item.line_link_density >= LINK_HEADING
    )
    code = sum(1 for item in evidence if item.tag == "pre")
    reads_as_prose = bool(total) and prose >= ARTICLE_PROSE_SHARE * total
    if titles >= LISTING_HEADINGS and 2 * titles >= prose_lines:
        return PageType(LISTING, f"{titles} headings are links")
    if prices >= COLLECTION_PRICES and not reads_as_prose:
        return PageType(COLLECTION, f"{prices} short lines hold a price")
    if prices and any(
        count <= PRICE_LINE_WORDS and CART.search(text)
        for text, count in zip(texts, words, strict=True)
    ):
        return PageType(PRODUCT, "a price beside an add-to-cart control")
    if code >= CODE_LINES and code >= CODE_SHARE * len(texts):
        return PageType(DOCUMENTATION, f"{code} lines of preformatted code")
    if reads_as_prose:
        return PageType(ARTICLE, f"prose lines hold {prose / total:.0%} of the words")
    return PageType(UNKNOWN, "no structured type, prices, code or dominant prose")


def page_type(
    root: etree._Element,
    json_ld: Iterable[object],
    texts: Sequence[str],
    words: Sequence[int],
    evidence: Sequence[DomEvidence],
    microdata: bool = True,
) -> PageType:
    """The page's type: from its declared schema.org types, else from its rendered lines
    (``microdata=False``: the page holds no ``itemtype``, :func:`may_hold_itemtypes`)."""
    declared = schema_types(root, json_ld, microdata)
    return from_schema(declared) or from_lines(texts, words, evidence)
