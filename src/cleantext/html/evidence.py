"""Evidence per rendered line: the element's XPath, landmarks, tokens and densities.

A line's frame names its block element (:class:`~cleantext.html._walk.Block`), which
writes its XPath as lxml's ``getpath`` does, in time linear in the tree's size.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from cleantext.html.dom import PageEvidence
from cleantext.html.render import RenderedLine
from cleantext.text.page import DomEvidence

MIN_BODY_MATCH_CHARS = 15
"""Shorter lines are not tested against a JSON-LD ``articleBody`` (they match by chance)."""


def line_evidence(
    root: etree._Element, lines: Sequence[RenderedLine], bodies: Sequence[str]
) -> PageEvidence:
    """One :class:`DomEvidence` per rendered line, in order."""
    evidence: list[DomEvidence] = []
    for group in _rendered_blocks(lines):
        link_density, text_density = _densities(group)
        for line in group:
            block, depth, context = line.frame
            chars = line.chars
            evidence.append(
                DomEvidence(
                    block.xpath(),
                    block.tag,
                    context.landmarks,
                    context.tokens,
                    link_density,
                    depth,
                    context.in_body or (bool(bodies) and _in_bodies(line.text, bodies)),
                    context.heading,
                    round(line.link_chars / chars, 3) if chars else 0.0,
                    text_density,
                    context.labels,
                )
            )
    return PageEvidence(evidence)


def _rendered_blocks(lines: Sequence[RenderedLine]) -> list[Sequence[RenderedLine]]:
    """``lines`` cut into rendered blocks (a blank line starts a new one)."""
    starts = [index for index, line in enumerate(lines) if line.brk >= 2 and index]
    bounds = zip([0, *starts], [*starts, len(lines)], strict=True)
    return [lines[start:end] for start, end in bounds if end > start]


def _densities(lines: Sequence[RenderedLine]) -> tuple[float, float]:
    """A rendered block's link density and words per line."""
    links = chars = words = 0
    for line in lines:
        links += line.link_chars
        chars += line.chars
        words += line.words
    return (round(links / chars, 3) if chars else 0.0, round(words / len(lines), 2))


def _in_bodies(text: str, bodies: Sequence[str]) -> bool:
    text = " ".join(text.lstrip(" •").split())
    if len(text) < MIN_BODY_MATCH_CHARS:
        return False
    return any(text in body for body in bodies)
