"""The content classifier's steps on the eval sets' ``text`` field, for callgrind or a timer.

Run from the repository root::

    python -m benchmarks.classifier_cost none --cache texts.pickle   # the texts, once
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        python -m benchmarks.classifier_cost tokens --cache texts.pickle
    python -m benchmarks.classifier_cost tokens --time

Each step runs every step before it too, once on each page (``split``: the pages made,
``counts``: their word counts, ``tokens``: their word tokens, ``facts``: each line's own
facts, ``features``: the classifier's line features, ``analyse``: the whole
classification, first pass, no claims); the difference of two steps' instruction counts is
the later step's cost. ``none`` loads the texts only. With ``--time`` the CPU seconds of
each step alone are printed instead (best of ``--runs``).
"""

from __future__ import annotations

import argparse
import pickle
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.metrics import SETS, load_set
from cleantext.content.classify import Params, analyse
from cleantext.text.features import page_features
from cleantext.text.page import Page

STEPS = ("none", "split", "counts", "tokens", "facts", "features", "analyse")


def texts_of(sets: Sequence[str], limit: int) -> list[str]:
    """The ``text`` field of the first ``limit`` pages of each of ``sets``."""
    found: list[str] = []
    for name in sets:
        found += [str(page["text"]) for page in load_set(name)[:limit] if page.get("text")]
    return found


def cached_texts(sets: Sequence[str], limit: int, cache: Path | None) -> list[str]:
    """The texts, read from ``cache`` (a pickle) when it exists, else from the sets and
    written there (the sets' archives take longer to read than the steps under callgrind)."""
    if cache is not None and cache.exists():
        with cache.open("rb") as file:
            found: list[str] = pickle.load(file)
        return found
    found = texts_of(sets, limit)
    if cache is not None:
        with cache.open("wb") as file:
            pickle.dump(found, file)
    return found


def step_functions() -> dict[str, Callable[[Page], object]]:
    """What each step (after ``split``) computes on a page."""
    params = Params()
    return {
        "counts": lambda page: page.word_counts,
        "tokens": lambda page: page.tokens,
        "facts": lambda page: page.features.line_facts,
        "features": page_features,
        "analyse": lambda page: analyse(page, params),
    }


def run_through(texts: Sequence[str], last: str) -> None:
    """Every step up to ``last`` on each of ``texts``."""
    if last == "none":
        return
    functions = step_functions()
    wanted = [functions[name] for name in STEPS[2 : STEPS.index(last) + 1]]
    for text in texts:
        page = Page.from_text(text)
        for function in wanted:
            function(page)


def timed(texts: Sequence[str], runs: int) -> dict[str, float]:
    """CPU seconds of each step alone over ``texts`` (the steps before it done untimed),
    best of ``runs``."""
    functions = step_functions()
    best: dict[str, float] = {}
    for _ in range(runs):
        started = time.process_time()
        pages = [Page.from_text(text) for text in texts]
        seconds = {"split": time.process_time() - started}
        for name, function in functions.items():
            started = time.process_time()
            for page in pages:
                function(page)
            seconds[name] = time.process_time() - started
        for name, value in seconds.items():
            best[name] = min(best.get(name, value), value)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=STEPS)
    parser.add_argument("--sets", nargs="+", default=list(SETS), metavar="NAME")
    parser.add_argument("--limit", type=int, default=100, help="first N pages per set")
    parser.add_argument("--time", action="store_true", help="CPU seconds of each step alone")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cache", type=Path, help="a pickle of the texts (made when missing)")
    args = parser.parse_args(argv)
    texts = cached_texts(args.sets, args.limit, args.cache)
    if args.time:
        for name, seconds in timed(texts, args.runs).items():
            print(f"{name}: {seconds:.3f} s")
    else:
        run_through(texts, args.step)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
