"""Corpus benchmark: the dev sets as a WARC and a WET, through the CLI, datatrove and Spark.

Run from the repository root (needs the ``bench``, ``warc``, ``datatrove`` and
``spark`` extras, Java 17 for Spark, and ``../shared/eval``)::

    python -m benchmarks.corpus --limit 60 --markdown

The first ``--limit`` pages of every dev set are written as two gzip WARC
files (a request and a response record per page, the HTML as UTF-8, with
Common Crawl's ``WARC-Identified-Payload-Type``) and two
WET files (a conversion record per page holding its ``text`` field). Each
pipeline then runs as its own process tree, timed from the outside (so
interpreter and JVM start-up count) with the tree's resident memory sampled:

* ``cli-warc-j1`` / ``-j2``, ``cli-wet-j1`` / ``-j2``: ``cleantext --warc -j N``;
* ``datatrove-cleantext`` / ``datatrove-trafilatura``: WarcReader -> extractor ->
  JsonlWriter on a ``LocalPipelineExecutor`` with 2 tasks, both extractors with
  the same ``--timeout`` (default: datatrove's 1 s). datatrove's sandbox counts
  its warm-up against that timeout, and ``Trafilatura`` imports trafilatura in
  that warm-up (each task is a fresh process from a forkserver): where the
  import alone takes longer than the timeout, as on a busy machine, every page
  times out and is lost. ``datatrove-cleantext-wet``: the WET with
  ``CleantextTextCleaner``;
* ``spark-warc`` / ``spark-wet``: ``cleantext.integrations.spark`` in ``local[2]``
  on loopback (its rows are read back after the timed job, in the same process).

Every page's output is scored against its gold with each set's own metric
(``benchmarks.metrics.score_set``); a page a pipeline lost (timeout, error,
dropped as empty) scores as an empty output.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import report
from benchmarks.archives import (
    conversion_record,
    record_id,
    request_record,
    response_record,
    write_archive,
)
from benchmarks.cli_throughput import descendants, process_table
from benchmarks.metrics import EVAL_DIR, SETS, load_set, score_set

SHARDS = 2
"""Files per archive kind: one per datatrove task and Spark partition."""
SAMPLE_SECONDS = 0.2
LOOPBACK = {"SPARK_LOCAL_IP": "127.0.0.1", "PYSPARK_PYTHON": sys.executable}


@dataclass
class Corpus:
    """The pages written to the archives: which set and page each record id stands for."""

    pages: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    html_ids: dict[str, tuple[str, int]] = field(default_factory=dict)
    text_ids: dict[str, tuple[str, int]] = field(default_factory=dict)
    html_bytes: int = 0
    text_bytes: int = 0
    repeat: int = 1


def page_url(set_name: str, index: int) -> str:
    return f"https://{set_name.replace('_', '-')}.eval.example/{index}"


def build(folder: Path, sets: Sequence[str], limit: int, eval_dir: Path, repeat: int = 1) -> Corpus:
    """Write ``warc/part-N.warc.gz`` and ``wet/part-N.warc.wet.gz`` from the sets' pages."""
    corpus = Corpus(repeat=repeat)
    warc: list[list[bytes]] = [[] for _ in range(SHARDS)]
    wet: list[list[bytes]] = [[] for _ in range(SHARDS)]
    count = 0
    for name in sets:
        pages = load_set(name, eval_dir)[: limit or None]
        corpus.pages[name] = pages
        for index, page in enumerate(pages):
            url, html = page_url(name, index), str(page["html"]).encode("utf-8")
            text = str(page["text"])
            response = response_record(url, html, WARC_Identified_Payload_Type="text/html")
            warc[count % SHARDS] += [request_record(url), response]
            wet[count % SHARDS].append(conversion_record(url, text))
            corpus.html_ids[record_id(url, "response")] = (name, index)
            corpus.text_ids[record_id(url, "conversion")] = (name, index)
            corpus.html_bytes += len(html)
            corpus.text_bytes += len(text.encode("utf-8"))
            count += 1
    for kind, shards, suffix in (("warc", warc, ".warc.gz"), ("wet", wet, ".warc.wet.gz")):
        (folder / kind).mkdir(parents=True, exist_ok=True)
        for number, records in enumerate(shards):
            write_archive(folder / kind / f"part-{number}{suffix}", records * repeat)
    return corpus


@dataclass
class Run:
    """One pipeline's run: time, memory, exit status, and its texts by record id."""

    name: str
    kind: str
    wall: float
    peak_mib: float
    status: int
    texts: dict[str, str]
    notes: str = ""


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Run ``command``; its wall seconds, its process tree's peak RSS (MiB) and exit status."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    peak = 0
    while process.poll() is None:
        parents, sizes = process_table()
        peak = max(peak, sum(sizes.get(pid, 0) for pid in descendants(process.pid, parents)))
        time.sleep(SAMPLE_SECONDS)
    wall = time.perf_counter() - started
    if process.returncode not in (0, 1):
        assert process.stderr is not None
        sys.stderr.write(process.stderr.read().decode("utf-8", "replace")[-3000:])
    return wall, peak / 1024, process.returncode


def jsonl_texts(paths: Iterable[Path], id_key: str, text_key: str) -> dict[str, str]:
    """Record id -> text from JSON Lines files (gzip by suffix); error records are skipped."""
    texts = {}
    for path in paths:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if text_key in record and record.get(id_key):
                    texts[record[id_key]] = record[text_key]
    return texts


def run_cli(folder: Path, kind: str, jobs: int) -> Run:
    out = folder / f"cli-{kind}-j{jobs}.jsonl"
    inputs = sorted(str(path) for path in (folder / kind).iterdir())
    command = [sys.executable, "-m", "cleantext", "--warc", "--no-removed", "-j", str(jobs)]
    wall, peak, status = timed([*command, "-o", str(out), *inputs])
    texts = jsonl_texts([out], "warc_record_id", "clean_text")
    return Run(f"cli-{kind}-j{jobs}", kind, wall, peak, status, texts)


def run_datatrove(folder: Path, kind: str, step: str, timeout: float) -> Run:
    out = folder / f"datatrove-{step}-{kind}"
    command = [sys.executable, "-m", "benchmarks.corpus", "--datatrove-step", step]
    command += ["--timeout", str(timeout)]
    wall, peak, status = timed([*command, str(folder / kind), str(out)])
    texts = jsonl_texts(sorted(out.glob("*.jsonl.gz")), "id", "text")
    stats = json.loads((out / "step-stats.json").read_text()) if status == 0 else {}
    lost = {
        key: stats[key] for key in ("timeout", "clean_error", "broken_process") if stats.get(key)
    }
    notes = ", ".join(f"{key} {value}" for key, value in lost.items())
    return Run(
        f"datatrove-{step}" + ("-wet" if kind == "wet" else ""),
        kind,
        wall,
        peak,
        status,
        texts,
        notes,
    )


def datatrove_pipeline(step: str, timeout: float, source: str, out: str) -> int:
    """Run reader -> step -> writer with 2 tasks (in this process: the measured one)."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.extractors import Trafilatura
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleantext.integrations.datatrove import CleantextExtractor, CleantextTextCleaner

    steps = {
        "cleantext": CleantextExtractor,
        "trafilatura": Trafilatura,
        "cleantext-text": CleantextTextCleaner,
    }
    extractor = steps[step](timeout=timeout)
    executor = LocalPipelineExecutor(
        pipeline=[WarcReader(source), extractor, JsonlWriter(out)],
        tasks=SHARDS,
        workers=SHARDS,
        logging_dir=out + "-logs",
    )
    stats = executor.run()
    found = next(item for item in stats.stats if extractor.name in item.name)
    totals = {key: value.total for key, value in found.stats.items()}
    Path(out, "step-stats.json").write_text(json.dumps(totals))
    return 0


def run_spark(folder: Path, kind: str) -> Run:
    listing = folder / f"spark-{kind}.txt"
    listing.write_text("".join(f"{path}\n" for path in sorted((folder / kind).iterdir())))
    out = folder / f"spark-{kind}.jsonl"
    command = [sys.executable, "-m", "benchmarks.corpus", "--spark", str(listing), str(out)]
    wall, peak, status = timed(command, LOOPBACK)
    texts = jsonl_texts([out], "warc_record_id", "clean_text") if status == 0 else {}
    job = json.loads(out.with_suffix(".time").read_text()) if status == 0 else 0.0
    return Run(f"spark-{kind}", kind, wall, peak, status, texts, f"job alone {job:.1f} s")


def spark_job(listing: str, out: str) -> int:
    """Run the Spark job to Parquet (timed), then dump its rows as JSON Lines for scoring."""
    from pyspark.sql import SparkSession

    from cleantext.integrations.spark import clean_archives, read_listing

    spark = (
        SparkSession.builder.master(f"local[{SHARDS}]")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    parquet = out + ".parquet"
    started = time.perf_counter()
    clean_archives(spark, read_listing(listing)).write.mode("overwrite").parquet(parquet)
    Path(out).with_suffix(".time").write_text(json.dumps(time.perf_counter() - started))
    with open(out, "w", encoding="utf-8") as sink:
        for row in (
            spark.read.parquet(parquet).select("warc_record_id", "clean_text").toLocalIterator()
        ):
            sink.write(json.dumps(row.asDict()) + "\n")
    spark.stop()
    return 0


def scores(run: Run, corpus: Corpus) -> dict[str, float]:
    """Each set's F1 (its own metric) for ``run``'s outputs; a lost page counts as empty."""
    ids = corpus.html_ids if run.kind == "warc" else corpus.text_ids
    outputs: dict[str, list[str]] = {
        name: [""] * len(pages) for name, pages in corpus.pages.items()
    }
    for key, (name, index) in ids.items():
        outputs[name][index] = run.texts.get(key, "")
    return {name: score_set(name, outputs[name], corpus.pages[name]).f1 for name in corpus.pages}


def table(runs: Sequence[Run], corpus: Corpus, *, markdown: bool) -> str:
    sets = list(corpus.pages)
    headers = (
        "pipeline",
        "pages out",
        "wall s",
        "pages/s",
        "MB/s",
        "peak MiB",
        *sets,
        "mean F1",
        "notes",
    )
    rows = []
    for run in runs:
        pages = len(corpus.html_ids) * corpus.repeat
        size = (corpus.html_bytes if run.kind == "warc" else corpus.text_bytes) * corpus.repeat
        f1 = scores(run, corpus)
        mean = sum(f1.values()) / len(f1)
        status = "" if run.status == 0 else f"exit {run.status}; "
        rows.append(
            (
                run.name,
                f"{len(run.texts):,}",
                f"{run.wall:.1f}",
                f"{pages / run.wall:.1f}",
                f"{size / run.wall / 1e6:.2f}",
                f"{run.peak_mib:.0f}",
                *(f"{f1[name]:.3f}" for name in sets),
                f"{mean:.3f}",
                status + run.notes,
            )
        )
    return report.render(headers, rows, markdown=markdown)


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.corpus", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--sets", nargs="+", default=list(SETS), metavar="NAME")
    parser.add_argument("--limit", type=int, default=60, help="first N pages per set (0: all)")
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--pipelines", nargs="+", default=["cli", "datatrove", "spark"])
    parser.add_argument(
        "--timeout", type=float, default=1.0, help="datatrove extractors' timeout (default 1 s)"
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="write every page N times (memory against size)"
    )
    parser.add_argument("--jobs", nargs="+", type=int, default=[1, 2], help="CLI -j values")
    parser.add_argument("--kinds", nargs="+", default=["warc", "wet"], help="archive kinds")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--keep", type=Path, help="build and keep the archives in this folder")
    parser.add_argument("--datatrove-step", help=argparse.SUPPRESS)
    parser.add_argument("--spark", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    if args.datatrove_step:
        return datatrove_pipeline(args.datatrove_step, args.timeout, *args.paths)
    if args.spark:
        return spark_job(*args.paths)
    if not args.eval_dir.exists():
        print(f"no eval folder at {args.eval_dir}: skipped")
        return 0
    with tempfile.TemporaryDirectory(prefix="cleantext-corpus-") as temporary:
        folder = args.keep or Path(temporary)
        corpus = build(folder, args.sets, args.limit, args.eval_dir, args.repeat)
        print(
            f"{len(corpus.html_ids):,} pages x {args.repeat}: WARC {corpus.html_bytes / 1e6:.1f} MB "
            f"of HTML, WET {corpus.text_bytes / 1e6:.1f} MB of text (once)",
            flush=True,
        )
        runs = []
        if "cli" in args.pipelines:
            runs += [run_cli(folder, kind, jobs) for kind in args.kinds for jobs in args.jobs]
        if "datatrove" in args.pipelines:
            steps = ("cleantext", "trafilatura")
            runs += [run_datatrove(folder, "warc", step, args.timeout) for step in steps]
            runs.append(run_datatrove(folder, "wet", "cleantext-text", args.timeout))
        if "spark" in args.pipelines:
            runs += [run_spark(folder, kind) for kind in ("warc", "wet")]
        print(table(runs, corpus, markdown=args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
