"""A real Scrapy crawl of a site, run as a subprocess by the tests and the benchmark.

``python tests/scrapy_crawl.py BASE_URL OUT_DIR [--paths P ...] [--no-pipeline] [--skip-direct]``

Two spiders crawl the same paths in one process. ``pipeline`` yields
``{"url": response.url, "html": response.text}`` (``text`` for ``text/plain``),
so Scrapy decodes with the HTTP charset, and :class:`CleantextPipeline` cleans
the items. ``direct`` has no pipeline and calls :func:`cleantext.clean_response`
in its callback. Each writes a JSON Lines feed (``OUT_DIR/<name>.jsonl``) and its
stats (``OUT_DIR/<name>.stats.json``). The exit status is 1 when a crawler
failed to start (as ``scrapy crawl``'s).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

PIPELINE = {"cleantext.integrations.scrapy.CleantextPipeline": 300}


def spider_classes(base: str, paths: list[str], out: Path, with_pipeline: bool) -> list[type]:
    """The two spiders, each with its own feed and settings."""
    import scrapy
    from scrapy.http import HtmlResponse

    from cleantext import CleantextError, clean_response

    class SiteSpider(scrapy.Spider):  # type: ignore[misc]
        start_urls: ClassVar[list[str]] = [base + path for path in paths]

    class PipelineSpider(SiteSpider):
        name = "pipeline"
        custom_settings: ClassVar[dict[str, Any]] = {
            "ITEM_PIPELINES": PIPELINE if with_pipeline else {},
            "FEEDS": {str(out / "pipeline.jsonl"): {"format": "jsonlines"}},
        }

        def parse(self, response: Any) -> Iterator[dict[str, str]]:
            field = "html" if isinstance(response, HtmlResponse) else "text"
            yield {"url": response.url, field: response.text}

    class DirectSpider(SiteSpider):
        name = "direct"
        custom_settings: ClassVar[dict[str, Any]] = {
            "FEEDS": {str(out / "direct.jsonl"): {"format": "jsonlines"}}
        }

        def parse(self, response: Any) -> Iterator[dict[str, object]]:
            try:
                result = clean_response(response)
            except CleantextError as error:
                yield {"url": response.url, "error": str(error)}
                return
            yield {"url": response.url, **result.as_dict()}

    return [PipelineSpider, DirectSpider]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("out", type=Path)
    parser.add_argument("--paths", nargs="+", required=True)
    parser.add_argument("--no-pipeline", action="store_true")
    parser.add_argument("--only-pipeline-spider", action="store_true")
    parser.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE")
    args = parser.parse_args()
    from scrapy.crawler import CrawlerProcess

    settings = dict(item.split("=", 1) for item in args.set)
    settings.update({"TELNETCONSOLE_ENABLED": False, "LOG_LEVEL": "INFO"})
    process = CrawlerProcess(settings=settings)
    spiders = spider_classes(args.base, args.paths, args.out, not args.no_pipeline)
    crawlers = [process.create_crawler(spider) for spider in spiders]
    crawlers = crawlers[:1] if args.only_pipeline_spider else crawlers
    for crawler in crawlers:
        process.crawl(crawler)
    process.start()
    for crawler in crawlers:  # the stats are final once the crawls have ended
        stats = json.dumps(crawler.stats.get_stats(), default=str, sort_keys=True)
        (args.out / f"{crawler.spidercls.name}.stats.json").write_text(stats)
    sys.exit(1 if process.bootstrap_failed else 0)  # as ``scrapy crawl`` does


if __name__ == "__main__":
    main()
