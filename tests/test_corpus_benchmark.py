"""The corpus benchmark on a tiny synthetic eval folder: archives built, the CLI run, scored."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from benchmarks import corpus

pytest.importorskip("fastwarc")

BODY = (
    "The council approved the new budget on Monday after a long debate. "
    "Members said the plan would fund schools and roads for the next three years."
)


def _write_set(folder: Path, name: str, count: int) -> None:
    pages = [
        {
            "id": str(number),
            "html": f"<html><body><nav><a href='/'>Home</a></nav><p>{BODY}</p></body></html>",
            "text": f"Home > News\n\n{BODY}",
            "gold": BODY,
        }
        for number in range(count)
    ]
    with gzip.open(folder / f"{name}.jsonl.gz", "wt", encoding="utf-8") as stream:
        stream.writelines(json.dumps(page) + "\n" for page in pages)


def test_the_cli_rows_cover_every_page_with_its_score(tmp_path, capsys):
    eval_dir = tmp_path / "eval"
    eval_dir.mkdir()
    _write_set(eval_dir, "scrapinghub_aeb", 3)
    argv = ["--eval-dir", str(eval_dir), "--sets", "scrapinghub_aeb", "--pipelines", "cli"]
    assert corpus.main([*argv, "--jobs", "1", "--keep", str(tmp_path / "built")]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("cli-")]
    assert [row.split()[0] for row in rows] == ["cli-warc-j1", "cli-wet-j1"]
    for row in rows:
        pages_out, f1 = row.split()[1], row.split()[-1]
        assert pages_out == "3"
        assert float(f1) == pytest.approx(1.0)
    assert len(list((tmp_path / "built" / "warc").iterdir())) == corpus.SHARDS


def test_without_the_eval_folder_the_run_is_skipped(tmp_path, capsys):
    assert corpus.main(["--eval-dir", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out
