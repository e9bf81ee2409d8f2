"""What the second look's page of the kept lines costs: made from the kept text and given the
first pass's word features (``Page.from_text(kept_text).reusing(page, kept)``).

Run from the repository root: ``record`` cleans the first ``--limit`` pages of each set and
writes every second look's page number, kept lines and kept text to a JSON file; ``run`` and
``load`` read it, build each page again with the features the first pass leaves computed
(word counts, sentence ends, tokens, line facts), and ``run`` then makes every look's page
``--repeat`` times. Under callgrind, ``run`` minus ``load`` is the looks' instructions::

    python -m benchmarks.second_look_page record /tmp/looks.json
    valgrind --tool=callgrind python -m benchmarks.second_look_page run /tmp/looks.json
    valgrind --tool=callgrind python -m benchmarks.second_look_page load /tmp/looks.json
"""

from __future__ import annotations

import argparse
import json
from array import array
from collections.abc import Sequence
from typing import Any

import cleantext.engine
from benchmarks.metrics import SETS, load_set
from cleantext.api import clean_as_text
from cleantext.text.page import Page

Look = tuple[int, "array[int]", str]
"""A second look: the number of its page, its kept lines, its kept text."""


def record_looks(texts: Sequence[str]) -> list[Look]:
    """The second looks that cleaning ``texts`` takes."""
    looks: list[Look] = []
    plain = cleantext.engine._second_look
    current = [0]

    def recorded(page: Page, units: Any, removed: bytearray, text: str, *rest: Any) -> Any:
        looks.append((current[0], cleantext.engine.lines_where(removed, False), text))
        return plain(page, units, removed, text, *rest)

    cleantext.engine._second_look = recorded  # type: ignore[assignment]
    try:
        for number, text in enumerate(texts):
            current[0] = number
            clean_as_text(text)
    finally:
        cleantext.engine._second_look = plain  # type: ignore[assignment]
    return looks


def first_pass_page(text: str) -> Page:
    """The page of ``text`` with the features the first pass computes read."""
    page = Page.from_text(text)
    for read in (page.word_counts, page.sentence_ends, page.tokens, page.features.line_facts):
        assert read is not None
    return page


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("record", "run", "load"))
    parser.add_argument("looks", help="the JSON file of the recorded looks")
    parser.add_argument("--limit", type=int, default=100, help="first N pages per set")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    texts = [str(page["text"]) for name in SETS for page in load_set(name)[: args.limit]]
    if args.what == "record":
        found = [[number, list(kept), text] for number, kept, text in record_looks(texts)]
        with open(args.looks, "w", encoding="utf-8") as file:
            json.dump(found, file)
        print(f"{len(found)} second looks over {len(texts)} pages")
        return 0
    with open(args.looks, encoding="utf-8") as file:
        looks = [(number, array("i", kept), text) for number, kept, text in json.load(file)]
    pages = {number: first_pass_page(texts[number]) for number, _, _ in looks}
    for number, kept, text in looks[:30]:  # (warm-up)
        Page.from_text(text).reusing(pages[number], kept)
    if args.what == "run":
        for _ in range(args.repeat):
            for number, kept, text in looks:
                Page.from_text(text).reusing(pages[number], kept)
    print(f"{len(looks)} second looks over {len(texts)} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
