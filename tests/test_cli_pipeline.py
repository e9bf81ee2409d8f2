"""The ``cleantext`` command as a real process in real shell pipelines."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import select
import shlex
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import cleantext
from cli_support import wait_for_workers

SEED = Path(__file__).parent.parent / "fixtures" / "pages" / "editorial-japan-russia.txt"
COMMAND = [sys.executable, "-m", "cleantext"]
SHELL_COMMAND = shlex.join(COMMAND)
RECORDS = 3000
SMALL = 300
BAD_LINE = 1500


def page(index: int) -> str:
    return f"print PRINT\n\nHome > News > Item {index}\n\nReport {index}: the council approved the budget after a long debate.\n"


def write_batch(path: Path, count: int, bad_line: int = BAD_LINE) -> Path:
    """A JSONL file of ``count`` records with a broken line at ``bad_line`` (1-based)."""
    lines = [json.dumps({"id": index, "text": page(index)}) for index in range(count)]
    lines[bad_line - 1] = '{"id": "broken", "text": '
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_batch(tmp_path_factory.mktemp("batch") / "pages.jsonl", RECORDS)


def test_stdin_to_stdout() -> None:
    source = SEED.read_bytes()
    done = subprocess.run(COMMAND, input=source, capture_output=True, check=True)
    assert done.stdout.decode() == cleantext.clean(source.decode()).text + "\n"
    assert done.stderr == b""


def test_console_script_runs_the_same_command() -> None:
    script = Path(sys.executable).parent / "cleantext"
    if not script.exists():
        pytest.skip("the cleantext console script is not installed beside this Python")
    done = subprocess.run([str(script), "--explain", str(SEED)], capture_output=True, check=True)
    assert done.stdout.decode().startswith(
        cleantext.clean(SEED.read_text()).text + "\n\n--- removed from "
    )


def test_jsonl_with_two_workers_keeps_order_and_count_past_a_bad_line(batch: Path) -> None:
    done = subprocess.run([*COMMAND, "--jsonl", "-j", "2", str(batch)], capture_output=True)
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == RECORDS
    assert records[BAD_LINE - 1]["error"]["line"] == BAD_LINE
    assert records[BAD_LINE - 1]["error"]["input"] == '{"id": "broken", "text": '
    kept = [(index, record) for index, record in enumerate(records) if index != BAD_LINE - 1]
    assert all(record["id"] == index for index, record in kept)
    assert all(
        record["clean_text"] == cleantext.clean(page(index)).text for index, record in kept[::97]
    )
    assert f"line {BAD_LINE}: not valid JSON" in done.stderr.decode()


def test_closed_pipe_exits_quietly(batch: Path) -> None:
    pipeline = f"{SHELL_COMMAND} --jsonl -j 2 {shlex.quote(str(batch))} | head -1"
    done = subprocess.run(  # (a hang at exit fails the test instead of stalling the run)
        ["bash", "-o", "pipefail", "-c", pipeline], capture_output=True, timeout=300
    )
    assert json.loads(done.stdout)["id"] == 0
    assert b"Traceback" not in done.stderr and b"BrokenPipe" not in done.stderr
    assert done.returncode in (0, 141)


def test_gzip_round_trip_by_suffix_and_through_the_shell(tmp_path: Path) -> None:
    zipped, out = tmp_path / "pages.jsonl.gz", tmp_path / "clean.jsonl.gz"
    small = write_batch(tmp_path / "pages.jsonl", SMALL, bad_line=SMALL // 2)
    zipped.write_bytes(gzip.compress(small.read_bytes()))
    by_suffix = subprocess.run(
        [*COMMAND, "--jsonl", str(zipped), "-o", str(out)], capture_output=True
    )
    shell = f"zcat {shlex.quote(str(zipped))} | {SHELL_COMMAND} --jsonl | gzip -c"
    through_shell = subprocess.run(["bash", "-c", shell], capture_output=True)
    assert by_suffix.returncode == 1 and by_suffix.stdout == b""
    from_file, from_shell = (
        unzipped_records(out.read_bytes()),
        unzipped_records(through_shell.stdout),
    )
    assert from_file[SMALL // 2 - 1]["error"].pop("file") == str(zipped)
    assert from_shell[SMALL // 2 - 1]["error"].pop("file") == "<stdin>"
    assert from_file == from_shell and len(from_file) == SMALL


def unzipped_records(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in gzip.decompress(data).splitlines()]


@pytest.mark.parametrize("attempt", range(3))
def test_ctrl_c_stops_cleanly_with_status_130(attempt: int) -> None:
    """Ctrl-C as soon as the first worker exists (the pool may be half-built) exits 130.

    The command starts with Ctrl-C's default action, as from a terminal: a shell without
    job control starts background commands with SIGINT ignored, and a command that
    inherits that rightly ignores Ctrl-C (each attempt then exited 0).
    """
    process = subprocess.Popen(
        [*COMMAND, "--jsonl", "-j", "2"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=_default_ctrl_c,
    )
    try:
        assert process.stdin is not None
        process.stdin.write((json.dumps({"text": page(attempt)}) + "\n").encode())
        process.stdin.flush()
        wait_for_workers(process.pid)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # the command and any worker left behind
    assert process.returncode == 130
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err


def _default_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_records_reach_a_pipe_before_the_input_ends() -> None:
    process = subprocess.Popen(
        [*COMMAND, "--jsonl"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(
            "".join(json.dumps({"id": n, "text": page(n)}) + "\n" for n in range(40)).encode()
        )
        process.stdin.flush()
        ready, _, _ = select.select([process.stdout], [], [], 30)
        assert ready, "no output while the input was still open"
        assert json.loads(process.stdout.readline())["id"] == 0
        process.stdin.close()
        assert process.wait(timeout=30) == 0
    finally:
        process.kill()


@pytest.mark.skipif(os.name != "posix", reason="needs a POSIX shell")
def test_exit_status_is_zero_for_a_clean_batch(tmp_path: Path) -> None:
    path = tmp_path / "ok.jsonl"
    path.write_text("".join(json.dumps({"text": page(index)}) + "\n" for index in range(20)))
    done = subprocess.run([*COMMAND, "--jsonl", "-j", "2", str(path)], capture_output=True)
    assert done.returncode == 0 and done.stderr == b"" and len(done.stdout.splitlines()) == 20
