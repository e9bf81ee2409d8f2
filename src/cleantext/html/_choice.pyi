"""Stub of the compiled per-line loops ``_choice.pyx`` of the main-container choice."""

from array import array
from collections.abc import Callable
from typing import Any, TypeVar

_Judged = TypeVar("_Judged")

STRUCTURED: int
HEADING: int
LABELS: int

class WeightRules:
    def __init__(
        self,
        structured_weight: float,
        prose_words: int,
        sentence_words: int,
        nav_density: float,
        prose_density: float,
        link_cost: float,
        short_cost: float,
    ) -> None: ...
    def weights(
        self,
        kind_of: array[int],
        kinds: list[Any],
        word_counts: array[int],
        sentence_ends: bytes,
    ) -> tuple[array[float], int]: ...

def lines_with(kind_of: array[int], kinds: list[Any], field: int) -> array[int]: ...
def labelled_lines(
    kind_of: array[int],
    kinds: list[Any],
    memo: dict[tuple[tuple[str, int], ...], _Judged],
    judge: Callable[[tuple[tuple[str, int], ...]], _Judged],
) -> list[tuple[int, _Judged]]: ...
def has_positive(weights: array[float]) -> bool: ...
def inside_sums(
    path: str, parent: str, xpaths: list[str], weights: array[float]
) -> tuple[float, float, float]: ...
