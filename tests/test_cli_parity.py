"""The command line and the library give the same output for the same page (issue 10, defect 1).

The pages are real: the HTML of 12 scrapinghub_aeb pages that ship in
``fixtures/scrapinghub_aeb/html.jsonl.gz`` (MIT), their text from ``pages.jsonl.gz``,
and, where ``../shared/eval`` is present, a few pages of every eval set. Each goes
through ``cleantext`` in page mode (sniffed and ``--html``) and in ``--jsonl`` mode, and
through ``clean_html`` / ``clean``; the results must be identical.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from benchmarks.metrics import EVAL_DIR

import cleantext
from cleantext import Config
from cleantext.cli.options import build_config
from cli_support import result_of, run

FIXTURES = Path(__file__).parent.parent / "fixtures" / "scrapinghub_aeb"
EVAL_PICKS = (0, 50)
"""Lines taken from each eval set of ``../shared/eval`` when it is present."""


def _read(path: Path) -> list[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


def _eval_pages() -> list[dict[str, str]]:
    pages: list[dict[str, str]] = []
    for path in sorted(EVAL_DIR.glob("*.jsonl.gz")) if EVAL_DIR.is_dir() else []:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            for number, line in enumerate(stream):
                if number in EVAL_PICKS:
                    pages.append(json.loads(line))
                if number >= max(EVAL_PICKS):
                    break
    return [page for page in pages if page.get("html")]


def _lines(out: str) -> list[dict[str, object]]:
    """The JSON lines of ``out`` (split at newlines only: the text may hold U+2028)."""
    return [json.loads(line) for line in out.split("\n") if line]


HTML_PAGES = [page["html"] for page in _read(FIXTURES / "html.jsonl.gz") + _eval_pages()]
TEXT_PAGES = [page["text"] for page in _read(FIXTURES / "pages.jsonl.gz")[:12]]


@pytest.fixture(scope="module")
def library_results() -> list[dict[str, object]]:
    """What ``clean_html`` gives for each page, as the bytes a file holds."""
    return [cleantext.clean_html(page.encode("utf-8")).as_dict() for page in HTML_PAGES]


def test_the_command_lines_config_is_the_librarys_default() -> None:
    config = build_config()
    assert config == Config()
    assert config.active_names("html") == Config().active_names("html")
    assert "content_classifier" not in config.active_names("html")
    assert "content_classifier" in config.active_names("text")


def _write(folder: Path, pages: list[str], suffix: str) -> list[Path]:
    paths = [folder / f"page{number}.{suffix}" for number in range(len(pages))]
    for path, page in zip(paths, pages, strict=True):
        path.write_text(page, encoding="utf-8")
    return paths


@pytest.mark.parametrize("flags", [[], ["--html"]], ids=["sniffed", "html"])
def test_page_mode_gives_what_clean_html_gives(
    flags, library_results, tmp_path, capsys, monkeypatch
) -> None:
    paths = _write(tmp_path, HTML_PAGES, "html")
    code, out, err = run(["--json", *flags, *map(str, paths)], capsys, monkeypatch)
    assert (code, err) == (0, "")
    assert [result_of(record) for record in _lines(out)] == library_results
    assert {record["mode"] for record in _lines(out)} == {"html"}


@pytest.mark.parametrize("flags", [[], ["--field", "html"]], ids=["default", "field"])
def test_jsonl_gives_what_clean_html_gives(flags, library_results, capsys, monkeypatch) -> None:
    lines = "".join(json.dumps({"n": n, "html": page}) + "\n" for n, page in enumerate(HTML_PAGES))
    code, out, err = run(["--jsonl", *flags], capsys, monkeypatch, lines.encode())
    assert (code, err) == (0, "")
    for record, expected in zip(_lines(out), library_results, strict=True):
        assert (record["clean_text"], record["removed"]) == (expected["text"], expected["removed"])
        assert record["mode"] == "html"


def test_text_pages_give_what_clean_gives(tmp_path, capsys, monkeypatch) -> None:
    paths = _write(tmp_path, TEXT_PAGES, "txt")
    code, out, err = run(["--json", "--text", *map(str, paths)], capsys, monkeypatch)
    assert (code, err) == (0, "")
    expected = [cleantext.clean(page).as_dict() for page in TEXT_PAGES]
    assert [result_of(record) for record in _lines(out)] == expected


def test_a_named_text_only_detector_runs_in_html_mode_too(capsys, monkeypatch) -> None:
    page = HTML_PAGES[0]
    named = Config().enable("content_classifier")
    assert named.active_names("html")[-1] == "content_classifier"
    code, out, _ = run(
        ["--json", "--html", "--enable", "content_classifier"], capsys, monkeypatch, page.encode()
    )
    assert (
        code == 0
        and result_of(json.loads(out))
        == cleantext.clean_html(page.encode(), config=named).as_dict()
    )
    only = Config().enable_only("content_classifier")
    assert only.active_names("html") == ("content_classifier",)
