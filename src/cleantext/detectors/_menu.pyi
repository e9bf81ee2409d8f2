"""Stub of the compiled kernel ``_menu.pyx`` (see its docstrings)."""

from array import array
from collections.abc import Callable

from cleantext.text._lines import LineTable

def item_runs(
    table: LineTable,
    counts: array[int],
    first: int,
    stop: int,
    max_chars: int,
    max_words: int,
    min_run: int,
    plain: Callable[[int], tuple[str | None, bool]],
) -> list[tuple[int, int, int, int, int]]: ...
