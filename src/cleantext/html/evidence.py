"""Evidence per rendered line: the element's XPath, landmarks, tokens and densities.

A line's frame names its block element (:class:`~cleantext.html._walk.Block`), which
writes its XPath as lxml's ``getpath`` does, in time linear in the tree's size.
:class:`LineReader` reads everything the page keeps of its rendered lines a rendered
block at a time, while the walk goes on, so that a large page never holds all its
rendered lines (and their frames) beside their evidence.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence

import regex
from lxml import etree

from cleantext.html._evidence import read_kinds
from cleantext.html._walk import Block, RenderedBlock, RenderedLine
from cleantext.html.dom import ITEMS_KEPT, EvidenceKind, PageEvidence
from cleantext.structure import Event

MIN_BODY_MATCH_CHARS = 15
"""Shorter lines are not tested against a JSON-LD ``articleBody`` (they match by chance)."""
RENDERED_LINE = regex.compile(r"[^\n]+")
"""A line of a rendered text (its lines hold no line break; blank lines are breaks)."""


class LineReader:
    """Reads a page's rendered blocks in order (:meth:`take`, a
    :class:`~cleantext.html.lines.BlockReader`): each line's evidence (:meth:`evidence`,
    once the walk is done), the link and image events of the lines that have them (by line
    number), the ``<h1>`` lines' texts.

    A line's XPath is only known once the walk has left its ancestors (``p`` or ``p[1]``
    depends on the siblings that follow), so each line keeps its block element until then.

    >>> from lxml import etree
    >>> from cleantext.html.render import render
    >>> root = etree.fromstring("<h1>Title</h1><p>See <a href='/x'>this</a></p><p>Two</p>", etree.HTMLParser())
    >>> reader = LineReader()
    >>> render(root, reader=reader).lines
    []
    >>> [item.xpath for item in reader.evidence()], reader.headings, list(reader.events)
    (['/html/body/h1', '/html/body/p[1]', '/html/body/p[2]'], ['Title'], [1])
    """

    def __init__(self) -> None:
        self.events: dict[int, tuple[Event, ...]] = {}
        self.headings: list[str] = []
        self._evidence = PageEvidence()  # (its kinds so far; the lines are added at the end)
        self._blocks: list[Block | None] = []  # (each line's block element, until its XPath)
        self._kinds = array("i")  # (each line's kind: the rest of its evidence, numbered)
        self._pending: list[EvidenceKind] | None = []  # (a small page's kinds, not numbered)

    def take(self, block: RenderedBlock) -> None:
        """Read one rendered block's lines (their kinds: :func:`~cleantext.html._evidence.
        read_kinds`, compiled)."""
        if block.events:  # (most blocks have none: no call then)
            first = len(self._blocks)
            for index, events in block.events.items():
                self.events[first + index] = events
        if block.headings:
            self.headings.extend(block.headings)
        self._blocks.extend(block.elements)
        self._pending = read_kinds(block, self._pending, self._evidence, self._kinds, ITEMS_KEPT)

    def evidence(self, bodies: Sequence[str] = (), texts: Iterable[str] = ()) -> PageEvidence:
        """Each line's evidence, in order (once the walk is done: it reads each only once).
        A line is in the structured body when its context is, or when its text (``texts``:
        the lines' texts in order, read only with ``bodies``) is found in one of the page's
        JSON-LD ``articleBody`` texts, ``bodies``."""
        evidence = self._evidence
        xpaths = self._xpaths()
        pending = self._pending
        if pending is not None:  # (a small page: its kinds as they are)
            if bodies:
                for index, text in enumerate(texts):
                    pending[index] = _in_body_kind(pending[index], text, bodies)
            evidence.extend_kinds(xpaths, pending)
        else:
            numbers = self._kinds
            if bodies:
                for index, text in enumerate(texts):
                    kind = evidence.kind(numbers[index])
                    found = _in_body_kind(kind, text, bodies)
                    numbers[index] = (
                        numbers[index] if found is kind else evidence.kind_number(found)
                    )
            evidence.extend(xpaths, numbers)
        self._kinds, self._pending, self._blocks = array("i"), [], []
        return evidence

    def _xpaths(self) -> Iterator[str]:
        """Each line's XPath, in order, its block element let go once read."""
        blocks = self._blocks
        for index, block in enumerate(blocks):
            assert block is not None, "the evidence is read once"
            blocks[index] = None
            yield block.xpath()


def _in_body_kind(kind: EvidenceKind, text: str, bodies: Sequence[str]) -> EvidenceKind:
    """A line's kind once its text is tested against the page's JSON-LD ``articleBody``
    texts: in the structured body when found in one of them (else ``kind`` itself)."""
    tag, landmarks, tokens, link_density, depth, in_body, heading, line_link, words, labels = kind
    if in_body or not _in_bodies(text, bodies):
        return kind
    return (tag, landmarks, tokens, link_density, depth, True, heading, line_link, words, labels)


def line_evidence(
    root: etree._Element, lines: Sequence[RenderedLine], bodies: Sequence[str]
) -> PageEvidence:
    """One :class:`DomEvidence` per rendered line, in order."""
    reader = LineReader()
    for start, end in _rendered_blocks(lines):
        reader.take(RenderedBlock.of(lines[start:end]))
    return reader.evidence(bodies, (line.text for line in lines))


def rendered_lines(text: str) -> Iterator[str]:
    """The lines of a rendered text (:meth:`LineBuilder.text`), each made when read.

    >>> list(rendered_lines("One\\n\\n  • two\\nthree"))
    ['One', '  • two', 'three']
    """
    return (match.group() for match in RENDERED_LINE.finditer(text))


def _rendered_blocks(lines: Sequence[RenderedLine]) -> Iterator[tuple[int, int]]:
    """The bounds of each rendered block of ``lines`` (a blank line starts a new one)."""
    start = 0
    for index in range(1, len(lines)):
        if lines[index].brk >= 2:
            yield start, index
            start = index
    if lines:
        yield start, len(lines)


def _in_bodies(text: str, bodies: Sequence[str]) -> bool:
    text = " ".join(text.lstrip(" •").split())
    if len(text) < MIN_BODY_MATCH_CHARS:
        return False
    return any(text in body for body in bodies)
