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
from cleantext.meta.published import url_date
from cleantext.meta.title import TitleEvidence, choose_title, site_keys
from cleantext.model import Metadata

MAX_META_CHARS = 2_000
"""Longer ``<meta>`` contents and JSON-LD strings are cut to this many characters."""
MAX_BYLINE_CHARS = 100
"""A byline element with more text is a biography, not a byline."""
MAX_TAGS = 30
MAX_MARKED_ELEMENTS = 20
"""Only the first few elements of each kind (byline, date stamp, microdata, ``<time>``) are
read (nested ones on a hostile page would otherwise make the text walk quadratic)."""
BYLINE_CLASSES = ("byline", "author")
"""An element whose class holds one of these marks a byline."""
BYLINE_LINKS = ("/author/", "/authors/")
"""A link to an author page marks a byline."""
DATE_CLASSES = ("date", "publish", "posted", "timestamp")
"""An element whose class holds one of these marks a date stamp ("post-date", "meta-date")."""
MICRODATA_PUBLISHED = ("datePublished", "dateCreated", "uploadDate")
"""The microdata properties that date a work's first appearance (a question's ``dateCreated``
on a Q&A page is when it was asked)."""
MICRODATA_PROPS = ("author", *MICRODATA_PUBLISHED, "dateModified")
MARK_CLASS = regex.compile("|".join((*BYLINE_CLASSES, *DATE_CLASSES)), regex.IGNORECASE)
"""One test for a class that may mark a byline or a date stamp (the rest is sorted after)."""
MAX_STAMP_CHARS = 80
"""A date stamp element with more text is a paragraph that happens to hold a date."""
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
    "published",
    "published-date",
    "publish_date",
    "publication-date",
    "publication_date",
    "dc.date.created",
    "dcterms.created",
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
    canonical: str | None
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
Needs = Callable[[str], bool]
"""Whether a field is still missing (a reader skips costly work for fields already set)."""
Reader = Callable[[PageFacts, etree._Element, Needs], Found]


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

    def needs(name: str) -> bool:
        return not getattr(metadata, name)

    for reader in ORDER:
        for name, value, source in reader(facts, root, needs):
            if needs(name):
                metadata = metadata.with_field(name, value, source)
    return metadata


def read_facts(
    described: Sequence[etree._Element], headings: Sequence[str], url: str | None
) -> PageFacts:
    """Collect the ``<meta>`` contents, JSON-LD and ``<title>`` among ``described``."""
    meta: dict[str, list[str]] = {}
    title_tag = canonical = None
    for element in described:
        if element.tag == "meta":
            key = element.get("property") or element.get("name") or element.get("itemprop")
            content = " ".join((element.get("content") or "")[:MAX_META_CHARS].split())
            if key and content:
                meta.setdefault(key.strip().casefold(), []).append(content)
        elif element.tag == "title" and title_tag is None:
            title_tag = " ".join("".join(str(part) for part in element.itertext()).split())
        elif element.tag == "link" and canonical is None and _is_canonical(element):
            canonical = (element.get("href") or "").strip() or None
    graph = Graph.of(json_ld_blocks(described))
    return PageFacts(meta, graph, graph.main(), title_tag or None, canonical, headings, url)


def _is_canonical(link: etree._Element) -> bool:
    return "canonical" in (link.get("rel") or "").casefold().split()


def _title(facts: PageFacts, root: etree._Element, needs: Needs) -> Found:
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


def _json_ld(facts: PageFacts, root: etree._Element, needs: Needs) -> Found:
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


def _meta(facts: PageFacts, root: etree._Element, needs: Needs) -> Found:
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


def _markup(facts: PageFacts, root: etree._Element, needs: Needs) -> Found:
    """``<html lang>``, ``<link rel=canonical>``, then (walking the tree only when an author or
    a date is still missing) microdata, ``<time>``, date stamps, bylines; the address's date."""
    yield "lang", page_lang(root), "html-lang"
    yield "canonical_url", _absolute(facts, facts.canonical), "link"
    if needs("authors") or needs("published") or needs("modified"):
        marked = MarkedElements.of(root)
        props = marked.microdata()
        yield (
            "authors",
            unique_names(value for name, value in props if name == "author"),
            "microdata",
        )
        yield "published", _first_prop_date(props, MICRODATA_PUBLISHED), "microdata"
        yield "modified", _first_prop_date(props, ("dateModified",)), "microdata"
        yield "published", marked.time_date(), "time"
        stamps = marked.date_stamps()
        yield "published", next((day for day, _ in stamps if day), None), "dateline"
        yield "modified", next((day for _, day in stamps if day), None), "dateline"
        yield "authors", marked.byline_names(), "byline"
    yield "published", url_date(facts.url), "url"


@dataclass(frozen=True)
class MarkedElements:
    """The elements that may mark an author or a date, sorted by kind, in document order."""

    props: Sequence[etree._Element]
    times: Sequence[etree._Element]
    stamps: Sequence[etree._Element]
    bylines: Sequence[etree._Element]

    @classmethod
    def of(cls, root: etree._Element) -> MarkedElements:
        """Walk ``root`` once (plain Python over lxml's element walk: faster here than an XPath
        of many ``contains`` tests) and sort the marked elements by kind."""
        times, stamps, bylines, props = [], [], [], []
        for element in root.iter(etree.Element):
            if element.tag == "time":
                times.append(element)
            if element.get("itemprop") in MICRODATA_PROPS:
                props.append(element)
            classes = element.get("class") or ""
            marked = bool(classes) and MARK_CLASS.search(classes) is not None
            if marked and any(mark in classes.casefold() for mark in DATE_CLASSES):
                stamps.append(element)
            if (marked and _marks_byline(element)) or _links_author(element):
                bylines.append(element)
        limit = MAX_MARKED_ELEMENTS
        return cls(props[:limit], times[:limit], stamps[:limit], bylines[:limit])

    def microdata(self) -> list[tuple[str, str]]:
        """(``itemprop``, value) of the microdata elements in document order (an item's value
        is the ``name`` inside it)."""
        found: list[tuple[str, str]] = []
        for element in self.props:
            name = element.get("itemprop") or ""
            if element.get("itemscope") is not None:
                inner = _elements(element.xpath(".//*[@itemprop='name']"))
                element = inner[0] if inner else element
            value = element.get("content") or element.get("datetime") or _text(element)
            if value:
                found.append((name, value[:MAX_META_CHARS]))
        return found

    def time_date(self) -> str | None:
        """The first date a ``<time>`` element gives, in its ``datetime`` or else its text."""
        for element in self.times:
            found = _date(element.get("datetime") or _text(element)[:MAX_STAMP_CHARS])
            if found:
                return found
        return None

    def date_stamps(self) -> list[tuple[str | None, str | None]]:
        """(published, modified) of the short date stamp elements."""
        texts = (_text(element) for element in self.stamps)
        return [stamp_dates(text) for text in texts if len(text) <= MAX_STAMP_CHARS]

    def byline_names(self) -> list[str]:
        """The names of the first byline element whose text reads as names."""
        for element in self.bylines:
            text = _text(element)
            names = unique_names([text]) if len(text) <= MAX_BYLINE_CHARS else []
            if names:
                return names
        return []


def _marks_byline(element: etree._Element) -> bool:
    classes = (element.get("class") or "").casefold()
    return any(mark in classes for mark in BYLINE_CLASSES)


def _links_author(element: etree._Element) -> bool:
    if element.get("rel") == "author":
        return True
    href = element.get("href")
    return href is not None and any(mark in href for mark in BYLINE_LINKS)


def _elements(found: object) -> list[etree._Element]:
    """The elements of an XPath answer (an element-selecting path gives nothing else)."""
    return (
        [item for item in found if isinstance(item, etree._Element)]
        if isinstance(found, list)
        else []
    )


def _first_prop_date(props: Sequence[tuple[str, str]], names: Sequence[str]) -> str | None:
    """The first date among the microdata values of ``names``, in document order: on a thread
    the question comes before its answers and comments."""
    return next((found for name, value in props if name in names and (found := _date(value))), None)


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
