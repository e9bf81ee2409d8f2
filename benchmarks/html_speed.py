"""HTML mode's speed against trafilatura's, in CPU seconds, page by page on the same pages.

On a shared machine the load changes while a benchmark runs; here the two tools take
turns on every page (cleantext, then trafilatura, then the next page), so a busy
spell slows both alike, and CPU seconds (``time.process_time``) leave out the time
other processes take. Each tool cleans the first pages once before timing (imports,
compiled patterns)::

    python -m benchmarks.html_speed --limit 150              # every dev set
    python -m benchmarks.html_speed --sets wcxb_dev --limit 50

trafilatura runs as ``benchmarks.peers`` runs it:
``trafilatura.extract(html, include_comments=False)``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence

from benchmarks.metrics import SETS, load_set
from benchmarks.report import render

Extract = Callable[[str], object]
WARM_UP_PAGES = 3


def extractors() -> dict[str, Extract]:
    """The two tools, by name."""
    import trafilatura

    import cleantext

    return {
        "cleantext-html": cleantext.clean_html,
        "trafilatura": lambda html: trafilatura.extract(html, include_comments=False),
    }


def cpu_seconds(tools: dict[str, Extract], pages: Sequence[str]) -> dict[str, float]:
    """CPU seconds each tool spent on ``pages``, the tools taking turns page by page."""
    for html in pages[:WARM_UP_PAGES]:
        for extract in tools.values():
            extract(html)
    spent = dict.fromkeys(tools, 0.0)
    for html in pages:
        for name, extract in tools.items():
            started = time.process_time()
            extract(html)
            spent[name] += time.process_time() - started
    return spent


def main(argv: Sequence[str] | None = None) -> int:
    """Print pages per CPU second of both tools and their ratio, per set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sets", nargs="+", default=list(SETS))
    parser.add_argument("--limit", type=int, default=150, help="first pages of each set")
    args = parser.parse_args(argv)
    tools = extractors()
    rows = []
    for set_name in args.sets:
        pages = [str(page.get("html") or "") for page in load_set(set_name)[: args.limit]]
        if not pages:
            continue  # (the set is not on this machine)
        spent = cpu_seconds(tools, pages)
        rates = {name: len(pages) / seconds for name, seconds in spent.items()}
        rows.append(
            [
                set_name,
                str(len(pages)),
                f"{rates['cleantext-html']:.1f}",
                f"{rates['trafilatura']:.1f}",
                f"{rates['cleantext-html'] / rates['trafilatura']:.2f}x",
            ]
        )
    headers = ["set", "pages", "cleantext-html pages/s", "trafilatura pages/s", "ratio"]
    print(render(headers, rows, markdown=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
