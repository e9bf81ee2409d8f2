"""What the engine's second look costs in text mode, and how often it finds anything.

Run from the repository root::

    python -m benchmarks.second_look --sets dragnet wcxb_dev --limit 300

Per set: the second looks run (``engine._second_look``, up to two a page), those that find
a line to remove, their CPU seconds as a share of ``clean_as_text`` and per page.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from typing import Any

import cleantext.engine
from benchmarks.metrics import SETS, load_set
from cleantext.api import clean_as_text


def measure(texts: Sequence[str]) -> dict[str, float]:
    """Second looks, those finding anything, their CPU seconds, and all of text mode's."""
    found = {"looks": 0.0, "finding": 0.0, "seconds": 0.0}
    plain = cleantext.engine._second_look

    def counted(*args: Any) -> Any:
        started = time.process_time()
        claims = plain(*args)
        found["seconds"] += time.process_time() - started
        found["looks"] += 1
        found["finding"] += len(claims) > 0
        return claims

    cleantext.engine._second_look = counted  # type: ignore[assignment]
    try:
        started = time.process_time()
        for text in texts:
            clean_as_text(text)
        found["total"] = time.process_time() - started
    finally:
        cleantext.engine._second_look = plain  # type: ignore[assignment]
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=list(SETS), metavar="NAME")
    parser.add_argument("--limit", type=int, default=300, help="first N pages per set")
    args = parser.parse_args(argv)
    print("| set | second looks | finding anything | share of text mode | per page |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name in args.sets:
        texts = [str(page["text"]) for page in load_set(name)[: args.limit] if page.get("text")]
        found = measure(texts)
        share = found["seconds"] / found["total"] if found["total"] else 0.0
        print(
            f"| {name} | {found['looks']:.0f} | {found['finding']:.0f} "
            f"({found['finding'] / max(found['looks'], 1):.0%}) | {share:.1%} "
            f"| {1000 * found['seconds'] / max(len(texts), 1):.2f} ms |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
