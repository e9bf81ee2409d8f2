"""Seed corpora from ``fixtures/``: the golden pages and detector cases as text, the same
wrapped in HTML, and JSONL records of them; plus the inputs of every crash fixed so far.

>>> corpus = seeds()
>>> sorted(corpus), all(len(corpus[name]) > 100 for name in corpus)
(['clean_html', 'clean_text', 'jsonl'], True)
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
MAX_SEED_BYTES = 16_384
"""Seeds are cut to this size: the fuzzer mutates small inputs faster."""
REGRESSIONS: dict[str, tuple[bytes, ...]] = {
    "clean_html": (
        "<p\uffff><p>x</p><p>y</p>".encode(),  # issue #10: lxml's ValueError on the tag name
        "<div><p a\ufffe=1>x</p\ufffe></div>".encode(),
        b'<meta charset="hex"><p>x</p>',  # a declared codec that is not a text encoding
        b'<meta charset="punycode"><p>caf\xc3\xa9</p>',  # a codec that refuses 'replace'
    ),
    "clean_text": (("\n" * 5000 + "x").encode(),),
    "jsonl": (b'{"text": "<p\\uffff><p>x</p>"}', b'{"text": 1}', b"[]", b"\xff"),
}
"""Inputs that once broke a promise (each is also a test in tests/test_fuzz.py)."""


def texts() -> Iterator[str]:
    """Every text input of the fixtures: the golden pages and the detector cases."""
    for path in sorted((FIXTURES / "pages").glob("*.txt")):
        if not path.name.endswith(".expected.txt"):
            yield path.read_text(encoding="utf-8")
    for path in sorted((FIXTURES / "detectors").glob("*.json")):
        cases = json.loads(path.read_text(encoding="utf-8"))
        for case in cases.get("positive", []) + cases.get("negative", []):
            yield case["input"]


def as_html(text: str) -> str:
    """``text`` laid out as a page: bullets as a list, short lines as a nav, the rest paragraphs."""
    parts = ["<!DOCTYPE html><html><head><title>Page</title></head><body><article>"]
    for block in text.split("\n\n"):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if lines and all(line.startswith("•") for line in lines):
            items = "".join(f"<li>{html.escape(line[1:].strip())}</li>" for line in lines)
            parts.append(f"<ul>{items}</ul>")
        elif lines and all(len(line.split()) <= 3 for line in lines):
            links = "".join(
                f'<a href="/{n}">{html.escape(line)}</a> ' for n, line in enumerate(lines)
            )
            parts.append(f"<nav>{links}</nav>")
        elif lines:
            parts.append("<p>" + "<br>".join(map(html.escape, lines)) + "</p>")
    parts.append("</article></body></html>")
    return "\n".join(parts)


def seeds() -> dict[str, list[bytes]]:
    """Seed inputs per harness."""
    pages = list(texts())
    return {
        "clean_text": [*_cut(page.encode() for page in pages), *REGRESSIONS["clean_text"]],
        "clean_html": [*_cut(as_html(page).encode() for page in pages), *REGRESSIONS["clean_html"]],
        "jsonl": [
            *_cut(json.dumps({"id": n, "text": page}).encode() for n, page in enumerate(pages)),
            *REGRESSIONS["jsonl"],
        ],
    }


def write_corpus(directory: Path) -> dict[str, Path]:
    """Write each harness's seeds into ``directory/<harness>/`` (kept inputs stay); the folders."""
    folders = {}
    for name, inputs in seeds().items():
        folder = folders[name] = directory / name
        folder.mkdir(parents=True, exist_ok=True)
        for data in inputs:
            (folder / f"seed-{hashlib.sha1(data).hexdigest()}").write_bytes(data)
    return folders


def _cut(inputs: Iterator[bytes]) -> Iterator[bytes]:
    for data in inputs:
        yield data[:MAX_SEED_BYTES]
