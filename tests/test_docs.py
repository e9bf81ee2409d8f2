"""The docs' generated parts match the code (issue 10, defect 11): the detector reference and
every ``console`` sample (``$ command`` and what it prints), so they cannot drift."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cleantext.docs import SAMPLE_PAGES, refresh_samples, run_command, stale_pages

ROOT = Path(__file__).parent.parent


def test_every_console_sample_is_what_its_command_prints() -> None:
    if not (Path(sys.executable).parent / "cleantext").exists():
        pytest.skip("the cleantext console script is not installed beside this Python")
    stale = stale_pages(ROOT, write=False)
    assert not stale, f"regenerate with: python -m cleantext.docs ({', '.join(stale)} stale)"


def test_the_cli_page_has_samples_of_each_output() -> None:
    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    commands = [line for line in page.splitlines() if line.startswith("$ ")]
    for flag in ("--explain", "--json", "--jsonl", "--stats"):
        assert any(flag in command.split() for command in commands), flag
    assert "docs/cli.md" in SAMPLE_PAGES


def test_a_stale_sample_is_rewritten() -> None:
    stale = "```console\n$ printf 'fresh\\n'\nold output\n```\n"
    fresh = refresh_samples(stale, lambda command: run_command(command, ROOT))
    assert fresh == "```console\n$ printf 'fresh\\n'\nfresh\n```\n"
