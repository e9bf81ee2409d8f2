"""Helpers shared by the in-process tests of the ``cleantext`` command."""

from __future__ import annotations

import io
import sys

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
