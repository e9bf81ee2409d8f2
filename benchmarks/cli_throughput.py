"""Batch throughput and peak memory of ``cleantext --jsonl``, run as a real command.

Two measurements, each printed as a Markdown table row:

``throughput``: builds a JSONL file (``id``, ``url`` and the cleaned field) from
one eval set, runs ``python -m cleantext --jsonl -j N`` on it for each N, and
reports records/s and MB/s of wall time, and the CPU seconds the command and
its workers used (user + system, from ``getrusage``), which on a busy machine
say more than the wall time does.

``memory``: repeats that JSONL into a file of several gigabytes in a temporary
folder, runs the command on it under ``/usr/bin/time -v``, counts the records
it writes, and reports the largest resident size of any one process
(``time``'s figure) and the largest total of the process tree (the command
plus its workers, sampled from ``/proc`` twice a second). ``--stop-after S``
sends the command Ctrl-C after S seconds (for a slow configuration); the row
then says how far it got. The big file is deleted afterwards.

    python -m benchmarks.cli_throughput throughput --set dragnet --jobs 1 2
    python -m benchmarks.cli_throughput memory --gigabytes 2.5 --jobs 2 --only print_banner
    python -m benchmarks.cli_throughput memory --gigabytes 2.5 --jobs 2 --stop-after 600

It skips cleanly (exit 0, with a note) where the eval folder is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.metrics import EVAL_DIR

COMMAND = [sys.executable, "-m", "cleantext", "--jsonl"]
SAMPLE_SECONDS = 0.5
"""How often the memory run sums the resident size of the command's process tree."""


def build_jsonl(
    set_name: str, field: str, target: Path, eval_dir: Path = EVAL_DIR
) -> tuple[int, int]:
    """Write ``id``, ``url`` and ``field`` of every page of ``set_name``; return (records, bytes)."""
    records = 0
    with (
        gzip.open(eval_dir / f"{set_name}.jsonl.gz", "rt", encoding="utf-8") as pages,
        target.open("w", encoding="utf-8") as out,
    ):
        for line in pages:
            page = json.loads(line)
            out.write(
                json.dumps(
                    {"id": page["id"], "url": page.get("url"), field: page[field]},
                    ensure_ascii=False,
                )
                + "\n"
            )
            records += 1
    return records, target.stat().st_size


def run_timed(args: Sequence[str]) -> tuple[float, float, int]:
    """Run ``args`` with stdout to /dev/null; return wall seconds, CPU seconds, exit status."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(list(args), stdout=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode


def throughput(args: argparse.Namespace, folder: Path) -> None:
    """Print one row per job count: records/s and MB/s over the set."""
    source = folder / f"{args.set}.{args.field}.jsonl"
    records, size = build_jsonl(args.set, args.field, source, args.eval_dir)
    print(
        f"{args.set}: {records} records, {size / 1e6:.1f} MB ({args.field} field); load average {os.getloadavg()[0]:.1f}"
    )
    print("| jobs | wall s | records/s | MB/s | CPU s | records per CPU s | exit |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for jobs in args.jobs:
        wall, cpu, status = run_timed([*command(args, jobs), str(source)])
        print(
            f"| {jobs} | {wall:.1f} | {records / wall:,.0f} | {size / 1e6 / wall:.2f} | {cpu:.1f} | {records / cpu:,.0f} | {status} |"
        )


def repeat_file(source: Path, target: Path, gigabytes: float) -> tuple[int, int]:
    """Append ``source`` to ``target`` until it holds ``gigabytes``; return (records, bytes)."""
    block = source.read_bytes()
    lines = block.count(b"\n")
    copies = max(1, int(gigabytes * 1e9 // len(block)) + 1)
    with target.open("wb") as out:
        for _ in range(copies):
            out.write(block)
    return lines * copies, target.stat().st_size


def process_table() -> tuple[dict[int, int], dict[int, int]]:
    """Every process's parent and resident size (KiB), from /proc."""
    parents: dict[int, int] = {}
    sizes: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            status = (entry / "status").read_text()
        except OSError:
            continue
        parents[int(entry.name)] = int(stat[1])
        rss = (line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:"))
        sizes[int(entry.name)] = int(next(rss, "0"))
    return parents, sizes


def descendants(root: int, parents: dict[int, int]) -> set[int]:
    """``root`` and every process below it."""
    family, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in family]
        family.update(children)
        frontier.extend(children)
    return family


def memory(args: argparse.Namespace, folder: Path) -> None:
    """Print one row: the big file's size, records done, time, and peak memory."""
    source = folder / f"{args.set}.{args.field}.jsonl"
    build_jsonl(args.set, args.field, source, args.eval_dir)
    big = folder / "big.jsonl"
    records, size = repeat_file(source, big, args.gigabytes)
    report = folder / "time.txt"
    timed = ["/usr/bin/time", "-v", "-o", str(report), *command(args, args.jobs[0]), str(big)]
    print("$ " + " ".join(timed) + " | wc -l")
    run = MemoryRun(subprocess.Popen(timed, stdout=subprocess.PIPE), args.stop_after)
    status, wall = run.wait()
    maxrss = next(
        int(line.split(":")[1])
        for line in report.read_text().splitlines()
        if "Maximum resident" in line
    )
    big.unlink()
    done = run.lines[0]
    print(
        "| input | records done | of | wall s | records/s | largest process RSS | process tree RSS (peak sum) | exit |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(
        f"| {size / 1e9:.2f} GB | {done:,} ({size * done / records / 1e9:.2f} GB) | {records:,} | {wall:,.0f} "
        f"| {done / wall:,.0f} | {maxrss / 1024:.0f} MiB | {run.peak[0] / 1024:.0f} MiB | {status} |"
    )


class MemoryRun:
    """A running command: its output lines counted, its process tree's memory sampled."""

    def __init__(self, process: subprocess.Popen[bytes], stop_after: float | None) -> None:
        self.process, self.stop_after = process, stop_after
        self.lines, self.peak = [0], [0]
        self.started = time.perf_counter()
        self.threads = [
            threading.Thread(target=self._count, daemon=True),
            threading.Thread(target=self._sample, daemon=True),
        ]
        for thread in self.threads:
            thread.start()

    def wait(self) -> tuple[int, float]:
        """Wait for the end; return the exit status and the wall seconds."""
        status = self.process.wait()
        for thread in self.threads:
            thread.join()
        return status, time.perf_counter() - self.started

    def _count(self) -> None:
        assert self.process.stdout is not None
        while block := self.process.stdout.read(1 << 20):
            self.lines[0] += block.count(b"\n")

    def _sample(self) -> None:
        while self.process.poll() is None:
            parents, sizes = process_table()
            family = descendants(self.process.pid, parents)
            self.peak[0] = max(self.peak[0], sum(sizes.get(pid, 0) for pid in family))
            if self.stop_after and time.perf_counter() - self.started > self.stop_after:
                command = [pid for pid in family if parents.get(pid) == self.process.pid]
                for pid in command:  # Ctrl-C to the command itself (time's child)
                    os.kill(pid, signal.SIGINT)
                self.stop_after = None
            time.sleep(SAMPLE_SECONDS)


def command(args: argparse.Namespace, jobs: int) -> list[str]:
    """The cleantext command line for ``jobs`` workers, without its input file."""
    only = ["--only", args.only] if args.only else []
    return [*COMMAND, "--field", args.field, "-j", str(jobs), *only]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("throughput", "memory"))
    parser.add_argument("--set", default="dragnet", help="eval set name (default: dragnet)")
    parser.add_argument(
        "--field", default="text", help="field to clean: text or html (default: text)"
    )
    parser.add_argument(
        "--jobs", type=int, nargs="+", default=[1, 2], help="job counts (memory uses the first)"
    )
    parser.add_argument(
        "--gigabytes", type=float, default=2.5, help="size of the memory run's input"
    )
    parser.add_argument(
        "--stop-after", type=float, help="memory: stop the command (Ctrl-C) after this many seconds"
    )
    parser.add_argument("--only", help="pass --only NAME to the command (a faster memory run)")
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--tmp", type=Path, default=None, help="folder for the generated files")
    args = parser.parse_args(argv)
    if not (args.eval_dir / f"{args.set}.jsonl.gz").exists():
        print(f"skipped: no {args.set}.jsonl.gz in {args.eval_dir}")
        return 0
    folder = Path(tempfile.mkdtemp(prefix="cleantext-cli-", dir=args.tmp))
    try:
        (throughput if args.what == "throughput" else memory)(args, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
