"""Per-line features for the content classifier, computed once per page in one linear pass.

Word-level counts reuse what the page computed once for every detector:
``page.tokens`` (lower-case words) and ``page.word_counts``.

>>> text = "Home\\n\\nThe cat sat on the mat, and then it went to sleep in the sun for an hour.\\n\\nHome"
>>> found = page_features(Page.from_text(text))
>>> found.language, [f.words for f in found.lines], [f.repeats for f in found.lines]
('en', [1, 18, 1], [2, 1, 2])
>>> found.lines[1].stopwords, found.lines[1].sentence_end, found.lines[0].sentence_end
(11, True, False)
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import regex

from cleantext.text._features import line_features, may_be_prose
from cleantext.text.lexicon import BULLET
from cleantext.text.page import Page
from cleantext.text.stopwords import STOPWORDS, choose_language, page_stopwords

BULLET_CHARS = frozenset("•·*-–—▪►‣◦○●■□→»›+")
SHAPE_LIMIT = 200
"""Lines this long skip the shape counts (capitals, digits, separators, bullet)."""
NUMBER = regex.compile(r"\d+")
SHAPE_REPEATS = 5
"""Lines that differ only in their numbers count as repeats when this many share the shape."""
LONG_WORD = 14
"""Characters from which a token counts as one word in several (scripts without spaces)."""


class LineFeatures(NamedTuple):
    """What the classifier knows about one line (a tuple: cheap to build for every line)."""

    chars: int
    words: int
    stopwords: int
    sentences: int
    sentence_end: bool
    bullet: bool
    capitalised: int
    digits: int
    separators: int
    repeats: int

    @property
    def density(self) -> float:
        """Share of the line's words that are function words."""
        return self.stopwords / self.words if self.words else 0.0

    @property
    def caps_share(self) -> float:
        """Share of the line's words that start with a capital letter."""
        return self.capitalised / self.words if self.words else 0.0

    @property
    def digit_share(self) -> float:
        """Share of the line's words that are numbers."""
        return self.digits / self.words if self.words else 0.0


@dataclass(frozen=True, slots=True)
class PageFeatures:
    """Features of every line, and the language whose stopwords were counted (None: fallback)."""

    language: str | None
    lines: tuple[LineFeatures, ...]


def page_features(page: Page, full_from: int = 70) -> PageFeatures:
    """Features of every line of ``page``.

    Only lines that could be prose (``full_from`` characters or more, or ending
    like a sentence) get word-level features; the page's language is chosen
    from their words. The per-line counts are taken by the compiled kernel
    :mod:`cleantext.text._features`.
    """
    texts = [line.text for line in page.lines]
    tokens = page.tokens
    prose = may_be_prose(texts, full_from)
    vocabulary: Counter[str] = Counter()
    for words, may_be in zip(tokens, prose, strict=True):
        if may_be:
            vocabulary.update(words)
    language = choose_language(vocabulary)
    stopwords = STOPWORDS[language] if language else page_stopwords(vocabulary)
    repeats = _repeats(_key(text) for text in texts)
    lines = line_features(
        texts,
        tokens,
        prose,
        repeats,
        page.word_counts,
        stopwords,
        BULLET.match,
        LineFeatures,
        SHAPE_LIMIT,
        LONG_WORD,
    )
    return PageFeatures(language, tuple(lines))


def _key(text: str) -> str:
    """The line for repetition: no bullet, case folded."""
    match = BULLET.match(text) if text[0] in BULLET_CHARS else None
    return (text[match.end() :] if match else text).casefold()


def _repeats(keys: Iterable[str]) -> list[int]:
    """How often each line occurs: exactly, or with other numbers when that shape is common.

    Each distinct key is held once (the lines keep a number each), and the shapes are
    taken of the distinct keys: no list of every line's key or shape.

    >>> _repeats(["home", "home", "may 1, 2019", "may 2, 2019", "line 4"])
    [2, 2, 1, 1, 1]
    >>> _repeats([f"posted {day} may" for day in range(5)])
    [5, 5, 5, 5, 5]
    """
    distinct: dict[str, int] = {}
    line_keys = array("i")
    for key in keys:
        line_keys.append(distinct.setdefault(key, len(distinct)))
    exact = Counter(line_keys)
    shapes: dict[str, int] = {}
    joined = NUMBER.sub("0", "\n".join(distinct)) if distinct else None  # (a key holds no newline)
    key_shapes = (
        []
        if joined is None
        else [shapes.setdefault(shape, len(shapes)) for shape in joined.split("\n")]
    )
    shape_counts = [0] * len(shapes)
    for number, shape in enumerate(key_shapes):
        shape_counts[shape] += exact[number]
    per_key = [
        max(exact[number], count if (count := shape_counts[shape]) >= SHAPE_REPEATS else 1)
        for number, shape in enumerate(key_shapes)
    ]
    return [per_key[number] for number in line_keys]
