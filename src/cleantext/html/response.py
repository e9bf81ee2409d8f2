"""``clean_response``: an HTTP response from any common client, cleaned in one call.

Responses are duck-typed, so that no client library is imported here: the body
is ``response.body`` (Scrapy; Playwright's ``body()``), ``response.content``
(requests, httpx) or ``response.read()`` (urllib, ``http.client``); the headers
are ``response.headers``; the URL is ``response.url`` (after redirects).

>>> from types import SimpleNamespace
>>> response = SimpleNamespace(
...     body="<p>Жук и ёж читают газету каждое утро.</p>".encode("cp1251"),
...     headers={"Content-Type": "text/html; charset=windows-1251"},
...     url="https://example.org/ru",
... )
>>> result = clean_response(response)
>>> result.text
'Жук и ёж читают газету каждое утро.'
>>> result.metadata.as_dict()
{'encoding': 'cp1251', 'url': 'https://example.org/ru', 'sources': {'encoding': 'http', 'url': 'response'}}
"""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass, replace

from cleantext.api import clean_as_text
from cleantext.config import Config
from cleantext.errors import InputError
from cleantext.html.api import clean_html
from cleantext.html.decode import decode_html, parse_content_type
from cleantext.html.parse import has_markup
from cleantext.model import Result

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
"""Media types cleaned in HTML mode."""
TEXT_TYPES = frozenset({"text/plain"})
"""Media types cleaned in text mode. Any other (or none) is sniffed: HTML when it has markup."""
NOT_PAGE_TYPES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip")
"""Media types (or their prefixes) refused with an :class:`InputError`: they are no page."""


@dataclass(frozen=True, slots=True)
class HttpPage:
    """What cleaning needs from a response: the body bytes, its ``Content-Type`` and URL."""

    body: bytes
    content_type: str | None = None
    url: str | None = None


def clean_response(response: object, *, config: Config | None = None) -> Result:
    """Clean a Scrapy, requests, httpx or urllib response: HTML or text by its content type.

    The encoding is found in the order :mod:`cleantext.html.decode` states;
    ``result.metadata`` records it and the response's URL.
    """
    return clean_page(read_response(response), config=config)


def clean_page(page: HttpPage, *, config: Config | None = None) -> Result:
    """Clean one fetched page: ``text/plain`` in text mode, HTML (or markup) in HTML mode.

    >>> clean_page(HttpPage(b"Breaking: talks resumed.", "text/plain", "https://example.org/a.txt")).text
    'Breaking: talks resumed.'
    """
    media_type, charset = parse_content_type(page.content_type)
    media_type = media_type or ""
    if media_type.startswith(NOT_PAGE_TYPES):
        raise InputError(f"not a page: the content type is {media_type}")
    decoded = decode_html(page.body, transport_charset=charset)
    as_html = media_type in HTML_TYPES or (
        media_type not in TEXT_TYPES and has_markup(decoded.text)
    )
    result = (
        clean_html(decoded.text, config=config)
        if as_html
        else clean_as_text(decoded.text, config=config)
    )
    metadata = result.metadata.with_field("encoding", decoded.encoding, decoded.how)
    return replace(result, metadata=metadata.with_field("url", page.url, "response"))


def read_response(response: object) -> HttpPage:
    """The body, ``Content-Type`` and URL of a response, whichever client made it.

    >>> from types import SimpleNamespace
    >>> read_response(SimpleNamespace(content=b"<p>x", headers={"content-type": "text/html"}, url="u"))
    HttpPage(body=b'<p>x', content_type='text/html', url='u')
    """
    headers = getattr(response, "headers", None)
    url = getattr(response, "url", None)
    return HttpPage(
        body=_body(response, header(headers, "Content-Encoding")),
        content_type=header(headers, "Content-Type"),
        url=None if url is None else str(url),
    )


def header(headers: object, name: str) -> str | None:
    """Header ``name`` from any client's header mapping (case-insensitive or lower-case keys).

    >>> header({"content-type": [b"text/html"]}, "Content-Type"), header(None, "Content-Type")
    ('text/html', None)
    """
    get = getattr(headers, "get", None)
    if get is None:
        return None
    value = get(name) or get(name.lower())
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else None
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    return value if isinstance(value, str) and value else None


def _body(response: object, content_encoding: str | None) -> bytes:
    body = getattr(response, "body", None)
    if callable(body):  # Playwright's Response.body()
        body = body()
    if body is None:
        body = getattr(response, "content", None)
    if body is None and callable(getattr(response, "read", None)):
        # urllib hands over the bytes as sent: undo a content encoding the others undo.
        body = decompress(response.read(), content_encoding)  # type: ignore[attr-defined]
    if isinstance(body, (bytes, bytearray, memoryview)):
        return bytes(body)
    raise TypeError(
        "clean_response needs a response with body bytes: .body (Scrapy), .content "
        f"(requests, httpx) or .read() (urllib); got {type(response).__name__}"
        + ("" if body is None else f" whose body is {type(body).__name__}")
    )


def decompress(data: bytes, content_encoding: str | None) -> bytes:
    """Undo a ``gzip`` or ``deflate`` content encoding (other encodings are left as they are)."""
    coding = (content_encoding or "").strip().lower()
    try:
        if coding in {"gzip", "x-gzip"}:
            return gzip.decompress(data)
        if coding == "deflate":
            return zlib.decompress(data)
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(f"the body is not valid {coding}: {error}") from None
    return data
