"""Stub of the compiled kernel ``_features.pyx`` (see its docstrings)."""

from collections.abc import Callable, Sequence
from typing import TypeVar

import regex

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
