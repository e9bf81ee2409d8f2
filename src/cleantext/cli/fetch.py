"""Fetch one page for ``cleantext --url`` with the standard library: redirects, a timeout, a cap.

>>> is_url("https://example.org/story"), is_url("HTTP://example.org"), is_url("page.html")
(True, True, False)
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request

from cleantext import __version__
from cleantext.errors import CleantextError
from cleantext.html.decode import parse_content_type
from cleantext.html.response import HttpPage, decompress, header

TIMEOUT_SECONDS = 30.0
"""The whole fetch (connection, redirects and body) must end within this many seconds."""
MAX_BYTES = 64 * 1024 * 1024
"""Larger bodies are refused (memory stays bounded)."""
CHUNK_BYTES = 64 * 1024
USER_AGENT = f"cleantext/{__version__} (+https://pypi.org/project/cleantext-web/)"
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"


class FetchError(CleantextError):
    """A URL could not be fetched: bad address, network error, HTTP error, timeout or too large.

    The message does not repeat the URL: the command line puts it in front.
    """


def is_url(name: str) -> bool:
    """Whether an input name is an http(s) URL rather than a file name."""
    return name[:8].lower().startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES) -> HttpPage:
    """GET ``url`` following redirects; the body, its ``Content-Type`` and the final URL."""
    if not is_url(url):
        raise FetchError(f"only http:// and https:// URLs can be fetched, not {url!r}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = _read_capped(response, deadline, max_bytes)
            headers = response.headers
            final_url = response.geturl()
        body = decompress(body, header(headers, "Content-Encoding"))
    except urllib.error.HTTPError as error:
        raise FetchError(f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise FetchError(f"cannot fetch: {_reason(error.reason, timeout)}") from None
    except (TimeoutError, OSError, http.client.HTTPException, ValueError) as error:
        raise FetchError(f"cannot fetch: {_reason(error, timeout)}") from None
    return HttpPage(body, header(headers, "Content-Type"), final_url)


def _read_capped(response: http.client.HTTPResponse, deadline: float, cap: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(CHUNK_BYTES):  # what has come, so the deadline is checked
        size += len(chunk)
        if size > cap:
            raise FetchError(f"the page is larger than {cap:,} bytes (the cap)")
        if time.monotonic() > deadline:
            raise TimeoutError
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError):
        return f"no complete answer within {timeout:g} s"
    return str(getattr(reason, "strerror", None) or reason)


def forced_content_type(content_type: str | None, mode: str) -> str | None:
    """``content_type`` with its media type replaced when ``--html``/``--text`` forces the mode.

    >>> forced_content_type("text/plain; charset=koi8-r", "html"), forced_content_type(None, "text")
    ('text/html; charset=koi8-r', 'text/plain')
    """
    if mode == "auto":
        return content_type
    charset = parse_content_type(content_type)[1]
    media_type = "text/html" if mode == "html" else "text/plain"
    return media_type if charset is None else f"{media_type}; charset={charset}"
