"""JSON-LD read for metadata: the items of every block (``@graph`` and arrays flattened), the
page's main item, and the names that authors, publishers and breadcrumbs hold.

>>> blocks = [{"@graph": [
...     {"@type": "WebSite", "name": "Example News"},
...     {"@type": "NewsArticle", "headline": "Budget passed", "author": {"@id": "#p1"}},
...     {"@type": "Person", "@id": "#p1", "name": "Ann Lee"}]}]
>>> graph = Graph.of(blocks)
>>> main = graph.main()
>>> main["headline"], graph.names(main.get("author"))
('Budget passed', ['Ann Lee'])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, islice

from cleantext.html.structured import json_objects

MAX_ITEMS = 2_000
"""At most this many JSON-LD objects are collected per page."""
ARTICLE_TYPES = frozenset(
    """article newsarticle blogposting reportagenewsarticle analysisnewsarticle opinionnewsarticle
    reviewnewsarticle backgroundnewsarticle scholarlyarticle techarticle report liveblogposting
    socialmediaposting discussionforumposting qapage question posting medicalwebpage
    howto recipe review""".split()
)
"""``@type`` values of a page's main content item (case-folded)."""
PAGE_TYPES = frozenset("webpage itempage aboutpage profilepage collectionpage".split())
"""``@type`` values of the page itself: the main item when no article item is found."""
SITE_TYPES = frozenset("website organization newsmediaorganization corporation".split())
"""``@type`` values that name the site or its owner."""

Item = dict[str, object]


@dataclass(frozen=True)
class Graph:
    """The JSON-LD objects of one page, in document order, with an index of their ``@id``."""

    items: tuple[Item, ...]
    by_id: dict[str, Item]

    @classmethod
    def of(cls, blocks: Sequence[object]) -> Graph:
        """Every object of ``blocks`` (the parsed JSON-LD of ``html.structured.json_ld_blocks``):
        top-level ones, ``@graph`` members and nested values, in document order."""
        items = tuple(islice(chain.from_iterable(map(json_objects, blocks)), MAX_ITEMS))
        by_id = {
            name: item
            for item in items
            if isinstance(name := item.get("@id"), str) and len(item) > 1
        }
        return cls(items, by_id)

    def main(self) -> Item | None:
        """The first article-like item, else the first web page item, else ``None``."""
        for wanted in (ARTICLE_TYPES, PAGE_TYPES):
            found = next((item for item in self.items if types_of(item) & wanted), None)
            if found is not None:
                return found
        return None

    def first_of(self, wanted: frozenset[str]) -> Item | None:
        """The first item whose ``@type`` is among ``wanted``."""
        return next((item for item in self.items if types_of(item) & wanted), None)

    def resolve(self, value: object) -> object:
        """``value`` with an ``{"@id": ...}`` reference replaced by the item it names."""
        if isinstance(value, dict) and isinstance(value.get("@id"), str):
            return self.by_id.get(value["@id"], value)
        return value

    def names(self, value: object) -> list[str]:
        """The names ``value`` holds: a string, an object's ``name``, or a list of either.

        >>> Graph.of([]).names([{"name": "Ann"}, "Bo", {"@type": "Person"}, 3])
        ['Ann', 'Bo']
        """
        values = value if isinstance(value, list) else [value]
        names: list[str] = []
        for entry in values[:20]:
            entry = self.resolve(entry)
            if isinstance(entry, dict):
                entry = entry.get("name")
            if isinstance(entry, str):
                names.append(entry)
        return names


def types_of(item: Item) -> frozenset[str]:
    """The item's ``@type`` values, case-folded.

    >>> sorted(types_of({"@type": ["NewsArticle", "Article"]}))
    ['article', 'newsarticle']
    """
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return frozenset(value.casefold() for value in kinds if isinstance(value, str))


def text_of(item: Item | None, *keys: str) -> str | None:
    """The first of ``keys`` in ``item`` whose value is a non-blank string (or holds one as
    ``url``/``name``/first list entry).

    >>> text_of({"image": [{"url": "a.jpg"}], "name": " "}, "name", "image")
    'a.jpg'
    """
    if item is None:
        return None
    for key in keys:
        value = item.get(key)
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, dict):
            value = value.get("url") or value.get("name") or value.get("@value")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def breadcrumb_names(graph: Graph) -> list[str]:
    """The step names of the page's ``BreadcrumbList``, in position order.

    >>> crumbs = {"@type": "BreadcrumbList", "itemListElement": [
    ...     {"position": 2, "name": "World"}, {"position": 1, "item": {"name": "News"}}]}
    >>> breadcrumb_names(Graph.of([crumbs]))
    ['News', 'World']
    """
    trail = graph.first_of(frozenset({"breadcrumblist"}))
    steps = trail.get("itemListElement") if trail else None
    if not isinstance(steps, list):
        return []
    named: list[tuple[float, int, str]] = []
    for order, step in enumerate(steps[:50]):
        if not isinstance(step, dict):
            continue
        name = text_of(step, "name") or text_of(_as_item(step.get("item")), "name")
        position = step.get("position")
        rank = float(position) if isinstance(position, (int, float)) else float(order)
        if name:
            named.append((rank, order, name))
    return [name for _, _, name in sorted(named)]


def _as_item(value: object) -> Item | None:
    return value if isinstance(value, dict) else None
