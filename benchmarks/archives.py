"""Write small WARC and WET files (for the corpus benchmark and the tests).

Records follow WARC/1.0 as Common Crawl writes them: one gzip member per
record, ``response`` records holding an HTTP response, WET ``conversion``
records holding UTF-8 text. Record ids are derived from the URL, so a file
written twice is the same byte for byte.

>>> data = response_record("https://example.org/", b"<p>Hi</p>")
>>> data.startswith(b"WARC/1.0\\r\\nWARC-Type: response\\r\\n")
True
"""

from __future__ import annotations

import gzip
import uuid
from collections.abc import Iterable
from pathlib import Path

CRAWL_DATE = "2024-05-01T12:00:00Z"
"""The WARC-Date of every record written here."""


def record_id(url: str, kind: str) -> str:
    """A stable ``<urn:uuid:...>`` for the record of ``kind`` about ``url``."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, kind + ' ' + url)}>"


def warc_record(kind: str, url: str, content_type: str, block: bytes, **extra: str) -> bytes:
    """One WARC record: its header lines, a blank line, ``block`` and the closing CRLFs."""
    headers = {
        "WARC-Type": kind,
        "WARC-Record-ID": record_id(url, kind),
        "WARC-Date": CRAWL_DATE,
        "WARC-Target-URI": url,
        **{name.replace("_", "-"): value for name, value in extra.items()},
        "Content-Type": content_type,
        "Content-Length": str(len(block)),
    }
    head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    return b"WARC/1.0\r\n" + head.encode("utf-8") + b"\r\n" + block + b"\r\n\r\n"


def response_record(
    url: str,
    body: bytes,
    *,
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
    **extra: str,
) -> bytes:
    """A ``response`` record of an HTTP response with ``body``."""
    http = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
    http += f"Content-Length: {len(body)}\r\n\r\n"
    block = http.encode("latin-1") + body
    return warc_record("response", url, "application/http; msgtype=response", block, **extra)


def request_record(url: str) -> bytes:
    """The ``request`` record a crawler writes before a response."""
    block = f"GET {url} HTTP/1.1\r\nUser-Agent: test\r\n\r\n".encode("latin-1")
    return warc_record("request", url, "application/http; msgtype=request", block)


def conversion_record(url: str, text: str) -> bytes:
    """A WET ``conversion`` record holding ``text`` (UTF-8)."""
    refers = record_id(url, "response")
    return warc_record("conversion", url, "text/plain", text.encode("utf-8"), WARC_Refers_To=refers)


def write_archive(path: Path, records: Iterable[bytes], *, zipped: bool = True) -> int:
    """Write ``records`` to ``path`` (one gzip member each when ``zipped``); return the bytes."""
    with path.open("wb") as handle:
        for record in records:
            handle.write(gzip.compress(record, compresslevel=6) if zipped else record)
        return handle.tell()
