"""What the Scrapy pipeline costs per item: the same real crawl with and without it.

Serves the pages of one eval set from 127.0.0.1 (random port, ``text/html;
charset=utf-8``), then runs ``tests/scrapy_crawl.py`` (the crawl of the
integration test: a spider yielding ``{"url", "html"}`` into a JSON Lines feed)
``--rounds`` times with ``CleantextPipeline`` and as often without it,
alternating. Each run is a fresh ``python`` process; the table gives the median
wall time of the process, Scrapy's own ``elapsed_time_seconds`` (the crawl
without start-up), and the CPU seconds of the process (user + system, from
``getrusage``), which on a busy machine say more than wall time does. The
overhead per item is the difference of the medians over the items crawled.
Last, the pipeline's ``process_item`` alone is timed in this process on the
same pages.

    python -m benchmarks.scrapy_overhead --set scrapinghub_aeb --rounds 3

It skips cleanly (exit 0, with a note) where the eval folder is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
CRAWL = ROOT / "tests" / "scrapy_crawl.py"


def load_pages(name: str, limit: int | None) -> list[bytes]:
    with gzip.open(EVAL / f"{name}.jsonl.gz", "rt", encoding="utf-8") as lines:
        pages = [json.loads(line)["html"].encode("utf-8") for line in lines]
    return pages[:limit] if limit else pages


def handler_for(pages: list[bytes]) -> type[BaseHTTPRequestHandler]:
    class EvalPages(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            index = int(self.path.strip("/").split(".")[0])
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(pages[index])))
            self.end_headers()
            self.wfile.write(pages[index])

        def log_message(self, format: str, *args: object) -> None:
            pass

    return EvalPages


def crawl_once(base: str, count: int, with_pipeline: bool) -> dict[str, float]:
    """One crawl in a fresh process: wall and CPU seconds, Scrapy's elapsed time, items."""
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, str(CRAWL), base, out, "--only-pipeline-spider"]
        command += ["--paths", *(f"/{index}.html" for index in range(count))]
        command += ["--set", "LOG_LEVEL=WARNING"]
        command += [] if with_pipeline else ["--no-pipeline"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        stats = json.loads((Path(out) / "pipeline.stats.json").read_text())
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "wall": wall,
        "cpu": cpu,
        "crawl": float(stats["elapsed_time_seconds"]),
        "items": float(stats["item_scraped_count"]),
        "cleaned": float(stats.get("cleantext/items", 0)),
    }


def pipeline_alone(pages: list[bytes]) -> tuple[float, float]:
    """Wall and CPU seconds per item of ``process_item`` on the pages, in this process (warm)."""
    from scrapy.utils.test import get_crawler

    from cleantext.integrations.scrapy import CleantextPipeline

    pipeline = CleantextPipeline.from_crawler(get_crawler())
    items = [{"url": f"/{index}.html", "html": page.decode()} for index, page in enumerate(pages)]
    pipeline.process_item(dict(items[0]))  # first use loads the detectors' tables
    started, cpu_started = time.perf_counter(), time.process_time()
    for item in items:
        pipeline.process_item(item)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return wall / len(items), cpu / len(items)


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def report(name: str, runs: dict[bool, list[dict[str, float]]], alone: tuple[float, float]) -> str:
    items = runs[True][0]["items"]
    rows = [
        "| crawl | items | process wall s | crawl s (Scrapy) | CPU s |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for with_pipeline in (False, True):
        label = "with CleantextPipeline" if with_pipeline else "without"
        got = runs[with_pipeline]
        rows.append(
            f"| {label} | {got[0]['items']:.0f} | {median(got, 'wall'):.2f} | "
            f"{median(got, 'crawl'):.2f} | {median(got, 'cpu'):.2f} |"
        )
    per_item = {
        key: (median(runs[True], key) - median(runs[False], key)) / items * 1000
        for key in ("wall", "crawl", "cpu")
    }
    rows.append("")
    rows.append(
        f"{name}: overhead per item {per_item['crawl']:.1f} ms of crawl time, "
        f"{per_item['wall']:.1f} ms wall, {per_item['cpu']:.1f} ms CPU; "
        f"process_item alone {alone[0] * 1000:.1f} ms wall, {alone[1] * 1000:.1f} ms CPU per item "
        f"({len(runs[True])} rounds each, medians)"
    )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--set", default="scrapinghub_aeb", help="eval set (default scrapinghub_aeb)"
    )
    parser.add_argument("--limit", type=int, default=None, help="first N pages only")
    parser.add_argument("--rounds", type=int, default=3, help="runs with and without (default 3)")
    args = parser.parse_args(argv)
    if not (EVAL / f"{args.set}.jsonl.gz").exists():
        print(f"skipped: {EVAL / args.set}.jsonl.gz is absent")
        return 0
    sys.path.insert(0, str(ROOT))
    from tests.web_site import serve

    pages = load_pages(args.set, args.limit)
    runs: dict[bool, list[dict[str, Any]]] = {True: [], False: []}
    with serve(handler_for(pages)) as base:
        for _ in range(args.rounds):
            for with_pipeline in (False, True):
                runs[with_pipeline].append(crawl_once(base, len(pages), with_pipeline))
    assert all(run["cleaned"] == run["items"] == len(pages) for run in runs[True])
    print(report(args.set, runs, pipeline_alone(pages)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
