"""Quality benchmark: cleantext beside no cleaning, C4 line rules and HTML extractors.

Run from the repository root::

    python -m benchmarks.quality --markdown --json quality.json

Every tool runs on the same pages of every set in the eval folder, each
(tool, set) pair in its own worker process so that its peak memory is its own
(``--in-process`` runs them here instead, without memory figures). Tools whose
package is missing are skipped with a note; without the eval folder the run
is skipped and exits 0.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path

from benchmarks import report
from benchmarks.measure import Measurement, measure
from benchmarks.metrics import EVAL_DIR, SETS
from benchmarks.peers import TOOLS, versions

ROOT = Path(__file__).resolve().parent.parent
SPEED_RATIOS = (
    ("cleantext-text", ["trafilatura", "c4"]),
    ("cleantext-text-meta", ["c4"]),
    ("cleantext-html", ["trafilatura"]),
    ("cleantext-html-meta", ["trafilatura"]),
)
"""The speed ratios printed, when both tools ran: ``-meta`` reads each result's metadata too
(``clean`` and ``clean_html`` read it on demand), the plain names only the clean text."""


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line's options."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quality", description=__doc__)
    parser.add_argument("--sets", nargs="+", default=list(SETS), metavar="NAME")
    parser.add_argument(
        "--tools",
        nargs="+",
        default=[name for name, tool in TOOLS.items() if tool.by_default],
        choices=list(TOOLS),
        metavar="NAME",
    )
    parser.add_argument("--limit", type=int, default=0, help="first N pages per set (0: all)")
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--markdown", action="store_true", help="print markdown tables")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write all measurements here")
    parser.add_argument("--in-process", action="store_true", help="no worker processes, no memory")
    return parser.parse_args(argv)


def available_tools(names: Sequence[str]) -> tuple[list[str], list[str]]:
    """The tools that load, and a note for each one that does not."""
    ready, notes = [], []
    for name in names:
        try:
            TOOLS[name].load()
        except Exception as error:  # ImportError, or a peer failing on import
            notes.append(f"{name} skipped: {error}")
        else:
            ready.append(name)
    return ready, notes


def run_one(tool: str, set_name: str, args: argparse.Namespace) -> Measurement:
    """Measure ``tool`` on ``set_name`` here or in a fresh worker process."""
    if args.in_process:
        found = measure(tool, set_name, args.eval_dir, args.limit)
        return replace(found, peak_rss_mib=None, extra_mib=None)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "result.json"
        command = [sys.executable, "-m", "benchmarks.measure", tool, set_name]
        command += [
            "--eval-dir",
            str(args.eval_dir.resolve()),
            "--limit",
            str(args.limit),
            "--out",
            str(out),
        ]
        subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        return Measurement(**json.loads(out.read_text()))


def run(
    args: argparse.Namespace, tools: Sequence[str], sets: Sequence[str], notes: list[str]
) -> list[Measurement]:
    """Every tool on every set, one set after the other; a crashed worker becomes a note."""
    results = []
    for set_name in sets:
        for tool in tools:
            print(f"{set_name}: {tool} ...", file=sys.stderr, flush=True)
            try:
                results.append(run_one(tool, set_name, args))
            except subprocess.CalledProcessError as error:
                notes.append(f"{tool} on {set_name} failed: exit status {error.returncode}")
    return results


def show(results: Sequence[Measurement], notes: Sequence[str], markdown: bool) -> None:
    """Print a table per set, the F1 overview, the speed table and the notes."""
    for set_name in dict.fromkeys(m.set for m in results):
        rows = [m for m in results if m.set == set_name]
        print(f"\n{set_name} ({rows[0].pages} pages)\n")
        print(report.set_table(rows, markdown=markdown))
        by_type = report.type_table(rows, markdown=markdown)
        if by_type:
            print(f"\n{set_name} by page type: shingle F1 (snippets found: with / without)\n")
            print(by_type)
    print("\nF1 by set\n")
    print(report.f1_table(results, markdown=markdown))
    print("\nSpeed over all sets\n")
    print(report.speed_table(results, markdown=markdown))
    for tool, peers in SPEED_RATIOS:
        for line in report.speed_ratios(results, tool, peers):
            print(f"\n{line}")
    for note in notes:
        print(f"\nnote: {note}")


def write_json(path: Path, results: Sequence[Measurement], notes: Sequence[str]) -> None:
    """All measurements with the date, machine, command and versions."""
    record = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "command": " ".join(["python -m benchmarks.quality", *sys.argv[1:]]),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "load_average": os.getloadavg(),
        "python": platform.python_version(),
        "versions": versions(),
        "notes": list(notes),
        "results": [asdict(m) for m in results],
    }
    path.write_text(json.dumps(record, indent=1))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; 0 also when it is skipped for want of eval data."""
    args = parse(argv)
    sets = [name for name in args.sets if (args.eval_dir / f"{name}.jsonl.gz").exists()]
    if not sets:
        print(f"skipped: no eval sets in {args.eval_dir}")
        return 0
    tools, notes = available_tools(args.tools)
    results = run(args, tools, sets, notes)
    show(results, notes, args.markdown)
    if args.json:
        write_json(args.json, results, notes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
