"""Metadata from a parsed HTML page: JSON-LD, ``<meta>`` (OpenGraph, Twitter cards, Dublin
Core, ``name=author`` ...), microdata, ``<time datetime>``, ``<link rel=canonical>``, byline
elements, the ``<h1>`` and the page's address.

Each field takes the first source that gives a usable value, in the order of
:data:`ORDER` (docs/metadata.md lists them); a field no source gives stays absent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import regex
from lxml import etree

from cleantext.html.structured import json_ld_blocks, page_lang
from cleantext.meta.dates import parse_date, stamp_dates
from cleantext.meta.json_ld import SITE_TYPES, Graph, breadcrumb_names, text_of
from cleantext.meta.people import unique_names
from cleantext.meta.title import TitleEvidence, choose_title, site_keys
from cleantext.model import Metadata

MAX_META_CHARS = 2_000
"""Longer ``<meta>`` contents and JSON-LD strings are cut to this many characters."""
MAX_BYLINE_CHARS = 100
"""A byline element with more text is a biography, not a byline."""
MAX_TAGS = 30
MAX_MARKED_ELEMENTS = 20
"""Only the first few byline or microdata elements are read (nested ones on a hostile page
would otherwise make the text walk quadratic)."""
URL_DATE = regex.compile(r"/((?:19|20)\d\d)[/-]([01]\d)[/-]([0-3]\d)(?:/|$|[-_])")
"""A date in the page's path ("/2018/07/02/tiny-house")."""
BYLINE_XPATH = etree.XPath(
    "//*[@rel='author' or contains(@class, 'byline') or contains(@class, 'author')"
    " or contains(@href, '/author/') or contains(@href, '/authors/')]"
)
"""Elements that mark a byline: ``rel=author``, a class naming a byline or an author, a link to
an author page. Their text is kept only when it reads as names (:mod:`cleantext.meta.people`)."""
DATE_XPATH = etree.XPath(
    "//*[contains(@class, 'date') or contains(@class, 'publish') or contains(@class, 'posted')"
    " or contains(@class, 'timestamp')]"
)
"""Elements whose class names a date stamp ("post-date", "published", "meta-date")."""
MAX_STAMP_CHARS = 80
"""A date stamp element with more text is a paragraph that happens to hold a date."""
MICRODATA_XPATH = etree.XPath(
    "//*[@itemprop='author' or @itemprop='datePublished' or @itemprop='dateModified'"
    " or @itemprop='publisher']"
)
AUTHOR_KEYS = (
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
    "citation_author",
)
PUBLISHED_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "publish-date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "date",
)
MODIFIED_KEYS = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
)


@dataclass(frozen=True)
class PageFacts:
    """What one page says about itself, read once: ``<meta>`` contents by lower-cased name,
    the JSON-LD graph and its main item, the ``<title>``, the ``<h1>`` texts and the address."""

    meta: dict[str, list[str]]
    graph: Graph
    main: dict[str, object] | None
    title_tag: str | None
    headings: Sequence[str]
    url: str | None

    def first_meta(self, *keys: str) -> str | None:
        """The first non-blank content among ``keys``."""
        for key in keys:
            for value in self.meta.get(key, ()):
                if value:
                    return value
        return None


Value = str | Sequence[str] | None
Found = Iterator[tuple[str, Value, str]]
"""(field name, value, source) triples; an empty value is skipped."""
Reader = Callable[[PageFacts, etree._Element], Found]


def html_metadata(
    root: etree._Element,
    described: Sequence[etree._Element],
    headings: Sequence[str],
    base: Metadata,
) -> Metadata:
    """``base`` with every field the page's markup gives, each with its source.

    >>> from lxml import etree
    >>> from cleantext.html.structured import descriptive_elements
    >>> page = etree.fromstring('''<html lang="en"><head><title>Budget | Example</title>
    ... <meta property="og:site_name" content="Example"><meta name="author" content="By Ann Lee">
    ... <meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>
    ... <body><h1>Budget</h1></body></html>''', etree.HTMLParser())
    >>> meta = html_metadata(page, descriptive_elements(page), ["Budget"], Metadata())
    >>> meta.title, meta.authors, meta.published, meta.site_name, meta.lang
    ('Budget', ('Ann Lee',), '2024-03-05', 'Example', 'en')
    >>> meta.source_of("title"), meta.source_of("authors"), meta.source_of("published")
    ('h1', 'meta', 'meta')
    """
    facts = read_facts(described, headings, base.url)
    metadata = base
    for reader in ORDER:
        for name, value, source in reader(facts, root):
            if not getattr(metadata, name):
                metadata = metadata.with_field(name, value, source)
    return metadata


def read_facts(
    described: Sequence[etree._Element], headings: Sequence[str], url: str | None
) -> PageFacts:
    """Collect the ``<meta>`` contents, JSON-LD and ``<title>`` among ``described``."""
    meta: dict[str, list[str]] = {}
    title_tag = None
    for element in described:
        if element.tag == "meta":
            key = element.get("property") or element.get("name") or element.get("itemprop")
            content = " ".join((element.get("content") or "")[:MAX_META_CHARS].split())
            if key and content:
                meta.setdefault(key.strip().casefold(), []).append(content)
        elif element.tag == "title" and title_tag is None:
            title_tag = " ".join("".join(str(part) for part in element.itertext()).split())
    graph = Graph.of(json_ld_blocks(described))
    return PageFacts(meta, graph, graph.main(), title_tag or None, headings, url)


def _title(facts: PageFacts, root: etree._Element) -> Found:
    declared = [
        ("meta", facts.first_meta("og:title")),
        ("json-ld", text_of(facts.main, "headline")),
        ("meta", facts.first_meta("twitter:title")),
        ("title-tag", facts.title_tag),
    ]
    site_name = facts.first_meta("og:site_name", "application-name")
    host = urlsplit(facts.url).hostname if facts.url else None
    evidence = TitleEvidence(
        facts.headings,
        [(source, text) for source, text in declared if text],
        facts.title_tag,
        site_keys([site_name] if site_name else [], host),
    )
    chosen = choose_title(evidence)
    if chosen:
        yield "title", chosen[0], chosen[1]


def _json_ld(facts: PageFacts, root: etree._Element) -> Found:
    main, graph = facts.main, facts.graph
    site = graph.first_of(SITE_TYPES)
    publisher = graph.resolve(main.get("publisher")) if main else None
    yield "authors", unique_names(graph.names(main.get("author") if main else None)), "json-ld"
    yield "published", _date(text_of(main, "datePublished", "dateCreated", "uploadDate")), "json-ld"
    yield "modified", _date(text_of(main, "dateModified")), "json-ld"
    yield "description", text_of(main, "description"), "json-ld"
    yield "image", _absolute(facts, text_of(main, "image", "thumbnailUrl")), "json-ld"
    yield "section", breadcrumb_names(graph), "json-ld"
    yield "tags", _keywords(main.get("keywords") if main else None), "json-ld"
    yield "publisher", next(iter(graph.names(publisher)), None), "json-ld"
    yield "site_name", text_of(site, "name"), "json-ld"
    yield "lang", text_of(main, "inLanguage"), "json-ld"


def _meta(facts: PageFacts, root: etree._Element) -> Found:
    yield (
        "authors",
        unique_names(value for key in AUTHOR_KEYS for value in facts.meta.get(key, ())),
        "meta",
    )
    yield "published", _first_date(facts, PUBLISHED_KEYS), "meta"
    yield "modified", _first_date(facts, MODIFIED_KEYS), "meta"
    yield "site_name", facts.first_meta("og:site_name", "application-name"), "meta"
    yield (
        "description",
        facts.first_meta("og:description", "description", "twitter:description"),
        "meta",
    )
    yield (
        "image",
        _absolute(facts, facts.first_meta("og:image", "og:image:url", "twitter:image")),
        "meta",
    )
    yield "canonical_url", _absolute(facts, facts.first_meta("og:url")), "meta"
    section = facts.first_meta("article:section")
    yield "section", [section] if section else [], "meta"
    tags = facts.meta.get("article:tag", [])
    yield (
        "tags",
        tags[:MAX_TAGS] or _keywords(facts.first_meta("keywords", "news_keywords")),
        "meta",
    )
    yield "publisher", facts.first_meta("article:publisher", "publisher", "dc.publisher"), "meta"
    yield "lang", facts.first_meta("og:locale", "content-language", "language"), "meta"


def _markup(facts: PageFacts, root: etree._Element) -> Found:
    """Microdata, ``<link rel=canonical>``, ``<time>``, byline elements and ``<html lang>``."""
    yield "lang", page_lang(root), "html-lang"
    yield "canonical_url", _absolute(facts, _canonical(root)), "link"
    props = _microdata(root)
    yield "authors", unique_names(props.get("author", [])), "microdata"
    yield "published", _date(next(iter(props.get("datePublished", [])), None)), "microdata"
    yield "modified", _date(next(iter(props.get("dateModified", [])), None)), "microdata"
    yield "published", _time_date(root), "time"
    stamps = _date_stamps(root)
    yield "published", next((day for day, _ in stamps if day), None), "dateline"
    yield "modified", next((day for _, day in stamps if day), None), "dateline"
    yield (
        "authors",
        next(filter(None, (unique_names([text]) for text in _bylines(root))), []),
        "byline",
    )
    yield "published", _url_date(facts.url), "url"


def _microdata(root: etree._Element) -> dict[str, list[str]]:
    props: dict[str, list[str]] = {}
    for element in _elements(MICRODATA_XPATH(root))[:MAX_MARKED_ELEMENTS]:
        name = element.get("itemprop") or ""
        if element.get("itemscope") is not None:
            inner = _elements(element.xpath(".//*[@itemprop='name']"))
            element = inner[0] if inner else element
        value = element.get("content") or element.get("datetime") or _text(element)
        if value:
            props.setdefault(name, []).append(value[:MAX_META_CHARS])
    return props


def _elements(found: object) -> list[etree._Element]:
    """The elements of an XPath answer (an element-selecting path gives nothing else)."""
    return (
        [item for item in found if isinstance(item, etree._Element)]
        if isinstance(found, list)
        else []
    )


def _bylines(root: etree._Element) -> Iterator[str]:
    for element in _elements(BYLINE_XPATH(root))[:MAX_MARKED_ELEMENTS]:
        text = _text(element)
        if text and len(text) <= MAX_BYLINE_CHARS:
            yield text


def _time_date(root: etree._Element) -> str | None:
    """The first date a ``<time>`` element gives, in its ``datetime`` or else its text."""
    for element in root.iter("time"):
        found = _date(element.get("datetime") or _text(element)[:MAX_STAMP_CHARS])
        if found:
            return found
    return None


def _date_stamps(root: etree._Element) -> list[tuple[str | None, str | None]]:
    """(published, modified) of the first few short elements whose class names a date stamp."""
    texts = (_text(element) for element in _elements(DATE_XPATH(root))[:MAX_MARKED_ELEMENTS])
    return [stamp_dates(text) for text in texts if len(text) <= MAX_STAMP_CHARS]


def _canonical(root: etree._Element) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").casefold().split():
            href = (link.get("href") or "").strip()
            if href:
                return href
    return None


def _url_date(url: str | None) -> str | None:
    match = URL_DATE.search(urlsplit(url).path) if url else None
    return _date("-".join(match.groups())) if match else None


def _first_date(facts: PageFacts, keys: Sequence[str]) -> str | None:
    return next(
        (found for key in keys for value in facts.meta.get(key, ()) if (found := _date(value))),
        None,
    )


def _date(value: str | None) -> str | None:
    return parse_date(value) if value else None


def _keywords(value: object) -> list[str]:
    """Keywords from a comma-separated string or a list of strings."""
    items = value if isinstance(value, list) else str(value or "").split(",")
    words = [" ".join(str(item).split()) for item in items if isinstance(item, str)]
    return list(dict.fromkeys(word for word in words if word))[:MAX_TAGS]


def _absolute(facts: PageFacts, link: str | None) -> str | None:
    if not link:
        return None
    return urljoin(facts.url, link) if facts.url else link


def _text(element: etree._Element) -> str:
    return " ".join("".join(str(part) for part in element.itertext()).split())


ORDER: tuple[Reader, ...] = (_title, _json_ld, _meta, _markup)
"""The sources in order of trust: the first to give a field sets it."""
