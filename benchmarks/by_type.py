"""Per-page-type shingle F1 of one or more tools on a typed eval set (``wcxb_dev``).

A quick companion to ``benchmarks.quality`` for iterating on one mode: it scores
each tool per ``page_type`` with ``metrics``' shingle P/R (macro per page), can
keep every page's scores (``--save``) and list the pages that moved since a saved
run (``--compare``)::

    python -m benchmarks.by_type --tools cleantext-text c4 --save before.json
    ... change a rule ...
    python -m benchmarks.by_type --tools cleantext-text --compare before.json

``--types forum listing`` and ``--limit N`` (first N pages of each type) keep a
run small while a rule is tuned.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from benchmarks.metrics import EVAL_DIR, load_set, overlap_pr, shingles
from benchmarks.peers import TOOLS

PageScore = tuple[float, float]
"""One page's shingle precision and recall."""


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line's options."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.by_type", description=__doc__)
    parser.add_argument("--tools", nargs="+", default=["cleantext-text"], choices=list(TOOLS))
    parser.add_argument("--set", default="wcxb_dev")
    parser.add_argument("--types", nargs="*", default=[], help="only these page types")
    parser.add_argument("--limit", type=int, default=0, help="first N pages of each type")
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--save", type=Path, help="write every page's P/R here")
    parser.add_argument("--compare", type=Path, help="list pages whose F1 moved since this save")
    return parser.parse_args(argv)


def select(
    pages: list[dict[str, object]], types: Sequence[str], limit: int
) -> list[dict[str, object]]:
    """The pages of ``types`` (all when empty), at most ``limit`` of each type (all when 0)."""
    seen: dict[str, int] = defaultdict(int)
    chosen = []
    for page in pages:
        kind = str(page.get("page_type"))
        if (types and kind not in types) or (limit and seen[kind] >= limit):
            continue
        seen[kind] += 1
        chosen.append(page)
    return chosen


def page_scores(tool: str, pages: Sequence[dict[str, object]]) -> dict[str, PageScore]:
    """Each page's shingle P/R for ``tool``, keyed by page id."""
    extract = TOOLS[tool].load()
    found = {}
    for page in pages:
        output = extract(str(page.get(TOOLS[tool].field) or ""), str(page.get("lang") or "unk"))
        found[str(page["id"])] = overlap_pr(shingles(output), shingles(str(page.get("gold") or "")))
    return found


def f1(scores: Sequence[PageScore]) -> float:
    """F1 of the mean precision and the mean recall."""
    if not scores:
        return 0.0
    p = sum(s[0] for s in scores) / len(scores)
    r = sum(s[1] for s in scores) / len(scores)
    return 2 * p * r / (p + r) if p + r else 0.0


def table(
    results: dict[str, dict[str, PageScore]], pages: Sequence[dict[str, object]]
) -> list[str]:
    """A row per page type (and ``all``), a column per tool."""
    kinds: dict[str, list[str]] = defaultdict(list)
    for page in pages:
        kinds["all"].append(str(page["id"]))
        kinds[str(page.get("page_type"))].append(str(page["id"]))
    rows = [f"{'type':<14}{'pages':>6}" + "".join(f"{tool:>20}" for tool in results)]
    for kind, ids in kinds.items():
        cells = "".join(f"{f1([results[t][i] for i in ids]):>20.3f}" for t in results)
        rows.append(f"{kind:<14}{len(ids):>6}{cells}")
    return rows


def moved(before: dict[str, PageScore], after: dict[str, PageScore]) -> list[str]:
    """Pages whose per-page F1 changed, largest change first."""

    def page_f1(score: PageScore) -> float:
        return f1([score])

    changes = [(page_f1(after[key]) - page_f1(before[key]), key) for key in after if key in before]
    return [f"{delta:+.3f} {key}" for delta, key in sorted(changes) if abs(delta) > 1e-9]


def main(argv: Sequence[str] | None = None) -> int:
    """Score the tools; save or compare per-page scores."""
    args = parse(argv)
    pages = select(load_set(args.set, args.eval_dir), args.types, args.limit)
    results = {tool: page_scores(tool, pages) for tool in args.tools}
    print("\n".join(table(results, pages)))
    if args.compare:
        before = json.loads(args.compare.read_text())
        for tool, scores in results.items():
            if tool in before:
                print(f"\n{tool}: pages that moved")
                print("\n".join(moved(before[tool], scores)) or "(none)")
    if args.save:
        args.save.write_text(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
