"""``cleantext --jsonl`` in-process: records in, the same records with clean text out, in order."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import struct
import sys
import threading
import time
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleantext
from cleantext import Config
from cleantext.cli import jsonl as batches
from cleantext.cli import workers as batches_workers
from cleantext.cli.command import main
from cleantext.cli.console import Console
from cleantext.cli.jsonl import BatchSettings, clean_line
from cleantext.cli.workers import (
    CHUNKS_AHEAD_PER_JOB,
    LOST_WORKER,
    MemoryReserve,
    _outcome,
    _Workers,
    ordered_map,
)
from cli_support import FakeTty

PAGES = [
    "print PRINT\n\nHome > World > Europe\n\nThe council approved the budget on Monday after a long debate.\n",
    "Advertisement\n\nFarmers asked for more water, and the minister promised a reply by spring.",
    "The bridge reopened on Friday.\n\n  • Tags\n  • Bridges\n  • Roads\n",
]


def run(
    args: list[str], capsys, monkeypatch, stdin: bytes = b""
) -> tuple[int, list[dict[str, object]], str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = main(["--jsonl", *args])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


def jsonl(*items: object) -> bytes:
    return "".join(json.dumps(item) + "\n" for item in items).encode()


def test_records_get_clean_text_and_removed_and_keep_their_fields(capsys, monkeypatch) -> None:
    items = [
        {"id": index, "text": page, "meta": {"k": [1, None]}} for index, page in enumerate(PAGES)
    ]
    code, out, err = run([], capsys, monkeypatch, jsonl(*items))
    assert (code, err) == (0, "")
    assert [record["id"] for record in out] == [0, 1, 2]
    for record, item in zip(out, items, strict=True):
        result = cleantext.clean(str(item["text"]))
        assert record == {
            **item,
            "clean_text": result.text,
            "removed": result.as_dict()["removed"],
            "metadata": result.metadata.as_dict(),
            "mode": "text",
            "mode_guessed": True,
        }
        assert list(record)[:3] == ["id", "text", "meta"]


def test_two_workers_give_the_same_output_in_the_same_order(capsys, monkeypatch) -> None:
    items = [
        {"n": index, "text": PAGES[index % 3] + f"\n\nItem {index} was filed on time."}
        for index in range(300)
    ]
    code_one, one, _ = run([], capsys, monkeypatch, jsonl(*items))
    code_two, two, _ = run(["-j", "2"], capsys, monkeypatch, jsonl(*items))
    assert code_one == code_two == 0
    assert one == two and [record["n"] for record in two] == list(range(300))


def test_other_field_names_are_cleaned(capsys, monkeypatch) -> None:
    code, out, _ = run(
        ["--field", "body"], capsys, monkeypatch, jsonl({"body": PAGES[0], "text": 5})
    )
    assert (
        code == 0 and out[0]["clean_text"] == cleantext.clean(PAGES[0]).text and out[0]["text"] == 5
    )


def test_bad_lines_become_error_records_in_place(capsys, monkeypatch) -> None:
    lines = [
        json.dumps({"text": PAGES[0]}),
        "{not json",
        "",
        json.dumps({"id": 3}),
        json.dumps({"text": 42}),
        json.dumps(["text"]),
        json.dumps({"text": PAGES[1]}),
    ]
    code, out, err = run([], capsys, monkeypatch, "\n".join(lines).encode() + b"\n")
    assert code == 1
    assert len(out) == 6 and out[0]["clean_text"] == cleantext.clean(PAGES[0]).text
    assert out[-1]["clean_text"] == cleantext.clean(PAGES[1]).text
    errors = [record["error"] for record in out[1:5]]
    assert [error["line"] for error in errors] == [2, 4, 5, 6]  # type: ignore[index]
    assert [error["input"] for error in errors] == [lines[1], lines[3], lines[4], lines[5]]  # type: ignore[index]
    messages = [error["message"] for error in errors]  # type: ignore[index]
    assert messages[0].startswith("not valid JSON")
    assert messages[1:] == [
        "the record has neither 'html' nor 'text' (its fields: id); name the field to clean with --field",
        "field 'text' must be a string, got number",
        "record is a JSON array, not an object",
    ]
    assert all(error["file"] == "<stdin>" for error in errors)  # type: ignore[index]
    assert "<stdin>: line 4: the record has neither 'html' nor 'text'" in err


def test_strict_stops_at_the_first_bad_record(capsys, monkeypatch) -> None:
    data = jsonl({"text": PAGES[0]}, {"x": 1}, {"text": PAGES[1]})
    code, out, err = run(["--strict"], capsys, monkeypatch, data)
    assert code == 1 and len(out) == 2 and "error" in out[1]
    assert "--strict" in err


def test_invalid_utf8_in_a_record_is_replaced_with_a_warning(tmp_path, capsys, monkeypatch) -> None:
    path = tmp_path / "pages.jsonl"
    path.write_bytes(jsonl({"text": "ok"}) + b'{"text": "caf\xe9 is open"}\n')
    code, out, err = run([str(path)], capsys, monkeypatch)
    assert code == 0 and "caf\ufffd" in out[1]["text"]  # type: ignore[operator]
    assert f"{path}: line 2: invalid UTF-8" in err


def test_deeply_nested_json_is_an_error_record_not_a_crash(capsys, monkeypatch) -> None:
    code, out, _ = run([], capsys, monkeypatch, b"[" * 100_000 + b"\n" + jsonl({"text": "x"}))
    assert code == 1 and len(out) == 2
    assert out[0]["error"]["message"].startswith("RecursionError")  # type: ignore[index]
    assert out[1]["clean_text"] == cleantext.clean("x").text


def test_lone_surrogates_still_give_valid_json(capsys, monkeypatch) -> None:
    code, out, _ = run([], capsys, monkeypatch, b'{"text": "a \\udc80 b"}\n')
    assert code == 0 and out[0]["text"] == "a \udc80 b"


def test_gzip_jsonl_in_and_out(tmp_path, capsys, monkeypatch) -> None:
    source, target = tmp_path / "in.jsonl.gz", tmp_path / "out.jsonl.gz"
    source.write_bytes(gzip.compress(jsonl(*({"text": page} for page in PAGES))))
    code, out, _ = run([str(source), "-o", str(target)], capsys, monkeypatch)
    assert (code, out) == (0, [])
    written = [json.loads(line) for line in gzip.decompress(target.read_bytes()).splitlines()]
    assert [record["clean_text"] for record in written] == [
        cleantext.clean(page).text for page in PAGES
    ]


def test_stats_count_records_failures_and_detectors(capsys, monkeypatch) -> None:
    code, _, err = run(
        ["--stats"], capsys, monkeypatch, jsonl({"text": PAGES[0]}, {"text": PAGES[0]}, {})
    )
    segments = cleantext.clean(PAGES[0]).removed
    assert code == 1 and err.splitlines()[-1].split() == [
        "total",
        str(2 * len(segments)),
        str(2 * sum(len(s.text) for s in segments)),
    ]
    assert "3 records, 1 failed" in err


def test_progress_is_drawn_only_when_stderr_is_a_terminal(capsys, monkeypatch) -> None:
    data = jsonl(*({"text": page} for page in PAGES))
    assert run([], capsys, monkeypatch, data)[2] == ""
    terminal = io.TextIOWrapper(FakeTty(), write_through=True)
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run([], capsys, monkeypatch, data)[0] == 0
    drawn = terminal.buffer.getvalue().decode()  # type: ignore[attr-defined]
    assert "3 records" in drawn and "MB" in drawn
    assert "/s" not in drawn  # the first frame comes too early for a rate (issue 10, defect 10)
    assert drawn.endswith("\r\x1b[K")


def test_rates_appear_once_time_has_passed() -> None:
    ticks = iter([0.0, 0.0, 2.0])
    stream = io.StringIO()
    console = Console(stream, show_progress=True, clock=lambda: next(ticks))
    console.start()
    console.advance(10, 1000)
    first = stream.getvalue()
    console.advance(10, 1000)
    assert "/s" not in first and "10 records/s" in stream.getvalue()


def test_explain_does_not_combine_with_jsonl(capsys, monkeypatch) -> None:
    code, _, err = run(["--explain"], capsys, monkeypatch, jsonl({"text": "x"}))
    assert code == 2 and "not allowed with" in err


def test_workers_read_the_input_only_a_bounded_way_ahead() -> None:
    pulled = []

    def numbers() -> Iterator[int]:
        for number in range(10_000):
            pulled.append(number)
            yield -number

    results = ordered_map(abs, numbers(), jobs=2)
    assert [next(results) for _ in range(3)] == [0, 1, 2]
    assert len(pulled) <= 2 * CHUNKS_AHEAD_PER_JOB + 3
    results.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="kills a forked worker")
def test_a_pool_found_broken_at_submit_is_replaced_and_its_threads_stopped() -> None:
    workers = _Workers(2)
    try:
        broken = workers.pool
        manager = broken._executor_manager_thread  # type: ignore[attr-defined]
        os.kill(next(iter(broken._processes)), signal.SIGKILL)  # type: ignore[attr-defined]
        deadline = time.monotonic() + 30
        while not broken._broken:  # type: ignore[attr-defined]
            assert time.monotonic() < deadline, "the pool never noticed its dead worker"
            time.sleep(0.01)
        assert workers.submit(abs, -4).result(timeout=30) == 4  # on a new pool
        assert workers.pool is not broken and workers.restarts == 1
        assert not manager.is_alive()
        assert workers.restart() == LOST_WORKER and workers.restarts == 1  # no second pool
    finally:
        workers.stop()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="kills a forked worker")
def test_a_worker_dying_with_half_a_result_sent_does_not_hang_the_batch(monkeypatch) -> None:
    monkeypatch.setattr(batches_workers, "WATCH_SECONDS", 0.2)
    workers = _Workers(2)
    outcome: list[str] = []
    try:
        pool = workers.pool
        # Half a message in the result pipe, as a worker killed while sending leaves it:
        # the pool's manager thread now waits for bytes that never come.
        half = struct.pack("!i", 1 << 20) + b"half"
        os.write(pool._result_queue._writer.fileno(), half)  # type: ignore[attr-defined]
        future = workers.submit(abs, -1)
        os.kill(next(iter(pool._processes)), signal.SIGKILL)  # type: ignore[attr-defined]
        waiting = threading.Thread(
            target=lambda: outcome.append(_outcome(-1, future, workers, lambda _, why: why)),
            daemon=True,
        )
        waiting.start()
        waiting.join(timeout=60)
        assert outcome == [LOST_WORKER]
        assert workers.submit(abs, -5).result(timeout=30) == 5  # a new pool goes on
    finally:
        workers.stop()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="leaves half a result in a pool's pipe")
def test_stopping_a_pool_whose_manager_waits_for_half_a_result_ends_the_manager(
    monkeypatch,
) -> None:
    """The closed-output-pipe path (``stop``) while a worker was cut off in the middle of
    sending: the manager thread must end, or the interpreter's exit waits for it for ever."""
    monkeypatch.setattr(batches_workers, "STOP_SECONDS", 1)
    workers = _Workers(2)
    pool = workers.pool
    manager = pool._executor_manager_thread  # type: ignore[attr-defined]
    half = struct.pack("!i", 1 << 20) + b"half"
    os.write(pool._result_queue._writer.fileno(), half)  # type: ignore[attr-defined]
    time.sleep(0.2)  # (the manager starts reading the message)
    workers.stop()
    assert not manager.is_alive()
    assert all(process.exitcode is not None for process in batches_workers._processes(pool))


SETTINGS = BatchSettings(source="in.jsonl", field="text", mode="text", config=Config())


@given(st.binary(max_size=200).filter(lambda raw: b"\n" not in raw and raw.strip()))
def test_every_line_yields_exactly_one_json_record(raw: bytes) -> None:
    outcome = clean_line(SETTINGS, 7, raw)
    assert outcome.output.endswith(b"\n") and outcome.output.count(b"\n") == 1
    record = json.loads(outcome.output)
    assert ("error" in record) == (outcome.error is not None)
    if outcome.error is not None:
        assert record["error"]["line"] == 7


@given(
    st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=5), max_size=4),
    st.text(max_size=300),
)
def test_valid_records_keep_every_field(extra: dict[str, object], text: str) -> None:
    item = {**extra, "text": text}
    record = json.loads(clean_line(SETTINGS, 1, json.dumps(item).encode()).output)
    assert {key: record[key] for key in item} == item
    assert record["clean_text"] == cleantext.clean(text).text


@pytest.mark.parametrize("blank", [b"", b"   ", b"\r"])
def test_blank_lines_are_skipped_but_counted(blank: bytes, capsys, monkeypatch) -> None:
    code, out, _ = run([], capsys, monkeypatch, blank + b"\n{}\n")
    assert code == 1 and len(out) == 1 and out[0]["error"]["line"] == 2  # type: ignore[index]


def test_a_record_out_of_memory_gets_a_short_error_record_and_the_chunk_goes_on(
    monkeypatch,
) -> None:
    def exhausted(content: str, **_: object) -> object:
        if "huge" in content:
            raise MemoryError
        return real(content, **_)

    real = batches.clean_content
    monkeypatch.setattr(batches, "clean_content", exhausted)
    settings = BatchSettings(source="in.jsonl", field=None, mode="text", config=Config())
    huge = json.dumps({"text": "huge " * 10_000}).encode()
    fine = json.dumps({"text": "The council met on Monday, officials said."}).encode()
    outcomes = batches.clean_chunk((settings, ((1, huge), (2, fine))))
    failed = json.loads(outcomes[0].output)["error"]
    assert failed["message"].startswith("out of memory while cleaning this record (50,")
    assert len(failed["input"]) <= batches.EXCERPT_BYTES and failed["line"] == 1
    assert json.loads(outcomes[1].output)["clean_text"].startswith("The council met")


def test_a_memory_reserve_is_given_back_once() -> None:
    with MemoryReserve(1 << 20) as reserve:
        assert reserve.mapping is not None and len(reserve.mapping) == 1 << 20
        reserve.release()
        assert reserve.mapping is None
    assert reserve.mapping is None
