"""Stub of the compiled kernel ``_page.pyx`` (see its docstrings)."""

from array import array
from collections.abc import Sequence

from cleantext.text._lines import Flags, LineTable

def gap_newlines(table: LineTable) -> array[int]: ...
def body_core(words: array[int], ends: Flags) -> tuple[int, int]: ...
def same_lines(lines: LineTable, source: LineTable, kept: Sequence[int]) -> bool: ...
