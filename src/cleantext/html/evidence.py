"""Evidence per rendered line: the element's XPath, landmarks, tokens and densities."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from cleantext.html.lines import RenderedLine
from cleantext.page import DomEvidence

MIN_BODY_MATCH_CHARS = 15
"""Shorter lines are not tested against a JSON-LD ``articleBody`` (they match by chance)."""


def line_evidence(
    root: etree._Element, lines: Sequence[RenderedLine], bodies: Sequence[str]
) -> tuple[DomEvidence, ...]:
    """One :class:`DomEvidence` per rendered line, in order."""
    tree = root.getroottree()
    paths: dict[int, str] = {}
    blocks = _block_stats(lines)
    evidence = []
    for line in lines:
        frame = line.frame
        block = frame.block
        key = id(block)
        if key not in paths:
            paths[key] = tree.getpath(block)
        link_density, text_density = blocks[line.block]
        evidence.append(
            DomEvidence(
                xpath=paths[key],
                tag=str(block.tag),
                landmarks=frame.landmarks,
                tokens=frame.tokens,
                link_density=link_density,
                depth=frame.depth,
                in_structured_body=frame.in_body or _in_bodies(line.text, bodies),
                is_heading=frame.heading,
                line_link_density=round(line.link_chars / line.chars, 3) if line.chars else 0.0,
                text_density=text_density,
                labels=frame.labels,
            )
        )
    return tuple(evidence)


def _block_stats(lines: Sequence[RenderedLine]) -> list[tuple[float, float]]:
    """Per rendered block: (link density, words per line); numbers each line's ``block``."""
    totals: list[list[int]] = []
    for line in lines:
        if line.brk >= 2 or not totals:
            totals.append([0, 0, 0, 0])
        line.block = len(totals) - 1
        total = totals[-1]
        total[0] += line.link_chars
        total[1] += line.chars
        total[2] += len(line.text.split())
        total[3] += 1
    return [
        (round(links / chars, 3) if chars else 0.0, round(words / count, 2))
        for links, chars, words, count in totals
    ]


def _in_bodies(text: str, bodies: Sequence[str]) -> bool:
    if not bodies:
        return False
    text = " ".join(text.lstrip(" •").split())
    if len(text) < MIN_BODY_MATCH_CHARS:
        return False
    return any(text in body for body in bodies)
