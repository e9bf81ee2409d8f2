"""The recipes of docs/integrations.md run against the fixture site on 127.0.0.1, and the
examples of docs/html.md run as doctests."""

from __future__ import annotations

import contextlib
import doctest
import io
import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scrapy.http import HtmlResponse
from scrapy.utils.misc import load_object
from scrapy.utils.test import get_crawler
from tests.web_site import ROUTES, serve

from cleantext import clean_html
from cleantext.cli.options import build_config

DOCS = Path(__file__).resolve().parent.parent / "docs"
RECIPE = re.compile(r"<!-- recipe: ([\w-]+)[^>]*-->\n```python\n(.*?)```", re.DOTALL)


def recipes() -> dict[str, str]:
    return dict(RECIPE.findall((DOCS / "integrations.md").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve() as url:
        yield url


def run_recipe(name: str, base: str) -> tuple[dict[str, Any], str]:
    """Execute recipe ``name`` with example.org pointing at the local site; its names and output."""
    code = recipes()[name].replace("https://example.org", base)
    namespace: dict[str, Any] = {"__name__": f"recipe_{name}"}
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(code, f"docs/integrations.md:{name}", "exec"), namespace)
    return namespace, output.getvalue()


def scrapy_response(url: str) -> HtmlResponse:
    with urllib.request.urlopen(url, timeout=10) as response:
        headers = {"Content-Type": response.headers["Content-Type"]}
        return HtmlResponse(response.geturl(), body=response.read(), headers=headers)


def library_text(path: str, **config: Any) -> str:
    route = ROUTES[path]
    built = build_config(**config) if config else None
    return clean_html(route.body(), content_type=route.content_type, config=built).text


def test_every_recipe_is_found() -> None:
    assert set(recipes()) == {
        "scrapy-settings",
        "scrapy-spider",
        "scrapy-callback",
        "requests",
        "httpx",
        "urllib",
        "playwright",
        "beautifulsoup",
    }
    compile(recipes()["playwright"], "playwright", "exec")  # shown, not run: needs a browser


def test_scrapy_pipeline_recipe(base: str) -> None:
    settings, _ = run_recipe("scrapy-settings", base)
    settings = {name: value for name, value in settings.items() if name.isupper()}
    (path,) = settings["ITEM_PIPELINES"]
    pipeline = load_object(path).from_crawler(get_crawler(settings_dict=settings))
    spider_code, _ = run_recipe("scrapy-spider", base)
    spider = spider_code["NewsSpider"]()
    (item,) = spider.parse(scrapy_response(spider.start_urls[0]))
    item = pipeline.process_item(item)
    assert item["clean_text"] == library_text("/article.html", disable=["ad_gap"])
    assert item["metadata"]["url"] == base + "/article.html"


def test_scrapy_callback_recipe(base: str) -> None:
    names, _ = run_recipe("scrapy-callback", base)
    spider = names["CleanSpider"]()
    (item,) = spider.parse(scrapy_response(spider.start_urls[0]))
    assert item["text"] == library_text("/russian.html")
    assert (item["encoding"], item["sources"]["encoding"]) == ("cp1251", "http")


def test_requests_recipe(base: str) -> None:
    _, output = run_recipe("requests", base)
    assert output == f"cp1251 http\n{library_text('/russian.html')}\n"


def test_httpx_recipe(base: str) -> None:
    _, output = run_recipe("httpx", base)
    lines = output.splitlines()
    assert lines[0].startswith(f"{base}/article.html {len(library_text('/article.html'))} [")
    assert lines[1].startswith(f"{base}/notes.txt ") and "'print_banner'" in lines[1]


def test_urllib_recipe(base: str) -> None:
    _, output = run_recipe("urllib", base)
    first_line = library_text("/article.html").splitlines()[0]
    assert output == (
        f"{base}/article.html {first_line}\n{base}/missing failed: HTTP Error 404: Not Found\n"
    )


def test_beautifulsoup_recipe(base: str) -> None:
    names, output = run_recipe("beautifulsoup", base)
    assert output == clean_html(str(names["soup"])).text + "\n"
    assert "The city council approved the water budget" in output
    assert "Related stories" not in output


def test_html_doc_examples_run() -> None:
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    results = doctest.testfile(str(DOCS / "html.md"), module_relative=False, optionflags=flags)
    assert results.failed == 0 and results.attempted >= 1
