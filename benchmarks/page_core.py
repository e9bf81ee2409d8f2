"""CPU seconds of the text page core on the eval sets' ``text`` field, step by step.

Run from the repository root::

    python -m benchmarks.page_core --sets dragnet --limit 300

Steps: splitting into lines (``Page.from_text``), word counts, sentence ends, tokens,
the page type, the content classifier's line features and its classification (first
pass, no claims), the metadata read from the results' segments, and the whole of
text-mode cleaning (``clean_as_text``) for scale. Each step runs once over all pages
(the pages' ``Page`` objects are kept between steps, so each feature is computed once,
as the detectors would).

With ``--in-engine`` the classifier, the page type and the engine's second looks are timed
inside ``clean_as_text`` instead (the classifier's runs on the first pass and on the second
look, each charged for the features it computes), and the metadata as a caller reads it
from the results (``result.metadata``: read on demand, not inside ``clean_as_text``)::

    python -m benchmarks.page_core --sets dragnet --limit 300 --in-engine
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import cleantext.engine
import cleantext.text.page_type
from benchmarks.detector_speed import timing_runs
from benchmarks.metrics import SETS, load_set
from cleantext.api import clean_as_text
from cleantext.content.classify import Params, analyse
from cleantext.meta.segments import segment_metadata
from cleantext.model import Result
from cleantext.text.features import page_features
from cleantext.text.page import Page


def cpu_seconds(step: Callable[[], object]) -> float:
    """CPU seconds ``step`` takes."""
    started = time.process_time()
    step()
    return time.process_time() - started


def measure(texts: Sequence[str]) -> dict[str, float]:
    """CPU seconds of each step over ``texts``."""
    pages: list[Page] = []
    results: list[Result] = []
    return {
        "split": cpu_seconds(lambda: pages.extend(Page.from_text(text) for text in texts)),
        "word counts": cpu_seconds(lambda: [page.word_counts for page in pages]),
        "sentence ends": cpu_seconds(lambda: [page.sentence_ends for page in pages]),
        "tokens": cpu_seconds(lambda: [page.tokens for page in pages]),
        "page type": cpu_seconds(lambda: [page.page_type for page in pages]),
        "classifier features": cpu_seconds(lambda: [page_features(page) for page in pages]),
        "classifier": cpu_seconds(lambda: [analyse(page, Params()) for page in pages]),
        "clean_as_text": cpu_seconds(lambda: results.extend(clean_as_text(text) for text in texts)),
        "metadata": cpu_seconds(lambda: [segment_metadata(result) for result in results]),
    }


@contextmanager
def timing_calls(owner: Any, name: str, times: dict[str, float], label: str) -> Iterator[None]:
    """While open, add the CPU seconds of every call of ``owner.name`` to ``times[label]``."""
    plain = getattr(owner, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return plain(*args, **kwargs)
        finally:
            times[label] += time.process_time() - started

    setattr(owner, name, timed)
    try:
        yield
    finally:
        setattr(owner, name, plain)


def measure_in_engine(texts: Sequence[str]) -> dict[str, float]:
    """CPU seconds of the classifier (both passes), the page type and the engine's second
    looks inside ``clean_as_text`` over ``texts``, and of the whole; then of reading the
    results' metadata (read on demand: ``clean_as_text`` alone does not)."""
    runs: dict[str, float] = defaultdict(float)
    times: dict[str, float] = defaultdict(float)
    results: list[Result] = []
    with (
        timing_runs(runs),
        timing_calls(cleantext.text.page_type, "read_page_type", times, "page type"),
        timing_calls(cleantext.engine, "_second_look", times, "second look"),
    ):
        total = cpu_seconds(lambda: results.extend(clean_as_text(text) for text in texts))
    return {
        "classifier": runs["content_classifier"],
        "page type": times["page type"],
        "second look": times["second look"],
        "clean_as_text": total,
        "metadata read": cpu_seconds(lambda: [result.metadata for result in results]),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=list(SETS), metavar="NAME")
    parser.add_argument("--limit", type=int, default=300, help="first N pages per set")
    parser.add_argument("--in-engine", action="store_true", help="time them in clean_as_text")
    args = parser.parse_args(argv)
    timed = measure_in_engine if args.in_engine else measure
    print("| set | MB | " + " | ".join(f"{step} s" for step in timed([])) + " |")
    print("| --- | ---: |" + " ---: |" * len(timed([])))
    for name in args.sets:
        texts = [str(page["text"]) for page in load_set(name)[: args.limit] if page.get("text")]
        megabytes = sum(len(text.encode()) for text in texts) / 1e6
        found = timed(texts)
        print(
            f"| {name} | {megabytes:.2f} | " + " | ".join(f"{s:.3f}" for s in found.values()) + " |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
