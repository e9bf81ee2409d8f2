"""A real crawl: Scrapy in a subprocess crawls the fixture site with the pipeline, and again
with ``clean_response`` in the callback; every item is checked against the library."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.web_site import PAGES, ROUTES, START, serve

from cleantext import clean, clean_html
from cleantext.cli.options import build_config
from cleantext.html.decode import charset_of_content_type, decode_html

CRAWL = Path(__file__).resolve().parent / "scrapy_crawl.py"
HTML_PAGES = ("/article.html", "/russian.html", "/bom.html", "/story.html")


def run_crawl(out: Path, *extra: str) -> tuple[subprocess.CompletedProcess[str], str]:
    with serve() as base:
        command = [sys.executable, str(CRAWL), base, str(out), "--paths", *START, *extra]
        process = subprocess.run(command, capture_output=True, text=True, timeout=120)
    return process, base


def read_feed(path: Path) -> dict[str, dict[str, Any]]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_path = {item["url"].split("/", 3)[3]: item for item in items}
    assert len(by_path) == len(items), "one item per page"
    return {"/" + path: item for path, item in by_path.items()}


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("crawl")
    process, base = run_crawl(out)
    return {
        "process": process,
        "base": base,
        "pipeline": read_feed(out / "pipeline.jsonl"),
        "direct": read_feed(out / "direct.jsonl"),
        "stats": json.loads((out / "pipeline.stats.json").read_text()),
    }


def expected(path: str, *, config: Any) -> Any:
    """What the library gives for the page's bytes and HTTP Content-Type."""
    route = ROUTES[path]
    if route.content_type and route.content_type.startswith("text/plain"):
        charset = charset_of_content_type(route.content_type)
        return clean(decode_html(route.body(), transport_charset=charset).text, config=config)
    return clean_html(route.body(), content_type=route.content_type, config=config)


def test_the_crawl_exits_0_with_one_item_per_page(crawl: dict[str, Any]) -> None:
    assert crawl["process"].returncode == 0, crawl["process"].stderr[-2000:]
    assert sorted(crawl["pipeline"]) == sorted(PAGES)  # the 404 gives none, the redirect its target
    assert sorted(crawl["direct"]) == sorted(PAGES)


def test_pipeline_items_equal_the_library_on_the_same_page(crawl: dict[str, Any]) -> None:
    config = build_config()  # what the pipeline builds from no settings
    for path in (*HTML_PAGES, "/notes.txt"):
        item, want = crawl["pipeline"][path], expected(path, config=config)
        assert item["clean_text"] == want.text, path
        assert item["removed"] == [segment.as_dict() for segment in want.removed], path
        assert item["removed"], f"{path}: boilerplate was removed"
        assert item["metadata"]["url"] == crawl["base"] + path
        assert "cleantext_error" not in item
    assert crawl["pipeline"]["/notes.txt"]["text"].startswith("Print | Email | Share")


def test_the_cyrillic_page_decodes_from_the_http_charset(crawl: dict[str, Any]) -> None:
    for items in (crawl["pipeline"], crawl["direct"]):
        text = items["/russian.html"]["clean_text" if items is crawl["pipeline"] else "text"]
        assert "Городской совет в понедельник вечером утвердил бюджет" in text
    metadata = crawl["direct"]["/russian.html"]["metadata"]
    assert (metadata["encoding"], metadata["sources"]["encoding"]) == ("cp1251", "http")


def test_the_broken_page_keeps_its_fields_and_gets_an_error_entry(crawl: dict[str, Any]) -> None:
    item = crawl["pipeline"]["/broken.html"]
    assert item["html"].startswith("<html>")
    assert item["cleantext_error"]["type"] == "InputError"
    assert "binary" in item["cleantext_error"]["message"]
    assert "clean_text" not in item
    assert "cleantext: cannot clean " + crawl["base"] + "/broken.html" in crawl["process"].stderr


def test_the_stats_counters_match_the_items(crawl: dict[str, Any]) -> None:
    items = [item for item in crawl["pipeline"].values() if "clean_text" in item]
    stats = crawl["stats"]
    assert stats["cleantext/items"] == len(items) == 5
    assert stats["cleantext/errors"] == 1
    assert stats["cleantext/removed_segments"] == sum(len(item["removed"]) for item in items)
    chars = sum(len(segment["text"]) for item in items for segment in item["removed"])
    assert stats["cleantext/removed_chars"] == chars
    assert "cleantext/dropped_empty" not in stats


def test_clean_response_in_a_callback_equals_the_library(crawl: dict[str, Any]) -> None:
    for path in (*HTML_PAGES, "/notes.txt"):
        item, want = crawl["direct"][path], expected(path, config=None)
        assert item["text"] == want.text, path
        assert item["removed"] == [segment.as_dict() for segment in want.removed], path
        assert item["metadata"]["url"] == crawl["base"] + path
    sources = {path: crawl["direct"][path]["metadata"]["sources"]["encoding"] for path in PAGES[:3]}
    assert sources == {"/article.html": "http", "/russian.html": "http", "/bom.html": "bom"}
    assert "binary" in crawl["direct"]["/broken.html"]["error"]


def test_wrong_settings_stop_the_crawl_at_start(tmp_path: Path) -> None:
    process, _ = run_crawl(
        tmp_path, "--only-pipeline-spider", "--set", "CLEANTEXT_DISABLE=no_such_detector"
    )
    assert process.returncode == 1
    assert (
        "ConfigError: CLEANTEXT_CONFIG/CLEANTEXT_DISABLE: unknown detector 'no_such_detector'"
        in process.stderr
    )
    assert "Spider opened" not in process.stderr
    assert not (tmp_path / "pipeline.jsonl").exists()
