"""What the page says about itself: JSON-LD blocks and ``articleBody``, and language.

Everything here is best effort and never raises: a malformed JSON-LD block is
skipped, a missing language is ``None``.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex
from lxml import etree

MAX_JSON_CHARS = 2_000_000
"""JSON-LD blocks longer than this are not parsed."""
MAX_JSON_NODES = 10_000
"""At most this many JSON values are visited per block (deeply nested data stays cheap)."""
TAG = regex.compile(r"<[^<>]{0,1000}>")
DESCRIPTIVE_TAGS = ("script", "meta", "title", "link")
"""The elements in which a page describes itself."""


def descriptive_elements(root: etree._Element) -> list[etree._Element]:
    """The page's script, meta, title and link elements in document order.

    One pass finds them all: lxml's tag-filtered walk costs as much for four tags as for one.

    >>> from lxml import etree
    >>> page = etree.fromstring("<title>T</title><p>x<script>1</script>", etree.HTMLParser())
    >>> [element.tag for element in descriptive_elements(page)]
    ['title', 'script']
    """
    return list(root.iter(*DESCRIPTIVE_TAGS))


@dataclass(frozen=True)
class JsonLd:
    """A page's JSON-LD blocks, each parsed once, in document order.

    ``valid`` are the blocks strict JSON reads; ``every`` adds, in their places, the blocks
    only a lenient read parses (raw tabs and line breaks inside strings: strict JSON refuses
    them, search engines read them, and many pages' templates write them). The content
    evidence (``articleBody``, the page type) reads ``valid``, as it was measured; the
    metadata reads ``every``.
    """

    valid: tuple[object, ...] = ()
    every: tuple[object, ...] = ()


def json_ld_blocks(elements: Sequence[etree._Element]) -> JsonLd:
    """The parsed JSON-LD blocks among ``elements`` (malformed or oversized ones skipped).

    >>> from lxml import etree
    >>> page = (
    ...     '<script type="application/ld+json">{"@type": "Article"}</script>'
    ...     '<script type="application/ld+json">{"name": "A\\tB"}</script>'
    ...     '<script type="application/ld+json">{</script>')
    >>> found = json_ld_blocks(descriptive_elements(etree.fromstring(page, etree.HTMLParser())))
    >>> found.valid, found.every
    (({'@type': 'Article'},), ({'@type': 'Article'}, {'name': 'A\\tB'}))
    """
    valid: list[object] = []
    every: list[object] = []
    for script in elements:
        if script.tag != "script":
            continue
        kind = (script.get("type") or "").strip().lower()
        if kind != "application/ld+json" or not script.text:
            continue
        if len(script.text) > MAX_JSON_CHARS:
            continue
        read = _read_json(script.text)
        if read is None:
            continue
        block, strict = read
        every.append(block)
        if strict:
            valid.append(block)
    return JsonLd(tuple(valid), tuple(every))


def _read_json(text: str) -> tuple[object, bool] | None:
    """The JSON value of ``text`` and whether strict JSON reads it; ``None`` when not even a
    lenient read does (malformed, or nested deeper than json can read)."""
    try:
        return json.loads(text), True
    except (ValueError, RecursionError):
        pass
    try:
        return json.loads(text, strict=False), False
    except (ValueError, RecursionError):
        return None


def json_ld_bodies(blocks: Sequence[object]) -> list[str]:
    """The ``articleBody`` strings of the JSON-LD ``blocks``, whitespace-normalised.

    >>> json_ld_bodies([{"@graph": [{"articleBody": "A  <b>b</b>"}]}])
    ['A b']
    """
    bodies = (normalise_body(body) for data in blocks for body in _find_key(data, "articlebody"))
    return [body for body in bodies if body]


def normalise_body(text: str) -> str:
    """``text`` without tags and entities, with whitespace collapsed.

    >>> normalise_body("<p>Fish &amp; chips</p>\\n<p>are served.</p>")
    'Fish & chips are served.'
    """
    if "<" in text:
        text = TAG.sub(" ", text)
    return " ".join(html.unescape(text).split())


def _find_key(data: object, key: str) -> Iterator[str]:
    """String values of ``key`` (case-insensitive) anywhere in ``data``."""
    for item in json_objects(data):
        for name, value in item.items():
            if isinstance(name, str) and name.lower() == key and isinstance(value, str):
                yield value


def json_objects(data: object) -> Iterator[dict[str, object]]:
    """Every JSON object in ``data``, iteratively, at most :data:`MAX_JSON_NODES` values visited.

    >>> [item["@type"] for item in json_objects([{"@type": "A", "x": {"@type": "B"}}])]
    ['A', 'B']
    """
    stack = [data]
    visited = 0
    while stack and visited < MAX_JSON_NODES:
        visited += 1
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(reversed([v for v in item.values() if isinstance(v, (dict, list))]))
        elif isinstance(item, list):
            stack.extend(reversed(item))


def page_lang(root: etree._Element) -> str | None:
    """The ``lang`` (or ``xml:lang``) of the ``<html>`` element, if any.

    >>> from lxml import etree
    >>> page_lang(etree.fromstring('<html lang="de-AT"><p>x</p></html>', etree.HTMLParser()))
    'de-AT'
    """
    value = root.get("lang") or root.get("xml:lang") or ""
    value = value.strip()[:35]
    return value or None
