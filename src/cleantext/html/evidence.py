"""Evidence per rendered line: the element's XPath, landmarks, tokens and densities."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from cleantext.html.render import RenderedLine
from cleantext.text.page import DomEvidence

MIN_BODY_MATCH_CHARS = 15
"""Shorter lines are not tested against a JSON-LD ``articleBody`` (they match by chance)."""


def line_evidence(
    root: etree._Element, lines: Sequence[RenderedLine], bodies: Sequence[str]
) -> tuple[DomEvidence, ...]:
    """One :class:`DomEvidence` per rendered line, in order."""
    paths = XPaths()
    evidence = []
    for group in _rendered_blocks(lines):
        link_density, text_density = _densities(group)
        for line in group:
            block, depth, context = line.frame
            chars = line.chars
            evidence.append(
                DomEvidence(
                    paths.of(block),
                    str(block.tag),
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
    return tuple(evidence)


class XPaths:
    """XPaths of elements, as ``getpath`` writes them, in time linear in the tree's size.

    (lxml's ``getpath`` counts an element's preceding siblings on every call,
    which is quadratic on a page with thousands of sibling blocks.)

    >>> from lxml import etree
    >>> root = etree.fromstring("<div><p>a</p><p>b</p><ul><li>c</li></ul></div>", etree.HTMLParser())
    >>> paths = XPaths()
    >>> [paths.of(element) for element in root.iter("p", "li")]
    ['/html/body/div/p[1]', '/html/body/div/p[2]', '/html/body/div/ul/li']
    """

    def __init__(self) -> None:
        self._paths: dict[etree._Element, str] = {}
        self._steps: dict[etree._Element, str] = {}

    def of(self, element: etree._Element) -> str:
        """The XPath of ``element``."""
        paths = self._paths
        chain = []
        node: etree._Element | None = element
        while node is not None and node not in paths:
            parent = node.getparent()
            chain.append((node, parent))
            node = parent
        path = "" if node is None else paths[node]
        for item, parent in reversed(chain):
            path = paths[item] = f"{path}/{self._step(item, parent)}"
        return path

    def _step(self, element: etree._Element, parent: etree._Element | None) -> str:
        if parent is None:
            return str(element.tag)
        step = self._steps.get(element)
        if step is None:
            self._number(parent, str(element.tag))
            step = self._steps[element]
        return step

    def _number(self, parent: etree._Element, tag: str) -> None:
        """Write the steps of all ``tag`` children of ``parent`` (lxml picks them out in C)."""
        same = list(parent.iterchildren(tag))
        if len(same) == 1:
            self._steps[same[0]] = tag
            return
        for number, child in enumerate(same, 1):
            self._steps[child] = f"{tag}[{number}]"


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
