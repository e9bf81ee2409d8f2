"""The page as the detectors see it: lines, the blank-line gaps between them, and context.

Offsets always point into the original input. A *line* runs from its first
character (indentation included) to its last non-space character; a *gap* is
the whitespace between two lines. Lines separated by a single newline belong
to the same *block*; a blank line or more starts a new one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from operator import itemgetter, methodcaller
from typing import TYPE_CHECKING, Any, NamedTuple

import regex

from cleantext.text._lines import split_lines
from cleantext.text.words import WORD as WORD  # a word, as the page counts them
from cleantext.text.words import line_tokens, word_counts

if TYPE_CHECKING:
    from cleantext.text.page_type import PageType
    from cleantext.text.prefilter import FoldedLines

SENTENCE_END = regex.compile(r"[.!?…。！？:;][\"'”’»)\]]*$")
_STOPS = frozenset(".!?…。！？:;")
"""The stops of :data:`SENTENCE_END`."""
_UNCLOSED = methodcaller("rstrip", "\"'”’»)]")
"""A text without the closing quotes and brackets at its end (those of :data:`SENTENCE_END`)."""
_TAIL, _TAIL_CHAR = itemgetter(slice(-4, None)), itemgetter(slice(-1, None))


class Line(NamedTuple):
    """A non-blank line: ``page.text[start:end]``, with ``text`` its stripped content.

    (A named tuple, not a frozen dataclass: one is built per line of every page, four
    times faster.)
    """

    index: int  # type: ignore[assignment]  # the field hides ``tuple.index``, unused on a line
    start: int
    end: int
    text: str
    block: int
    gap_before: int

    @property
    def indent(self) -> int:
        """Number of characters before the first non-space one."""
        return (self.end - self.start) - len(self.text)


class Gap(NamedTuple):
    """The whitespace between line ``after`` and the next line; ``newlines`` counts line breaks."""

    start: int
    end: int
    newlines: int
    after: int


class DomEvidence(NamedTuple):
    """What the markup says about one rendered line (HTML mode only).

    ``xpath`` and ``tag`` name the block element the line came from; ``landmarks``
    and ``tokens`` are the landmarks (main, article, nav, ...) and canonical
    class/id words of its ancestors; ``link_density`` is the share of link text
    in the line's rendered block, ``line_link_density`` in the line itself;
    ``text_density`` is the block's words per line; ``in_structured_body`` says
    the line is part of the page's JSON-LD or microdata ``articleBody``;
    ``labels`` pairs each token (and each landmark, as ``"<nav>"``) with the
    depth of the deepest ancestor carrying it (``/html`` has depth 1).

    (A named tuple, not a frozen dataclass: one is built per rendered line, five times faster.)
    """

    xpath: str
    tag: str
    landmarks: frozenset[str] = frozenset()
    tokens: frozenset[str] = frozenset()
    link_density: float = 0.0
    depth: int = 0
    in_structured_body: bool = False
    is_heading: bool = False
    line_link_density: float = 0.0
    text_density: float = 0.0
    labels: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Page:
    """A parsed page. Build it with :meth:`Page.from_text`.

    >>> page = Page.from_text("Home > News\\n\\nFirst paragraph.\\nSecond line.")
    >>> [line.text for line in page.lines]
    ['Home > News', 'First paragraph.', 'Second line.']
    >>> [line.block for line in page.lines]
    [0, 1, 1]
    >>> page.gaps[0]
    Gap(start=11, end=13, newlines=2, after=0)
    """

    text: str
    lines: tuple[Line, ...]
    gaps: tuple[Gap, ...]
    evidence: tuple[DomEvidence | None, ...] | None = field(default=None, compare=False)
    claims: Mapping[int, str] | None = field(default=None, compare=False)
    """Lines that named detectors claimed (line index to detector name), for fallback detectors."""

    @classmethod
    def from_text(cls, text: str, evidence: tuple[DomEvidence | None, ...] | None = None) -> Page:
        """Split ``text`` into lines and gaps.

        The compiled kernel :func:`~cleantext.text._lines.split_lines` finds the lines in one
        pass, so a run of blank lines costs one gap whatever its length.

        >>> page = Page.from_text("\\n\\n  Title\\n" + "\\n" * 10_000 + "Body.  ")
        >>> [(line.start, line.end, line.text, line.gap_before) for line in page.lines]
        [(2, 9, 'Title', 2), (10010, 10015, 'Body.', 10001)]
        """
        starts, firsts, ends, breaks = split_lines(text)
        lines: list[Line] = []
        gaps: list[Gap] = []
        block = 0
        for index, (start, first, end, newlines) in enumerate(
            zip(starts, firsts, ends, breaks, strict=True)
        ):
            if index:
                gaps.append(Gap(ends[index - 1], start, newlines, index - 1))
                block += newlines >= 2
            lines.append(Line(index, start, end, text[first:end], block, newlines))
        return cls(text, tuple(lines), tuple(gaps), evidence)

    def with_claims(self, claims: Mapping[int, str]) -> Page:
        """This page, told which lines named detectors claimed; computed properties are kept.

        >>> page = Page.from_text("Home\\n\\nText.")
        >>> page.word_counts and page.with_claims({0: "menu"}).claims
        {0: 'menu'}
        """
        return self._replaced(claims=claims)

    def _replaced(self, **changes: Any) -> Page:
        """This page with ``changes`` to its fields, its computed properties kept."""
        page = replace(self, **changes)
        page.__dict__.update(item for item in vars(self).items() if item[0] not in _FIELDS)
        return page

    def with_page_type(self, page_type: PageType) -> Page:
        """This page, its kind set from outside (HTML mode reads it from the DOM).

        >>> from cleantext.text.page_type import PageType
        >>> Page.from_text("Text.").with_page_type(PageType("forum", "dom")).page_type.kind
        'forum'
        """
        page = self._replaced()
        page.__dict__["page_type"] = page_type
        return page

    @cached_property
    def page_type(self) -> PageType:
        """The page's kind as its text's shape shows it (:mod:`cleantext.text.page_type`).

        Text mode reads it from the lines; a page with DOM evidence is ``unknown``
        unless :meth:`with_page_type` set it.

        >>> Page.from_text("The council met on Monday.").page_type.kind
        'unknown'
        """
        from cleantext.text.page_type import (  # (page_type imports this module)
            NO_TYPE,
            read_page_type,
        )

        return NO_TYPE if self.evidence is not None else read_page_type(self)

    def reusing(self, source: Page, kept: Sequence[int]) -> Page:
        """This page, given ``source``'s per-line word features when its lines are ``source``'s ``kept``.

        The page keeps ``source``'s page type: it is the same page, with fewer lines.

        >>> source = Page.from_text("Home\\n\\nSome text here.")
        >>> source.tokens and Page.from_text("Some text here.").reusing(source, [1]).tokens
        (('some', 'text', 'here'),)
        """
        self.__dict__["page_type"] = source.page_type
        if [line.text for line in self.lines] == [source.lines[i].text for i in kept]:
            known = vars(source)
            self.__dict__.update(
                (name, tuple(known[name][i] for i in kept)) for name in _PER_LINE if name in known
            )
        return self

    @cached_property
    def word_counts(self) -> tuple[int, ...]:
        """Number of ``\\w+`` words on each line."""
        return word_counts([line.text for line in self.lines])

    @cached_property
    def sentence_ends(self) -> tuple[bool, ...]:
        """Whether each line ends like a sentence (as :func:`is_prose` tests it), at C level:
        the last four characters without closing quotes and brackets end in a stop.

        >>> Page.from_text("He said: “Yes.”\\nHome | News\\nWhy?)").sentence_ends
        (True, False, True)
        """
        tails = map(_UNCLOSED, map(_TAIL, [line.text for line in self.lines]))
        return tuple(map(_STOPS.__contains__, map(_TAIL_CHAR, tails)))

    @cached_property
    def tokens(self) -> tuple[tuple[str, ...], ...]:
        """Lower-case word tokens of each line (see :func:`cleantext.text.lexicon.tokens`)."""
        return line_tokens([line.text for line in self.lines])

    @cached_property
    def separator(self) -> int:
        """The page's usual number of line breaks between blocks (the mode of its gaps)."""
        counts = Counter(gap.newlines for gap in self.gaps if gap.newlines >= 2)
        if not counts:
            return 1
        return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]

    @cached_property
    def body(self) -> tuple[int, int]:
        """First and last line index of the densest run of prose (``(0, -1)`` if none).

        Prose lines add their word count, other lines subtract a little; the
        best-scoring run (Kadane's maximum subarray) is the body core.
        """
        best, best_range = 0.0, (0, -1)
        running, run_start = 0.0, 0
        for index, (words, ends) in enumerate(
            zip(self.word_counts, self.sentence_ends, strict=True)
        ):
            running += _prose_weight(words, ends)
            if running <= 0:
                running, run_start = 0.0, index + 1
            elif running > best:
                best, best_range = running, (run_start, index)
        return best_range

    def line_at(self, offset: int) -> int:
        """Index of the first line that ends after ``offset``."""
        low, high = 0, len(self.lines)
        while low < high:
            middle = (low + high) // 2
            if self.lines[middle].end <= offset:
                low = middle + 1
            else:
                high = middle
        return low

    @cached_property
    def folded(self) -> FoldedLines:
        """The short lines case-folded in one text, shared by the detectors' word pre-filters."""
        from cleantext.text.prefilter import (  # (prefilter imports this module)
            SHORT_LINE,
            FoldedLines,
        )

        return FoldedLines(self.lines, max_chars=SHORT_LINE)


def is_prose(text: str, words: int, min_words: int = 10) -> bool:
    """True for a line that reads like running text: enough words, ending like a sentence.

    >>> is_prose("This is a line of ordinary running text that ends with a full stop.", 14)
    True
    >>> is_prose("Home | News | Sport | Weather", 4)
    False
    """
    return words >= min_words and SENTENCE_END.search(text[-4:]) is not None


def counts_as_prose(words: int, ends_sentence: bool, min_words: int = 10) -> bool:
    """:func:`is_prose` from a line's word count and its :attr:`Page.sentence_ends` entry.

    >>> counts_as_prose(14, True), counts_as_prose(14, False), counts_as_prose(8, True, min_words=8)
    (True, False, True)
    """
    return words >= min_words and ends_sentence


def _prose_weight(words: int, ends_sentence: bool) -> float:
    if counts_as_prose(words, ends_sentence):
        return float(words)
    if words >= 25:
        return words / 2
    return -3.0


_FIELDS = frozenset(item.name for item in fields(Page))
_PER_LINE = ("word_counts", "tokens", "sentence_ends")
"""Cached per-line features that depend on the line's text alone."""
