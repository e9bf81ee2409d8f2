"""Where cleaning's peak memory comes from: tracemalloc's peak inside each stage.

Run from the repository root::

    python -m benchmarks.memory_stages --shape one_word --megabytes 2
    python -m benchmarks.memory_stages --shape html_table --megabytes 2

Each stage (the page split, each detector, the engine's steps, the metadata, the HTML
parse and render) is wrapped; the table gives, per stage, the highest memory Python
allocated while it ran, over what was allocated when cleaning started, in MB and as a
multiple of the input. Nested stages count inside their callers too. tracemalloc sees
Python's allocations only: lxml's tree (libxml2's own ``malloc``) is not in these
figures; :mod:`benchmarks.scaling` gives the resident memory.
"""

from __future__ import annotations

import argparse
import importlib
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import cleantext
from benchmarks.scaling import ALL_SHAPES, HTML_SHAPES, MB
from cleantext.detector import Detector

STAGES = (
    "cleantext.text.page:Page.from_text",
    "cleantext.text.page:LineFeatures.word_counts",
    "cleantext.text.page:LineFeatures.sentence_ends",
    "cleantext.text.page:LineFeatures.tokens",
    "cleantext.text.page:LineFeatures.folded",
    "cleantext.text.page:LineFeatures.body",
    "cleantext.text.page:Page.page_type",
    "cleantext.api:decide",
    "cleantext.engine:_claims",
    "cleantext.engine:_resolve",
    "cleantext.engine:_second_look",
    "cleantext.engine:_segments",
    "cleantext.engine:_assemble",
    "cleantext.api:segment_metadata",
    "cleantext.content.classify:page_features",
    "cleantext.text.features:line_facts",
    "cleantext.content.classify:resolve",
    "cleantext.content.classify:content_windows",
    "cleantext.content.classify:find_headlines",
    "cleantext.content.classify:trailing_edge",
    "cleantext.detectors.classifier:analyse",
    "cleantext.html.api:parse",
    "cleantext.html.api:_read",
    "cleantext.html.api:_render",
    "cleantext.html.evidence:LineReader.take",
    "cleantext.html.api:page_type",
    "cleantext.html.api:html_metadata",
    "cleantext.html.api:decide",
    "cleantext.html.api:segment_metadata",
)
"""``module:qualified name`` of each function or cached property measured."""


@dataclass
class Peaks:
    """The stack of running stages and the highest peak (bytes over the start) of each."""

    start: int = 0
    stack: list[int] = field(default_factory=list)
    entries: list[int] = field(default_factory=list)
    best: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Per stage: its highest peak over the start, and that peak over the stage's entry."""

    def enter(self) -> None:
        """A stage starts: carry the peak so far to the caller, measure afresh."""
        current, peak = tracemalloc.get_traced_memory()
        if self.stack:
            self.stack[-1] = max(self.stack[-1], peak)
        self.stack.append(0)
        self.entries.append(current)
        tracemalloc.reset_peak()

    def leave(self, name: str) -> None:
        """A stage ends: its peak is the highest seen while it (and what it called) ran."""
        peak = max(self.stack.pop(), tracemalloc.get_traced_memory()[1])
        entry = self.entries.pop()
        self.best[name] = max(self.best.get(name, (0, 0)), (peak - self.start, peak - entry))
        if self.stack:
            self.stack[-1] = max(self.stack[-1], peak)
        tracemalloc.reset_peak()


def measured(peaks: Peaks, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` with its peak recorded under ``name``."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        peaks.enter()
        try:
            return function(*args, **kwargs)
        finally:
            peaks.leave(name)

    return wrapper


def instrument(peaks: Peaks) -> None:
    """Wrap every stage of :data:`STAGES` and every detector's ``run``."""
    for stage in STAGES:
        module_name, qualified = stage.split(":")
        owner: Any = importlib.import_module(module_name)
        *path, attribute = qualified.split(".")
        for part in path:
            owner = getattr(owner, part)
        current = (
            owner.__dict__[attribute] if isinstance(owner, type) else getattr(owner, attribute)
        )
        if hasattr(current, "func"):  # a cached property
            current.func = measured(peaks, qualified, current.func)
        elif isinstance(current, property):
            setattr(owner, attribute, property(measured(peaks, qualified, current.fget)))
        elif isinstance(current, classmethod):
            wrapped = measured(peaks, qualified, current.__func__)
            setattr(owner, attribute, classmethod(wrapped))
        else:
            setattr(owner, attribute, measured(peaks, qualified, current))
    run = Detector.run

    def detector_run(self: Detector, page: Any, params: Any = None) -> Any:
        return measured(peaks, f"detector {self.name}", run)(self, page, params)

    Detector.run = detector_run  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shape", choices=sorted(ALL_SHAPES), required=True)
    parser.add_argument("--megabytes", type=float, default=2.0)
    args = parser.parse_args()
    text = ALL_SHAPES[args.shape](int(args.megabytes * MB))
    size = len(text.encode())
    clean = cleantext.clean_html if args.shape in HTML_SHAPES else cleantext.clean
    peaks = Peaks()
    instrument(peaks)
    tracemalloc.start()
    peaks.start = tracemalloc.get_traced_memory()[0]
    peaks.enter()
    clean(text).metadata  # noqa: B018  (read on demand: the metadata's stages run here)
    peaks.leave("total")
    tracemalloc.stop()
    print(f"{args.shape}, {size / MB:.1f} MB; peak Python memory per stage (x input):")
    print(f"  {'stage':40} {'over the start':>14} {'over its entry':>14}")
    for name, (peak, own) in sorted(peaks.best.items(), key=lambda item: -item[1][0]):
        print(f"  {name:40} {peak / size:14.1f} {own / size:14.1f}")


if __name__ == "__main__":
    main()
