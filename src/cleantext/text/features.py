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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from cleantext.text._features import LineFeatures as LineFeatures  # (the compiled type)
from cleantext.text._features import (
    line_features,
    line_keys,
    line_shapes,
    line_texts,
    may_be_prose,
    prose_vocabulary,
)
from cleantext.text.lexicon import BULLET, strip_bullet
from cleantext.text.page import Page
from cleantext.text.prefilter import casefold
from cleantext.text.stopwords import STOPWORDS, choose_language, page_stopwords

SHAPE_LIMIT = 200
"""Lines this long skip the shape counts (capitals, digits, separators, bullet)."""
NUMBER = regex.compile(r"\d+")
SHAPE_REPEATS = 5
"""Lines that differ only in their numbers count as repeats when this many share the shape."""
LONG_WORD = 14
"""Characters from which a token counts as one word in several (scripts without spaces)."""


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
    texts = line_texts(page.lines)
    tokens = page.tokens
    prose = may_be_prose(texts, full_from)
    vocabulary = prose_vocabulary(tokens, prose)
    language = choose_language(vocabulary)
    stopwords = STOPWORDS[language] if language else page_stopwords(vocabulary)
    repeats = _repeats(_line_keys(texts))
    lines = line_features(
        texts,
        tokens,
        prose,
        repeats,
        page.word_counts,
        stopwords,
        BULLET.match,
        SHAPE_LIMIT,
        LONG_WORD,
    )
    return PageFeatures(language, tuple(lines))


KEY_BATCH = 4096
"""Lines whose repetition keys are made at once (a key a line: all at once doubles the text)."""


def _line_keys(texts: list[str]) -> Iterator[str]:
    """Each line's repetition key (:func:`~cleantext.text._features.line_keys`), a batch at a time.

    >>> list(_line_keys(["• Home", "HOME"]))
    ['home', 'home']
    """
    for first in range(0, len(texts), KEY_BATCH):
        yield from line_keys(texts[first : first + KEY_BATCH], strip_bullet, casefold)


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
    numbers = array("i")
    for key in keys:
        numbers.append(distinct.setdefault(key, len(distinct)))
    exact = [0] * len(distinct)
    for number in numbers:
        exact[number] += 1
    shapes = line_shapes(list(distinct), _numbers_to_zero)
    by_shape: dict[str, int] = {}
    for shape, count in zip(shapes, exact, strict=True):
        by_shape[shape] = by_shape.get(shape, 0) + count
    per_key = [
        max(count, shared if (shared := by_shape[shape]) >= SHAPE_REPEATS else 1)
        for shape, count in zip(shapes, exact, strict=True)
    ]
    return [per_key[number] for number in numbers]


def _numbers_to_zero(key: str) -> str:
    """``key`` with each run of digits written ``0`` (they differ between repeats)."""
    return NUMBER.sub("0", key)
