"""Escape text so that Markdown renders it as it reads.

Inline characters that would start emphasis, code, links or HTML are escaped
everywhere; characters that only mean something at the start of a line
(headings, quotes, list markers, rules) are escaped there; ``|`` is escaped in
table cells. Every rule is a single character class or a fixed prefix: linear.
"""

from __future__ import annotations

import regex

INLINE = regex.compile(r"([\\`*_\[\]<>~])|&(?=#?[A-Za-z0-9]{1,32};)")
"""Characters escaped wherever they stand (and ``&`` where it would start an entity)."""
LINE_START = regex.compile(r"^([#>+=-]|(\d{1,9})([.)]))")
"""What starts a heading, quote, list item, setext underline or numbered item at a line start."""
CELL = regex.compile(r"([\\`*_\[\]<>~|])|&(?=#?[A-Za-z0-9]{1,32};)")
ESCAPED = regex.compile(r"\\([!-/:-@\[-`{-~])")
"""A backslash escape of ASCII punctuation (what :func:`unescape` undoes)."""


def escape(text: str, *, cell: bool = False) -> str:
    r"""``text`` with Markdown's special characters escaped (``cell``: ``|`` too).

    >>> print(escape("a *b* [c] <d> & e_f"))
    a \*b\* \[c\] \<d\> & e\_f
    >>> print(escape("a | b", cell=True))
    a \| b
    """
    return (CELL if cell else INLINE).sub(_backslash, text)


def escape_start(text: str) -> str:
    r"""``text`` (already escaped) with a line-start marker escaped: ``# x``, ``1. x``, ``- x``.

    >>> escape_start("1. point"), escape_start("# tag"), escape_start("x - y")
    ('1\\. point', '\\# tag', 'x - y')
    """
    match = LINE_START.match(text)
    if match is None:
        return text
    if match.group(2):
        return f"{match.group(2)}\\{match.group(3)}{text[match.end() :]}"
    return f"\\{text}"


def unescape(markdown: str) -> str:
    r"""``markdown`` with backslash escapes removed.

    >>> unescape(r"\*b\* 1\. a\\b")
    '*b* 1. a\\b'
    """
    return ESCAPED.sub(r"\1", markdown)


def _backslash(match: regex.Match[str]) -> str:
    return "\\" + match.group(0)
