"""The command under faults (issue 10, defect 5): a killed worker, SIGTERM, a memory limit.

Each run ends: with every input line accounted for in order (a record, or an error
record saying why), or with a clear message and a non-zero exit; never a hang.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import cleantext
from cleantext.cli.workers import LOST_WORKER
from cli_support import wait_for_workers

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="needs Linux /proc and signals"
)
COMMAND = [sys.executable, "-m", "cleantext", "--jsonl", "-j", "2"]
SEED = Path(__file__).parent.parent / "fixtures" / "pages" / "editorial-japan-russia.txt"
RECORDS = 400
TIMEOUT = 180
"""Seconds a faulted run may take at most before the test calls it a hang."""
MEMORY_LIMIT = 300 * 2**20
"""Address space of the command and each worker in the memory test."""
HUGE_RECORD = 24 * 2**20
"""Characters of short bullet lines: cleaning them needs far more memory than the limit.
The worker holds address space in reserve while it cleans (cleantext.cli.workers.MemoryReserve),
so the record fails early and its error record is built from the reserve given back."""


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path_factory.mktemp("faults") / "pages.jsonl"
    lines = [json.dumps({"id": n, "text": f"Item {n}.\n\n{text}"}) for n in range(RECORDS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_with_fault(args: list[str], folder: Path, fault: Any) -> tuple[int, bytes, bytes]:
    """Start the command, wait for its first output record, apply ``fault`` to it, and
    wait for the end (output and errors go to files: pipes' buffers would hide data)."""
    out_path, err_path = folder / "out.jsonl", folder / "err.txt"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        process = subprocess.Popen(
            [*COMMAND, *args], stdout=out, stderr=err, start_new_session=True
        )
    try:
        deadline = time.monotonic() + TIMEOUT
        while b"\n" not in out_path.read_bytes():
            assert process.poll() is None and time.monotonic() < deadline, "no output"
            time.sleep(0.02)
        fault(process)
        code = process.wait(timeout=TIMEOUT)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    return code, out_path.read_bytes(), err_path.read_bytes()


def records(out: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.decode("utf-8").split("\n") if line]


def test_a_killed_worker_turns_its_records_into_error_records(batch: Path, tmp_path: Path) -> None:
    killed: list[int] = []

    def kill_a_worker(process: subprocess.Popen[bytes]) -> None:
        killed.append(wait_for_workers(process.pid)[0])
        os.kill(killed[0], signal.SIGKILL)

    code, out, err = run_with_fault([str(batch)], tmp_path, kill_a_worker)
    found = records(out)
    assert code == 1, err
    assert len(found) == RECORDS  # every input line accounted for, in order
    lost = [record["error"] for record in found if "error" in record]
    assert lost and all(error["message"] == LOST_WORKER for error in lost)
    for number, record in enumerate(found):
        if "error" in record:
            assert record["error"]["line"] == number + 1
        else:
            assert record["id"] == number
    text = json.loads(batch.read_text().split("\n")[RECORDS - 1])["text"]
    assert found[-1]["clean_text"] == cleantext.clean(text).text  # the new workers go on
    assert b"Traceback" not in err and LOST_WORKER.encode() in err


def test_sigterm_stops_the_command_and_its_workers_cleanly(batch: Path, tmp_path: Path) -> None:
    workers: list[int] = []

    def terminate(process: subprocess.Popen[bytes]) -> None:
        workers.extend(wait_for_workers(process.pid))
        process.send_signal(signal.SIGTERM)

    code, out, err = run_with_fault([str(batch)], tmp_path, terminate)
    assert code == 143
    assert b"stopped by SIGTERM" in err and b"Traceback" not in err
    assert [record["id"] for record in records(out)] == list(range(len(records(out))))
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() and _alive(pid) for pid in workers):
        assert time.monotonic() < deadline, "workers outlived the command"
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    with contextlib.suppress(OSError):
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    return False


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def test_a_worker_out_of_memory_gives_error_records_and_the_run_goes_on() -> None:
    prose = "The council approved the budget on Monday after a long debate about roads."
    huge = ("  \u2022 Share\n" * (HUGE_RECORD // 10))[:HUGE_RECORD]
    items = [{"id": 0, "text": prose}, {"id": 1, "text": huge}]
    items += [{"id": n, "text": prose} for n in range(2, 80)]
    lines = "".join(json.dumps(item) + "\n" for item in items).encode()
    process = subprocess.Popen(
        COMMAND,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_limit_memory,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(lines, timeout=TIMEOUT)
    finally:  # never leave a worker behind, even when the run hangs
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    found = records(stdout)
    assert process.returncode == 1 and b"Traceback" not in stderr
    assert len(found) == len(items)
    assert (
        "memory" in found[1]["error"]["message"].lower()
        or "MemoryError" in found[1]["error"]["message"]
    )
    assert found[-1]["clean_text"] == prose and found[-1]["id"] == len(items) - 1
