"""The quality benchmark harness on a tiny synthetic eval folder (no peers needed)."""

from __future__ import annotations

import doctest
import gzip
import json
from pathlib import Path

import pytest
from benchmarks import measure, metrics, peers, quality, report
from benchmarks.peers import Tool

BODY = (
    "The council approved the new budget on Monday after a long debate. "
    "Members said the plan would fund schools and roads for the next three years."
)
MENU = "Home\n\nNews\n\nSport\n\nContact us"


def _page(page_id: str, **fields: object) -> dict[str, object]:
    page: dict[str, object] = {"id": page_id, "url": None, "lang": "en", "html": f"<p>{BODY}</p>"}
    page.update(text=f"{MENU}\n\n{BODY}", text_alt=f"{MENU}\n{BODY}")
    page.update(fields)
    return page


def _write_set(folder: Path, name: str, pages: list[dict[str, object]]) -> None:
    with gzip.open(folder / f"{name}.jsonl.gz", "wt", encoding="utf-8") as stream:
        stream.writelines(json.dumps(page) + "\n" for page in pages)


@pytest.fixture
def eval_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "eval"
    folder.mkdir()
    _write_set(folder, "scrapinghub_aeb", [_page("a", gold=BODY), _page("b", gold=BODY, text=BODY)])
    snippets = {"with": ["approved the new budget"], "without": ["Contact us"]}
    _write_set(folder, "trafilatura_eval", [_page("c", **snippets), _page("d", **snippets)])
    return folder


def _run(eval_dir: Path, tmp_path: Path, *extra: str) -> list[dict[str, object]]:
    out = tmp_path / "quality.json"
    argv = ["--eval-dir", str(eval_dir), "--sets", "scrapinghub_aeb", "trafilatura_eval"]
    assert quality.main([*argv, "--json", str(out), *extra]) == 0
    results: list[dict[str, object]] = json.loads(out.read_text())["results"]
    return results


def test_scores_every_tool_on_every_set_in_process(eval_dir: Path, tmp_path: Path) -> None:
    results = _run(eval_dir, tmp_path, "--tools", "none", "cleantext-text", "--in-process")
    assert {(r["tool"], r["set"]) for r in results} == {
        (tool, name)
        for tool in ("none", "cleantext-text")
        for name in ("scrapinghub_aeb", "trafilatura_eval")
    }
    for result in results:
        assert result["pages"] == 2 and result["errors"] == 0
        for key in ("precision", "recall", "f1"):
            assert 0.0 <= float(result[key]) <= 1.0  # type: ignore[arg-type]
    none = {r["set"]: r for r in results if r["tool"] == "none"}
    assert none["scrapinghub_aeb"]["recall"] == 1.0
    assert 0.0 < float(none["scrapinghub_aeb"]["precision"]) < 1.0  # type: ignore[arg-type]
    assert none["trafilatura_eval"]["precision"] == 0.5  # every menu leaks into the output


def test_worker_process_reports_memory(eval_dir: Path, tmp_path: Path) -> None:
    (result,) = _run(eval_dir, tmp_path, "--tools", "none", "--sets", "scrapinghub_aeb")
    assert result["f1"] == pytest.approx(measure.measure("none", "scrapinghub_aeb", eval_dir).f1)
    assert result["peak_rss_mib"] is not None and float(result["peak_rss_mib"]) > 0  # type: ignore[arg-type]


def test_missing_eval_dir_skips_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert quality.main(["--eval-dir", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_unavailable_tool_is_skipped_with_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> peers.Extract:
        raise ImportError("no module named 'somepeer'")

    monkeypatch.setitem(peers.TOOLS, "somepeer", Tool("somepeer", "html", missing, "absent"))
    ready, notes = quality.available_tools(["none", "somepeer"])
    assert ready == ["none"]
    assert notes == ["somepeer skipped: no module named 'somepeer'"]


def test_a_page_that_raises_counts_as_empty_output() -> None:
    def fragile(text: str, lang: str) -> str:
        if "bad" in text:
            raise ValueError(text)
        return text.upper()

    outputs, errors, seconds = measure.run_pages(fragile, [("ok", "en"), ("bad", "en")])
    assert outputs == ["OK", ""] and errors == 1 and seconds >= 0


@pytest.mark.parametrize("module", [measure, metrics, peers, report])
def test_docstring_examples(module: object) -> None:
    failed, attempted = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)  # type: ignore[arg-type]
    assert attempted > 0 and failed == 0


def test_a_set_with_page_types_is_scored_per_type(tmp_path: Path) -> None:
    folder = tmp_path / "eval"
    folder.mkdir()
    snippets = {"with": ["approved the new budget"], "without": ["Contact us"]}
    typed = [
        _page("e", gold=BODY, page_type="forum", **snippets),
        _page("f", gold=BODY, page_type="forum", **snippets),
        _page("g", gold=MENU, page_type="listing", **snippets),
    ]
    _write_set(folder, "wcxb_dev", typed)
    out = tmp_path / "quality.json"
    argv = ["--eval-dir", str(folder), "--sets", "wcxb_dev", "--tools", "none", "--in-process"]
    assert quality.main([*argv, "--json", str(out)]) == 0
    (result,) = json.loads(out.read_text())["results"]
    by_type = result["by_type"]
    assert list(by_type) == ["all", "forum", "listing"]
    assert [by_type[kind]["pages"] for kind in by_type] == [3, 2, 1]
    assert by_type["forum"]["with_rate"] == 1.0 and by_type["forum"]["without_rate"] == 1.0
    assert by_type["listing"]["recall"] == 1.0 and by_type["listing"]["precision"] < 1.0
    assert by_type["all"]["f1"] == pytest.approx(result["f1"])


def test_the_per_type_table_is_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "eval"
    folder.mkdir()
    _write_set(folder, "wcxb_dev", [_page("e", gold=BODY, page_type="forum")])
    argv = ["--eval-dir", str(folder), "--sets", "wcxb_dev", "--tools", "none", "--in-process"]
    assert quality.main([*argv, "--markdown"]) == 0
    printed = capsys.readouterr().out
    assert "wcxb_dev by page type" in printed
    assert "| forum | 1 |" in printed and "(– / –)" in printed


def test_the_harness_knows_every_eval_set() -> None:
    assert "wcxb_dev" in quality.SETS
    assert len(set(quality.SETS)) == len(quality.SETS)


def test_the_html_stages_add_up_and_the_wrapped_functions_are_restored() -> None:
    from benchmarks import html_speed

    from cleantext.html import api

    before = {name: getattr(api, name) for name in html_speed.STAGES}
    page = "<body><nav><a href='/'>Home</a></nav><p>" + "The council met on Monday. " * 9 + "</p>"
    spent = html_speed.stage_seconds([page] * 4)
    assert set(spent) == {*html_speed.STAGES, "total"}
    assert 0 < sum(spent[name] for name in html_speed.STAGES) <= spent["total"]
    assert {name: getattr(api, name) for name in html_speed.STAGES} == before


def test_html_speed_times_each_detector_and_puts_the_run_back() -> None:
    from benchmarks import html_speed

    from cleantext.detector import Detector

    before = Detector.run
    page = "<nav><a href='/'>Home</a></nav><p>" + "The council met on Monday. " * 10 + "</p>"
    spent = html_speed.detector_seconds([page] * 4)
    assert {"dom_landmark", "dom_outside_main", "total"} <= set(spent)
    assert 0 < sum(seconds for name, seconds in spent.items() if name != "total") <= spent["total"]
    assert Detector.run is before


def test_each_reading_of_the_walk_cost_runs_on_a_page() -> None:
    from benchmarks import html_walk_cost

    from cleantext.html.parse import parse

    html = "<html><body><p class='byline'>By Ann Lee</p><p>The council met.</p></body></html>"
    root = parse(html)
    assert root is not None
    for reading in html_walk_cost.READINGS.values():
        reading(root, html)
