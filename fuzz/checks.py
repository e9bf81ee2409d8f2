"""What each harness checks on one input; plain functions, runnable without atheris.

A check returns quietly when the promises hold and raises otherwise (an
``AssertionError``, or the foreign exception that escaped the library): atheris
reports either as a crash and keeps the input.

>>> check_text(b"print PRINT\\n\\nThe council approved the budget on Monday after a long debate.")
>>> check_html(b"<p\\xef\\xbf\\xbf><p>x</p><p>y</p>")
>>> check_jsonl(b'{"text": "Home > News\\\\n\\\\nThe council met."}\\n[1]\\nnot json')
"""

from __future__ import annotations

import json
import re
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import cleantext
from cleantext import CleantextError, CleantextWarning, Result, Segment
from cleantext.cli.jsonl import BatchSettings, clean_line
from cleantext.sniff import looks_like_html
from invariants import check_result

FOREIGN_ERROR = re.compile(r"\w+(?:Error|Exception|Exit|Interrupt): ")
"""How the JSONL reader words an error that is not cleantext's own (``TypeName: message``)."""
JSONL_SETTINGS = BatchSettings(
    source="fuzz.jsonl", field="text", mode="auto", config=cleantext.Config()
)


def check_text(data: bytes) -> None:
    """``clean`` on the input as text: segments exact and sorted, nothing lost, idempotent."""
    text = data.decode("utf-8", "replace")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CleantextWarning)  # HTML given as text, on purpose
        try:
            result = cleantext.clean(text)
        except CleantextError:
            return
        check_result(text, result)
        again = cleantext.clean(result.text)
    assert again.text == result.text, "cleaning the clean text changed it"


def check_html(data: bytes) -> None:
    """``clean_html`` on the input as bytes and as str: a sound result or cleantext's error."""
    for page in (data, data.decode("utf-8", "replace")):
        try:
            result = cleantext.clean_html(page)
        except CleantextError:
            continue
        check_result(result.source_text, result)


def check_jsonl(data: bytes) -> None:
    """The JSONL reader on each line: one JSON object out per line, errors only cleantext's,
    and for a text record, segments exact against its text with nothing lost."""
    for number, raw in enumerate(data.split(b"\n"), 1):
        if not raw.strip():
            continue
        outcome = clean_line(JSONL_SETTINGS, number, raw)
        assert outcome.output.endswith(b"\n") and outcome.output.count(b"\n") == 1
        record = json.loads(outcome.output)
        assert isinstance(record, dict)
        if "error" in record:
            check_error_message(record["error"]["message"])
        else:
            _check_text_record(record)


def check_error_message(message: str) -> None:
    """An error record's message must come from one of cleantext's own errors."""
    assert not FOREIGN_ERROR.match(message), f"foreign error: {message}"


def _check_text_record(record: dict[str, object]) -> None:
    content = record["text"]
    assert isinstance(content, str) and isinstance(record["clean_text"], str)
    mode = record.get("mode", "html" if looks_like_html(content) else "text")
    if mode != "text":
        return
    removed = record["removed"]
    assert isinstance(removed, list)
    segments = tuple(Segment(**segment) for segment in removed)
    check_result(content, Result(record["clean_text"], segments, content))
