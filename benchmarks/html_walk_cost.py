"""One pass of HTML mode's walk (or of another reading) over the first pages of some sets,
for valgrind's callgrind: it counts the instructions each compiled function executes, the same
on every run whatever the machine's load (CPU seconds on the shared machine move 10-20 %).

Run from the repository root, once with the reading and once with ``none`` (load and parse
only); the difference of the two totals is the reading's::

    valgrind --tool=callgrind --callgrind-out-file=walk.out \\
        python -m benchmarks.html_walk_cost walk
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python -m benchmarks.html_walk_cost none
    callgrind_annotate --inclusive=yes walk.out | grep _walk

Readings: ``walk`` (``render_page`` with each line's evidence), ``marked``
(``MarkedElements.of``), ``clean`` (``clean_html`` with the result's metadata, from the text:
the parse counted twice), ``none``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from lxml import etree

from benchmarks.metrics import load_set
from cleantext.html import clean_html
from cleantext.html.evidence import LineReader
from cleantext.html.parse import parse
from cleantext.html.render import render_page
from cleantext.meta.marked import MarkedElements

SETS = ("wcxb_dev", "dragnet", "scrapinghub_aeb")
"""The sets read by default (the first ``--limit`` pages of each)."""


def _walk(root: etree._Element, html: str) -> None:
    reader = render_page(root, LineReader).reader
    assert isinstance(reader, LineReader)
    reader.evidence()


def _marked(root: etree._Element, html: str) -> None:
    MarkedElements.of(root)


def _clean(root: etree._Element, html: str) -> None:
    _ = clean_html(html).metadata


def _none(root: etree._Element, html: str) -> None:
    return None


READINGS: dict[str, Callable[[etree._Element, str], None]] = {
    "walk": _walk,
    "marked": _marked,
    "clean": _clean,
    "none": _none,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the pages, then run the reading once on each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reading", choices=sorted(READINGS))
    parser.add_argument("--sets", nargs="+", default=list(SETS))
    parser.add_argument("--limit", type=int, default=40, help="pages of each set")
    args = parser.parse_args(argv)
    pages = [page["html"] for name in args.sets for page in load_set(name)[: args.limit]]
    parsed = [(root, html) for html in pages if (root := parse(html)) is not None]
    reading = READINGS[args.reading]
    for root, html in parsed:
        reading(root, html)
    print(f"{args.reading}: {len(parsed)} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
