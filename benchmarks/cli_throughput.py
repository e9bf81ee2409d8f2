"""Batch throughput and peak memory of ``cleantext --jsonl``, run as a real command.

Two measurements, each printed as a Markdown table row:

``throughput``: builds a JSONL file (``id``, ``url`` and the cleaned field) from
one eval set, runs ``python -m cleantext --jsonl -j N`` on it for each N, and
reports records/s and MB/s of wall time, and the CPU seconds the command and
its workers used (user + system, from ``getrusage``), which on a busy machine
say more than the wall time does.

``memory``: repeats that JSONL into a file of several gigabytes in a temporary
folder, runs the command on it under ``/usr/bin/time -v``, and reports the
largest resident size of any one process (``time``'s figure) and the largest
total of the process tree (the command plus its workers, sampled from
``/proc`` twice a second). The big file is deleted afterwards.

    python -m benchmarks.cli_throughput throughput --set dragnet --jobs 1 2
    python -m benchmarks.cli_throughput memory --gigabytes 2.5 --jobs 2

It skips cleanly (exit 0, with a note) where the eval folder is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
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


def tree_rss_kib(root: int) -> int:
    """Resident size (KiB) of process ``root`` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    sizes: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                status = (entry / "status").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat[1])
            sizes[int(entry.name)] = next(
                (int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")),
                0,
            )
    family, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in family]
        family.update(children)
        frontier.extend(children)
    return sum(sizes.get(pid, 0) for pid in family)


def memory(args: argparse.Namespace, folder: Path) -> None:
    """Print one row: the big file's size, time, and peak memory per process and in total."""
    source = folder / f"{args.set}.{args.field}.jsonl"
    build_jsonl(args.set, args.field, source, args.eval_dir)
    big = folder / "big.jsonl"
    records, size = repeat_file(source, big, args.gigabytes)
    report = folder / "time.txt"
    timed = ["/usr/bin/time", "-v", "-o", str(report), *command(args, args.jobs[0]), str(big)]
    print("$ " + " ".join(timed) + " > /dev/null")
    peak = [0]
    started = time.perf_counter()
    process = subprocess.Popen(timed, stdout=subprocess.DEVNULL)
    sampler = threading.Thread(target=_sample, args=(process, peak), daemon=True)
    sampler.start()
    status = process.wait()
    sampler.join()
    wall = time.perf_counter() - started
    maxrss = next(
        line.split(":")[1].strip()
        for line in report.read_text().splitlines()
        if "Maximum resident" in line
    )
    big.unlink()
    print(
        "| input | records | wall s | records/s | largest process RSS | process tree RSS (peak sum) | exit |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(
        f"| {size / 1e9:.2f} GB | {records:,} | {wall:,.0f} | {records / wall:,.0f} | {int(maxrss) / 1024:.0f} MiB | {peak[0] / 1024:.0f} MiB | {status} |"
    )


def _sample(process: subprocess.Popen[bytes], peak: list[int]) -> None:
    while process.poll() is None:
        peak[0] = max(peak[0], tree_rss_kib(process.pid))
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
