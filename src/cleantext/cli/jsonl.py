"""Batches for the command line: JSON Lines in, the same records with their clean text out.

Input is read line by line in small chunks; with ``jobs > 1`` the chunks go to
worker processes with a bounded number in flight, and results come back in
input order. A bad line becomes an error record in its place.

>>> config = Config().enable_only("print_banner")
>>> settings = BatchSettings(source="in.jsonl", field=None, mode="auto", config=config)
>>> outcome = clean_line(settings, 1, b'{"id": 7, "text": "print PRINT\\\\n\\\\nThe council met on Monday, officials said."}')
>>> record = json.loads(outcome.output)
>>> record["clean_text"], record["mode"], record["mode_guessed"], outcome.removed
('The council met on Monday, officials said.', 'text', True, (('print_banner', 11),))
>>> print(json.loads(clean_line(settings, 2, b'{"id": 8}').output)["error"]["message"])
the record has neither 'html' nor 'text' (its fields: id); name the field to clean with --field
"""

from __future__ import annotations

import json
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from typing import BinaryIO, TypeVar

from cleantext.cli.console import Console
from cleantext.cli.format import MarkdownFormat, Tally, removed_pairs
from cleantext.cli.inputs import (
    HTML_FIELD,
    Mode,
    choose_mode,
    clean_content,
    decode_utf8,
    display_name,
    open_input,
)
from cleantext.cli.workers import (
    WorkerLostError,
    each_within_memory,
    ordered_map,
    out_of_memory_message,
)
from cleantext.config import Config
from cleantext.errors import CleantextError, InputError

Item = TypeVar("Item")

CHUNK_RECORDS = 32
"""Most records sent to a worker at once."""
CHUNK_BYTES = 1 << 20
"""A chunk is sent once its records reach this many bytes, however few they are."""

EXCERPT_BYTES = 200
"""Bytes of a record's input that its out-of-memory error record quotes."""

JSON_TYPES = {dict: "object", list: "array", str: "string", int: "number", float: "number"}
DEFAULT_FIELDS = (HTML_FIELD, "text")
"""Without --field, a record is cleaned from the first of these that holds a non-empty string
(else the first it has): its html when set, else its text, as the Scrapy pipeline does."""


class RecordError(InputError):
    """One JSONL record cannot be cleaned: not JSON, not an object, or no usable input field."""


@dataclass(frozen=True)
class BatchSettings:
    """What every record of one input file is cleaned with."""

    source: str
    field: str | None
    mode: Mode
    config: Config
    markdown: MarkdownFormat | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """One output line for one input record, with what went and any problem met."""

    output: bytes
    size: int
    removed: tuple[tuple[str, int], ...] = ()
    error: str | None = None
    warning: str | None = None
    field: str | None = None


Chunk = tuple[BatchSettings, tuple[tuple[int, bytes], ...]]


def clean_line(settings: BatchSettings, number: int, raw: bytes) -> Outcome:
    """Clean the record on input line ``number``; a bad record gives an error record instead."""
    line, warning = decode_utf8(raw.rstrip(b"\r\n"), settings.source, number)
    try:
        record, field, url = _parse(line, settings.field)
        content = record[field]
        if not isinstance(content, str):
            raise RecordError(f"field {field!r} must be a string, got {_json_type(content)}")
        mode, guessed = choose_mode(content, settings.mode, field)
        result = clean_content(content, mode=mode, config=settings.config, url=url)
    except MemoryError:
        raise  # clean_chunk gives it a short error record from memory held in reserve
    except Exception as error:  # every record must yield one output record
        return _failure(settings, number, raw, line, describe_error(error), warning)
    record["clean_text"] = result.text
    if settings.markdown:
        record["markdown"] = settings.markdown.render(result)
    record["removed"] = [segment.as_dict() for segment in result.removed]
    record["metadata"] = result.metadata.as_dict()
    record["mode"], record["mode_guessed"] = mode, guessed
    return Outcome(
        encode_line(record), len(raw), removed_pairs(result), warning=warning, field=field
    )


def _failure(
    settings: BatchSettings, number: int, raw: bytes, line: str, message: str, warning: str | None
) -> Outcome:
    failure = {
        "error": {"file": settings.source, "line": number, "message": message, "input": line}
    }
    where = f"{settings.source}: line {number}: "
    return Outcome(encode_line(failure), len(raw), error=where + message, warning=warning)


def _parse(line: str, field: str | None) -> tuple[dict[str, object], str, str | None]:
    """The record, the field to clean and the record's url."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise RecordError(f"not valid JSON: {error}") from None
    if not isinstance(record, dict):
        raise RecordError(f"record is a JSON {_json_type(record)}, not an object")
    url = record.get("url")
    return record, _field_of(record, field), url if isinstance(url, str) else None


def _field_of(record: dict[str, object], field: str | None) -> str:
    if field is not None and field in record:
        return field
    has = ", ".join(record) or "none"
    if field is not None:
        raise RecordError(f"missing field {field!r} (the record's fields: {has})")
    filled = (name for name in DEFAULT_FIELDS if isinstance(record.get(name), str) and record[name])
    found = next(filled, None) or next((name for name in DEFAULT_FIELDS if name in record), None)
    if found is None:
        wanted = " nor ".join(repr(name) for name in DEFAULT_FIELDS)
        raise RecordError(
            f"the record has neither {wanted} (its fields: {has}); name the field to clean with --field"
        )
    return found


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    return (
        "boolean" if isinstance(value, bool) else JSON_TYPES.get(type(value), type(value).__name__)
    )


def describe_error(error: Exception) -> str:
    if isinstance(error, CleantextError):
        return str(error)
    return f"{type(error).__name__}: {error}"


UTF8_JSON = json.JSONEncoder(ensure_ascii=False)
"""The encoder of output records, made once (``json.dumps`` with an option makes one a call)."""


def encode_line(record: object) -> bytes:
    """One line of JSON; non-ASCII kept as UTF-8, or, in a record holding a lone
    surrogate, the whole record escaped to ASCII.

    >>> encode_line({"text": "Café"}), encode_line({"text": "Café", "odd": "\\ud800"})
    (b'{"text": "Caf\\xc3\\xa9"}\\n', b'{"text": "Caf\\\\u00e9", "odd": "\\\\ud800"}\\n')
    """
    try:
        return (UTF8_JSON.encode(record) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(record) + "\n").encode("ascii")


def clean_chunk(chunk: Chunk) -> list[Outcome]:
    """Clean every record of ``chunk`` (runs in a worker process when jobs > 1).

    A record that runs out of memory becomes an error record, and the chunk goes on.
    """
    settings, lines = chunk
    return each_within_memory(
        lambda item: clean_line(settings, *item),
        lines,
        lambda item: out_of_memory(settings, *item),
    )


def out_of_memory(settings: BatchSettings, number: int, raw: bytes) -> Outcome:
    """The error record of a record that ran out of memory: its message and an excerpt."""
    excerpt, _ = decode_utf8(raw[:EXCERPT_BYTES], settings.source, number)
    message = out_of_memory_message(len(raw), "give the command more memory, or split the record")
    return _failure(settings, number, raw, excerpt, message, None)


def lost_chunk(chunk: Chunk, why: str) -> list[Outcome]:
    """Error records for every record of a ``chunk`` whose worker died before finishing it."""
    settings, lines = chunk
    outcomes = []
    for number, raw in lines:
        line, _ = decode_utf8(raw.rstrip(b"\r\n"), settings.source, number)
        outcomes.append(_failure(settings, number, raw, line, why, None))
    return outcomes


def read_chunks(lines: Iterable[bytes], settings: BatchSettings) -> Iterator[Chunk]:
    """Group the non-blank ``lines`` into chunks, each line with its 1-based number."""
    numbered = ((number, raw) for number, raw in enumerate(lines, 1) if raw.strip())
    for batch in batched(numbered, lambda item: len(item[1])):
        yield settings, batch


def batched(items: Iterable[Item], size: Callable[[Item], int]) -> Iterator[tuple[Item, ...]]:
    """``items`` in groups of at most :data:`CHUNK_RECORDS`, closed early at :data:`CHUNK_BYTES`.

    >>> [len(group) for group in batched(range(70), lambda item: 1)]
    [32, 32, 6]
    """
    batch: list[Item] = []
    total = 0
    for item in items:
        batch.append(item)
        total += size(item)
        if len(batch) >= CHUNK_RECORDS or total >= CHUNK_BYTES:
            yield tuple(batch)
            batch, total = [], 0
    if batch:
        yield tuple(batch)


@dataclass(frozen=True)
class BatchJob:
    """One --jsonl run: inputs, how to clean them, and how many processes."""

    paths: tuple[str, ...]
    field: str | None
    mode: Mode
    config: Config
    jobs: int = 1
    strict: bool = False
    markdown: MarkdownFormat | None = None


def run_batch(
    job: BatchJob, sink: BinaryIO, console: Console, tally: Tally, *, flush: bool = False
) -> int:
    """Clean every record of ``job``'s inputs into ``sink``; 1 if any record failed, else 0.

    With ``flush`` the sink is flushed after every chunk, so a pipe sees records as they are done.
    """
    batches = ordered_map(clean_chunk, _chunks(job), job.jobs, lost_chunk)
    return write_outcomes(batches, sink, console, tally, strict=job.strict, flush=flush)


def write_outcomes(
    results: Generator[list[Outcome], None, None],
    sink: BinaryIO,
    console: Console,
    tally: Tally,
    *,
    strict: bool,
    flush: bool,
) -> int:
    """Write each chunk's outcomes to ``sink`` in order; 1 if any record failed, else 0.

    Shared by --jsonl and --warc; closing ``results`` at the end stops the workers. When
    the workers are lost for good, the run stops with a message (exit status 1).
    """
    try:
        with closing(results):
            for outcomes in results:
                for outcome in outcomes:
                    _report(outcome, console)
                    sink.write(outcome.output)
                    tally.add(
                        outcome.removed, failed=outcome.error is not None, field=outcome.field
                    )
                    if outcome.error is not None and strict:
                        console.error("stopped at the first failed record (--strict)")
                        return 1
                if flush:
                    sink.flush()
                console.advance(len(outcomes), sum(outcome.size for outcome in outcomes))
    except WorkerLostError as error:
        console.error(f"{error}; the output holds every record before the first one not written")
        return 1
    return 1 if tally.failed else 0


def _chunks(job: BatchJob) -> Iterator[Chunk]:
    for path in job.paths:
        name = display_name(path)
        settings = BatchSettings(name, job.field, job.mode, job.config, job.markdown)
        with open_input(path) as stream:
            yield from read_chunks(stream, settings)


def _report(outcome: Outcome, console: Console) -> None:
    if outcome.warning is not None:
        console.warn(outcome.warning)
    if outcome.error is not None:
        console.error(outcome.error)
