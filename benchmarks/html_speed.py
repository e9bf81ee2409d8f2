"""HTML mode's speed against trafilatura's, in CPU seconds, page by page on the same pages.

On a shared machine the load changes while a benchmark runs; here the two tools take
turns on every page (cleantext, then trafilatura, then the next page), so a busy
spell slows both alike, and CPU seconds (``time.process_time``) leave out the time
other processes take. Each tool cleans the first pages once before timing (imports,
compiled patterns)::

    python -m benchmarks.html_speed --limit 150              # every dev set
    python -m benchmarks.html_speed --sets wcxb_dev --limit 50
    python -m benchmarks.html_speed --sets wcxb_dev --stages # where cleantext's time goes
    python -m benchmarks.html_speed --sets wcxb_dev --detectors  # and inside the decision

trafilatura runs as ``benchmarks.peers`` runs it:
``trafilatura.extract(html, include_comments=False)``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from benchmarks.metrics import SETS, load_set
from benchmarks.report import render

Extract = Callable[[str], object]
WARM_UP_PAGES = 3
STAGES = (
    "parse",
    "render_page",
    "render_stream",
    "page_type",
    "html_metadata",
    "decide",
    "segment_metadata",
)
"""The steps of ``clean_html`` that ``--stages`` times (functions ``cleantext.html.api`` calls)."""


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


def stage_seconds(pages: Sequence[str]) -> dict[str, float]:
    """CPU seconds of ``clean_html`` on ``pages``, each result's metadata read (``"total"``),
    and of each of its :data:`STAGES` (each function timed where ``cleantext.html.api`` calls
    it; ``segment_metadata`` runs when the metadata is read)."""
    import cleantext

    for html in pages[:WARM_UP_PAGES]:
        cleantext.clean_html(html)
    spent = dict.fromkeys(STAGES, 0.0)
    with _timed_stages(spent):
        started = time.process_time()
        for html in pages:
            cleantext.clean_html(html).metadata  # noqa: B018  (read on demand: timed here)
        spent["total"] = time.process_time() - started
    return spent


@contextmanager
def _timed_stages(spent: dict[str, float]) -> Iterator[None]:
    """Wrap each stage of ``cleantext.html.api`` to add its CPU seconds to ``spent``."""
    from cleantext.html import api

    originals = {name: getattr(api, name) for name in STAGES}

    def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - started

        return run

    for name, function in originals.items():
        setattr(api, name, timed(name, function))
    try:
        yield
    finally:
        for name, function in originals.items():
            setattr(api, name, function)


def detector_seconds(pages: Sequence[str]) -> dict[str, float]:
    """CPU seconds of ``clean_html`` on ``pages`` (``"total"``) and of each detector's run
    in it (the main container is chosen inside the first ``dom_*`` detector that asks)."""
    import cleantext
    from cleantext.detector import Detector

    for html in pages[:WARM_UP_PAGES]:
        cleantext.clean_html(html)
    spent: dict[str, float] = {}
    original = Detector.run

    def run(detector: Detector, page: Any, params: Any = None) -> Any:
        started = time.process_time()
        try:
            return original(detector, page, params)
        finally:
            spent[detector.name] = spent.get(detector.name, 0.0) + time.process_time() - started

    Detector.run = run  # type: ignore[method-assign]
    try:
        started = time.process_time()
        for html in pages:
            cleantext.clean_html(html).metadata  # noqa: B018  (read on demand: timed here)
        spent["total"] = time.process_time() - started
    finally:
        Detector.run = original  # type: ignore[method-assign]
    return spent


def stage_rows(set_name: str, pages: Sequence[str]) -> list[list[str]]:
    """One row per stage of ``clean_html`` on ``pages``: seconds and share of the total."""
    spent = stage_seconds(pages)
    total = spent.pop("total")
    rows = [
        [set_name, name, f"{seconds:.3f}", f"{seconds / total:.0%}"]
        for name, seconds in spent.items()
    ]
    other = total - sum(spent.values())
    rows.append([set_name, "other", f"{other:.3f}", f"{other / total:.0%}"])
    rows.append([set_name, "total", f"{total:.3f}", f"{1000 * total / len(pages):.1f} ms a page"])
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Print pages per CPU second of both tools and their ratio, per set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sets", nargs="+", default=list(SETS))
    parser.add_argument("--limit", type=int, default=150, help="first pages of each set")
    parser.add_argument(
        "--stages", action="store_true", help="cleantext alone: CPU seconds per stage"
    )
    parser.add_argument(
        "--detectors", action="store_true", help="cleantext alone: CPU seconds per detector"
    )
    args = parser.parse_args(argv)
    if args.stages:
        return _print_stages(args.sets, args.limit)
    if args.detectors:
        return _print_detectors(args.sets, args.limit)
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


def _print_stages(set_names: Sequence[str], limit: int) -> int:
    rows = []
    for set_name in set_names:
        pages = [str(page.get("html") or "") for page in load_set(set_name)[:limit]]
        if pages:
            rows += stage_rows(set_name, pages)
    print(render(["set", "stage", "CPU s", "share"], rows, markdown=True))
    return 0


def _print_detectors(set_names: Sequence[str], limit: int) -> int:
    rows = []
    for set_name in set_names:
        pages = [str(page.get("html") or "") for page in load_set(set_name)[:limit]]
        if not pages:
            continue
        spent = detector_seconds(pages)
        total = spent.pop("total")
        ranked = sorted(spent.items(), key=lambda item: -item[1])
        rows += [
            [set_name, name, f"{seconds:.3f}", f"{seconds / total:.0%}"] for name, seconds in ranked
        ]
        rows.append([set_name, "total (clean_html)", f"{total:.3f}", ""])
    print(render(["set", "detector", "CPU s", "share of clean_html"], rows, markdown=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
