"""CPU seconds of each named text-mode detector on the eval sets' ``text`` field.

Run from the repository root::

    python -m benchmarks.detector_speed --sets dragnet --limit 300

The page facts that the detectors share with the rest of the engine (tokens, the
folded short lines, the body core, word counts, the usual separator) are computed
first, for every page, so that each detector is charged for its own work only; then
the one scan of the folded lines for every detector's trigger words
(:mod:`cleantext.text.triggers`), timed on its own line; then each detector runs once
over all pages (one pass, as the engine's first look).
The whole of text-mode cleaning (``clean_as_text``, both passes) is given for scale.

With ``--in-engine`` the detectors are timed inside ``clean_as_text`` instead (every call
of ``Detector.run``, first pass and second look, each charged for whatever page facts it
computes first): their share of text mode.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from benchmarks.metrics import SETS, load_set
from cleantext.api import clean_as_text
from cleantext.detector import Detector
from cleantext.registry import BUILTIN
from cleantext.text.page import Page
from cleantext.text.triggers import FOUND


def cpu_seconds(step: Callable[[], object]) -> float:
    """CPU seconds ``step`` takes."""
    started = time.process_time()
    step()
    return time.process_time() - started


def named_text_detectors() -> list[Detector]:
    """The built-in detectors that text mode runs, but the fallback classifier."""
    return [
        detector
        for detector in BUILTIN.values()
        if "text" in detector.modes and not detector.fallback
    ]


def shared_facts(page: Page) -> object:
    """Compute what the detectors share with the engine (kept on the page)."""
    return page.tokens, page.folded, page.body, page.word_counts, page.separator


def trigger_scan(page: Page) -> object:
    """Run the shared scan of the detectors' trigger words over ``page.folded`` (kept)."""
    return page.folded.triggered_numbers(next(iter(FOUND.values())))


def measure(texts: Sequence[str]) -> dict[str, float]:
    """CPU seconds of each named detector over ``texts``, and of the whole cleaning."""
    pages = [Page.from_text(text) for text in texts]
    for page in pages:
        shared_facts(page)
    times = {"shared trigger scan": cpu_seconds(lambda: [trigger_scan(p) for p in pages])}
    times |= {
        detector.name: cpu_seconds(lambda detector=detector: [detector.run(p) for p in pages])
        for detector in named_text_detectors()
    }
    times["named detectors"] = sum(times.values())
    times["clean_as_text"] = cpu_seconds(lambda: [clean_as_text(text) for text in texts])
    return times


@contextmanager
def timing_runs(times: dict[str, float]) -> Iterator[None]:
    """While open, add the CPU seconds of every ``Detector.run`` call to ``times[name]``."""
    plain_run = Detector.run

    def timed_run(detector: Detector, page: Page, params: Any = None) -> Any:
        started = time.process_time()
        try:
            return plain_run(detector, page, params)
        finally:
            times[detector.name] += time.process_time() - started

    Detector.run = timed_run  # type: ignore[method-assign]
    try:
        yield
    finally:
        Detector.run = plain_run  # type: ignore[method-assign]


def measure_in_engine(texts: Sequence[str]) -> dict[str, float]:
    """CPU seconds of each named detector inside ``clean_as_text`` over ``texts``."""
    times: dict[str, float] = defaultdict(float)
    with timing_runs(times):
        total = cpu_seconds(lambda: [clean_as_text(text) for text in texts])
    named = {detector.name: times[detector.name] for detector in named_text_detectors()}
    named["named detectors"] = sum(named.values())
    named["clean_as_text"] = total
    return named


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=["dragnet"], choices=SETS)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--in-engine", action="store_true", help="time them inside clean_as_text")
    args = parser.parse_args(argv)
    timed = measure_in_engine if args.in_engine else measure
    for name in args.sets:
        texts = [str(page["text"]) for page in load_set(name)[: args.limit]]
        print(f"{name} ({len(texts)} pages, {sum(map(len, texts)) / 1e6:.1f} M characters)")
        for step, seconds in timed(texts).items():
            print(f"  {step:<19} {seconds:7.3f} s")


if __name__ == "__main__":
    main()
