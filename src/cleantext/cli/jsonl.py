"""Batches for the command line: JSON Lines in, the same records with their clean text out.

Input is read line by line in small chunks; with ``jobs > 1`` the chunks go to
worker processes with a bounded number in flight, and results come back in
input order. A bad line becomes an error record in its place.

>>> config = Config().enable_only("print_banner")
>>> settings = BatchSettings(source="in.jsonl", field="text", mode="text", config=config)
>>> outcome = clean_line(settings, 1, b'{"id": 7, "text": "print PRINT\\\\n\\\\nThe council met on Monday, officials said."}')
>>> json.loads(outcome.output)["clean_text"], outcome.removed
('The council met on Monday, officials said.', (('print_banner', 11),))
>>> json.loads(clean_line(settings, 2, b'{"id": 8}').output)["error"]["message"]
"missing field 'text'"
"""

from __future__ import annotations

import json
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult, Pool
from typing import BinaryIO, TypeVar

from cleantext.cli.console import Console
from cleantext.cli.format import Tally, removed_pairs
from cleantext.cli.inputs import Mode, clean_content, decode_utf8, display_name, is_html, open_input
from cleantext.config import Config
from cleantext.errors import CleantextError, InputError

CHUNK_RECORDS = 32
"""Most records sent to a worker at once."""
CHUNK_BYTES = 1 << 20
"""A chunk is sent once its records reach this many bytes, however few they are."""
CHUNKS_AHEAD_PER_JOB = 4
"""Chunks in flight per worker: enough to keep workers busy, few enough to bound memory."""

Item = TypeVar("Item")
Outcomes = TypeVar("Outcomes")
JSON_TYPES = {dict: "object", list: "array", str: "string", int: "number", float: "number"}


class RecordError(InputError):
    """One JSONL record cannot be cleaned: not JSON, not an object, or no usable input field."""


@dataclass(frozen=True)
class BatchSettings:
    """What every record of one input file is cleaned with."""

    source: str
    field: str
    mode: Mode
    config: Config


@dataclass(frozen=True, slots=True)
class Outcome:
    """One output line for one input record, with what went and any problem met."""

    output: bytes
    size: int
    removed: tuple[tuple[str, int], ...] = ()
    error: str | None = None
    warning: str | None = None


Chunk = tuple[BatchSettings, tuple[tuple[int, bytes], ...]]


def clean_line(settings: BatchSettings, number: int, raw: bytes) -> Outcome:
    """Clean the record on input line ``number``; a bad record gives an error record instead."""
    line, warning = decode_utf8(raw.rstrip(b"\r\n"), settings.source, number)
    try:
        record, content, url = _parse(line, settings.field)
        html = is_html(content, settings.mode)
        result = clean_content(content, html=html, config=settings.config, url=url)
    except Exception as error:  # every record must yield one output record
        message = _message(error)
        failure = {
            "error": {"file": settings.source, "line": number, "message": message, "input": line}
        }
        where = f"{settings.source}: line {number}: "
        return Outcome(_encode(failure), len(raw), error=where + message, warning=warning)
    record["clean_text"] = result.text
    record["removed"] = [segment.as_dict() for segment in result.removed]
    record["metadata"] = result.metadata.as_dict()
    return Outcome(_encode(record), len(raw), removed_pairs(result), warning=warning)


def _parse(line: str, field: str) -> tuple[dict[str, object], str, str | None]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise RecordError(f"not valid JSON: {error}") from None
    if not isinstance(record, dict):
        raise RecordError(f"record is a JSON {_json_type(record)}, not an object")
    if field not in record:
        raise RecordError(f"missing field {field!r}")
    content = record[field]
    if not isinstance(content, str):
        raise RecordError(f"field {field!r} must be a string, got {_json_type(content)}")
    url = record.get("url")
    return record, content, url if isinstance(url, str) else None


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    return (
        "boolean" if isinstance(value, bool) else JSON_TYPES.get(type(value), type(value).__name__)
    )


def _message(error: Exception) -> str:
    if isinstance(error, CleantextError):
        return str(error)
    return f"{type(error).__name__}: {error}"


def _encode(record: object) -> bytes:
    """One line of JSON; non-ASCII kept as UTF-8, lone surrogates escaped."""
    try:
        return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(record) + "\n").encode("ascii")


def clean_chunk(chunk: Chunk) -> list[Outcome]:
    """Clean every record of ``chunk`` (runs in a worker process when jobs > 1)."""
    settings, lines = chunk
    return [clean_line(settings, number, raw) for number, raw in lines]


def read_chunks(lines: Iterable[bytes], settings: BatchSettings) -> Iterator[Chunk]:
    """Group the non-blank ``lines`` into chunks, each line with its 1-based number."""
    batch: list[tuple[int, bytes]] = []
    size = 0
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        batch.append((number, raw))
        size += len(raw)
        if len(batch) >= CHUNK_RECORDS or size >= CHUNK_BYTES:
            yield settings, tuple(batch)
            batch, size = [], 0
    if batch:
        yield settings, tuple(batch)


def ordered_map(
    function: Callable[[Item], Outcomes], items: Iterable[Item], jobs: int
) -> Generator[Outcomes, None, None]:
    """``map(function, items)`` over ``jobs`` processes, in order, with few items in flight."""
    if jobs <= 1:
        yield from map(function, items)
        return
    with _start_pool(jobs) as pool:
        pending: deque[AsyncResult[Outcomes]] = deque()
        for item in items:
            pending.append(pool.apply_async(function, (item,)))
            while pending and (len(pending) >= jobs * CHUNKS_AHEAD_PER_JOB or pending[0].ready()):
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def _start_pool(jobs: int) -> Pool:
    """A pool of ``jobs`` workers, with Ctrl-C held back until it is fully up.

    An interrupt in the middle of starting a pool leaves it half-built, and the
    interpreter can then hang at exit waiting for it; held back, the interrupt
    arrives once the pool exists and can be stopped cleanly.
    """
    if not hasattr(signal, "pthread_sigmask"):
        return multiprocessing.get_context().Pool(jobs, initializer=_ignore_interrupts)
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return multiprocessing.get_context().Pool(jobs, initializer=_ignore_interrupts)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the main process, which stops them all."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@dataclass(frozen=True)
class BatchJob:
    """One --jsonl run: inputs, how to clean them, and how many processes."""

    paths: tuple[str, ...]
    field: str
    mode: Mode
    config: Config
    jobs: int = 1
    strict: bool = False


def run_batch(
    job: BatchJob, sink: BinaryIO, console: Console, tally: Tally, *, flush: bool = False
) -> int:
    """Clean every record of ``job``'s inputs into ``sink``; 1 if any record failed, else 0.

    With ``flush`` the sink is flushed after every chunk, so a pipe sees records as they are done.
    """
    with closing(ordered_map(clean_chunk, _chunks(job), job.jobs)) as results:  # stops workers
        for outcomes in results:
            for outcome in outcomes:
                _report(outcome, console)
                sink.write(outcome.output)
                tally.add(outcome.removed, failed=outcome.error is not None)
                if outcome.error is not None and job.strict:
                    console.error("stopped at the first failed record (--strict)")
                    return 1
            if flush:
                sink.flush()
            console.advance(len(outcomes), sum(outcome.size for outcome in outcomes))
    return 1 if tally.failed else 0


def _chunks(job: BatchJob) -> Iterator[Chunk]:
    for path in job.paths:
        settings = BatchSettings(display_name(path), job.field, job.mode, job.config)
        with open_input(path) as stream:
            yield from read_chunks(stream, settings)


def _report(outcome: Outcome, console: Console) -> None:
    if outcome.warning is not None:
        console.warn(outcome.warning)
    if outcome.error is not None:
        console.error(outcome.error)
