"""What a page declares about itself in its head, read once: ``<meta>`` contents by name,
the JSON-LD graph and its main item, the ``<title>`` and the canonical link; and which
``<meta>`` names hold an author or a date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from cleantext.meta.dates import parse_date
from cleantext.meta.json_ld import Graph

MAX_META_CHARS = 2_000
"""Longer ``<meta>`` contents and JSON-LD strings are cut to this many characters."""
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

    def first_date(self, keys: Sequence[str]) -> str | None:
        """The first date among the contents of ``keys``."""
        return next(
            (
                found
                for key in keys
                for value in self.meta.get(key, ())
                if (found := parse_date(value))
            ),
            None,
        )


def read_facts(
    described: Sequence[etree._Element],
    json_ld: Sequence[object],
    headings: Sequence[str],
    url: str | None,
) -> PageFacts:
    """Collect the ``<meta>`` contents and ``<title>`` among ``described``, and the graph of
    the ``json_ld`` blocks."""
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
    graph = Graph.of(json_ld)
    return PageFacts(meta, graph, graph.main(), title_tag or None, canonical, headings, url)


def _is_canonical(link: etree._Element) -> bool:
    return "canonical" in (link.get("rel") or "").casefold().split()
