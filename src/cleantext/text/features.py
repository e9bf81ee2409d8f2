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
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from cleantext.text._features import FeatureTable as FeatureTable
from cleantext.text._features import (
    LineFacts,
    measure_lines,
)
from cleantext.text._features import LineFeatures as LineFeatures  # (the compiled type)
from cleantext.text.page import Page
from cleantext.text.prefilter import casefold
from cleantext.text.stopwords import STOPWORDS, page_stopwords, tokens_language

if TYPE_CHECKING:
    from cleantext.text import page as page_module
    from cleantext.text._words import LineTokens

FULL_FROM = 70
"""Lines this long, or ending like a sentence, may be prose: they get word-level features."""
SHAPE_LIMIT = 200
"""Lines this long skip the shape counts (capitals, digits, separators, bullet)."""
NUMBER = regex.compile(r"\d+")
SHAPE_REPEATS = 5
"""Lines that differ only in their numbers count as repeats when this many share the shape."""
LONG_WORD = 14
"""Characters from which a token counts as one word in several (scripts without spaces)."""
KEY_BATCH = 4096
"""Lines whose texts and repetition keys are held at once (a key a line: all at once
doubles the text)."""


@dataclass(frozen=True, slots=True)
class PageFeatures:
    """Features of every line, and the language whose stopwords were counted (None: fallback).

    ``lines[index]`` is a :class:`LineFeatures`, built when read from the arrays of
    a :class:`FeatureTable`.
    """

    language: str | None
    lines: FeatureTable


def page_features(page: Page) -> PageFeatures:
    """Features of every line of ``page``.

    What each line's own text gives (:func:`line_facts`) is taken once per page, and
    kept by the page of its kept lines; then the page's language is chosen from the
    words of the lines that may be prose (:func:`choose_stopwords`, kept with those
    words: the page of the kept lines reuses it when it keeps every such line), and its
    stopwords and repeated lines counted.
    """
    facts = page.features.line_facts
    tokens = page.tokens
    language, stopwords = facts.prose_choice(tokens, choose_stopwords)
    counts = facts.stopword_counts(tokens, stopwords)
    return PageFeatures(language, FeatureTable(facts, counts, facts.repeat_counts(SHAPE_REPEATS)))


def choose_stopwords(tokens: LineTokens, prose: array[int]) -> tuple[str | None, frozenset[str]]:
    """The language whose stopwords the words (``tokens``) of the lines marked in ``prose``
    hit most (None: none does; :func:`tokens_language`) and the words counted as stopwords:
    that language's, or the most frequent of those words.

    >>> page = Page.from_text("foo bar foo.\\nbar baz foo.\\nqux")
    >>> language, stopwords = choose_stopwords(page.tokens, array("B", [1, 1, 0]))
    >>> language, sorted(stopwords)
    (None, ['bar', 'foo'])
    """
    language = tokens_language(tokens, prose)
    if language:
        return language, STOPWORDS[language]
    return None, page_stopwords(tokens.counts_on(prose))


def line_facts(lines: page_module.LineFeatures) -> LineFacts:
    """What each line's own text gives the classifier (the compiled kernel
    :func:`cleantext.text._features.measure_lines`): ``lines`` is a page's shared
    :class:`cleantext.text.page.LineFeatures`, which keeps them.

    >>> facts = line_facts(Page.from_text("Home\\n\\nIt rained all day.").features)
    >>> list(facts.words), list(facts.prose), list(facts.sentence_end)
    ([1, 4], [0, 1], [0, 1])
    """
    return measure_lines(
        lines.lines,
        lines.tokens,
        lines.word_counts,
        casefold,
        _numbers_to_zero,
        FULL_FROM,
        SHAPE_LIMIT,
        LONG_WORD,
        KEY_BATCH,
    )


def _numbers_to_zero(key: str) -> str:
    """``key`` with each run of digits written ``0`` (they differ between repeats)."""
    return NUMBER.sub("0", key)
