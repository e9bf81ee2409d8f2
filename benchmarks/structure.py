"""How much of a page's structure its Markdown keeps, for cleantext and trafilatura.

For every page the table rows (``tr`` of *data tables*: tables that hold no
table and have at least two rows and two columns), and the headings
(``h1``-``h6``) and list items (``li``) outside data tables (those count in their
rows) are read from its HTML. An element counts as *kept* when its
text (whitespace and ``•`` taken out, at least 3 characters left) occurs in the
tool's output text; a kept element *comes out* when a Markdown element of the
same kind (heading, list item, table row, as a CommonMark parser with GFM
tables reads the Markdown) contains its text. The figure is the share of kept
elements that come out, pooled over a set's pages. cleantext's output text is
``result.text`` and its Markdown ``result.to_markdown()``; trafilatura's
Markdown is ``extract(html, output_format="markdown")`` and its output text the
text of that Markdown's blocks (each paragraph, heading, item and cell a line)::

    python -m benchmarks.structure --sets scrapinghub_aeb wcxb_dev --jobs 2
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from benchmarks.metrics import load_set

KINDS = ("heading", "item", "row")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
MIN_KEY_CHARS = 3
"""Shorter element texts are left out (they occur anywhere by chance)."""
TOOLS = ("cleantext", "trafilatura")

Elements = dict[str, list[str]]


def key(text: str) -> str:
    """``text`` without whitespace and bullets: what the comparisons match on.

    >>> key("  • Roads\\tand   bridges ")
    'Roadsandbridges'
    """
    return "".join(text.split()).replace("•", "")


def html_elements(html: str) -> list[tuple[str, str]]:
    """The kinds and keys of the page's headings, list items outside tables and data table
    rows, in document order."""
    from cleantext.html.parse import parse

    found: list[tuple[str, str]] = []
    root = parse(html)
    if root is None:
        return found
    for element in root.iter(*HEADINGS, "li", "table"):
        if element.tag == "table":
            if _is_data_table(element):
                found.extend(("row", key(_text(row))) for row in _rows(element))
        elif not any(map(_is_data_table, element.iterancestors("table"))):
            kind = "heading" if element.tag in HEADINGS else "item"
            found.append((kind, key(_text(element))))
    return [(kind, item) for kind, item in found if len(item) >= MIN_KEY_CHARS]


UNSEEN_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "button"})


def _text(element: object) -> str:
    """The text a reader sees in ``element``: without scripts, styles, icons and hidden parts."""
    from lxml import etree

    parts: list[str] = []
    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        if event == "start":
            if node is not element and _unseen(node):
                walker.skip_subtree()
            else:
                parts.append(node.text or "")
        elif node is not element:
            parts.append(node.tail or "")
    return "".join(parts)


def _unseen(node: object) -> bool:
    tag = getattr(node, "tag", None)
    if not isinstance(tag, str) or tag in UNSEEN_TAGS:
        return True
    get = node.get  # type: ignore[attr-defined]
    style = "".join((get("style") or "").lower().split())
    return (
        get("hidden") is not None
        or (get("aria-hidden") or "").lower() == "true"
        or "display:none" in style
    )


def _rows(table: object) -> list[object]:
    rows = [row for row in table.iter("tr") if len(row.findall("td")) + len(row.findall("th"))]  # type: ignore[attr-defined]
    return rows


def _is_data_table(table: object) -> bool:
    if next(table.iter("table"), None) is not None and any(  # type: ignore[attr-defined]
        inner is not table
        for inner in table.iter("table")  # type: ignore[attr-defined]
    ):
        return False
    rows = _rows(table)
    widest = max((len(row.findall("td")) + len(row.findall("th")) for row in rows), default=0)  # type: ignore[attr-defined]
    return len(rows) >= 2 and widest >= 2


class Kept:
    """The key of an output text, and where its lines start and end in that key.

    >>> kept = Kept(["  • Home", "Home rule was debated.", "a\tb"])
    >>> kept.holds("Home"), kept.holds("Homerulewasdebated."), kept.holds("ab"), kept.holds("rule")
    (True, True, True, False)
    """

    def __init__(self, lines: Sequence[str]) -> None:
        keys = [item for item in map(key, lines) if item]
        self.text = "".join(keys)
        self.starts: set[int] = set()
        self.ends: set[int] = set()
        position = 0
        for item in keys:
            self.starts.add(position)
            position += len(item)
            self.ends.add(position)

    def holds(self, item: str) -> bool:
        """True when ``item`` runs in the text from a line's start to a line's end."""
        return self.count(item, 1) > 0

    def count(self, item: str, most: int) -> int:
        """How often (up to ``most``) ``item`` runs from a line's start to a line's end."""
        found, seen = self.text.find(item), 0
        while found >= 0 and seen < most:
            if found in self.starts and found + len(item) in self.ends:
                seen += 1
                found = self.text.find(item, found + len(item))
            else:
                found = self.text.find(item, found + 1)
        return seen


def markdown_elements(markdown: str) -> tuple[Elements, Kept]:
    """The keys of the Markdown's headings, list items and table rows, and its text's blocks."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    found: Elements = {kind: [] for kind in KINDS}
    open_kinds: list[tuple[str, list[str]]] = []
    everything: list[str] = []
    kinds = {"heading_open": "heading", "list_item_open": "item", "tr_open": "row"}
    for token in tokens:
        if token.type in kinds:
            open_kinds.append((kinds[token.type], []))
        elif token.type in ("heading_close", "list_item_close", "tr_close") and open_kinds:
            kind, parts = open_kinds.pop()
            found[kind].append(key("".join(parts)))
        elif token.type in ("inline", "fence", "code_block"):
            text = _token_text(token)
            everything.append(text)
            for _, parts in open_kinds:
                parts.append(text)
    return found, Kept(everything)


def _token_text(token: object) -> str:
    children = getattr(token, "children", None)
    if not children:
        return str(getattr(token, "content", ""))
    return "".join(child.content for child in children if child.type in ("text", "code_inline"))


def page_counts(html: str, markdown: str, kept_text: Kept) -> Counter[str]:
    """``kept:KIND`` and ``out:KIND`` counts of one page for one tool's output.

    A text that recurs (a contents list repeating the headings) is matched one to one:
    each occurrence in the output keeps one element, elements that come out as their own
    kind first, then the others in document order.
    """
    counts: Counter[str] = Counter()
    elements = html_elements(html)
    wanted = Counter(item for _, item in elements)
    left = {item: kept_text.count(item, most) for item, most in wanted.items()}
    written, _ = markdown_elements(markdown)
    used: set[tuple[str, int]] = set()
    unmatched = []
    for kind, item in elements:
        match = next(
            (
                index
                for index, other in enumerate(written[kind])
                if (kind, index) not in used and item in other
            ),
            None,
        )
        if match is None or not left[item]:
            unmatched.append((kind, item))
            continue
        used.add((kind, match))
        left[item] -= 1
        counts[f"kept:{kind}"] += 1
        counts[f"out:{kind}"] += 1
    for kind, item in unmatched:
        if left[item]:
            left[item] -= 1
            counts[f"kept:{kind}"] += 1
    return counts


def cleantext_output(html: str, url: str | None) -> tuple[str, Kept]:
    """cleantext's Markdown and its kept text (``result.text``)."""
    import cleantext

    result = cleantext.clean_html(html, url=url)
    return result.to_markdown(), Kept(result.text.split("\n"))


def trafilatura_output(html: str, url: str | None) -> tuple[str, Kept]:
    """trafilatura's Markdown and the text it holds."""
    import trafilatura

    markdown = trafilatura.extract(html, url=url, output_format="markdown") or ""
    return markdown, markdown_elements(markdown)[1]


OUTPUTS: dict[str, Callable[[str, str | None], tuple[str, Kept]]] = {
    "cleantext": cleantext_output,
    "trafilatura": trafilatura_output,
}


def measure_page(page: dict[str, object]) -> dict[str, Counter[str]]:
    """Each tool's counts on one page (a tool that fails keeps nothing)."""
    html = str(page["html"])
    url = page.get("url")
    counts = {}
    for tool in TOOLS:
        try:
            markdown, kept = OUTPUTS[tool](html, str(url) if url else None)
        except Exception:  # a tool's failure on one page is its empty output there
            markdown, kept = "", Kept([])
        counts[tool] = page_counts(html, markdown, kept)
    return counts


def measure_set(pages: Sequence[dict[str, object]], jobs: int) -> dict[str, Counter[str]]:
    """Counts pooled over ``pages``, per tool."""
    totals: dict[str, Counter[str]] = {tool: Counter() for tool in TOOLS}
    for counts in _map(measure_page, pages, jobs):
        for tool, found in counts.items():
            totals[tool].update(found)
    return totals


def _map(
    function: Callable[[dict[str, object]], dict[str, Counter[str]]],
    pages: Sequence[dict[str, object]],
    jobs: int,
) -> Iterator[dict[str, Counter[str]]]:
    if jobs <= 1:
        yield from map(function, pages)
        return
    with ProcessPoolExecutor(jobs) as pool:
        yield from pool.map(function, pages, chunksize=8)


def report(name: str, pages: int, totals: dict[str, Counter[str]]) -> list[str]:
    """Markdown table rows: per tool, the share that comes out per kind and over all kinds."""
    rows = []
    for tool, counts in totals.items():
        cells = []
        for kind in (*KINDS, "all"):
            kept = (
                sum(counts[f"kept:{k}"] for k in KINDS) if kind == "all" else counts[f"kept:{kind}"]
            )
            out = sum(counts[f"out:{k}"] for k in KINDS) if kind == "all" else counts[f"out:{kind}"]
            cells.append(f"{out / kept:.3f} ({out:,}/{kept:,})" if kept else "-")
        rows.append(f"| {name} ({pages}) | {tool} | " + " | ".join(cells) + " |")
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Measure the sets named on the command line and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sets", nargs="+", default=["scrapinghub_aeb", "wcxb_dev"])
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages of each set")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    args = parser.parse_args(argv)
    print("| set (pages) | tool | headings | list items | table rows | all |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for name in args.sets:
        pages = load_set(name)
        if args.limit:
            pages = pages[: args.limit]
        started = time.perf_counter()
        totals = measure_set(pages, args.jobs)
        print("\n".join(report(name, len(pages), totals)), flush=True)
        print(f"<!-- {name}: {time.perf_counter() - started:.0f} s -->", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
