"""Stub of the compiled kernel ``_context.pyx`` (see its docstrings)."""

from cleantext.text._features import LineFeatures

def nearest(classes: list[str], skip: frozenset[str], reverse: bool, none: str) -> list[str]: ...
def candidates(
    classes: list[str],
    lines: tuple[LineFeatures, ...],
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
def promote_headings(
    classes: list[str],
    lines: tuple[LineFeatures, ...],
    heading_distance: float,
    good: str,
    short: str,
    near: str,
) -> None: ...
