"""Turn HTML bytes into a str: find the encoding, never fail, say which one was used.

The order, first match wins:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. ``<meta charset=...>`` or ``<meta http-equiv="Content-Type" content="...; charset=...">``
   in the first :data:`SNIFF_BYTES` bytes (the first declaration wins, as in browsers,
   and a declared UTF-16/32 is read as UTF-8 since an ASCII-readable meta tag proves
   the bytes are not UTF-16);
3. BOM-less UTF-16, when most bytes at odd (or even) positions are NUL;
4. strict UTF-8;
5. the fallback :data:`FALLBACK` (cp1252, what browsers use for undeclared Western
   pages), with undecodable bytes replaced by U+FFFD.

A declared encoding that Python does not know is skipped; a declared encoding
that does not fit the bytes is still used, with replacement characters.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import regex

SNIFF_BYTES = 4096
"""How far into the document a charset declaration is looked for."""
WIDE_NUL_SHARE = 0.6
"""Share of NUL bytes at odd (even) positions from which BOM-less UTF-16 LE (BE) is assumed."""
FALLBACK = "cp1252"
"""Encoding used when nothing is declared and the bytes are not valid UTF-8."""

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
META_CHARSET = regex.compile(
    rb"""<meta\b[^>]{0,500}?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:\-]{1,40})""",
    regex.IGNORECASE,
)
WIDE_ALIASES = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})


@dataclass(frozen=True, slots=True)
class Decoded:
    """The decoded text and how it was found ("bom", "meta", "utf-16 sniffed", "utf-8", "fallback")."""

    text: str
    encoding: str
    how: str


def decode_html(data: bytes) -> Decoded:
    """Decode HTML ``data``; never raises on any bytes.

    >>> decode_html('<meta charset="iso-8859-2"><p>Łódź'.encode("iso-8859-2")).text[-4:]
    'Łódź'
    >>> decode_html("<p>naïve".encode("utf-8"))
    Decoded(text='<p>naïve', encoding='utf-8', how='utf-8')
    >>> decode_html(b"<p>caf\\xe9 \\x81")
    Decoded(text='<p>café \\ufffd', encoding='cp1252', how='fallback')
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(encoding, "replace"), encoding, "bom")
    wide = utf16_without_bom(data[:SNIFF_BYTES])
    if wide is not None:
        return Decoded(data.decode(wide, "replace"), wide, "utf-16 sniffed")
    declared = declared_encoding(data[:SNIFF_BYTES])
    text = None if declared is None else _decode_declared(data, declared)
    if declared is not None and text is not None:
        return Decoded(text, declared, "meta")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        return Decoded(data.decode(FALLBACK, "replace"), FALLBACK, "fallback")


def utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when ``head`` looks like ASCII markup in UTF-16 without a BOM.

    >>> utf16_without_bom("<p>hi</p>".encode("utf-16-le")), utf16_without_bom(b"<p>hi</p>")
    ('utf-16-le', None)
    """
    even, odd = head[0::2], head[1::2]
    if len(head) < 4:
        return None
    if odd.count(0) > WIDE_NUL_SHARE * len(odd) and even.count(0) < len(even) / 10:
        return "utf-16-le"
    if even.count(0) > WIDE_NUL_SHARE * len(even) and odd.count(0) < len(odd) / 10:
        return "utf-16-be"
    return None


def declared_encoding(head: bytes) -> str | None:
    """The first charset declared in a ``<meta>`` tag of ``head`` that Python knows.

    >>> declared_encoding(b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">')
    'shift_jis'
    >>> declared_encoding(b'<meta charset="no-such-thing"><meta charset="koi8-r">')
    'koi8-r'
    >>> declared_encoding(b"<p>no declaration</p>") is None
    True
    """
    for match in META_CHARSET.finditer(head):
        name = _known(match.group(1).decode("ascii", "replace"))
        if name is not None:
            return name
    return None


def _decode_declared(data: bytes, encoding: str) -> str | None:
    """``data`` decoded as declared; ``None`` when the codec refuses (idna and punycode fail
    on some bytes whatever the error handler).

    >>> _decode_declared(b"<p>caf\\xc3\\xa9", "punycode") is None, _decode_declared(b"<p>x", "koi8-r")
    (True, '<p>x')
    """
    try:
        return data.decode(encoding, "replace")
    except UnicodeError:
        return None


def _known(label: str) -> str | None:
    """The name of the text encoding ``label`` names; ``None`` for unknown labels and for
    codecs that do not turn bytes into text (``hex``, ``rot13``, ``zlib``).

    >>> _known("LATIN-1"), _known("hex"), _known("no-such-thing")
    ('cp1252', None, None)
    """
    try:
        name = codecs.lookup(label).name
        b" ".decode(name, "replace")  # LookupError: not a bytes-to-text codec
    except (LookupError, UnicodeError):
        return None
    if name in WIDE_ALIASES:
        return "utf-8"
    # Browsers read latin-1 declarations as windows-1252 (a superset for printable text).
    return "cp1252" if name in {"latin-1", "iso8859-1", "ascii"} else name
