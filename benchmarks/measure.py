"""Measure one tool on one eval set: scores, time, throughput and memory.

Run as a worker (``python -m benchmarks.measure TOOL SET --out PATH``) so that
each tool's memory is measured in a fresh process. Memory is read from
``/proc/self/status`` (Linux): ``peak_rss_mib`` is the process's high-water
mark (interpreter, the loaded set and the tool together); ``extra_mib`` is how
far the high-water mark rose above the resident size just before extraction
(reset through ``/proc/self/clear_refs``), i.e. what the tool itself needed.
Where ``/proc`` is missing, ``peak_rss_mib`` falls back to ``getrusage`` and
``extra_mib`` is left empty.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.metrics import EVAL_DIR, load_set, score_by_type, score_set
from benchmarks.peers import TOOLS, Extract


@dataclass
class Measurement:
    """One tool on one set: shingle P/R/F1, bag-of-words F1, speed and memory."""

    tool: str
    set: str
    pages: int
    errors: int
    precision: float
    recall: float
    f1: float
    bow: float | None
    seconds: float
    megabytes: float
    peak_rss_mib: float | None = None
    extra_mib: float | None = None
    by_type: dict[str, dict[str, float | None]] = field(default_factory=dict)
    """Per page type (``"all"`` first) where the set has types: the fields of
    :class:`benchmarks.metrics.TypeScore`, snippet ``with_rate`` and ``without_rate`` among them."""

    @property
    def pages_per_second(self) -> float:
        """Pages extracted per second of extraction time.

        >>> Measurement("none", "s", 10, 0, 1, 1, 1, 1, 2.0, 4.0).pages_per_second
        5.0
        """
        return self.pages / self.seconds if self.seconds else 0.0

    @property
    def megabytes_per_second(self) -> float:
        """Input megabytes (10**6 bytes of UTF-8 of the field read) per second."""
        return self.megabytes / self.seconds if self.seconds else 0.0


def run_pages(extract: Extract, inputs: list[tuple[str, str]]) -> tuple[list[str], int, float]:
    """Outputs, the number of pages that raised (counted as empty output), and CPU seconds.

    CPU time of this process (``time.process_time``), not wall time: on a shared machine
    the wall time of a run depends on what else runs, its CPU time far less.
    """
    outputs: list[str] = []
    errors = 0
    start = time.process_time()
    for text, lang in inputs:
        try:
            outputs.append(extract(text, lang))
        except Exception:  # a peer failing on one page must not stop the run
            outputs.append("")
            errors += 1
    return outputs, errors, time.process_time() - start


def measure(
    tool_name: str, set_name: str, eval_dir: Path = EVAL_DIR, limit: int = 0
) -> Measurement:
    """Run ``tool_name`` over set ``set_name`` (first ``limit`` pages if > 0) and score it."""
    tool = TOOLS[tool_name]
    pages = load_set(set_name, eval_dir)
    pages = pages[:limit] if limit > 0 else pages
    inputs = [(str(page.get(tool.field) or ""), str(page.get("lang") or "unk")) for page in pages]
    extract = tool.load()
    gc.collect()
    baseline = _reset_peak()
    outputs, errors, seconds = run_pages(extract, inputs)
    peak = _status_mib("VmHWM")
    score = score_set(set_name, outputs, pages)
    by_type = {kind: asdict(row) for kind, row in score_by_type(outputs, pages).items()}
    return Measurement(
        tool=tool_name,
        set=set_name,
        pages=len(pages),
        errors=errors,
        precision=score.precision,
        recall=score.recall,
        f1=score.f1,
        bow=None if set_name == "trafilatura_eval" else score.bow,
        seconds=seconds,
        megabytes=sum(len(text.encode("utf-8")) for text, _ in inputs) / 1e6,
        peak_rss_mib=peak if peak is not None else _rusage_mib(),
        extra_mib=peak - baseline if peak is not None and baseline is not None else None,
        by_type=by_type,
    )


def _status_mib(key: str) -> float | None:
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return None


def _reset_peak() -> float | None:
    """Reset the high-water mark to the current resident size; return that size (MiB)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return None
    return _status_mib("VmRSS")


def _rusage_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    """Worker entry point: measure one tool on one set and write the result as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("tool", choices=sorted(TOOLS))
    parser.add_argument("set")
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    result = measure(args.tool, args.set, args.eval_dir, args.limit)
    args.out.write_text(json.dumps(asdict(result)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
