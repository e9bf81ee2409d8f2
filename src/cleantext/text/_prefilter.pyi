"""Stub of the compiled kernel ``_prefilter.pyx`` (see its docstrings)."""

from array import array
from collections.abc import Iterable, Mapping

from cleantext.text._lines import LineTable

class Words:
    """Words to find, grouped by their first character (build once, scan often)."""

    def __init__(self, words: Iterable[str]) -> None: ...

def lines_holding(text: str, words: Iterable[str] | Words) -> list[int]: ...
def lines_leading_with(text: str, words: Iterable[str] | Words) -> list[int]: ...
def longer_lines(
    table: LineTable, limit: int, longest: int = -1, opening: str = ""
) -> list[int]: ...
def casefold(text: str, piece: int = ...) -> str: ...
def lines_up_to(table: LineTable, numbers: array[int], longest: int) -> array[int]: ...

class Triggers:
    """Named groups of words (anywhere, leading or opening), found in one pass."""

    bits: dict[str, int]

    def __init__(
        self,
        anywhere: Mapping[str, Iterable[str]] | None = None,
        leading: Mapping[str, Iterable[str]] | None = None,
        opening: Mapping[str, Iterable[str]] | None = None,
        numbered: Iterable[str] = (),
    ) -> None: ...
    def lines(self, text: str) -> tuple[array[int], array[int]]: ...

def lines_with_terms(
    numbers: array[int], masks: array[int], terms: Iterable[int]
) -> array[int]: ...
def lines_in(numbers: array[int], masks: array[int], bit: int) -> array[int]: ...
