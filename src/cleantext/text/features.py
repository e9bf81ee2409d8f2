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

from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

import regex

from cleantext.text.lexicon import BULLET
from cleantext.text.page import Page
from cleantext.text.stopwords import STOPWORDS, choose_language, function_word_count, page_stopwords

SENTENCE_END_CHARS = frozenset(".!?…。！？:;")
CLOSING_CHARS = frozenset("\"'”’»)]")
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
    from their words.
    """
    texts = [line.text for line in page.lines]
    repeats = _repeats([_key(text) for text in texts])
    prose = [len(text) >= full_from or ends_sentence(text) for text in texts]
    vocabulary: Counter[str] = Counter()
    for words, may_be_prose in zip(page.tokens, prose, strict=True):
        if may_be_prose:
            vocabulary.update(words)
    language = choose_language(vocabulary)
    stopwords = STOPWORDS[language] if language else page_stopwords(vocabulary)
    lines = []
    for text, words, may_be_prose, repeated, count in zip(
        texts, page.tokens, prose, repeats, page.word_counts, strict=True
    ):
        if may_be_prose:
            lines.append(_line_features(text, list(words), stopwords, repeated, count))
        else:
            lines.append(_light_features(text, repeated, count))
    return PageFeatures(language, tuple(lines))


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence punctuation (before closing quotes or brackets).

    >>> ends_sentence('He said "no."'), ends_sentence("Home")
    (True, False)
    """
    text = text.rstrip("\"'”’»)]")
    return bool(text) and text[-1] in SENTENCE_END_CHARS


def _is_bullet(text: str) -> bool:
    return text[0] in BULLET_CHARS and BULLET.match(text) is not None


def _key(text: str) -> str:
    """The line for repetition: no bullet, case folded."""
    match = BULLET.match(text) if text[0] in BULLET_CHARS else None
    return (text[match.end() :] if match else text).casefold()


def _repeats(keys: list[str]) -> list[int]:
    """How often each line occurs: exactly, or with other numbers when that shape is common.

    >>> _repeats(["home", "home", "may 1, 2019", "may 2, 2019", "line 4"])
    [2, 2, 1, 1, 1]
    >>> _repeats([f"posted {day} may" for day in range(5)])
    [5, 5, 5, 5, 5]
    """
    if not keys:
        return []
    exact = Counter(keys)
    shapes = NUMBER.sub("0", "\n".join(keys)).split("\n")  # (a key holds no newline)
    shape_counts = Counter(shapes)
    return [
        max(exact[key], shape_counts[shape] if shape_counts[shape] >= SHAPE_REPEATS else 1)
        for key, shape in zip(keys, shapes, strict=True)
    ]


def _line_features(
    text: str, words: list[str], stopwords: frozenset[str], repeats: int, count: int
) -> LineFeatures:
    if len(text) > LONG_WORD * (count + 1):
        count += sum(len(word) // LONG_WORD for word in words)
    end = ends_sentence(text)
    breaks = text.count(". ") + text.count("? ") + text.count("! ") + text.count("。") + end
    if len(text) >= SHAPE_LIMIT:  # long lines: their shape says little, skip the costly counts
        return LineFeatures(
            len(text),
            count,
            function_word_count(words, stopwords),
            breaks,
            end,
            False,
            0,
            0,
            0,
            repeats,
        )
    return LineFeatures(
        chars=len(text),
        words=count,
        stopwords=function_word_count(words, stopwords),
        sentences=breaks,
        sentence_end=end,
        bullet=_is_bullet(text),
        capitalised=sum(map(str.istitle, text.split())),
        digits=sum(map(str.isdigit, words)),
        separators=_separators(text),
        repeats=repeats,
    )


def _light_features(text: str, repeats: int, count: int) -> LineFeatures:
    """Features of a short line that does not end like a sentence: no word-level counts."""
    separators = _separators(text) if count >= 3 else 0  # needs words on both sides
    return LineFeatures(len(text), count, 0, 0, False, _is_bullet(text), 0, 0, separators, repeats)


def _separators(text: str) -> int:
    """Menu separators: " | ", " · ", " / ", " » " (not tabs or wide spaces: tables use them)."""
    return text.count(" | ") + text.count(" · ") + text.count(" / ") + text.count(" » ")
