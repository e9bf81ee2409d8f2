"""Helpers shared by the in-process tests of the ``cleantext`` command."""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import pytest

from cleantext.cli.command import main


class FakeTty(io.BytesIO):
    """A byte stream that claims to be a terminal."""

    def isatty(self) -> bool:
        return True


def run(
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    stdin: bytes = b"",
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def wait_for_workers(pid: int, seconds: float = 30.0) -> list[int]:
    """The child processes of ``pid`` once there are any (its pool is up, so main() runs)."""
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs Linux /proc to see the worker processes")
    deadline = time.monotonic() + seconds
    while not (found := child_pids(pid)):
        assert time.monotonic() < deadline, "the worker processes never started"
        time.sleep(0.05)
    return found


def child_pids(pid: int) -> list[int]:
    """The live processes whose parent is ``pid``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def result_of(record: dict[str, object]) -> dict[str, object]:
    """A page-mode ``--json`` record without its ``mode`` and ``mode_guessed``: what
    ``Result.as_dict()`` gives."""
    assert record["mode"] in ("html", "text") and isinstance(record["mode_guessed"], bool)
    return {key: value for key, value in record.items() if key not in ("mode", "mode_guessed")}
