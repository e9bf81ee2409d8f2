"""Cost of :func:`cleantext.clean` against input size, for inputs of several shapes.

Run from the repository root::

    python -m benchmarks.scaling                      # 1, 4, 16, 64 MB, every shape
    python -m benchmarks.scaling --sizes 1 4 --shapes page menu

Each measurement runs in a fresh process, so the peak resident memory it
reports belongs to that one input. Both wall-clock and CPU seconds are shown;
on a shared machine CPU seconds are the steadier figure. The last table gives,
per shape, the CPU time per MB at the largest size divided by the CPU time per
MB at the smallest: about 1 when the cost grows linearly.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import cleantext

MB = 1_000_000
SEED = Path(__file__).parent.parent / "fixtures" / "pages" / "editorial-japan-russia.txt"
SENTENCE = "The council approved the new budget on Monday after a long debate in the city hall. "
MENU = ("Home", "News", "World", "Sport", "Business", "Opinion", "Culture", "Contact us")


def page_text(size: int) -> str:
    """A real scraped page (the seed) repeated, separated by blank lines."""
    page = SEED.read_text(encoding="utf-8").strip() + "\n\n\n"
    return (page * (size // len(page) + 1))[:size]


def single_line(size: int) -> str:
    """One line of prose, no line break at all."""
    return (SENTENCE * (size // len(SENTENCE) + 1))[:size].strip()


def blank_lines(size: int) -> str:
    """Two paragraphs with nearly all of the input a run of blank lines between them."""
    return SENTENCE + "\n" * (size - 2 * len(SENTENCE)) + SENTENCE


def bullets(size: int) -> str:
    """A paragraph followed by short bullet items."""
    item = "  • step of the recipe\n"
    return SENTENCE + "\n\n" + item * ((size - len(SENTENCE)) // len(item))


def menu_lines(size: int) -> str:
    """Short menu-like lines, one word or two each."""
    lines = "\n".join(MENU) + "\n"
    return lines * (size // len(lines))


SHAPES: dict[str, Callable[[int], str]] = {
    "page": page_text,
    "single_line": single_line,
    "blank_lines": blank_lines,
    "bullets": bullets,
    "menu": menu_lines,
}


@dataclass(frozen=True)
class Measurement:
    """One run: shape, input size in MB, wall and CPU seconds, peak memory in MB, segments removed."""

    shape: str
    megabytes: float
    seconds: float
    cpu_seconds: float
    peak_mb: float
    removed: int

    @property
    def mb_per_second(self) -> float:
        """Throughput in MB per CPU second."""
        return self.megabytes / self.cpu_seconds if self.cpu_seconds else float("inf")


def measure(shape: str, megabytes: int) -> Measurement:
    """Build the input and clean it once, in this process (meant to be a fresh one)."""
    text = SHAPES[shape](megabytes * MB)
    started, cpu_started = time.perf_counter(), time.process_time()
    result = cleantext.clean(text)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000
    return Measurement(shape, len(text.encode()) / MB, seconds, cpu, peak_mb, len(result.removed))


def measure_fresh(shape: str, megabytes: int) -> Measurement:
    """:func:`measure` in a new process, so peak memory is this input's alone."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(measure, shape, megabytes).result()


def table(rows: Sequence[Measurement]) -> str:
    """The measurements as a Markdown table."""
    lines = [
        "| shape | MB | wall s | CPU s | MB/s (CPU) | peak RSS MB | segments removed |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row.shape} | {row.megabytes:.1f} | {row.seconds:.2f} | {row.cpu_seconds:.2f} "
            f"| {row.mb_per_second:.2f} "
            f"| {row.peak_mb:.0f} | {row.removed} |"
        )
    return "\n".join(lines)


def ratios(rows: Sequence[Measurement]) -> str:
    """Per shape: CPU seconds per MB at the largest size over those at the smallest."""
    lines = [
        "| shape | CPU s/MB smallest | CPU s/MB largest | ratio (1 = linear) |",
        "| --- | ---: | ---: | ---: |",
    ]
    for shape in dict.fromkeys(row.shape for row in rows):
        runs = sorted((row for row in rows if row.shape == shape), key=lambda row: row.megabytes)
        small, large = (run.cpu_seconds / run.megabytes for run in (runs[0], runs[-1]))
        lines.append(f"| {shape} | {small:.3f} | {large:.3f} | {large / small:.2f} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure every shape at every size; print both tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16, 64], metavar="MB")
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    args = parser.parse_args(argv)
    rows = []
    for shape in args.shapes:
        for size in args.sizes:
            rows.append(measure_fresh(shape, size))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
    print(f"\n{table(rows)}\n\n{ratios(rows)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
