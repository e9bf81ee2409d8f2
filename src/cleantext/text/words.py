"""Word counts and word tokens of all of a page's lines at once.

The compiled kernel :mod:`cleantext.text._words` reads the lines in place (the tokens and
the word counts in one pass, or the word counts alone) and gives
exactly what the plain per-line definitions give (``len(WORD.findall(text))`` and
``tokens(strip_bullet(text))``): it classes the common characters itself and hands
each line with any other character to those definitions, here.
"""

from __future__ import annotations

from array import array

import regex

from cleantext.text._lines import LineTable
from cleantext.text._words import LineTokens
from cleantext.text._words import word_counts as _word_counts
from cleantext.text.lexicon import strip_bullet, tokens

WORD = regex.compile(r"\w+")
"""A word, as the page counts them."""


def word_counts(lines: LineTable) -> array[int]:
    """Number of ``\\w+`` words of each line.

    >>> list(word_counts(LineTable("Home | News-room | 2024\\n• Café au lait\\nЖили-были")))
    [4, 3, 2]
    """
    return _word_counts(lines, count_words)


def line_tokens(lines: LineTable) -> LineTokens:
    """Lower-case word tokens of each line without its list marker (``tokens(strip_bullet(text))``).

    List markers hold no token (they are not token characters), but for ``+``. Each line's
    words (:func:`word_counts`) are counted in the same pass: ``.word_counts``.

    >>> found = line_tokens(LineTable("- Read 'A.B.' -- e-mail us...\\n+ Ünïcode 3.\\n+ 1"))
    >>> list(found), list(found.word_counts)
    ([('read', "a.b.'", 'e-mail', 'us'), ('ünïcode', '3'), ('1',)], [6, 2, 1])
    """
    return LineTokens(lines, plain_tokens, count_words)


def count_words(text: str) -> int:
    """The plain definition of a line's word count.

    >>> count_words("Жили-были 2 кота")
    4
    """
    return len(WORD.findall(text))


def plain_tokens(text: str) -> list[str]:
    """The plain definition of a line's tokens.

    >>> plain_tokens("• Ünïcode, «3.»")
    ['ünïcode', '3']
    """
    return tokens(strip_bullet(text))
