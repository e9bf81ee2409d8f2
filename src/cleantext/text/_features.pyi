"""Stub of the compiled kernel ``_features.pyx`` (see its docstrings)."""

from collections.abc import Callable, Sequence
from typing import TypeVar

import regex

from cleantext.text._lines import LineTable

Features = TypeVar("Features")

def ends_sentence(text: str) -> bool: ...
def may_be_prose(texts: list[str], full_from: int) -> list[bool]: ...
def line_features(
    texts: list[str],
    tokens: Sequence[tuple[str, ...]],
    prose: list[bool],
    repeats: list[int],
    word_counts: Sequence[int],
    stopwords: frozenset[str],
    bullet: Callable[[str], regex.Match[str] | None],
    make: Callable[..., Features],
    shape_limit: int,
    long_word: int,
) -> list[Features]: ...
def line_texts(table: LineTable) -> list[str]: ...
def prose_vocabulary(tokens: Sequence[tuple[str, ...]], prose: list[bool]) -> dict[str, int]: ...
def line_shapes(keys: list[str], numbers_to_zero: Callable[[str], str]) -> list[str]: ...
def line_keys(
    texts: list[str], strip_bullet: Callable[[str], str], casefold: Callable[[str], str]
) -> list[str]: ...
def line_repeats(keys: list[str], shapes: list[str], shape_repeats: int) -> list[int]: ...
