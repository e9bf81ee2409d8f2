"""The page as the detectors see it: lines, the blank-line gaps between them, and context.

Offsets always point into the original input. A *line* runs from its first
character (indentation included) to its last non-space character; a *gap* is
the whitespace between two lines. Lines separated by a single newline belong
to the same *block*; a blank line or more starts a new one.

The lines are kept compactly by the compiled :class:`~cleantext.text._lines.LineTable`
(offsets in arrays); a :class:`Line` is built when a detector reads it. The per-line
word features (:attr:`Page.word_counts`, :attr:`Page.sentence_ends`, :attr:`Page.tokens`)
are arrays too, computed once, when first read.
"""

from __future__ import annotations

from abc import abstractmethod
from array import array
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar, overload

import regex

from cleantext.text._lines import Flags, Gaps, LineTable
from cleantext.text._lines import Gap as Gap
from cleantext.text._lines import Line as Line
from cleantext.text._page import (
    body_core,
    gap_newlines,
    same_lines,
    selected_counts,
    usual_separator,
)
from cleantext.text._words import LineTokens
from cleantext.text.words import WORD as WORD  # a word, as the page counts them
from cleantext.text.words import line_tokens, word_counts

if TYPE_CHECKING:
    from cleantext.text._features import LineFacts
    from cleantext.text.page_type import PageType
    from cleantext.text.prefilter import FoldedLines

Value = TypeVar("Value")


class computed_once(Generic[Value]):  # (lower case: a decorator, like ``property``)
    """An attribute computed when first read, then kept on the instance: what
    :class:`functools.cached_property` does, without the lock Python 3.11's takes on every
    first read (about twenty a page; a page is read by one thread). Being a non-data
    descriptor, the kept value is found before it on later reads; deleting the value (as
    :meth:`LineFeatures.forget` does) makes the next read compute it again.

    >>> class Square:
    ...     @computed_once
    ...     def area(self) -> int:
    ...         print("computed")
    ...         return 4
    >>> square = Square()
    >>> square.area, square.area
    computed
    (4, 4)
    """

    def __init__(self, compute: Callable[[Any], Value]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> computed_once[Value]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> Value: ...

    def __get__(self, instance: object, owner: type | None = None) -> Value | computed_once[Value]:
        """The kept value's first read: compute it and keep it under the attribute's name."""
        if instance is None:
            return self
        value = self.compute(instance)
        vars(instance)[self.name] = value
        return value


SENTENCE_END = regex.compile(r"[.!?…。！？:;][\"'”’»)\]]*$")


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


class EvidenceColumns(Sequence[DomEvidence]):
    """Evidence kept in columns, its items made when read (HTML mode's
    :class:`~cleantext.html.dom.PageEvidence`): it selects some lines' evidence without
    making their items."""

    @abstractmethod
    def select(self, kept: Sequence[int]) -> EvidenceColumns:
        """The evidence of the lines ``kept`` (line numbers, in order)."""


def kept_evidence(
    evidence: Sequence[DomEvidence | None], kept: Sequence[int]
) -> Sequence[DomEvidence | None]:
    """The evidence of the lines ``kept`` (line numbers, in order), in columns when it was.

    >>> kept_evidence((DomEvidence("/a", "a"), None, DomEvidence("/b", "b")), [0, 1])
    (DomEvidence(xpath='/a', tag='a', landmarks=frozenset(), tokens=frozenset(), \
link_density=0.0, depth=0, in_structured_body=False, is_heading=False, line_link_density=0.0, \
text_density=0.0, labels=()), None)
    """
    if isinstance(evidence, EvidenceColumns):
        return evidence.select(kept)
    return tuple(evidence[index] for index in kept)


NAMED_READS = ("folded", "folded_longer", "gap_newlines", "token_counts")
"""The line features that only the named detectors and the page type read."""


class LineFeatures:
    """What a page's lines give, each computed when first read: per-line word features
    (arrays, one entry per line), the body core, the usual separator, the folded short lines.

    The copies of a page (:meth:`Page.with_claims`, :meth:`Page.with_page_type`) share one,
    so nothing is computed twice; :meth:`select` carries the word features over to the
    page made of some of the lines.
    """

    def __init__(self, lines: LineTable) -> None:
        self.lines = lines

    @computed_once
    def word_counts(self) -> array[int]:
        """Number of ``\\w+`` words on each line: counted with the tokens, in one pass."""
        counted = self.tokens.word_counts
        return word_counts(self.lines) if counted is None else counted

    @computed_once
    def sentence_ends(self) -> Flags:
        """Whether each line ends like a sentence (a byte a line)."""
        return self.lines.sentence_ends()

    @computed_once
    def tokens(self) -> LineTokens:
        """Lower-case word tokens of each line."""
        return line_tokens(self.lines)

    @computed_once
    def gap_newlines(self) -> array[int]:
        """The number of line breaks of each gap (see :attr:`Page.gap_newlines`)."""
        return gap_newlines(self.lines)

    @computed_once
    def token_counts(self) -> array[int]:
        """Number of tokens on each line."""
        return self.tokens.counts()

    @computed_once
    def separator(self) -> int:
        """The usual number of line breaks between blocks: the most frequent of the gaps'
        counts of 2 or more, the smallest on a tie, else 1 (compiled:
        :func:`~cleantext.text._page.usual_separator`)."""
        return usual_separator(self.gap_newlines)

    @computed_once
    def body(self) -> tuple[int, int]:
        """First and last line index of the densest run of prose (see :attr:`Page.body`),
        found by the compiled :func:`~cleantext.text._page.body_core`."""
        return body_core(self.word_counts, self.sentence_ends)

    @computed_once
    def folded(self) -> FoldedLines:
        """The short lines case-folded in one text (see :attr:`Page.folded`)."""
        from cleantext.text.prefilter import (  # (prefilter imports this module)
            SHORT_LINE,
            FoldedLines,
        )

        return FoldedLines(self.lines, max_chars=SHORT_LINE)

    @computed_once
    def folded_longer(self) -> FoldedLines | None:
        """The lines too long for :attr:`folded`, up to a bound, case-folded in one text
        (see :attr:`Page.folded_longer`)."""
        from cleantext.text.prefilter import longer_folded  # (prefilter imports this module)

        return longer_folded(self.lines)

    @computed_once
    def line_facts(self) -> LineFacts:
        """What each line's own text gives the content classifier (see
        :func:`cleantext.text.features.line_facts`)."""
        from cleantext.text.features import line_facts  # (features imports this module)

        return line_facts(self)

    def forget_named_reads(self) -> None:
        """Drop the folded lines (short and longer), the gaps' line breaks and the token counts (computed
        again if read again): once the named detectors and the page type are done, the
        content classifier reads none of them, and on a page of one-word lines they hold
        three times its size.

        >>> features = Page.from_text("Home\\n\\nText.").features
        >>> features.folded.text, list(features.gap_newlines), list(features.token_counts)
        ('home\\ntext.', [2], [1, 1])
        >>> features.forget_named_reads()
        >>> sorted(name for name in NAMED_READS if name in vars(features))
        []
        """
        for name in NAMED_READS:
            vars(self).pop(name, None)  # (the cached properties' values)

    def forget(self) -> None:
        """Drop every feature computed so far (each is computed again if read again): once
        the engine has decided, only the lines are read, and on a page of one-word lines
        the features hold about twice its size.

        >>> features = Page.from_text("Home\\n\\nText.").features
        >>> features.word_counts.tolist(), features.body
        ([1, 1], (0, -1))
        >>> features.forget()
        >>> sorted(vars(features))
        ['lines']
        """
        for name in [name for name in vars(self) if name != "lines"]:
            del vars(self)[name]  # (the cached properties' values)

    def select(self, kept: Sequence[int], lines: LineTable) -> LineFeatures:
        """The features of ``lines``, which are this table's lines ``kept`` (indexes, in
        order): the word features computed so far are carried over."""
        chosen = LineFeatures(lines)
        computed = vars(self)  # (the cached properties computed so far)
        if "word_counts" in computed:
            chosen.word_counts = selected_counts(self.word_counts, kept)
        if "sentence_ends" in computed:
            chosen.sentence_ends = self.sentence_ends.select(kept)
        if "tokens" in computed:
            chosen.tokens = self.tokens.select(kept)
        if "line_facts" in computed:
            chosen.line_facts = self.line_facts.select(kept)
        return chosen


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
    lines: LineTable = field(repr=False)
    """The non-blank lines, a sequence of :class:`Line` built on demand."""
    features: LineFeatures = field(repr=False, compare=False)
    evidence: Sequence[DomEvidence | None] | None = field(default=None, compare=False)
    claims: Mapping[int, str] | None = field(default=None, compare=False)
    """Lines that named detectors claimed (line index to detector name), for fallback detectors."""
    given_type: PageType | None = field(default=None, compare=False, repr=False)
    """The page's kind when it was set from outside (:meth:`with_page_type`)."""

    @classmethod
    def from_text(cls, text: str, evidence: Sequence[DomEvidence | None] | None = None) -> Page:
        """Split ``text`` into lines and gaps.

        The compiled :class:`~cleantext.text._lines.LineTable` finds the lines in one pass,
        so a run of blank lines costs one gap whatever its length.

        >>> page = Page.from_text("\\n\\n  Title\\n" + "\\n" * 10_000 + "Body.  ")
        >>> [(line.start, line.end, line.text, line.gap_before) for line in page.lines]
        [(2, 9, 'Title', 2), (10010, 10015, 'Body.', 10001)]
        """
        lines = LineTable(text)
        return cls(text, lines, LineFeatures(lines), evidence)

    @property
    def gaps(self) -> Gaps:
        """The gaps between the lines, a sequence of :class:`Gap` built on demand."""
        return self.lines.gaps

    def with_claims(self, claims: Mapping[int, str]) -> Page:
        """This page, told which lines named detectors claimed; what it computed is kept.

        >>> page = Page.from_text("Home\\n\\nText.")
        >>> page.with_claims({0: "menu"}).claims
        {0: 'menu'}
        """
        return self._copy(self.features, claims, self.page_type)

    def with_page_type(self, page_type: PageType) -> Page:
        """This page, its kind set from outside (HTML mode reads it from the DOM).

        >>> from cleantext.text.page_type import PageType
        >>> Page.from_text("Text.").with_page_type(PageType("forum", "dom")).page_type.kind
        'forum'
        """
        return self._copy(self.features, self.claims, page_type)

    def reusing(self, source: Page, kept: Sequence[int]) -> Page:
        """This page, given ``source``'s word features when its lines are ``source``'s ``kept``.

        The page keeps ``source``'s page type: it is the same page, with fewer lines.

        >>> source = Page.from_text("Home\\n\\nSome text here.")
        >>> source.tokens[1] and list(Page.from_text("Some text here.").reusing(source, [1]).tokens)
        [('some', 'text', 'here')]
        """
        features = self.features
        if same_lines(self.lines, source.lines, kept):  # (compiled: no line is built)
            features = source.features.select(kept, self.lines)
        return self._copy(features, self.claims, source.page_type)

    def _copy(
        self,
        features: LineFeatures,
        claims: Mapping[int, str] | None,
        given_type: PageType | None,
    ) -> Page:
        """This page's text, lines and evidence with ``features``, ``claims`` and
        ``given_type`` (what ``dataclasses.replace`` gives, without its walk over the fields:
        the engine copies each page two or three times)."""
        return type(self)(
            text=self.text,
            lines=self.lines,
            features=features,
            evidence=self.evidence,
            claims=claims,
            given_type=given_type,
        )

    @computed_once
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

        if self.given_type is not None:
            return self.given_type
        return NO_TYPE if self.evidence is not None else read_page_type(self)

    @property
    def word_counts(self) -> array[int]:
        """Number of ``\\w+`` words on each line.

        >>> list(Page.from_text("Home | News-room | 2024\\n• Café au lait").word_counts)
        [4, 3]
        """
        return self.features.word_counts

    @property
    def sentence_ends(self) -> Flags:
        """Whether each line ends like a sentence (as :func:`is_prose` tests it): the last
        four characters without closing quotes and brackets end in a stop. A sequence of
        bools kept a byte each.

        >>> Page.from_text("He said: “Yes.”\\nHome | News\\nWhy?)").sentence_ends
        Flags((True, False, True))
        """
        return self.features.sentence_ends

    @property
    def tokens(self) -> LineTokens:
        """Lower-case word tokens of each line (see :func:`cleantext.text.lexicon.tokens`):
        ``page.tokens[index]`` is a tuple of strings.

        >>> Page.from_text("Home\\n• Share this").tokens[1]
        ('share', 'this')
        """
        return self.features.tokens

    @property
    def gap_newlines(self) -> array[int]:
        """The number of line breaks of each gap between the lines: ``page.gap_newlines[k]``
        is ``page.gaps[k].newlines``, counted without building the gaps.

        >>> list(Page.from_text("One\\n\\nTwo\\nThree").gap_newlines)
        [2, 1]
        """
        return self.features.gap_newlines

    @property
    def token_counts(self) -> array[int]:
        """Number of tokens on each line: ``len(page.tokens[index])``, without building the
        lines' tuples of tokens.

        >>> list(Page.from_text("Home\\n• Share this\\n-").token_counts)
        [1, 2, 0]
        """
        return self.features.token_counts

    @property
    def separator(self) -> int:
        """The page's usual number of line breaks between blocks (the mode of its gaps)."""
        return self.features.separator

    @property
    def body(self) -> tuple[int, int]:
        """First and last line index of the densest run of prose (``(0, -1)`` if none).

        Prose lines add their word count, other lines subtract a little; the
        best-scoring run (Kadane's maximum subarray) is the body core.
        """
        return self.features.body

    def line_at(self, offset: int) -> int:
        """Index of the first line that ends after ``offset``."""
        return bisect_right(self.lines.ends, offset)

    @property
    def folded(self) -> FoldedLines:
        """The short lines case-folded in one text, shared by the detectors' word pre-filters."""
        return self.features.folded

    @property
    def folded_longer(self) -> FoldedLines | None:
        """The lines too long for :attr:`folded`, up to
        :data:`~cleantext.text.prefilter.LONGER_LINE` characters, case-folded in one text
        (its lines are those lines alone, each with its index on the page); None when there
        are too many to hold at once (see :func:`~cleantext.text.prefilter.longer_folded`)."""
        return self.features.folded_longer


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
