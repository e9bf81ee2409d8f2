"""Word counts and word tokens of all of a page's lines at once.

They give exactly what the plain per-line definitions give (``len(WORD.findall(text))``
and ``tokens(strip_bullet(text))``), but the page's ASCII lines (most of them) go
through C-level string methods in one pass instead of one regex call per line:
every character that may belong to a word is kept (or marked), every other one
becomes a space, and the lines are joined and split again around newlines.
Lines with other characters take the regex.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from cleantext.lexicon import BULLET_CHARS, strip_bullet, tokens

WORD = regex.compile(r"\w+")
"""A word, as the page counts them."""
TOKEN_EDGES = regex.compile(r"(?<= )['.\-]+|(?<!\.)\.+(?= )")
"""In a space-padded run of ASCII token characters: the marks a token cannot start with,
and its final stops (which :func:`~cleantext.lexicon.tokens` drops). The look-behinds keep
it linear: a run of stops is tried from its first stop only."""


def word_counts(texts: Sequence[str]) -> tuple[int, ...]:
    """Number of ``\\w+`` words of each text.

    >>> word_counts(["Home | News-room | 2024", "• Café au lait", ""])
    (4, 3, 0)
    """
    bare = [_bare(text) for text in texts]
    plain = [index for index, text in enumerate(bare) if text.isascii()]
    marks = " \n ".join([bare[index] for index in plain]).encode().translate(_WORD_MARKS)
    counts = [0] * len(bare)
    for index, piece in zip(plain, (b" " + marks).split(b"\n"), strict=False):
        counts[index] = piece.count(b" w")
    for index, text in enumerate(bare):
        if not text.isascii():
            counts[index] = len(WORD.findall(text))
    return tuple(counts)


def line_tokens(texts: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """Lower-case word tokens of each text without its list marker (``tokens(strip_bullet(text))``).

    >>> line_tokens(["- Read 'A.B.' -- e-mail us...", "+ Ünïcode 3."])
    (('read', "a.b.'", 'e-mail', 'us'), ('ünïcode', '3'))
    """
    bare = [_bare(text) for text in texts]
    plain = [index for index, text in enumerate(bare) if text.isascii()]
    joined = " \n ".join([bare[index] for index in plain]).encode().translate(_TOKEN_MARKS)
    marked = TOKEN_EDGES.sub("", f" {joined.decode()} ")
    found: list[tuple[str, ...]] = [()] * len(bare)
    for index, piece in zip(plain, marked.split("\n"), strict=False):
        found[index] = tuple(piece.split())
    for index, text in enumerate(bare):
        if not text.isascii():
            found[index] = tuple(tokens(text))
    return tuple(found)


def _bare(text: str) -> str:
    """``text`` without its list marker (which holds no word: a word count stays the same)."""
    return strip_bullet(text) if text[:1] in BULLET_CHARS else text


def _ascii_marks(keep: str, mark: str | None) -> bytes:
    """A ``bytes.translate`` table: ``keep`` characters become ``mark`` (themselves,
    lower-cased, when ``mark`` is None), newlines stay, all other bytes become spaces."""
    table = bytearray(b" " * 256)
    for char in keep:
        table[ord(char)] = ord(mark or char.lower())
    table[ord("\n")] = ord("\n")
    return bytes(table)


_ASCII_ALNUM = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_WORD_MARKS = _ascii_marks(_ASCII_ALNUM + "_", "w")
"""The ASCII characters of ``\\w`` marked ``w`` (checked against the regex in the tests)."""
_TOKEN_MARKS = _ascii_marks(_ASCII_ALNUM + "+'.-", None)
"""The ASCII characters of :data:`cleantext.lexicon.TOKEN`'s tokens, lower-cased."""
