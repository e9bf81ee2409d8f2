"""Metadata accuracy on wcxb_dev beside trafilatura, in one run on the same pages.

For each tool and each of title, author and date: accuracy over the pages whose gold
field is set, and how often the tool gives the field where the gold has none (lower is
better)::

    python -m benchmarks.metadata                  # all 1,476 pages, cleantext and trafilatura
    python -m benchmarks.metadata --every 3        # every third page (a quicker, honest sample)
    python -m benchmarks.metadata --tools cleantext --misses title
    python -m benchmarks.metadata --tools cleantext --causes   # why published dates miss
    python -m benchmarks.metadata --mode text      # cleantext on the pages' text renderings

Matching (issue 13): title is a case-folded, whitespace-collapsed exact match; author is a
hit when one of the tool's authors, case-folded, is inside the gold author string or holds
it; date is a hit when the first ten characters are equal.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from benchmarks.date_misses import cause as miss_cause
from benchmarks.date_misses import causes_table, page_evidence
from benchmarks.metrics import EVAL_DIR, load_set

FIELDS = ("title", "author", "date", "any date")
GOLD_KEYS = {
    "title": "title",
    "author": "author",
    "date": "publish_date",
    "any date": "publish_date",
}
"""``date`` scores cleantext's ``published``; ``any date`` its ``published``, else its
``modified``: the gold's ``publish_date`` is often the only date a page shows, "Last updated:
..." included. trafilatura gives one date, scored in both columns."""


@dataclass(frozen=True)
class Found:
    """One tool's metadata for one page, in the benchmark's terms."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    any_date: str | None = None


Extract = Callable[[str, str | None], Found]


@dataclass
class Tally:
    """Hits over pages with gold, and values given over pages without."""

    hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    given_without_gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    no_gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    errors: int = 0
    seconds: float = 0.0

    def accuracy(self, name: str) -> float:
        """Hits over pages with gold for field ``name``."""
        return self.hits[name] / self.gold[name] if self.gold[name] else 0.0

    def overgiven(self, name: str) -> float:
        """Share of the pages without gold for ``name`` on which the tool gave one anyway."""
        return self.given_without_gold[name] / self.no_gold[name] if self.no_gold[name] else 0.0


def fold(text: str | None) -> str:
    """Case-folded with whitespace collapsed.

    >>> fold("  Budget\\n Passed ")
    'budget passed'
    """
    return " ".join((text or "").casefold().split())


def is_hit(name: str, found: Found, gold: str) -> bool:
    """Whether ``found`` matches ``gold`` for field ``name`` (the issue's matching rules).

    >>> is_hit("author", Found(authors=("Ann Lee",)), "Ann Lee, MD"), is_hit("date", Found(date="2024-03-05T10:00"), "2024-03-05")
    (True, True)
    """
    if name == "title":
        return fold(found.title) == fold(gold)
    if name == "author":
        wanted = fold(gold)
        return any(
            author and (author in wanted or wanted in author) for author in map(fold, found.authors)
        )
    date = found.any_date if name == "any date" else found.date
    return bool(date) and (date or "")[:10] == gold[:10]


def given(name: str, found: Found) -> bool:
    """Whether the tool gave field ``name`` at all."""
    values = {"title": found.title, "author": found.authors, "date": found.date}
    return bool(values.get(name, found.any_date))


def cleantext_extract() -> Extract:
    import cleantext

    def extract(html: str, url: str | None) -> Found:
        meta = cleantext.clean_html(html, url=url).metadata
        return Found(meta.title, meta.authors, meta.published, meta.published or meta.modified)

    return extract


def cleantext_text_extract() -> Extract:
    """cleantext in text mode: the page's ``text`` rendering, no markup, no address."""
    import cleantext

    def extract(text: str, url: str | None) -> Found:
        meta = cleantext.clean(text).metadata
        return Found(meta.title, meta.authors, meta.published, meta.published or meta.modified)

    return extract


def trafilatura_extract() -> Extract:
    from trafilatura import bare_extraction

    def extract(html: str, url: str | None) -> Found:
        document = bare_extraction(html, url=url, with_metadata=True)
        if document is None:
            return Found()
        author = getattr(document, "author", None)
        authors = tuple(part.strip() for part in author.split(";")) if author else ()
        date = getattr(document, "date", None)
        return Found(getattr(document, "title", None), authors, date, date)

    return extract


TOOLS: dict[str, Callable[[], Extract]] = {
    "cleantext": cleantext_extract,
    "trafilatura": trafilatura_extract,
}


def score(
    extract: Extract,
    pages: Sequence[dict[str, object]],
    misses: str | None = None,
    mode: str = "html",
) -> Tally:
    """Run ``extract`` on every page's ``mode`` field (``html`` or ``text``) and tally hits and
    over-given fields."""
    tally = Tally()
    started = time.perf_counter()
    for page in pages:
        try:
            found = extract(str(page.get(mode) or ""), page.get("url") or None)  # type: ignore[arg-type]
        except Exception:  # a failing page gives nothing, and is counted
            tally.errors += 1
            found = Found()
        for name in FIELDS:
            gold = page.get(GOLD_KEYS[name])
            if isinstance(gold, str) and gold.strip():
                tally.gold[name] += 1
                hit = is_hit(name, found, gold)
                tally.hits[name] += hit
                if misses == name and not hit:
                    print(f"MISS {page.get('url')}: gold {gold!r} got {found!r}")
            else:
                tally.no_gold[name] += 1
                tally.given_without_gold[name] += given(name, found)
    tally.seconds = time.perf_counter() - started
    return tally


def table(results: dict[str, Tally], pages: int) -> str:
    """The Markdown table of accuracy and over-giving per tool."""
    lines = [
        f"wcxb_dev, {pages} pages",
        "",
        "| tool | title | author | date | any date | title given, no gold | "
        "author given, no gold | date given, no gold | any date given, no gold | errors | seconds |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, tally in results.items():
        accuracy = " | ".join(f"{tally.accuracy(item):.3f}" for item in FIELDS)
        over = " | ".join(
            f"{tally.overgiven(item):.3f}" if tally.no_gold[item] else "n/a" for item in FIELDS
        )
        lines.append(f"| {name} | {accuracy} | {over} | {tally.errors} | {tally.seconds:.0f} |")
    gold = next(iter(results.values())) if results else Tally()
    lines += ["", "pages with gold: " + ", ".join(f"{k} {gold.gold[k]}" for k in FIELDS)]
    return "\n".join(lines)


def date_causes(pages: Sequence[dict[str, object]], show: bool = False) -> Counter[str]:
    """Why cleantext's published date misses, counted by cause (benchmarks.date_misses)."""
    import cleantext

    causes: Counter[str] = Counter()
    for page in pages:
        gold = page.get("publish_date")
        if not (isinstance(gold, str) and gold.strip()):
            continue
        html, url = str(page["html"]), page.get("url") or None
        result = cleantext.clean_html(html, url=url)  # type: ignore[arg-type]
        meta = result.metadata
        if (meta.published or "")[:10] == gold[:10]:
            continue
        evidence = page_evidence(html, url, result.source_text)  # type: ignore[arg-type]
        found = miss_cause(gold, meta.published, meta.modified, evidence)
        causes[found] += 1
        if show:
            print(
                f"CAUSE {found}: {url} gold {gold} got {meta.published} ({meta.source_of('published')})"
            )
    return causes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--tools", nargs="+", default=list(TOOLS), choices=list(TOOLS))
    parser.add_argument(
        "--mode",
        choices=("html", "text"),
        default="html",
        help="html: every tool on the page's HTML; text: cleantext alone on its text rendering",
    )
    parser.add_argument("--every", type=int, default=1, help="use every Nth page (default all)")
    parser.add_argument("--misses", choices=FIELDS, help="print cleantext's misses on a field")
    parser.add_argument(
        "--causes", action="store_true", help="count cleantext's published-date misses by cause"
    )
    args = parser.parse_args(argv)
    pages = load_set("wcxb_dev", EVAL_DIR)[:: args.every]
    if not pages:
        print(f"wcxb_dev not found in {EVAL_DIR}: nothing to measure")
        return 0
    if args.causes:
        print(causes_table(date_causes(pages, show=args.misses == "date")))
        return 0
    if args.mode == "text":
        results = {"cleantext (text)": score(cleantext_text_extract(), pages, args.misses, "text")}
    else:
        results = {
            name: score(TOOLS[name](), pages, args.misses if name == "cleantext" else None)
            for name in args.tools
        }
    print(table(results, len(pages)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
