"""CPU seconds of the engine's own work in text mode, the detectors' share taken out.

Run from the repository root::

    python -m benchmarks.engine_cost --sets dragnet --limit 300

Every detector's proposals (and the page type) are computed once per page and then
served from a cache, so that timing :func:`cleantext.engine.decide` again measures what
the engine itself does: placing the proposals in context, weighing and deciding the
units, the segments, the kept text, and the second look's page of the kept lines (the
detectors' runs on it come from the cache too). The best of ``--repeats`` runs is
reported, beside the whole of text-mode cleaning (``clean_as_text``) for scale.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import cleantext.text.page_type as page_type_module
from benchmarks.metrics import SETS, load_set
from cleantext.api import DEFAULT_CONFIG, clean_as_text
from cleantext.detector import Detector, Proposal
from cleantext.engine import decide
from cleantext.text.page import Page
from cleantext.text.page_type import PageType


@contextmanager
def cached_detectors() -> Iterator[None]:
    """Serve each detector's proposals and each page's type from a cache while inside."""
    proposals: dict[tuple[str, str, object], list[Proposal]] = {}
    types: dict[str, PageType] = {}
    run, read_page_type = Detector.run, page_type_module.read_page_type

    def cached_run(self: Detector, page: Page, params: Any = None) -> list[Proposal]:
        claims = tuple(sorted(page.claims.items())) if page.claims else None
        key = (self.name, page.text, claims)
        if key not in proposals:
            proposals[key] = run(self, page, params)
        return proposals[key]

    def cached_type(page: Page) -> PageType:
        if page.text not in types:
            types[page.text] = read_page_type(page)
        return types[page.text]

    Detector.run = cached_run  # type: ignore[method-assign]
    page_type_module.read_page_type = cached_type
    try:
        yield
    finally:
        Detector.run = run  # type: ignore[method-assign]
        page_type_module.read_page_type = read_page_type


def best_of(repeats: int, step: Callable[[], object]) -> float:
    """The least CPU seconds ``step`` took in ``repeats`` runs."""
    times = []
    for _ in range(repeats):
        started = time.process_time()
        step()
        times.append(time.process_time() - started)
    return min(times)


def engine_seconds(texts: Sequence[str], repeats: int) -> float:
    """CPU seconds of ``decide`` on ``texts`` with the detectors' work cached (fresh pages
    each run; their word features computed beforehand, as the first detector would)."""

    def fresh_pages() -> list[Page]:
        pages = [Page.from_text(text) for text in texts]
        for page in pages:
            _ = page.body
        return pages

    with cached_detectors():
        for page in fresh_pages():  # (fills the cache)
            decide(page, DEFAULT_CONFIG)
        times = []
        for _ in range(repeats):
            pages = fresh_pages()
            started = time.process_time()
            for page in pages:
                decide(page, DEFAULT_CONFIG)
            times.append(time.process_time() - started)
    return min(times)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sets", nargs="+", default=["dragnet"], choices=SETS)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    texts = [str(page["text"]) for name in args.sets for page in load_set(name)[: args.limit]]
    engine = engine_seconds(texts, args.repeats)
    whole = best_of(args.repeats, lambda: [clean_as_text(text) for text in texts])
    print(f"{len(texts)} pages, {sum(map(len, texts)) / 1e6:.2f} M characters")
    print(f"engine's own work (detectors cached): {engine:.3f} s CPU")
    print(f"clean_as_text (whole text mode):      {whole:.3f} s CPU ({engine / whole:.1%})")


if __name__ == "__main__":
    main()
