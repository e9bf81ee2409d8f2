"""Input and output for the command line: files or stdin, gzip, UTF-8 with warnings, text or HTML.

>>> looks_like_html("<!DOCTYPE html><html><body>Hi</body></html>"), looks_like_html("Hello <b>")
(True, False)
>>> looks_like_html("\\ufeff ï»¿? \\n<html><body>Hi</body></html>")
True
>>> decode_utf8(b"ok\\nbad \\xff", "page.txt")
('ok\\nbad �', 'page.txt: line 2: invalid UTF-8, replaced with U+FFFD')
"""

from __future__ import annotations

import gzip
import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, Literal

from cleantext.api import clean_as_text
from cleantext.config import Config
from cleantext.detector import Mode as CleanMode
from cleantext.errors import CleantextError
from cleantext.html.parse import check_not_binary
from cleantext.model import Result
from cleantext.sniff import SNIFF_CHARS, looks_like_html

Mode = Literal["auto", "text", "html"]
HTML_FIELD = "html"
"""A record field of this name holds a page's HTML: it is cleaned in HTML mode unsniffed."""
STDIN = "-"
GZIP_MAGIC = b"\x1f\x8b"


class HtmlUnavailableError(CleantextError):
    """HTML input, but this installation of cleantext has no HTML mode."""


def choose_mode(
    content: str | bytes, mode: Mode, field: str | None = None
) -> tuple[CleanMode, bool]:
    """How ``content`` is cleaned, and whether that was guessed: ``mode`` decides, then a
    field named ``html``; else the content is sniffed.

    >>> choose_mode("<p>x</p>", "text"), choose_mode("plain", "auto", "html")
    (('text', False), ('html', False))
    >>> choose_mode("\ufeff<html><p>x</p></html>", "auto", "text")
    ('html', True)
    """
    if mode != "auto":
        return mode, False
    if field == HTML_FIELD:
        return "html", False
    sample = content[:SNIFF_CHARS]
    text = sample.decode("utf-8", "replace") if isinstance(sample, bytes) else sample
    return ("html" if looks_like_html(text) else "text"), True


def clean_content(
    content: str | bytes, *, mode: CleanMode, config: Config, url: str | None = None
) -> Result:
    """Clean ``content`` in ``mode`` (bytes given as text were decoded by the caller);
    binary input is refused with an :class:`~cleantext.errors.InputError` in both modes."""
    if mode == "html":
        return clean_html_lazily(content, config=config, url=url)
    if isinstance(content, bytes):
        content = content.decode("utf-8", "replace")
    check_not_binary(content)
    return clean_as_text(content, config=config)


def clean_html_lazily(content: str | bytes, *, config: Config, url: str | None) -> Result:
    """Call ``cleantext.clean_html``, imported only when HTML is met (it may be absent)."""
    clean_html = find_clean_html()
    if clean_html is None:
        raise HtmlUnavailableError(
            "HTML input, but this cleantext has no HTML mode (cleantext.clean_html); "
            "use --text to clean it as plain text"
        )
    result: Result = clean_html(content, url=url, config=config)
    return result


def find_clean_html() -> Any:
    """``cleantext.clean_html`` (or ``cleantext.html.clean_html``), or None where there is none."""
    found = getattr(importlib.import_module("cleantext"), "clean_html", None)
    if found is None:
        try:
            found = getattr(importlib.import_module("cleantext.html"), "clean_html", None)
        except ImportError:
            return None
    return found


def decode_utf8(data: bytes, name: str, first_line: int = 1) -> tuple[str, str | None]:
    """Decode ``data`` (starting at line ``first_line``) as UTF-8, replacing bad bytes.

    The warning names the first line with a bad byte.
    """
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + first_line
        warning = f"{name}: line {line}: invalid UTF-8, replaced with U+FFFD"
        return data.decode("utf-8", "replace"), warning


def display_name(path: str) -> str:
    """How messages name an input: its path, or ``<stdin>``."""
    return "<stdin>" if path == STDIN else path


@contextmanager
def open_input(path: str) -> Iterator[BinaryIO]:
    """Open ``path`` (``-`` for stdin) for binary reading, unzipping gzip (by suffix or magic)."""
    if path == STDIN:
        stream: BinaryIO = sys.stdin.buffer
        yield _gunzip(stream) if _starts_with_gzip(stream) else stream
        return
    with Path(path).open("rb") as handle:
        zipped = path.endswith(".gz") or handle.read(2) == GZIP_MAGIC
        handle.seek(0)
        yield _gunzip(handle) if zipped else handle


def _starts_with_gzip(stream: BinaryIO) -> bool:
    peek = getattr(stream, "peek", None)
    if peek is None:
        return False
    head: bytes = peek(2)
    return head[:2] == GZIP_MAGIC


def _gunzip(stream: BinaryIO) -> BinaryIO:
    return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]


@contextmanager
def open_output(path: str | None) -> Iterator[BinaryIO]:
    """Open the output: stdout when ``path`` is None or ``-``, gzip when it ends in ``.gz``."""
    if path is None or path == STDIN:
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    if path.endswith(".gz"):
        with gzip.open(path, "wb") as zipped:
            yield zipped  # type: ignore[misc]
        return
    with Path(path).open("wb") as handle:
        yield handle
