"""What the command line prints: the --explain listing, --json, --list-detectors and --stats.

>>> from cleantext import clean
>>> text = "print PRINT\\n\\nThe council approved the budget on Monday after a long debate."
>>> result = clean(text, config=Config().enable_only("print_banner"))
>>> print(explain(result, "page.txt", Style(colour=False)))
--- removed from page.txt: 1 segment ---
line 1  print_banner  0.93  only print/share/utility words: "print PRINT" (outside the body)
        | print PRINT
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, TextIO

from cleantext.config import Config
from cleantext.model import Result, Segment

ColourChoice = Literal["auto", "always", "never"]
TEXT_LIMIT = 72
"""Longest removed text --explain shows before shortening it with an ellipsis."""
CODES = {"detector": "36", "score": "33", "where": "2", "text": "2", "heading": "1"}
"""ANSI colours: cyan detector, yellow score, dim line number and text, bold heading."""


@dataclass(frozen=True)
class Style:
    """Wraps parts of the listing in ANSI colour codes, or leaves them plain."""

    colour: bool

    def paint(self, part: str, text: str) -> str:
        """``text`` coloured as ``part`` (a key of :data:`CODES`) when colour is on."""
        return f"\x1b[{CODES[part]}m{text}\x1b[0m" if self.colour else text


def wants_colour(choice: ColourChoice, stream: TextIO | None) -> bool:
    """Colour for ``always``; for ``auto`` only when ``stream`` is a terminal and NO_COLOR is unset."""
    if choice != "auto":
        return choice == "always"
    if stream is None or not stream.isatty():
        return False
    return not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


GAP_DETECTOR = "ad_gap"
"""The one detector whose blank-only segments --explain always lists: the gaps are its finding."""


def explain(result: Result, name: str, style: Style, *, gaps: bool = False) -> str:
    """The removed segments, one entry each: where, detector, score, reason, then the text.

    Segments that hold only line breaks (gaps between removed blocks) are counted but
    listed only with ``gaps``, except the ad gaps, which are findings of their own.
    """
    spans = line_spans(result.source_text, result.removed)
    shown = [
        (segment, span)
        for segment, span in zip(result.removed, spans, strict=True)
        if gaps or segment.text.strip() or segment.detector == GAP_DETECTOR
    ]
    count, hidden = len(result.removed), len(result.removed) - len(shown)
    heading = f"--- removed from {name}: {count} segment{'' if count == 1 else 's'} ---"
    lines = [style.paint("heading", heading)]
    width = max((len(_where(span)) for _, span in shown), default=0)
    name_width = max((len(segment.detector) for segment, _ in shown), default=0)
    for segment, span in shown:
        lines.extend(_entry(segment, _where(span).ljust(width), name_width, style))
    if hidden:
        plural = "gap that holds" if hidden == 1 else "gaps that hold"
        lines.append(f"({hidden} {plural} only line breaks not listed; --show-gaps lists them)")
    return "\n".join(lines)


def _entry(segment: Segment, where: str, name_width: int, style: Style) -> list[str]:
    head = "  ".join(
        (
            style.paint("where", where),
            style.paint("detector", segment.detector.ljust(name_width)),
            style.paint("score", f"{segment.score:.2f}"),
            segment.reason,
        )
    )
    entry = [head, " " * len(where) + "  " + style.paint("text", "| " + shorten(segment.text))]
    if segment.source:
        entry.append(" " * len(where) + "  " + style.paint("text", "@ " + segment.source))
    return entry


def _where(span: tuple[int, int]) -> str:
    first, last = span
    return f"line {first}" if first == last else f"lines {first}-{last}"


def line_spans(source: str, segments: Sequence[Segment]) -> list[tuple[int, int]]:
    """The 1-based first and last line of each segment (segments sorted by offset).

    >>> line_spans("a\\nb\\nc", [Segment(2, 5, "b\\nc", "x", "", 1.0)])
    [(2, 3)]
    """
    spans = []
    line, position = 1, 0
    for segment in segments:
        line += source.count("\n", position, segment.start)
        position = segment.start
        last = line + source.count("\n", segment.start, max(segment.end - 1, segment.start))
        spans.append((line, last))
    return spans


def shorten(text: str, limit: int = TEXT_LIMIT) -> str:
    """``text`` on one line, shortened to ``limit`` characters; blank runs are described.

    >>> shorten("Home >\\n News"), shorten("\\n\\n\\n"), shorten("x" * 10, limit=5)
    ('Home > ⏎ News', '(3 line breaks)', 'xxxx…')
    """
    if not text.strip():
        breaks = text.count("\n")
        return f"({breaks} line break{'' if breaks == 1 else 's'})" if breaks else "(blank)"
    flat = " ⏎ ".join(" ".join(line.split()) for line in text.strip().splitlines() if line.strip())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def result_json(result: Result, *, markdown: bool = False, mode_guessed: bool = False) -> str:
    """The whole result as one line of JSON: text (and its ``markdown`` when asked), removed
    segments, metadata, and the mode it was cleaned in (``html`` when the page's markup was
    read, else ``text``) with whether that mode was sniffed.

    >>> from cleantext import clean
    >>> result_json(clean("Budget passed."), mode_guessed=True)
    '{"text": "Budget passed.", "removed": [], "metadata": {}, "mode": "text", "mode_guessed": true}'
    """
    data = result.as_dict()
    if markdown:
        data = {"text": data.pop("text"), "markdown": result.to_markdown(), **data}
    data["mode"] = "text" if result.structure is None else "html"
    data["mode_guessed"] = mode_guessed
    return json.dumps(data, ensure_ascii=False)


def detector_listing(config: Config) -> str:
    """Each detector's name and description, with its tunable parameters and their defaults."""
    registry = config.registry()
    width = max(len(name) for name in registry)
    lines = []
    for name, detector in registry.items():
        lines.append(f"{name.ljust(width)}  {detector.description}")
        params = ", ".join(
            f"{name}={getattr(detector.params, name)!r}" for name in detector.param_names()
        )
        if params:
            lines.append(f"{' ' * width}  parameters: {params}")
    return "\n".join(lines)


@dataclass
class Tally:
    """Running counts for --stats: records, failures, the fields cleaned, skipped inputs by
    reason, and segments and characters per detector."""

    records: int = 0
    failed: int = 0
    segments: Counter[str] = field(default_factory=Counter)
    chars: Counter[str] = field(default_factory=Counter)
    fields: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)

    def skip(self, reason: str) -> None:
        """Count one input that is not a page (a WARC request or image record, say)."""
        self.skipped[reason] += 1

    def add(
        self, removed: Iterable[tuple[str, int]], *, failed: bool = False, field: str | None = None
    ) -> None:
        """Count one record, the field it was cleaned from and its removed ``(detector,
        characters)`` pairs."""
        self.records += 1
        self.failed += failed
        if field is not None:
            self.fields[field] += 1
        for detector, size in removed:
            self.segments[detector] += 1
            self.chars[detector] += size

    def table(self) -> str:
        """The counts as a small table, detectors with the most characters removed first."""
        failed = f", {self.failed:,} failed" if self.failed else ""
        width = max((len(name) for name in self.chars), default=0) + 2
        rows = [f"{self.records:,} record{'' if self.records == 1 else 's'}{failed}"]
        if self.fields:
            used = ", ".join(f"{name} {count:,}" for name, count in self.fields.most_common())
            rows.append(f"cleaned from field: {used}")
        if self.skipped:
            reasons = ", ".join(f"{reason} {count:,}" for reason, count in _by_count(self.skipped))
            rows.append(f"{sum(self.skipped.values()):,} skipped: {reasons}")
        rows.append(f"{'detector':<{width}} {'segments':>10} {'chars':>12}")
        for name, chars in _by_count(self.chars):
            rows.append(f"{name:<{width}} {self.segments[name]:>10,} {chars:>12,}")
        total_segments, total_chars = sum(self.segments.values()), sum(self.chars.values())
        rows.append(f"{'total':<{width}} {total_segments:>10,} {total_chars:>12,}")
        return "\n".join(rows)


def _by_count(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def removed_pairs(result: Result) -> tuple[tuple[str, int], ...]:
    """``(detector, characters)`` for each removed segment, the form :class:`Tally` counts."""
    return tuple((segment.detector, len(segment.text)) for segment in result.removed)
