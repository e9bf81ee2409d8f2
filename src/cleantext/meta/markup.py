"""Metadata from a parsed HTML page: JSON-LD, ``<meta>`` (OpenGraph, Twitter cards, Dublin
Core, ``name=author`` ...), microdata, ``<time datetime>``, ``<link rel=canonical>``, byline
elements, the ``<h1>`` and the page's address.

Each field takes the first source that gives a usable value, in the order of
:data:`ORDER` (docs/metadata.md lists them); a field no source gives stays absent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree

from cleantext.html.structured import page_lang
from cleantext.meta.dates import parse_date
from cleantext.meta.facts import AUTHOR_KEYS, MODIFIED_KEYS, PUBLISHED_KEYS, PageFacts, read_facts
from cleantext.meta.json_ld import SITE_TYPES, breadcrumb_names, text_of
from cleantext.meta.marked import MICRODATA_PUBLISHED, MarkedElements, first_prop_date
from cleantext.meta.people import unique_names
from cleantext.meta.published import url_date
from cleantext.meta.title import TitleEvidence, choose_title, site_keys
from cleantext.model import Metadata, field_value

MAX_TAGS = 30


Value = str | Sequence[str] | None
Found = Iterator[tuple[str, Value, str]]
"""(field name, value, source) triples; an empty value is skipped."""
Needs = Callable[[str], bool]
"""Whether a field is still missing (a reader skips costly work for fields already set)."""
Reader = Callable[[PageFacts, etree._Element, Needs], Found]


def html_metadata(
    root: etree._Element,
    described: Sequence[etree._Element],
    json_ld: Sequence[object],
    headings: Sequence[str],
    base: Metadata,
) -> Metadata:
    """``base`` with every field the page's markup gives, each with its source: ``described``
    are the page's ``<script>``, ``<meta>``, ``<title>`` and ``<link>`` elements, ``json_ld``
    its parsed JSON-LD (``JsonLd.every``: read once per page, for the page type too), ``headings`` its ``<h1>``.

    >>> from lxml import etree
    >>> from cleantext.html.structured import descriptive_elements, json_ld_blocks
    >>> page = etree.fromstring('''<html lang="en"><head><title>Budget | Example</title>
    ... <meta property="og:site_name" content="Example"><meta name="author" content="By Ann Lee">
    ... <meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>
    ... <body><h1>Budget</h1></body></html>''', etree.HTMLParser())
    >>> described = descriptive_elements(page)
    >>> json_ld = json_ld_blocks(described).every
    >>> meta = html_metadata(page, described, json_ld, ["Budget"], Metadata())
    >>> meta.title, meta.authors, meta.published, meta.site_name, meta.lang
    ('Budget', ('Ann Lee',), '2024-03-05', 'Example', 'en')
    >>> meta.source_of("title"), meta.source_of("authors"), meta.source_of("published")
    ('h1', 'meta', 'meta')
    """
    facts = read_facts(described, json_ld, headings, base.url)
    found: dict[str, Any] = {}  # (the fields set here, in the order they were set)
    sources: list[tuple[str, str]] = []

    def needs(name: str) -> bool:
        return name not in found and not getattr(base, name)

    for reader in ORDER:
        for name, value, source in reader(facts, root, needs):
            if needs(name) and (cleaned := field_value(name, value)):
                found[name] = cleaned
                sources.append((name, source))
    if not found:
        return base
    kept = tuple(pair for pair in base.sources if pair[0] not in found)  # (as ``with_field``)
    return replace(base, **found, sources=(*kept, *sources))  # (one copy, not one a field)


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
    yield "published", facts.first_date(PUBLISHED_KEYS), "meta"
    yield "modified", facts.first_date(MODIFIED_KEYS), "meta"
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
        yield from _marked(MarkedElements.of(root), needs)
    yield "published", url_date(facts.url), "url"


def _marked(marked: MarkedElements, needs: Needs) -> Found:
    """Microdata, ``<time>``, date stamps, bylines: each read only while a field it gives is
    still missing (a value for a field already set would be dropped)."""
    props = marked.microdata()
    if needs("authors"):
        names = unique_names(value for name, value in props if name == "author")
        yield "authors", names, "microdata"
    if needs("published"):
        yield "published", first_prop_date(props, MICRODATA_PUBLISHED), "microdata"
    if needs("modified"):
        yield "modified", first_prop_date(props, ("dateModified",)), "microdata"
    if needs("published"):
        yield "published", marked.time_date(), "time"
    if needs("published") or needs("modified"):
        stamps = marked.date_stamps()
        yield "published", next((day for day, _ in stamps if day), None), "dateline"
        yield "modified", next((day for _, day in stamps if day), None), "dateline"
    if needs("authors"):
        yield "authors", marked.byline_names(), "byline"


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


ORDER: tuple[Reader, ...] = (_title, _json_ld, _meta, _markup)
"""The sources in order of trust: the first to give a field sets it."""
