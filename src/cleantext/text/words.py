"""Word counts and word tokens of all of a page's lines at once.

They give exactly what the plain per-line definitions give (``len(WORD.findall(text))``
and ``tokens(strip_bullet(text))``), but the page's ASCII lines (most of them) go
through C-level string methods in one pass instead of one regex call per line:
every character that may belong to a word is kept (or marked), every other one
becomes a space, and the lines are joined and split again around newlines.
Lines with other characters take the regex.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import chain, compress, count, repeat
from operator import methodcaller, not_

import regex

from cleantext.text.lexicon import strip_bullet, tokens

WORD = regex.compile(r"\w+")
"""A word, as the page counts them."""
TOKEN_EDGES = regex.compile(r"(?<= )['.\-]+|(?<!\.)\.+(?= )")
"""In a space-padded run of ASCII token characters: the marks a token cannot start with,
and its final stops (which :func:`~cleantext.text.lexicon.tokens` drops). The look-behinds keep
it linear: a run of stops is tried from its first stop only."""

SPLIT_PIECE = 1 << 16
"""A line longer than this is split into tokens a piece of about this many characters at a time."""


def word_counts(texts: Sequence[str]) -> tuple[int, ...]:
    """Number of ``\\w+`` words of each text (a text holds no newline).

    >>> word_counts(["Home | News-room | 2024", "• Café au lait", ""])
    (4, 3, 0)
    """
    pieces = _ascii(_joined(texts), _WORD_MARKS).split(b"\n")
    counts = list(map(bytes.count, pieces, repeat(b" w")))  # words start after a space
    del pieces
    for index in _not_ascii(texts):
        counts[index] = len(WORD.findall(texts[index]))
    return tuple(counts[: len(texts)])


def line_tokens(texts: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """Lower-case word tokens of each text without its list marker (``tokens(strip_bullet(text))``).

    List markers hold no token (they are not token characters), but for ``+``.

    >>> line_tokens(["- Read 'A.B.' -- e-mail us...", "+ Ünïcode 3.", "+ 1"])
    (('read', "a.b.'", 'e-mail', 'us'), ('ünïcode', '3'), ('1',))
    """
    marked = TOKEN_EDGES.sub("", _ascii(_joined(texts), _TOKEN_MARKS).decode())
    shared: dict[str, str] = {}
    found = [_split_shared(line, shared) for line in marked.split("\n")]
    del marked
    for index in chain(_not_ascii(texts), compress(count(), map(_PLUS, texts))):
        plain = tokens(strip_bullet(texts[index]))
        found[index] = tuple(map(shared.setdefault, plain, plain))
    return tuple(found[: len(texts)])


def _split_shared(line: str, shared: dict[str, str]) -> tuple[str, ...]:
    """The space-separated tokens of ``line``, each as the one string ``shared`` keeps for it.

    Prose repeats its words: sharing them keeps a page's tokens near the size of its
    vocabulary. A long line is split a piece at a time, so its tokens never all exist
    as separate strings at once.

    >>> shared = {}
    >>> first, second = _split_shared("the cat and the hat", shared)[0::3]
    >>> first == second == "the" and first is second
    True
    """
    if len(line) <= SPLIT_PIECE:
        words = line.split()
        return tuple(map(shared.setdefault, words, words))
    found: list[str] = []
    start = 0
    while start < len(line):
        end = line.find(" ", start + SPLIT_PIECE)
        end = len(line) if end < 0 else end
        words = line[start:end].split()
        found.extend(map(shared.setdefault, words, words))
        start = end
    return tuple(found)


def _joined(texts: Sequence[str]) -> str:
    """The texts, each between spaces, joined by newlines, with the common bullet ``•`` a
    space (it is neither a word's nor a token's character)."""
    return (" " + " \n ".join(texts) + " ").replace("•", " ")


def _ascii(joined: str, table: bytes) -> bytes:
    """``joined`` as ASCII bytes through ``table`` (other characters become question
    marks first: the texts that have them are done again, the plain way)."""
    return joined.encode("ascii", "replace").translate(table)


def _not_ascii(texts: Sequence[str]) -> Iterator[int]:
    """Indexes of the texts with characters beyond ASCII other than the bullet ``•``
    (one text at a time: no second copy of the whole page).

    >>> list(_not_ascii(["plain", "• bullet", "café", "• ünïcode"]))
    [2, 3]
    """
    return compress(count(), map(not_, map(str.isascii, map(_NO_BULLET, texts))))


_NO_BULLET = methodcaller("replace", "•", " ")
_PLUS = methodcaller("startswith", "+")
"""``+`` may be a list marker, and it is a token's character: such texts are done the plain way."""


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
"""The ASCII characters of :data:`cleantext.text.lexicon.TOKEN`'s tokens, lower-cased."""
