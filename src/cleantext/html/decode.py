"""Turn page bytes into a str: find the encoding, never fail, say which one was used.

One order, shared by :func:`cleantext.clean_html`, :func:`cleantext.clean_response`,
the command line's ``--url`` and the archive reader; first match wins:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE): ``"bom"``;
2. the transport's charset, the ``charset=`` of the HTTP ``Content-Type`` header
   (``"http"``);
3. BOM-less UTF-16, when most bytes at odd (or even) positions are NUL
   (``"utf-16 sniffed"``);
4. ``<meta charset=...>`` or ``<meta http-equiv="Content-Type" content="...; charset=...">``
   in the first :data:`SNIFF_BYTES` bytes (the first declaration wins, as in browsers,
   and a declared UTF-16/32 is read as UTF-8 since an ASCII-readable meta tag proves
   the bytes are not UTF-16): ``"meta"``;
5. a charset hint from outside the page (a WARC's ``WARC-Identified-Content-Charset``),
   only when the bytes decode with it without error: ``"hint"``;
6. strict UTF-8, when the bytes are valid UTF-8: ``"utf-8"``;
7. the fallback :data:`FALLBACK` (cp1252, what browsers use for undeclared Western
   pages), with undecodable bytes replaced by U+FFFD: ``"fallback"``.

Labels are read as browsers read them: ``latin-1``/``iso-8859-1``/``ascii`` mean
cp1252. A declared encoding that Python does not know, or that is not a page
encoding (``base64``, ``punycode``, ``utf-7``, ...), is skipped; a declared
encoding that does not fit the bytes is still used, with replacement characters.
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
LATIN1_ALIASES = frozenset({"latin-1", "iso8859-1", "ascii"})
"""Read as cp1252, as browsers do (a superset for printable text)."""
NOT_PAGE_ENCODINGS = frozenset(
    {"punycode", "idna", "undefined", "unicode-escape", "raw-unicode-escape", "utf-7"}
)
"""Text codecs that Python knows but no page is written in (they garble or refuse any page)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """The decoded text, the encoding used and how it was found (the step names above)."""

    text: str
    encoding: str
    how: str


def decode_html(
    data: bytes, *, transport_charset: str | None = None, charset_hint: str | None = None
) -> Decoded:
    """Decode page ``data``; never raises.

    ``transport_charset`` is the charset the server declared (the HTTP header's, see
    :func:`charset_of_content_type`); ``charset_hint`` a guess from outside the page.

    >>> decode_html('<meta charset="iso-8859-2"><p>Łódź'.encode("iso-8859-2")).text[-4:]
    'Łódź'
    >>> decode_html("<p>Жук".encode("cp1251"), transport_charset="windows-1251")
    Decoded(text='<p>Жук', encoding='cp1251', how='http')
    >>> decode_html("<p>naïve".encode("utf-8"))
    Decoded(text='<p>naïve', encoding='utf-8', how='utf-8')
    >>> decode_html("<p>Привет".encode("koi8-r"), charset_hint="KOI8-R").how
    'hint'
    >>> decode_html(b"<p>caf\\xe9 \\x81")
    Decoded(text='<p>caf\\xe9 \\ufffd', encoding='cp1252', how='fallback')
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(encoding, "replace"), encoding, "bom")
    head = data[:SNIFF_BYTES]
    declared = (
        ("http", _transport_encoding(transport_charset)),
        ("utf-16 sniffed", utf16_without_bom(head)),
        ("meta", declared_encoding(head)),
    )
    for how, name in declared:
        if name is not None:
            return Decoded(data.decode(name, "replace"), name, how)
    hinted = _known(charset_hint) if charset_hint else None
    if hinted is not None and hinted not in WIDE_ALIASES:
        found = _strictly(data, hinted, "hint")
        if found is not None:
            return found
    found = _strictly(data, "utf-8", "utf-8")
    return found or Decoded(data.decode(FALLBACK, "replace"), FALLBACK, "fallback")


def _strictly(data: bytes, encoding: str, how: str) -> Decoded | None:
    """``data`` decoded with ``encoding`` when every byte fits, else ``None``."""
    try:
        return Decoded(data.decode(encoding), encoding, how)
    except UnicodeDecodeError:
        return None


def parse_content_type(content_type: str | None) -> tuple[str | None, str | None]:
    """The media type (lower case) and the ``charset`` parameter of a ``Content-Type`` value.

    >>> parse_content_type('Text/HTML; Charset="UTF-8"')
    ('text/html', 'UTF-8')
    >>> parse_content_type("text/plain"), parse_content_type(None)
    (('text/plain', None), (None, None))
    """
    if not content_type:
        return None, None
    media, *parameters = content_type.split(";")
    charset = None
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and charset is None:
            charset = value.strip().strip("\"'").strip() or None
    return media.strip().lower() or None, charset


def charset_of_content_type(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a ``Content-Type`` header value, or ``None``.

    >>> charset_of_content_type("text/html;charset=utf-8"), charset_of_content_type(None)
    ('utf-8', None)
    """
    return parse_content_type(content_type)[1]


def _transport_encoding(charset: str | None) -> str | None:
    """The encoding a transport's charset names, if Python knows it (wide ones kept).

    >>> _transport_encoding("ISO-8859-1"), _transport_encoding("utf-16"), _transport_encoding("base64")
    ('cp1252', 'utf-16-le', None)
    """
    name = _known(charset) if charset else None
    if name in WIDE_ALIASES:  # the transport's word is taken; unmarked UTF-16 is little-endian
        return {"utf-16": "utf-16-le", "utf-32": "utf-32-le"}.get(name, name)
    return name


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
    >>> declared_encoding(b'<meta charset="no-such-thing"><meta charset="hex"><meta charset="koi8-r">')
    'koi8-r'
    >>> declared_encoding(b"<p>no declaration</p>") is None
    True
    """
    for match in META_CHARSET.finditer(head):
        name = _known(match.group(1).decode("ascii", "replace"))
        if name is not None:
            # An ASCII-readable declaration proves the bytes are not UTF-16/32.
            return "utf-8" if name in WIDE_ALIASES else name
    return None


def _known(label: str) -> str | None:
    """Python's name for the page encoding ``label``, or ``None`` (unknown or not a page encoding)."""
    try:
        name = codecs.lookup(label.strip()).name
        b"x".decode(
            name, "replace"
        )  # bytes-to-bytes codecs (hex, base64, zlib) raise LookupError here
    except (LookupError, UnicodeError):
        return None
    if name in NOT_PAGE_ENCODINGS:
        return None
    return "cp1252" if name in LATIN1_ALIASES else name
