"""Stub of the compiled kernel ``_tag_list.pyx`` (see its docstrings)."""

from array import array
from collections.abc import Callable

from cleantext.text._lines import LineTable

LABEL: int
RUN: int

def tag_events(
    table: LineTable,
    counts: array[int],
    candidates: list[int],
    max_item_words: int,
    min_items: int,
    bulleted: Callable[[int], bool],
) -> list[tuple[int, int, int]]: ...
