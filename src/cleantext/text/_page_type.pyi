"""Stub of the compiled kernel ``_page_type.pyx`` (see its docstrings)."""

from array import array
from collections.abc import Callable

from cleantext.text._lines import LineTable

def header_ends(
    folded: str, starts: array[int], date_end: Callable[[str, int, int], object]
) -> tuple[list[int], list[int]]: ...
def code_candidates(
    table: LineTable, max_chars: int, keywords: frozenset[str], openers: str
) -> list[str]: ...
