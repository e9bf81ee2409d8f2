"""Stub of the compiled kernel ``_context.pyx`` (see its docstrings)."""

from collections.abc import Iterable, Iterator, Mapping, Sequence

from cleantext.content.params import Params
from cleantext.text._features import FeatureTable, LineFeatures
from cleantext.text._lines import LineTable

class Classes:
    """The classes of a page's lines, a byte a line, read as class names."""

    @staticmethod
    def of(names: Iterable[str]) -> Classes: ...
    def __len__(self) -> int: ...
    def __getitem__(self, index: int) -> str: ...
    def __iter__(self) -> Iterator[str]: ...

def candidates(
    classes: Classes | Sequence[str],
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
def headline_lines(
    initial: Classes | Sequence[str],
    lines: FeatureTable,
    window: tuple[int, int],
    lookback: int,
    length_low: float,
) -> frozenset[int]: ...
def edge_lines(
    initial: Classes | Sequence[str], lines: FeatureTable, windows: tuple[tuple[int, int], ...]
) -> frozenset[int]: ...
def promote_headings(classes: Classes, lines: FeatureTable, heading_distance: float) -> None: ...
def initial_classes(
    lines: FeatureTable, claims: Mapping[int, str] | None, params: Params
) -> Classes: ...
def resolve_context(
    classes: Classes | Sequence[str],
    lines: FeatureTable,
    heading_distance: float,
    max_short_run: int,
    list_words: float,
) -> Classes: ...
def removal_runs(
    classes: Classes | Sequence[str],
    lines: FeatureTable,
    windows: tuple[tuple[int, int], ...],
    headlines: frozenset[int],
    edge: frozenset[int],
    min_sentence_words: float,
) -> list[tuple[int, int, str]]: ...
def removal_reason(
    lines: FeatureTable,
    initial: Classes | Sequence[str],
    first: int,
    last: int,
    kind: str,
    window: tuple[int, int],
    counted_words: str,
) -> str: ...
def removals(
    table: LineTable,
    lines: FeatureTable,
    initial: Classes | Sequence[str],
    classes: Classes | Sequence[str],
    windows: tuple[tuple[int, int], ...],
    headlines: frozenset[int],
    edge: frozenset[int],
    min_sentence_words: float,
    counted_words: str,
) -> list[tuple[int, int, str, str]]: ...
