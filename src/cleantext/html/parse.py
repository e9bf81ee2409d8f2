"""Parse HTML text with lxml, safely: control characters, binary input and deep nesting.

libxml2 stops parsing (and drops the rest of the page) at a nesting depth of
2048, even with ``huge_tree``. When that happens the page is parsed again with
the tags below :data:`MAX_NESTING` levels removed, so their text is kept as
inline text of the element at that depth.

A ``<title>`` that is never closed makes libxml2 read the rest of the page as
the title's text (the whole body is lost). When the parsed title holds markup,
the page is parsed again with the title closed before its first tag.
"""

from __future__ import annotations

import ctypes
from typing import Any

import regex
from lxml import etree

from cleantext.errors import InputError
from cleantext.html._parse import needs_mending

CONTROL_CODES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
"""Control characters libxml2 refuses; each becomes a space before parsing. They are counted
and blanked in the UTF-8 bytes (where these bytes encode nothing else): much faster than a regex."""
BLANK_CONTROLS = bytes.maketrans(CONTROL_CODES, b" " * len(CONTROL_CODES))
NONCHARACTERS = ("\ufffe".encode(), "\uffff".encode())
"""U+FFFE and U+FFFF in UTF-8: libxml2 keeps them in tag and attribute names, which lxml
then refuses to take back ("All strings must be XML compatible"); each becomes U+FFFD."""
NONCHARACTER_LEAD = "\ufffe".encode()[:2]
"""The first two bytes both non-characters share in UTF-8."""
REPLACEMENT = "\ufffd".encode()
MARKUP = regex.compile(r"<[A-Za-z!/?]")
"""Anything that starts a tag, comment, doctype or processing instruction."""
BINARY_SAMPLE = 4096
"""Characters sampled when judging whether the input is binary."""
MAX_CONTROL_SHARE = 0.05
"""Input whose sample has more control (NUL included) or replacement characters (U+FFFD, what
undecodable bytes become) than this share is refused as binary."""
MIN_BINARY_SAMPLE = 64
"""Shorter inputs are never judged binary by share (a few stray control characters say little)."""
BINARY_MAGIC = {
    "\x7fELF": "an ELF executable",
    "\ufffdPNG\r\n\x1a\n": "a PNG image",
    "\x89PNG\r\n\x1a\n": "a PNG image",
    "GIF87a": "a GIF image",
    "GIF89a": "a GIF image",
    "\ufffd\ufffd\ufffd": "binary data (a JPEG image?)",
    "\xff\xd8\xff": "a JPEG image",
    "%PDF-": "a PDF document",
    "PK\x03\x04": "a ZIP archive (or an office document)",
    "\x1f\ufffd\x08": "gzip data",
    "\x1f\x8b\x08": "gzip data",
    "\x00asm": "a WebAssembly module",
}
"""Known starts of binary formats, as they read once decoded (bad UTF-8 bytes become U+FFFD,
Latin-1 keeps them), and what they are."""
MAX_NESTING = 1000
"""In the fallback for over-deep pages, tags nested deeper than this are removed."""
FLATTEN_PIECES = 4096
"""Pieces of a flattened page joined at a time."""
RELEASE_CHARS = 4 << 20
"""After a page at least this long, the memory its freed tree held is handed back to the
system (:func:`release_tree_memory`). Handing it back costs time (the decision's memory is
then faulted in afresh: 60 ms a page on 1-2 MB pages of wcxb_dev, a fifth of their time),
so only pages whose tree outweighs that are trimmed."""
PARSER_OPTIONS: dict[str, Any] = {
    "encoding": "utf-8",
    "huge_tree": True,
    "remove_comments": True,
    "remove_pis": True,
    "no_network": True,
    "collect_ids": False,  # no table of ids: nothing looks elements up by id
}
"""The options of every HTML parser of a page (the whole-tree and the streamed reading)."""
TAG = regex.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def has_markup(text: str) -> bool:
    """True when ``text`` contains at least one tag-like ``<``.

    >>> has_markup("a < b and c > d"), has_markup("<p>x")
    (False, True)
    """
    return MARKUP.search(text) is not None


def check_not_binary(text: str) -> None:
    """Raise :class:`InputError` when ``text`` looks like binary data, not a page: it starts
    with a known binary format's magic, or its sample holds too many control or replacement
    characters. The one test of both modes (and of the command line) for binary input.

    >>> check_not_binary("<p>fine</p>")
    >>> check_not_binary("\\x00\\x01\\x02\\x03" * 20)
    Traceback (most recent call last):
    ...
    cleantext.errors.InputError: the input looks binary (80 of 80 sampled characters are control or replacement characters), not text or HTML
    >>> check_not_binary("%PDF-1.7 ...")
    Traceback (most recent call last):
    ...
    cleantext.errors.InputError: the input looks binary (it starts like a PDF document), not text or HTML
    """
    for magic, kind in BINARY_MAGIC.items():
        if text.startswith(magic):
            raise InputError(f"the input looks binary (it starts like {kind}), not text or HTML")
    sample = text[:BINARY_SAMPLE]
    encoded = sample.encode("utf-8", "replace")
    odd = len(encoded) - len(encoded.translate(None, CONTROL_CODES)) + sample.count("\ufffd")
    if len(sample) >= MIN_BINARY_SAMPLE and odd > MAX_CONTROL_SHARE * len(sample):
        raise InputError(
            f"the input looks binary ({odd} of {len(sample)} sampled characters "
            "are control or replacement characters), not text or HTML"
        )


def parse(text: str) -> etree._Element | None:
    """The root element of ``text`` parsed as HTML; ``None`` when there is nothing to parse.

    >>> parse("<p>one<p>two").xpath("string(/html/body)")
    'onetwo'
    >>> parse("  ") is None
    True
    """
    if not text.strip():
        return None
    data = xml_compatible(text)
    root, too_deep = _parse_bytes(data)
    repaired = close_runaway_title(data, root)
    if repaired is not None:
        data = repaired
        root, too_deep = _parse_bytes(data)
    if too_deep:  # (the cut-off tree and the first bytes are let go before parsing again)
        del root
        data = flatten_deep(data.decode("utf-8"), MAX_NESTING).encode("utf-8")
        root, _ = _parse_bytes(data)
    return root


def xml_compatible(text: str) -> bytes:
    """``text`` as UTF-8 that libxml2 and lxml both accept: control characters become spaces,
    the non-characters U+FFFE and U+FFFF become U+FFFD, lone surrogates become ``?``.

    >>> xml_compatible("<p\\uffff>a\\x00b")
    b'<p\\xef\\xbf\\xbd>a b'
    """
    data = text.encode("utf-8", "replace")
    if not needs_mending(data):  # (most pages: one compiled scan, no copy)
        return data
    data = data.translate(BLANK_CONTROLS)
    if NONCHARACTER_LEAD in data:
        for noncharacter in NONCHARACTERS:
            data = data.replace(noncharacter, REPLACEMENT)
    return data


def close_runaway_title(data: bytes, root: etree._Element | None) -> bytes | None:
    """``data`` with ``</title>`` inserted before the first tag after ``<title>``, when the
    parsed title swallowed markup (its closing tag is missing); ``None`` when it did not.

    >>> page = b"<html><head><title>Budget<p>The council met.</p></body></html>"
    >>> close_runaway_title(page, _parse_bytes(page)[0])
    b'<html><head><title>Budget</title><p>The council met.</p></body></html>'
    >>> close_runaway_title(b"<title>Fine</title><p>x", _parse_bytes(b"<title>Fine</title><p>x")[0])
    """
    title = root.find("head/title") if root is not None else None
    if title is None or not title.text or MARKUP.search(title.text) is None:
        return None
    opening = data.lower().find(b"<title")
    end = data.find(b">", opening) if opening >= 0 else -1
    cut = data.find(b"<", end) if end >= 0 else -1
    if cut < 0:
        return None
    return data[:cut] + b"</title>" + data[cut:]


def _parse_bytes(data: bytes) -> tuple[etree._Element | None, bool]:
    parser = etree.HTMLParser(**PARSER_OPTIONS)
    try:
        root = etree.fromstring(data, parser)
    except etree.LxmlError as error:
        raise InputError(f"lxml could not parse the page: {error}") from error
    too_deep = any("Excessive depth" in entry.message for entry in parser.error_log)
    return root, too_deep


def pull_parser() -> etree.HTMLPullParser:
    """A parser that takes a page in pieces and tells each element's start and end as it
    parses them; it builds the tree :func:`parse`'s parser builds (checked on every page of
    the eval sets, fed 1,000 and 65,536 bytes at a time).

    >>> parser = pull_parser()
    >>> parser.feed(b"<p>one<p>two")
    >>> [(event, element.tag) for event, element in parser.read_events()]
    [('start', 'html'), ('start', 'body'), ('start', 'p'), ('end', 'p'), ('start', 'p')]
    """
    return etree.HTMLPullParser(events=("start", "end"), **PARSER_OPTIONS)


def flatten_deep(text: str, limit: int) -> str:
    """``text`` with the tags nested deeper than ``limit`` levels replaced by spaces.

    Depth is counted from opening and closing tags (void and self-closing tags
    do not nest); it is an approximation that only serves to keep the text.

    >>> flatten_deep("<div><div><div>deep</div></div></div><p>after</p>", 2)
    '<div><div> deep </div></div><p>after</p>'
    """
    depth = 0
    chunks: list[str] = []
    pieces: list[str] = []
    position = 0
    for match in TAG.finditer(text):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in VOID or self_closing:
            continue
        deep = (depth > limit) if closing else (depth >= limit)
        depth = max(depth - 1, 0) if closing else depth + 1
        if deep:
            pieces.append(text[position : match.start()])
            pieces.append(" ")
            position = match.end()
            if len(pieces) >= FLATTEN_PIECES:  # (joined as it goes: no list of every piece)
                chunks.append("".join(pieces))
                pieces = []
    pieces.append(text[position:])
    chunks.append("".join(pieces))
    return "".join(chunks)


def release_tree_memory(chars: int) -> bool:
    """Hand the memory of a freed tree of a page of ``chars`` characters back to the system,
    when the page is long enough for it to matter; True when done.

    libxml2 allocates a tree's nodes with C ``malloc``; once the tree is freed, glibc keeps
    most of those pages (they lie between live blocks), while Python's own allocator takes
    fresh pages from the system. So on a large page the decision's memory would come on top
    of the dead tree's: glibc's ``malloc_trim`` gives the free pages back (``html_paragraphs``
    at 10 MB: 152 -> 92 MB resident before the decision). Elsewhere (no glibc) it does nothing.

    >>> release_tree_memory(100)
    False
    """
    if chars < RELEASE_CHARS:
        return False
    trim = getattr(ctypes.CDLL(None), "malloc_trim", None)
    if trim is None:
        return False
    trim(0)
    return True
