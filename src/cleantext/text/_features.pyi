"""Stub of the compiled kernel ``_features.pyx`` (see its docstrings)."""

from collections.abc import Callable, Sequence

import regex

from cleantext.text._lines import LineTable

class LineFeatures:
    """What the classifier knows about one line (see the kernel's docstring)."""

    @property
    def chars(self) -> int: ...
    @property
    def words(self) -> int: ...
    @property
    def stopwords(self) -> int: ...
    @property
    def sentences(self) -> int: ...
    @property
    def sentence_end(self) -> bool: ...
    @property
    def bullet(self) -> bool: ...
    @property
    def capitalised(self) -> int: ...
    @property
    def digits(self) -> int: ...
    @property
    def separators(self) -> int: ...
    @property
    def repeats(self) -> int: ...
    @property
    def density(self) -> float: ...
    @property
    def caps_share(self) -> float: ...
    @property
    def digit_share(self) -> float: ...
    def __init__(
        self,
        chars: int,
        words: int,
        stopwords: int,
        sentences: int,
        sentence_end: bool,
        bullet: bool,
        capitalised: int,
        digits: int,
        separators: int,
        repeats: int,
    ) -> None: ...

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
    shape_limit: int,
    long_word: int,
) -> list[LineFeatures]: ...
def line_texts(table: LineTable) -> list[str]: ...
def prose_vocabulary(tokens: Sequence[tuple[str, ...]], prose: list[bool]) -> dict[str, int]: ...
def line_shapes(keys: list[str], numbers_to_zero: Callable[[str], str]) -> list[str]: ...
def line_keys(
    texts: list[str], strip_bullet: Callable[[str], str], casefold: Callable[[str], str]
) -> list[str]: ...
