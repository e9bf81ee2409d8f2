"""Run every fuzz harness for a while; exit non-zero when one finds a crash.

    python -m fuzz.run                       # 30 s each (FUZZ_SECONDS overrides)
    python -m fuzz.run --seconds 3600 --harness clean_html   # a long run of one

The corpus lives in ``fuzz/corpus/<harness>/`` (not in git): seeded from the fixtures
on every run, it keeps what the fuzzer found interesting between runs. A crashing
input is written to ``fuzz/crashes/<harness>-crash-<sha1>``; turn it into a test in
``tests/test_fuzz.py`` (and a seed in ``fuzz/seed.py``'s ``REGRESSIONS``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from fuzz.seed import write_corpus

HERE = Path(__file__).resolve().parent
HARNESSES = ("clean_text", "clean_html", "jsonl")
MAX_LEN = 65_536
"""Longest input the fuzzer makes, in bytes."""
INPUT_TIMEOUT = 60
"""Seconds one input may take (instrumented code is slow): longer is reported as a hang."""
RSS_LIMIT_MB = 4096


def fuzz_command(harness: str, seconds: int, corpus: Path, crashes: Path) -> list[str]:
    """The command that fuzzes ``harness`` for ``seconds``.

    >>> fuzz_command("jsonl", 30, Path("c"), Path("x"))[2:]
    ['c', '-max_total_time=30', '-max_len=65536', '-timeout=60', '-rss_limit_mb=4096', '-artifact_prefix=x/jsonl-', '-print_final_stats=1']
    """
    return [
        sys.executable,
        str(HERE / f"{harness}.py"),
        str(corpus),
        f"-max_total_time={seconds}",
        f"-max_len={MAX_LEN}",
        f"-timeout={INPUT_TIMEOUT}",
        f"-rss_limit_mb={RSS_LIMIT_MB}",
        f"-artifact_prefix={crashes}/{harness}-",
        "-print_final_stats=1",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Fuzz the chosen harnesses one after the other; 1 when any found a crash."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("FUZZ_SECONDS", "30")))
    parser.add_argument("--harness", nargs="+", choices=HARNESSES, default=list(HARNESSES))
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus")
    parser.add_argument("--crashes", type=Path, default=HERE / "crashes")
    args = parser.parse_args(argv)
    folders = write_corpus(args.corpus)
    args.crashes.mkdir(parents=True, exist_ok=True)
    failed = []
    for harness in args.harness:
        print(f"fuzzing {harness} for {args.seconds} s", flush=True)
        command = fuzz_command(harness, args.seconds, folders[harness], args.crashes)
        if subprocess.run(command, check=False).returncode != 0:
            failed.append(harness)
    if failed:
        print(f"crashes found by: {', '.join(failed)} (inputs in {args.crashes})", flush=True)
    passed = len(args.harness) - len(failed)
    print(f"fuzz: {passed} passed, {len(failed)} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
