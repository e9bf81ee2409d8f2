"""--warc: web archives in, one JSON Lines record per cleaned page out.

WARC ``response`` records with an HTML content type are cleaned in HTML mode
(bytes decoded with the record's HTTP charset and identified charset, see
:func:`cleantext.clean_html`), WET ``conversion`` records in text mode. Every
other record (request, metadata, revisit, images, PDFs, error statuses) is
skipped and counted. Records are read with FastWARC (the ``warc`` extra) in the
main process and cleaned in chunks by the same ordered, bounded worker pool as
--jsonl, so output order is archive order and memory stays bounded.

>>> import json
>>> settings = ArchiveSettings("crawl.warc.gz", Config().enable_only("print_banner"))
>>> page = ArchivePage(1, "https://example.org/a", "<urn:uuid:1>", "2024-05-01T00:00:00Z",
...                    "text", b"print PRINT\\n\\nThe council met on Monday, officials said.")
>>> record = json.loads(clean_record(settings, page).output)
>>> record["url"], record["mode"], record["clean_text"], record["removed"][0]["detector"]
('https://example.org/a', 'text', 'The council met on Monday, officials said.', 'print_banner')
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

from cleantext.api import clean_as_text
from cleantext.cli.console import Console
from cleantext.cli.format import MarkdownFormat, Tally, removed_pairs
from cleantext.cli.inputs import STDIN, decode_utf8, display_name, open_input
from cleantext.cli.jsonl import (
    Outcome,
    batched,
    describe_error,
    encode_line,
    write_outcomes,
)
from cleantext.cli.workers import each_within_memory, ordered_map, out_of_memory_message
from cleantext.config import Config
from cleantext.errors import CleantextError
from cleantext.html import clean_html
from cleantext.model import Result
from cleantext.sniff import looks_like_html

if TYPE_CHECKING:
    from fastwarc.warc import WarcRecord

PageMode = Literal["html", "text"]
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
"""Content types cleaned in HTML mode."""
TEXT_TYPES = frozenset({"text/plain"})
"""Content types of WET conversion records, cleaned in text mode."""
PAGE_RECORD_TYPES = frozenset({"response", "resource", "conversion"})
"""WARC record types that can hold a page; every other type is skipped by name."""
MAX_RECORD_BYTES = 64 << 20
"""Larger payloads are not read: the record gets an error record (memory stays bounded)."""
WARC_MAGIC = b"WARC/"
INSTALL_HINT = "reading WARC files needs FastWARC: pip install 'cleantext-web[warc]'"


class ArchiveError(CleantextError):
    """A WARC input cannot be read, or FastWARC is not installed."""


@dataclass(frozen=True, slots=True)
class ArchivePage:
    """One page record of an archive, as read in the main process and sent to a worker."""

    number: int
    url: str | None
    record_id: str | None
    date: str | None
    mode: PageMode
    payload: bytes
    content_type: str | None = None
    charset_hint: str | None = None
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record that is not a page, and why (its record type or content type)."""

    reason: str


@dataclass(frozen=True)
class ArchiveSettings:
    """What every page of one archive is cleaned with."""

    source: str
    config: Config
    keep_removed: bool = True
    markdown: MarkdownFormat | None = None


ArchiveChunk = tuple[ArchiveSettings, tuple[ArchivePage, ...]]


def clean_record(settings: ArchiveSettings, page: ArchivePage) -> Outcome:
    """Clean one page record into its output line; a failure gives an error record instead."""
    warning = None
    try:
        if page.problem is not None:
            raise ArchiveError(page.problem)
        result, warning = _clean_payload(page, settings)
    except MemoryError:
        raise  # clean_archive_chunk gives it an error record from memory held in reserve
    except Exception as error:  # every page must yield one output record
        return _failure(settings, page, describe_error(error), warning)
    record: dict[str, object] = {
        "url": page.url,
        "warc_record_id": page.record_id,
        "warc_date": page.date,
        "mode": page.mode,
        "clean_text": result.text,
    }
    if settings.markdown:
        record["markdown"] = settings.markdown.render(result)
    if settings.keep_removed:
        record["removed"] = [segment.as_dict() for segment in result.removed]
    record["metadata"] = result.metadata.as_dict()
    return Outcome(encode_line(record), len(page.payload), removed_pairs(result), warning=warning)


def _clean_payload(page: ArchivePage, settings: ArchiveSettings) -> tuple[Result, str | None]:
    if page.mode == "html":
        return clean_archive_page(page, settings.config), None
    text, warning = decode_utf8(page.payload, f"{settings.source}: record {page.number}")
    return _with_url(clean_as_text(text, config=settings.config), page.url), warning


def clean_archive_page(page: ArchivePage, config: Config | None = None) -> Result:
    """The cleantext result for one page record (HTML or WET text), its URL in the metadata."""
    if page.mode == "text":
        return _with_url(
            clean_as_text(page.payload.decode("utf-8", "replace"), config=config), page.url
        )
    result = clean_html(
        page.payload,
        url=page.url,
        config=config,
        content_type=page.content_type,
        charset_hint=page.charset_hint,
    )
    return _with_url(result, page.url)


def _with_url(result: Result, url: str | None) -> Result:
    return replace(result, metadata=result.metadata.with_field("url", url, "warc"))


def _failure(
    settings: ArchiveSettings, page: ArchivePage, message: str, warning: str | None
) -> Outcome:
    failure = {
        "error": {
            "file": settings.source,
            "record": page.number,
            "warc_record_id": page.record_id,
            "url": page.url,
            "message": message,
        }
    }
    where = f"{settings.source}: record {page.number}: "
    return Outcome(encode_line(failure), len(page.payload), error=where + message, warning=warning)


def clean_archive_chunk(chunk: ArchiveChunk) -> list[Outcome]:
    """Clean every page of ``chunk`` (runs in a worker process when jobs > 1)."""
    settings, pages = chunk
    return each_within_memory(
        lambda page: clean_record(settings, page),
        pages,
        lambda page: _failure(
            settings,
            page,
            out_of_memory_message(len(page.payload), "give the command more memory"),
            None,
        ),
    )


def lost_archive_chunk(chunk: ArchiveChunk, why: str) -> list[Outcome]:
    """Error records for every page of a ``chunk`` whose worker died before finishing it."""
    settings, pages = chunk
    return [_failure(settings, page, why, None) for page in pages]


def read_archive(path: str) -> Iterator[ArchivePage | Skipped]:
    """Every record of the WARC at ``path`` (``-``: stdin), as a page to clean or a skip.

    The file is unzipped by Python's gzip, which raises on a truncated member
    (FastWARC's own reader stops there silently). A read error ends the file with
    one page that carries the problem, so that it is reported.
    """
    done = 0
    try:
        with open_input(path) as stream:
            iterator = _fastwarc().ArchiveIterator(
                stream, parse_http=True, auto_decode="all", strict_mode=False, stream_detect=False
            )
            for record in iterator:
                page = classify(done + 1, record)
                done += 1
                yield page
    except Exception as error:  # a truncated or corrupt archive
        problem = f"archive unreadable after record {done}: {describe_error(error)}"
        yield ArchivePage(done + 1, None, None, None, "text", b"", problem=problem)


def _fastwarc() -> Any:
    try:
        import fastwarc.warc
    except ImportError:
        raise ArchiveError(INSTALL_HINT) from None
    return fastwarc.warc


def classify(number: int, record: WarcRecord) -> ArchivePage | Skipped:
    """The page that ``record`` holds, or why it is skipped (reads the payload of pages only)."""
    kind = str(record.record_type)
    if kind not in PAGE_RECORD_TYPES:
        return Skipped(kind)
    status = record.http_headers.status_code if record.is_http else None
    if status is not None and not 200 <= status < 300:
        return Skipped(f"http {status}")
    content_type = _content_type(record, kind)
    mime = _mime(content_type)
    mode = _page_mode(mime, kind)
    if mode is None and mime is not None:
        return Skipped(mime)
    headers = record.headers
    url, record_id, date = (
        headers.get("WARC-Target-URI"),
        record.record_id,
        headers.get("WARC-Date"),
    )
    if record.content_length > MAX_RECORD_BYTES:
        problem = f"record of {record.content_length:,} bytes is over {MAX_RECORD_BYTES:,}"
        return ArchivePage(number, url, record_id, date, mode or "html", b"", problem=problem)
    if headers.get("Content-Length") is None:
        raise ArchiveError(f"record {number} has no Content-Length (truncated?)")
    payload = record.reader.read()
    if len(payload) < record.content_length:
        raise ArchiveError(
            f"record {number} ends early: {len(payload):,} of {record.content_length:,} bytes"
        )
    if mode is None and not looks_like_html(_head(payload)):
        return Skipped("unknown type")
    if not payload.strip():
        return Skipped("empty")
    charset_hint = headers.get("WARC-Identified-Content-Charset")
    return ArchivePage(
        number, url, record_id, date, mode or "html", payload, content_type, charset_hint
    )


def _content_type(record: WarcRecord, kind: str) -> str | None:
    """The HTTP Content-Type of a response, else the identified or declared payload type."""
    if record.is_http and record.http_headers.get("Content-Type"):
        return record.http_headers.get("Content-Type")
    identified = record.headers.get("WARC-Identified-Payload-Type")
    if identified and kind != "conversion":
        return identified
    return None if record.is_http else record.headers.get("Content-Type")


def _mime(content_type: str | None) -> str | None:
    return content_type.split(";", 1)[0].strip().lower() or None if content_type else None


def _page_mode(mime: str | None, kind: str) -> PageMode | None:
    if mime in HTML_TYPES:
        return "html"
    if kind == "conversion" and (mime is None or mime in TEXT_TYPES):
        return "text"
    return None


def _head(payload: bytes) -> str:
    return payload[:4096].decode("latin-1")


def starts_like_warc(path: str) -> bool:
    """True when the file at ``path`` (gzip or not) begins with ``WARC/``; stdin is not sniffed."""
    if path == STDIN or not Path(path).is_file():
        return False
    try:
        with open_input(path) as stream:
            return stream.read(len(WARC_MAGIC)) == WARC_MAGIC
    except (OSError, EOFError):
        return False


@dataclass(frozen=True)
class ArchiveJob:
    """One --warc run: archives, how to clean their pages, and how many processes."""

    paths: tuple[str, ...]
    config: Config
    jobs: int = 1
    strict: bool = False
    keep_removed: bool = True
    markdown: MarkdownFormat | None = None


def run_archives(
    job: ArchiveJob, sink: BinaryIO, console: Console, tally: Tally, *, flush: bool = False
) -> int:
    """Clean every page record of ``job``'s archives into ``sink``; 1 if any failed, else 0."""
    _fastwarc()  # fail before any output when FastWARC is missing
    chunks = _archive_chunks(job, tally)
    results = ordered_map(clean_archive_chunk, chunks, job.jobs, lost_archive_chunk)
    return write_outcomes(results, sink, console, tally, strict=job.strict, flush=flush)


def _archive_chunks(job: ArchiveJob, tally: Tally) -> Iterator[ArchiveChunk]:
    for path in job.paths:
        name = display_name(path)
        settings = ArchiveSettings(name, job.config, job.keep_removed, job.markdown)
        for pages in batched(_pages(read_archive(path), tally), lambda page: len(page.payload)):
            yield settings, pages


def _pages(records: Iterator[ArchivePage | Skipped], tally: Tally) -> Iterator[ArchivePage]:
    for record in records:
        if isinstance(record, Skipped):
            tally.skip(record.reason)
        else:
            yield record
