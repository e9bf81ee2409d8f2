"""Why a published date missed: each miss on wcxb_dev sorted into one cause.

The causes are read from what the page holds, independently of cleantext's own readers:
every date in its JSON-LD (a block that only a lenient reader parses counts), ``<meta>``,
``<time>``, microdata and address, and every date in its rendered text with whether the
line calls it updated::

    python -m benchmarks.metadata --tools cleantext --causes

Causes, in the order they are tested (the first that fits is the miss's cause):

- ``gold has no day``: the gold is a month ("2015-11").
- ``one day off (time zone)``: ours is a day before or after the gold.
- ``gold is the modified date``: the gold is the date we (rightly) give as ``modified``
  and nothing on the page gives it as published.
- ``gold only as "updated"``: the page shows the gold only in lines that call it updated.
- ``gold not on the page``: no date the page holds is the gold.
- ``gold in <source>``: the gold is there (``<source>`` is the first of :data:`SOURCE_ORDER`
  that holds it) and we chose another date or none.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import regex
from lxml import etree

from cleantext.html.structured import descriptive_elements, json_objects
from cleantext.meta.dates import UPDATE_LABEL, parse_date
from cleantext.meta.published import url_date

DATE_KEYS = frozenset({"datepublished", "datecreated", "uploaddate", "datemodified"})
MODIFIED_MARK = regex.compile(r"modif|updated", regex.IGNORECASE)
"""A source whose name says it holds the date of the last change."""
DATE_META = regex.compile(r"date|time|publish|modif|updat|creat|issued")
"""A ``<meta>`` name that may hold a date (``og:url`` holding one in its path does not count)."""
MAX_TEXT_DATE_LINE = 300
SOURCE_ORDER = ("json-ld", "json-ld (lenient)", "meta", "microdata", "time", "url", "text")
"""A miss is put down to the first of these that holds the gold (as published)."""


@dataclass(frozen=True)
class Evidence:
    """One date the page holds, where it was, and whether its source calls it modified."""

    day: str
    source: str
    modified: bool


def cause(gold: str, published: str | None, modified: str | None, evidence: list[Evidence]) -> str:
    """The cause of a miss (see the module docstring).

    >>> cause("2024-03-05", "2024-03-06", None, [])
    'one day off (time zone)'
    >>> cause("2024-03-05", None, "2024-03-05", [Evidence("2024-03-05", "meta", True)])
    'gold is the modified date'
    >>> cause("2024-03-05", None, None, [Evidence("2024-03-05", "time", False)])
    'gold in time, gave none'
    """
    if len(gold) < 10:
        return "gold has no day"
    if published and _one_day_apart(published, gold):
        return "one day off (time zone)"
    matching = [item for item in evidence if item.day == gold[:10]]
    as_published = [item for item in matching if not item.modified]
    if modified == gold[:10] and not as_published:
        return "gold is the modified date"
    chose = "chose other" if published else "gave none"
    if not matching:
        return f"gold not on the page, {chose}"
    if not as_published:
        return 'gold only as "updated"'
    best = min((item.source for item in as_published), key=SOURCE_ORDER.index)
    return f"gold in {best}, {chose}"


def page_evidence(html: str, url: str | None, text: str) -> list[Evidence]:
    """Every date ``html`` holds in markup and address, and every date of the rendered ``text``."""
    try:
        root = etree.fromstring(html, etree.HTMLParser()) if html.strip() else None
    except (etree.ParserError, ValueError):
        root = None
    found = list(_markup_dates(root)) if root is not None else []
    day = url_date(url)
    if day:
        found.append(Evidence(day, "url", False))
    return found + list(_text_dates(text))


def _markup_dates(root: etree._Element) -> Iterator[Evidence]:
    for script in descriptive_elements(root):
        if script.tag == "meta":
            key = (script.get("property") or script.get("name") or "").casefold()
            dated = DATE_META.search(key) is not None
            day = parse_date(script.get("content") or "") if dated else None
            if day:
                yield Evidence(day, "meta", MODIFIED_MARK.search(key) is not None)
        elif (script.get("type") or "").strip().casefold() == "application/ld+json":
            yield from _json_ld_dates(script.text or "")
    for element in root.iter(etree.Element):
        prop = element.get("itemprop") or ""
        if element.tag == "time" or "date" in prop.casefold():
            value = element.get("datetime") or element.get("content") or _text(element)
            day = parse_date(value)
            if day:
                source = "microdata" if prop else "time"
                yield Evidence(day, source, MODIFIED_MARK.search(prop + _text(element)) is not None)


def _json_ld_dates(script: str) -> Iterator[Evidence]:
    try:
        data = json.loads(script)
        source = "json-ld"
    except ValueError:
        try:
            data = json.loads(script, strict=False)
        except ValueError:
            return
        source = "json-ld (lenient)"
    for item in json_objects(data):
        for key, value in item.items():
            day = (
                parse_date(value)
                if key.casefold() in DATE_KEYS and isinstance(value, str)
                else None
            )
            if day:
                yield Evidence(day, source, key.casefold() == "datemodified")


def _text_dates(text: str) -> Iterator[Evidence]:
    for line in text.splitlines():
        day = parse_date(line[:MAX_TEXT_DATE_LINE])
        if day:
            yield Evidence(day, "text", UPDATE_LABEL.search(line) is not None)


def _text(element: etree._Element) -> str:
    return " ".join("".join(str(part) for part in element.itertext()).split())[:MAX_TEXT_DATE_LINE]


def _one_day_apart(first: str, second: str) -> bool:
    try:
        return abs((date.fromisoformat(first[:10]) - date.fromisoformat(second[:10])).days) == 1
    except ValueError:
        return False


def causes_table(causes: Counter[str]) -> str:
    """The causes as a Markdown table, most frequent first."""
    lines = ["| cause | misses |", "| --- | ---: |"]
    lines += [f"| {name} | {count} |" for name, count in causes.most_common()]
    lines.append(f"| all | {sum(causes.values())} |")
    return "\n".join(lines)
