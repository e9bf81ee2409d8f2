"""Stub of the compiled kernel ``_context.pyx`` (see its docstrings)."""

from collections.abc import Mapping

from cleantext.content.params import Params
from cleantext.text._features import FeatureTable, LineFeatures

def candidates(
    classes: list[str],
    lines: FeatureTable,
    stops: frozenset[int],
    good: str,
    neutral: frozenset[str],
    claimed: str,
    claimed_cost: float,
    repeat_cost: float,
    bad_cost: float,
    gap_growth: float,
) -> list[tuple[float, tuple[int, int]]]: ...
def looks_like_heading(line: LineFeatures) -> bool: ...
def promote_headings(classes: list[str], lines: FeatureTable, heading_distance: float) -> None: ...
def initial_classes(
    lines: FeatureTable, claims: Mapping[int, str] | None, params: Params
) -> list[str]: ...
def resolve_context(
    classes: list[str],
    lines: FeatureTable,
    heading_distance: float,
    max_short_run: int,
    list_words: float,
) -> list[str]: ...
def removal_runs(
    classes: list[str],
    lines: FeatureTable,
    windows: tuple[tuple[int, int], ...],
    headlines: frozenset[int],
    edge: frozenset[int],
    min_sentence_words: float,
) -> list[tuple[int, int, str]]: ...
def removal_reason(
    lines: FeatureTable,
    initial: tuple[str, ...],
    first: int,
    last: int,
    kind: str,
    window: tuple[int, int],
    counted_words: str,
) -> str: ...
