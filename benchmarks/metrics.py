"""The metrics of ``../shared/eval/README.md``: shingle P/R, bag-of-words F1, snippet counts."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

EVAL_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
SETS = ("scrapinghub_aeb", "l3s_gn1", "dragnet", "cleaneval_dev", "trafilatura_eval", "wcxb_dev")
ALL_TYPES = "all"
"""The row of a by-type score that holds every page of the set."""
TOKEN = regex.compile(r"\w+")


def load_set(name: str, eval_dir: Path = EVAL_DIR) -> list[dict[str, object]]:
    """All pages of eval set ``name`` (empty when the file is absent)."""
    path = eval_dir / f"{name}.jsonl.gz"
    if not path.exists():
        return []
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of ``size``-token shingles (a shorter text is one shingle)."""
    words = TOKEN.findall(text)
    if len(words) < size:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def overlap_pr(
    output: Counter[tuple[str, ...]], gold: Counter[tuple[str, ...]]
) -> tuple[float, float]:
    """Precision and recall of ``output`` against ``gold`` on multisets."""
    common = sum((output & gold).values())
    out_total, gold_total = sum(output.values()), sum(gold.values())
    precision = common / out_total if out_total else (1.0 if not gold_total else 0.0)
    recall = common / gold_total if gold_total else 1.0
    return precision, recall


def bag_f1(output: str, gold: str) -> float:
    """F1 of lower-cased single tokens."""
    out = Counter(word.lower() for word in TOKEN.findall(output))
    ref = Counter(word.lower() for word in TOKEN.findall(gold))
    precision, recall = overlap_pr(out, ref)  # type: ignore[arg-type]
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Score:
    """Macro-averaged shingle precision and recall plus bag-of-words F1 over pages."""

    precision: float = 0.0
    recall: float = 0.0
    bow: float = 0.0
    pages: int = 0

    @property
    def f1(self) -> float:
        """F1 of the mean precision and the mean recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_full_text(outputs: Sequence[str], golds: Sequence[str]) -> Score:
    """Shingle P/R (macro) and bag-of-words F1 of ``outputs`` against ``golds``."""
    total = Score(pages=len(outputs))
    for output, gold in zip(outputs, golds, strict=True):
        precision, recall = overlap_pr(shingles(output), shingles(gold))
        total.precision += precision
        total.recall += recall
        total.bow += bag_f1(output, gold)
    if outputs:
        total.precision /= len(outputs)
        total.recall /= len(outputs)
        total.bow /= len(outputs)
    return total


def _normalise(text: str) -> str:
    return " ".join(text.split())


def snippet_counts(
    output: str, with_: Sequence[str], without: Sequence[str]
) -> tuple[int, int, int]:
    """True positives, false positives and false negatives of one page's snippets."""
    text = _normalise(output)
    found = [_normalise(snippet) in text for snippet in with_]
    false_positives = sum(_normalise(snippet) in text for snippet in without)
    return sum(found), false_positives, len(found) - sum(found)


def score_snippets(outputs: Sequence[str], pages: Sequence[dict[str, object]]) -> Score:
    """Micro-pooled snippet P/R over pages (``bow`` is left at 0)."""
    tp = fp = fn = 0
    for output, page in zip(outputs, pages, strict=True):
        a, b, c = snippet_counts(output, _strings(page.get("with")), _strings(page.get("without")))
        tp, fp, fn = tp + a, fp + b, fn + c
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return Score(precision=precision, recall=recall, pages=len(outputs))


def _strings(value: object) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def score_set(name: str, outputs: Sequence[str], pages: Sequence[dict[str, object]]) -> Score:
    """Score ``outputs`` for set ``name`` with the metric its README prescribes."""
    if name == "trafilatura_eval":
        return score_snippets(outputs, pages)
    return score_full_text(outputs, [str(page.get("gold") or "") for page in pages])


@dataclass
class TypeScore:
    """One page type's shingle figures and the share of its ``with`` snippets found (higher is
    better) and of its ``without`` snippets found (lower is better), pooled over its pages
    (``None`` where its pages have no snippets of that kind)."""

    pages: int
    precision: float
    recall: float
    f1: float
    bow: float
    with_rate: float | None
    without_rate: float | None


def score_by_type(
    outputs: Sequence[str], pages: Sequence[dict[str, object]]
) -> dict[str, TypeScore]:
    """The figures of :class:`TypeScore` for every page (row ``"all"``) and for each
    ``page_type``, the types in descending number of pages (``{}`` when no page has a type).

    >>> page = {"gold": "one two three four five", "page_type": "forum", "with": ["two three"], "without": ["menu"]}
    >>> rows = score_by_type(["one two three four five menu"], [page])
    >>> list(rows), rows["forum"].recall, rows["forum"].with_rate, rows["forum"].without_rate
    (['all', 'forum'], 1.0, 1.0, 1.0)
    """
    groups: dict[str, list[int]] = {}
    for index, page in enumerate(pages):
        kind = page.get("page_type")
        if isinstance(kind, str):
            groups.setdefault(kind, []).append(index)
    if not groups:
        return {}
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    rows = [(ALL_TYPES, list(range(len(pages)))), *ordered]
    return {kind: _type_score(outputs, pages, indexes) for kind, indexes in rows}


def _type_score(
    outputs: Sequence[str], pages: Sequence[dict[str, object]], indexes: Sequence[int]
) -> TypeScore:
    chosen = [outputs[index] for index in indexes]
    subset = [pages[index] for index in indexes]
    score = score_full_text(chosen, [str(page.get("gold") or "") for page in subset])
    found = missed = leaked = clean = 0
    for output, page in zip(chosen, subset, strict=True):
        tp, fp, fn = snippet_counts(
            output, _strings(page.get("with")), _strings(page.get("without"))
        )
        found, missed = found + tp, missed + fn
        leaked, clean = leaked + fp, clean + len(_strings(page.get("without"))) - fp
    return TypeScore(
        pages=len(indexes),
        precision=score.precision,
        recall=score.recall,
        f1=score.f1,
        bow=score.bow,
        with_rate=found / (found + missed) if found + missed else None,
        without_rate=leaked / (leaked + clean) if leaked + clean else None,
    )


def iter_sets(names: Sequence[str] = SETS) -> Iterator[tuple[str, list[dict[str, object]]]]:
    """Each available eval set with its pages, skipping absent files."""
    for name in names:
        pages = load_set(name)
        if pages:
            yield name, pages
