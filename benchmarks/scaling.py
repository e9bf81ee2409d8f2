"""Cost of :func:`cleantext.clean` against input size, for inputs of several shapes.

Run from the repository root::

    python -m benchmarks.scaling                      # 1, 4, 16, 64 MB, every shape
    python -m benchmarks.scaling --sizes 1 4 --shapes page menu
    python -m benchmarks.scaling --sizes 64 --shapes blank_lines single_line prose \\
        --memory-table docs/benchmarks.md             # rewrite the docs' memory table

Each measurement runs in a fresh process, so the peak resident memory it
reports belongs to that one input. Where Linux lets a process reset its peak
(``/proc/self/clear_refs``), the peak is reset once the input is built, so the
*increase* column is what cleaning took over the input already in memory. Both wall-clock and CPU seconds are shown;
on a shared machine CPU seconds are the steadier figure. The last table gives,
per shape, the CPU time per MB at the largest size divided by the CPU time per
MB at the smallest: about 1 when the cost grows linearly.
"""

from __future__ import annotations

import argparse
import datetime
import re
import resource
import subprocess
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


def prose(size: int) -> str:
    """The seed page's paragraphs of running text, repeated, separated by blank lines."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    paragraphs = "\n\n".join(line for line in lines if len(line.split()) >= 25) + "\n\n"
    return (paragraphs * (size // len(paragraphs) + 1))[:size]


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


def html_paragraphs(size: int) -> str:
    """An HTML article of many short paragraphs (clean_html)."""
    paragraph = f"<p>{SENTENCE.strip()}</p>\n"
    return _html_page(paragraph * (size // len(paragraph)))


def html_table(size: int) -> str:
    """One big HTML table of short cells (clean_html)."""
    row = "<tr><td>Harbour Street</td><td>12.50</td><td>Open daily</td><td>2026</td></tr>\n"
    return _html_page("<table>" + row * (size // len(row)) + "</table>")


def html_nesting(size: int) -> str:
    """Elements nested as deep as the input allows, text at every level (clean_html)."""
    level = "<div>Nested text. "
    count = size // (len(level) + len("</div>"))
    return _html_page(level * count + "</div>" * count)


def _html_page(body: str) -> str:
    return f"<html><head><title>Scaling</title></head><body><article>{body}</article></body></html>"


def one_word_lines(size: int) -> str:
    """One word a line, no blank line: the most lines a text of this size can have (but one
    character a line)."""
    lines = "\n".join(SENTENCE.split()) + "\n"
    return (lines * (size // len(lines) + 1))[:size]


SHAPES: dict[str, Callable[[int], str]] = {
    "page": page_text,
    "prose": prose,
    "single_line": single_line,
    "blank_lines": blank_lines,
    "bullets": bullets,
    "menu": menu_lines,
    "one_word": one_word_lines,
}
HTML_SHAPES: dict[str, Callable[[int], str]] = {
    "html_paragraphs": html_paragraphs,
    "html_table": html_table,
    "html_nesting": html_nesting,
}
"""Shapes of HTML pages, cleaned with :func:`cleantext.clean_html`."""
ALL_SHAPES = SHAPES | HTML_SHAPES


@dataclass(frozen=True)
class Measurement:
    """One run: shape, input size in MB, wall and CPU seconds, peak memory in MB, segments removed."""

    shape: str
    megabytes: float
    seconds: float
    cpu_seconds: float
    peak_mb: float
    removed: int
    increase_mb: float | None = None
    """Peak RSS over the RSS with the input built (None where the peak cannot be reset)."""

    @property
    def mb_per_second(self) -> float:
        """Throughput in MB per CPU second."""
        return self.megabytes / self.cpu_seconds if self.cpu_seconds else float("inf")


def measure(shape: str, megabytes: int) -> Measurement:
    """Build the input and clean it once, in this process (meant to be a fresh one)."""
    text = ALL_SHAPES[shape](megabytes * MB)
    clean = cleantext.clean_html if shape in HTML_SHAPES else cleantext.clean
    baseline_kb = _reset_peak_kb()
    started, cpu_started = time.perf_counter(), time.process_time()
    result = clean(text)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000
    increase = None if baseline_kb is None else (_status_kb("VmHWM") - baseline_kb) / 1000
    return Measurement(
        shape, len(text.encode()) / MB, seconds, cpu, peak_mb, len(result.removed), increase
    )


def _reset_peak_kb() -> int | None:
    """Reset this process's peak RSS to its current RSS (Linux); that RSS in kB, or None."""
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
        return _status_kb("VmRSS")
    except OSError:
        return None


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as handle:
        found = re.search(rf"^{field}:\s+(\d+) kB", handle.read(), re.MULTILINE)
    return int(found.group(1)) if found else 0


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


MEMORY_HEADER = (
    "| shape | input MB | peak RSS increase MB | increase / input | peak RSS MB |",
    "| --- | ---: | ---: | ---: | ---: |",
)
MEMORY_START = "<!-- memory-table: written by python -m benchmarks.scaling --memory-table -->"
MEMORY_END = "<!-- end of memory-table -->"


def memory_table(rows: Sequence[Measurement]) -> str:
    """Peak memory per input, as a Markdown table (the increase over the built input first).

    >>> print(memory_table([Measurement("prose", 64.0, 9.0, 8.0, 700.0, 3, 610.5)]))
    | shape | input MB | peak RSS increase MB | increase / input | peak RSS MB |
    | --- | ---: | ---: | ---: | ---: |
    | prose | 64.0 | 610 | 9.5 | 700 |
    """
    lines = list(MEMORY_HEADER)
    for row in rows:
        increase, ratio = "n/a", "n/a"
        megabytes = f"{row.megabytes:.1f}"
        if row.increase_mb is not None:  # (the ratio of the figures shown, so the table adds up)
            increase = f"{row.increase_mb:.0f}"
            ratio = f"{float(increase) / float(megabytes):.1f}"
        lines.append(f"| {row.shape} | {megabytes} | {increase} | {ratio} | {row.peak_mb:.0f} |")
    return "\n".join(lines)


def memory_section(rows: Sequence[Measurement], command: str) -> str:
    """The docs' block between the markers: when, on what, with which command, the table."""
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return "\n".join(
        [
            MEMORY_START,
            f"Measured {when} at commit `{_commit()}` with `{command}`:",
            "",
            memory_table(rows),
            MEMORY_END,
        ]
    )


def replace_section(document: str, section: str) -> str:
    """``document`` with the text between the memory-table markers replaced by ``section``.

    >>> replace_section(f"a\\n{MEMORY_START}\\nold\\n{MEMORY_END}\\nb", "new")
    'a\\nnew\\nb'
    """
    start, end = document.find(MEMORY_START), document.find(MEMORY_END)
    if start < 0 or end < start:
        raise ValueError("the document has no memory-table markers")
    return document[:start] + section + document[end + len(MEMORY_END) :]


def _commit() -> str:
    try:
        found = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return found.stdout.strip()


def shape_at_size(value: str) -> str:
    """A ``--shapes`` entry: a shape's name, or ``name:MB`` for that shape at that size only.

    >>> shape_at_size("html_table:10"), shape_at_size("prose")
    ('html_table:10', 'prose')
    """
    shape, colon, size = value.partition(":")
    if shape not in ALL_SHAPES or (colon and not size.isdigit()):
        raise argparse.ArgumentTypeError(f"not a shape or shape:MB: {value!r}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Measure every shape at every size; print the tables (and write the docs' memory table)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16, 64], metavar="MB")
    parser.add_argument(
        "--shapes",
        nargs="+",
        type=shape_at_size,
        default=list(ALL_SHAPES),
        metavar="SHAPE[:MB]",
        help=f"shapes ({', '.join(sorted(ALL_SHAPES))}); SHAPE:MB measures it at MB alone",
    )
    parser.add_argument(
        "--memory-table",
        metavar="MARKDOWN",
        help="rewrite the memory table between the markers in this file (docs/benchmarks.md)",
    )
    args = parser.parse_args(argv)
    rows = []
    for entry in args.shapes:
        shape, _, size_given = entry.partition(":")
        for size in [int(size_given)] if size_given else args.sizes:
            rows.append(measure_fresh(shape, size))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
    print(f"\n{table(rows)}\n\n{ratios(rows)}\n\n{memory_table(rows)}")
    if args.memory_table:
        command = "python -m benchmarks.scaling " + " ".join(
            ["--sizes", *map(str, args.sizes), "--shapes", *args.shapes]
        )
        path = Path(args.memory_table)
        document = path.read_text(encoding="utf-8")
        path.write_text(replace_section(document, memory_section(rows, command)), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
