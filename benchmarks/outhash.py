"""Hash cleantext's output on every eval page, to show a change leaves outputs identical.

Every page of every set in ``../shared/eval`` is cleaned in html, text and text_alt
modes; each result's ``as_dict()`` is hashed (sha1 of its canonical JSON). The run
writes one line per (set, mode) with a combined digest, and with ``--save`` every
page's digest, so that two runs can be compared page by page::

    python -m benchmarks.outhash --save before.json
    ... change the code ...
    python -m benchmarks.outhash --compare before.json

``--compare`` exits 1 and names the pages whose output changed. ``--no-metadata`` hashes
each result without its metadata, to show that a metadata change leaves the text and the
removed segments as they were.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from benchmarks.metrics import EVAL_DIR, SETS, load_set

MODES = ("html", "text", "text_alt")


def page_digest(mode: str, content: str, metadata: bool = True) -> str:
    """The sha1 of the canonical JSON of one page's result in ``mode`` (without its
    ``metadata`` when that is false)."""
    import cleantext

    try:
        result = cleantext.clean_html(content) if mode == "html" else cleantext.clean(content)
        record = result.as_dict()
        if not metadata:
            record.pop("metadata", None)
        payload = json.dumps(record, sort_keys=True, ensure_ascii=False)
    except Exception as error:  # an error is an output too: it must not change either
        payload = f"error: {type(error).__name__}: {error}"
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


def set_digests(set_name: str, mode: str, metadata: bool = True) -> list[str]:
    """The digest of every page of ``set_name`` in ``mode``, in file order."""
    pages = load_set(set_name, EVAL_DIR)
    return [page_digest(mode, str(page.get(mode) or ""), metadata) for page in pages]


def run(sets: Sequence[str], workers: int, metadata: bool = True) -> dict[str, list[str]]:
    """Digests keyed by ``set/mode``."""
    jobs = [(set_name, mode) for set_name in sets for mode in MODES]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {f"{s}/{m}": pool.submit(set_digests, s, m, metadata) for s, m in jobs}
        return {key: future.result() for key, future in futures.items()}


def combined(digests: list[str]) -> str:
    """One digest for a whole list of page digests."""
    return hashlib.sha1("".join(digests).encode("ascii")).hexdigest()[:16]


def differences(before: dict[str, list[str]], after: dict[str, list[str]]) -> list[str]:
    """``set/mode#index`` of every page whose digest changed (or set that appeared/vanished).

    >>> differences({"a/html": ["x", "y"]}, {"a/html": ["x", "z"]})
    ['a/html#1']
    """
    changed: list[str] = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old is None or new is None or len(old) != len(new):
            changed.append(key)
            continue
        changed.extend(
            f"{key}#{i}" for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b
        )
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=list(SETS))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--save", type=Path, help="write every page's digest here (JSON)")
    parser.add_argument("--compare", type=Path, help="compare with a file written by --save")
    parser.add_argument(
        "--no-metadata", action="store_true", help="hash the results without their metadata"
    )
    args = parser.parse_args(argv)
    digests = run(args.sets, args.workers, metadata=not args.no_metadata)
    for key, values in digests.items():
        print(f"{key:28} {len(values):5} pages  {combined(values)}")
    if args.save:
        args.save.write_text(json.dumps(digests), encoding="utf-8")
    if args.compare:
        changed = differences(json.loads(args.compare.read_text(encoding="utf-8")), digests)
        print("IDENTICAL" if not changed else f"CHANGED: {len(changed)} pages")
        for item in changed[:50]:
            print("  ", item)
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
