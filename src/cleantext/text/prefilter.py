"""Cheap pre-filters: the few lines of a page on which a detector's rules can succeed.

Most detectors look for a vocabulary ("comment", "newsletter", "Read more") that
few lines hold. Testing every line with several regular expressions costs far
more than finding those words first: :class:`FoldedLines` finds words anywhere
in a line with one C-level ``str.find`` scan per word over the case-folded text
of all lines, :class:`LeadWords` finds lines that start with a word, and :func:`lines_only_of`
lines made only of a vocabulary's words (from the page's tokens, computed once for
every detector). None ever drops a line that a detector's rules accept
(``tests/test_prefilters.py`` checks each rule's pattern alternatives and word
lists): a detector still runs its full rules on what they return.

Case: the rules match with ``regex.IGNORECASE`` (simple case folding) or on
lower-cased text. ``str.casefold`` maps every character that simple folding
equates with a letter of a case-folded word to that letter, so a line that
such a rule accepts keeps its literal words once folded.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from heapq import merge
from itertools import accumulate, chain, islice
from typing import TypeAlias, overload

import regex

from cleantext.text._lines import LineTable
from cleantext.text._prefilter import (
    Triggers,
    lines_holding,
    lines_in,
    lines_leading_with,
    lines_up_to,
    lines_with_terms,
    longer_lines,
)
from cleantext.text._prefilter import Words as Words
from cleantext.text._prefilter import casefold as casefold  # (compiled: features.py folds with it)
from cleantext.text.page import Line, Page

SHORT_LINE = 200
"""The longest lines in ``page.folded``: most detectors look at no longer ones."""
LONGER_LINE = 600
"""The longest lines in ``page.folded_longer`` (the lines longer than :data:`SHORT_LINE`):
the longest that a built-in detector finds by its words (cookie_notice)."""
LONGER_BATCH = 4096
"""Lines longer than ``page.folded``'s that a detector searches are searched this many at once."""


@dataclass(frozen=True)
class Trigger:
    """One group of words of a scan shared by several detectors (:func:`shared_triggers`):
    the lines of ``page.folded`` that hold them come from one pass for every group."""

    scan: Triggers
    """The compiled scan of every group."""
    bit: int
    """This group's bit in what the scan finds for a line."""
    words: Words
    """The same words on their own: for lines that ``page.folded`` does not hold."""
    terms: tuple[int, ...] = ()
    """When given, the lines found are instead those that have every group (bit) of one
    of these terms (:func:`either`)."""
    listed: tuple[str, ...] = ()
    """The words of :attr:`words`, listed."""


def shared_triggers(
    anywhere: Mapping[str, Iterable[str]],
    leading: Mapping[str, Iterable[str]],
    opening: Mapping[str, Iterable[str]],
    numbered: Iterable[str] = (),
) -> dict[str, Trigger]:
    """A :class:`Trigger` for each named group of words, all found by one compiled scan:
    ``anywhere`` in a line, ``leading`` at its first letter or digit, ``opening`` at its
    first character; a ``numbered`` group (no words) marks the lines whose first letter
    or digit is a decimal digit (see :class:`~cleantext.text._prefilter.Triggers`).

    >>> from cleantext.text.page import Page
    >>> found = shared_triggers({"talk": ("comment",)}, {"more": ("read",)}, {})
    >>> page = Page.from_text("• Read on\\nNo comment.\\nAlready read")
    >>> [line.index for line in page.folded.triggered(found["talk"])]
    [1]
    >>> [line.index for line in page.folded.triggered(found["more"])]
    [0]
    """
    scan = Triggers(anywhere, leading, opening, numbered)
    groups = {**anywhere, **leading, **opening, **{name: () for name in numbered}}
    return {
        name: Trigger(scan, scan.bits[name], Words(words), (), tuple(words))
        for name, words in groups.items()
    }


def either(*terms: Trigger | tuple[Trigger, ...]) -> Trigger:
    """A :class:`Trigger` for the lines that have one of ``terms``: a group, or every group
    of a tuple (groups of one scan). Its plain words, for lines the scan does not read,
    are those of each term's first group (a line of the term holds one of them).

    >>> from cleantext.text.page import Page
    >>> found = shared_triggers({"talk": ("comment",), "form": ("notify",)}, {"lead": ("12",)}, {})
    >>> chosen = either((found["talk"], found["lead"]), found["form"])
    >>> page = Page.from_text("12 comments\\nNo comment.\\nNotify me\\n12 more")
    >>> [line.index for line in page.folded.triggered(chosen)]
    [0, 2]
    """
    groups = [term if isinstance(term, tuple) else (term,) for term in terms]
    first = groups[0][0]
    if any(group.scan is not first.scan for term in groups for group in term):
        raise ValueError("the groups of a trigger come from one scan")
    if not all(term[0].listed for term in groups):
        raise ValueError("each term starts with a group of words")
    words = tuple(word for term in groups for word in term[0].listed)
    bits = tuple(sum(group.bit for group in term) for term in groups)
    return Trigger(first.scan, 0, Words(words), bits, words)


class LineSubset(Sequence[Line]):
    """Some lines of a page's table, in order, each built when read: item ``k`` is the
    table's line ``numbers[k]`` (its :attr:`~cleantext.text._lines.Line.index` the page's).

    >>> from cleantext.text.page import Page
    >>> [line.index for line in LineSubset(Page.from_text("a\\nb\\nc").lines, [0, 2])]
    [0, 2]
    """

    __slots__ = ("numbers", "table")

    def __init__(self, table: LineTable, numbers: Sequence[int]) -> None:
        self.table = table
        self.numbers = numbers

    def __len__(self) -> int:
        return len(self.numbers)

    @overload
    def __getitem__(self, position: int) -> Line: ...
    @overload
    def __getitem__(self, position: slice) -> list[Line]: ...
    def __getitem__(self, position: int | slice) -> Line | list[Line]:
        if isinstance(position, slice):
            return [self.table[number] for number in self.numbers[position]]
        return self.table[self.numbers[position]]

    def __iter__(self) -> Iterator[Line]:
        table = self.table
        return (table[number] for number in self.numbers)


def longer_folded(lines: LineTable) -> FoldedLines | None:
    """The lines of more than :data:`SHORT_LINE` and at most :data:`LONGER_LINE` characters,
    case-folded in one text (``page.folded_longer``): the lines that ``page.folded`` leaves
    out and that cookie_notice and menu search, folded and scanned once a page. None when
    there are more than :data:`LONGER_BATCH` of them (a large input): the searches then
    fold them a batch at a time, as they come (memory).

    >>> from cleantext.text.page import Page
    >>> page = Page.from_text("We use cookies.\\n" + "We use cookies. " * 20)
    >>> [line.index for line in longer_folded(page.lines).containing(("cookie",))]
    [1]
    >>> longer_folded(Page.from_text(("x" * 201 + "\\n") * (LONGER_BATCH + 1)).lines) is None
    True
    """
    numbers = longer_lines(lines, SHORT_LINE, LONGER_LINE)
    if len(numbers) > LONGER_BATCH:
        return None
    return FoldedLines(LineSubset(lines, numbers))


class FoldedLines:
    """The case-folded text of some lines, joined by newlines, to find words in it quickly.

    With ``fold=False`` the text keeps its case: enough to find marks such as ``»``.

    >>> from cleantext.text.page import Page
    >>> page = Page.from_text("Leave a COMMENT\\nThe text.\\nReplies")
    >>> [line.text for line in FoldedLines(page.lines).containing(("comment", "repl"))]
    ['Leave a COMMENT', 'Replies']
    """

    __slots__ = ("found", "lines", "max_chars", "scanned", "starts", "text")

    def __init__(
        self, lines: Sequence[Line], *, fold: bool = True, max_chars: int | None = None
    ) -> None:
        joined, starts = _joined(lines, max_chars)
        folded = casefold(joined) if fold else joined
        if len(folded) != len(joined):  # a letter folded into several ("ß" to "ss"): lines move
            # (each character folds on its own, and only a newline folds to or into one)
            lengths = (len(text) + 1 for text in folded.split("\n"))
            starts = array("q", accumulate(lengths, initial=0))
        self.lines = lines
        self.max_chars = max_chars
        """The longest lines searched (None: all)."""
        self.text = folded
        self.starts = starts
        """Where each line starts in ``text`` (and, last, where a next one would)."""
        self.scanned: Triggers | None = None
        """The shared scan run over ``text`` (:meth:`triggered`), once."""
        self.found: tuple[array[int], array[int]] = (array("q"), array("Q"))
        """What it found: the numbers of the lines with a word of some group, and their groups."""

    def triggered_numbers(self, trigger: Trigger) -> list[int]:
        """The numbers of the lines that hold (or start with) one of ``trigger``'s words:
        the first call runs its scan for every group at once, the others read the result."""
        return self._triggered(trigger).tolist()

    def triggered_indexes(self, trigger: Trigger) -> array[int]:
        """:meth:`triggered_numbers` as an ``array('q')``: 8 bytes a line, no int object."""
        return self._triggered(trigger)

    def triggered(self, trigger: Trigger) -> Iterator[Line]:
        """The lines, in order, that hold (or start with) one of ``trigger``'s words
        (:meth:`triggered_numbers`), each built as the caller reads it."""
        lines = self.lines
        return (lines[number] for number in self._triggered(trigger))

    def _triggered(self, trigger: Trigger) -> array[int]:
        """:meth:`triggered_numbers` as an ``array('q')``."""
        if self.scanned is not trigger.scan:
            self.found = trigger.scan.lines(self.text)
            self.scanned = trigger.scan
        numbers, groups = self.found
        if trigger.terms:
            return lines_with_terms(numbers, groups, trigger.terms)
        return lines_in(numbers, groups, trigger.bit)

    def holding(self, words: Words | Trigger) -> Iterator[Line]:
        """The lines, in order, that hold one of ``words``: a :class:`Trigger`'s from the
        scan it shares (:meth:`triggered`), other words by :meth:`containing`."""
        if isinstance(words, Trigger):
            return self.triggered(words)
        return self.containing(words)

    def containing(self, words: Iterable[str] | Words) -> Iterator[Line]:
        """The lines, in order, that contain one of ``words`` (case-folded, without newlines),
        each built as the caller reads it (no list of every matching line: on a page where
        a word is common, such as ``ap`` in "approved", that is nearly every line).

        One scan of the text for all the words (:func:`~cleantext.text._prefilter.lines_holding`).
        """
        lines = self.lines
        return (lines[number] for number in lines_holding(self.text, words))

    def matching(self, pattern: regex.Pattern[str] | re.Pattern[str]) -> list[Line]:
        """The lines, in order, in which ``pattern`` finds a match that starts in them.

        One scan of the joined text. ``pattern`` should be compiled with
        ``regex.MULTILINE`` so that its anchors hold at each line's start and end.

        >>> from cleantext.text.page import Page
        >>> page = Page.from_text("Posted 2024\\nThe text.\\nSee 1/2 and 3/4")
        >>> [line.text for line in FoldedLines(page.lines).matching(regex.compile(r"\\d[/\\d]"))]
        ['Posted 2024', 'See 1/2 and 3/4']
        """
        text, starts = self.text, self.starts
        found: list[Line] = []
        hit = pattern.search(text)
        while hit is not None:  # one hit per line is enough: go on at the next line
            number = bisect_right(starts, hit.start()) - 1
            found.append(self.lines[number])
            hit = pattern.search(text, starts[number + 1])
        return found


def _joined(lines: Sequence[Line], max_chars: int | None) -> tuple[str, array[int]]:
    """The texts of ``lines`` joined by newlines, those over ``max_chars`` left empty, and
    where each starts (and, last, where a next one would). A page's lines are joined by
    their compiled table, with no list of their texts."""
    if isinstance(lines, LineTable):
        return lines.joined(-1 if max_chars is None else max_chars)
    if isinstance(lines, LineSubset) and max_chars is None:
        return lines.table.joined_lines(lines.numbers)
    texts = [
        line.text if max_chars is None or len(line.text) <= max_chars else "" for line in lines
    ]
    starts = array("q", accumulate((len(text) + 1 for text in texts), initial=0))
    return "\n".join(texts), starts


def lines_with(lines: Sequence[Line], words: Iterable[str] | Words) -> list[Line]:
    """The ``lines`` whose case-folded text contains one of ``words`` (see :class:`FoldedLines`).

    >>> from cleantext.text.page import Page
    >>> page = Page.from_text("Share\\nThe text.\\nTWEET")
    >>> [line.text for line in lines_with(page.lines, ("tweet",))]
    ['TWEET']
    """
    return list(FoldedLines(lines).containing(words))


def short_lines_with(
    page: Page, words: Iterable[str] | Words | Trigger, max_chars: int
) -> Iterator[Line]:
    """The lines of ``page``, of at most ``max_chars`` characters, that contain one of ``words``.

    The same as :func:`lines_with` on the short lines, with the page's own
    :class:`FoldedLines` (``page.folded``, of the lines up to :data:`SHORT_LINE`
    characters), built once for every detector. The lines come in order, each built as
    the caller reads it. A :class:`Trigger`'s lines of ``page.folded`` come from the scan
    it shares with the other groups.

    >>> from cleantext.text.page import Page
    >>> page = Page.from_text("Leave a comment\\nNo comment on this long line, sorry.")
    >>> [line.text for line in short_lines_with(page, ("comment",), 20)]
    ['Leave a comment']
    """
    shared = page.folded
    searched = words if isinstance(words, (Words, Trigger)) else Words(words)
    found = _folded_lines_with(shared, searched, max_chars)
    if shared.max_chars is None or shared.max_chars >= max_chars:
        return found
    return in_line_order(found, _longer_lines_with(page, searched, max_chars))


def _folded_lines_with(
    folded: FoldedLines, words: Words | Trigger, max_chars: int
) -> Iterator[Line]:
    """The lines of ``folded`` of at most ``max_chars`` characters that hold ``words``, in
    order: a :class:`Trigger`'s in a page's table read as numbers, those longer than
    ``max_chars`` dropped before any line is built (:func:`~cleantext.text._prefilter.lines_up_to`)."""
    lines = folded.lines
    if isinstance(words, Trigger) and isinstance(lines, LineTable):
        numbers = folded.triggered_indexes(words)
        if folded.max_chars is None or folded.max_chars > max_chars:
            numbers = lines_up_to(lines, numbers, max_chars)
        return (lines[number] for number in numbers)
    return (line for line in folded.holding(words) if len(line.text) <= max_chars)


def _longer_lines_with(page: Page, words: Words | Trigger, max_chars: int) -> Iterator[Line]:
    """The lines of ``page`` longer than :data:`SHORT_LINE` and of at most ``max_chars``
    characters that contain one of ``words``, in order: up to :data:`LONGER_LINE` from
    ``page.folded_longer`` (a :class:`Trigger`'s from its shared scan), the longer ones
    searched on their own (the lines are built as the caller reads them)."""
    plain = words.words if isinstance(words, Trigger) else words  # (lines no scan holds)
    longer = page.folded_longer
    if longer is None:  # too many to fold at once: a batch at a time
        rest = (page.lines[index] for index in longer_lines(page.lines, SHORT_LINE, max_chars))
        return _batched_lines_with(rest, plain)
    found = (line for line in longer.holding(words) if len(line.text) <= max_chars)
    if max_chars <= LONGER_LINE:
        return found
    rest = (page.lines[index] for index in longer_lines(page.lines, LONGER_LINE, max_chars))
    return in_line_order(found, _batched_lines_with(rest, plain))


def in_line_order(first: Iterator[Line], second: Iterator[Line]) -> Iterator[Line]:
    """The lines of ``first`` and ``second`` (each in line order) in line order, those of
    ``first`` first on a tie: ``heapq.merge``, which lines sort by their index, and only
    ``first`` when ``second`` has no line (a page's usual case, a few microseconds sooner
    than the merge's first step; ``second``'s first line is read on the call).

    >>> from cleantext.text.page import Page
    >>> lines = Page.from_text("a\\nb\\nc\\nd").lines
    >>> [line.index for line in in_line_order(iter(lines[0:3:2]), iter(lines[1:4:2]))]
    [0, 1, 2, 3]
    >>> [line.index for line in in_line_order(iter(lines[:2]), iter(()))]
    [0, 1]
    """
    head = next(second, None)
    if head is None:
        return first
    return merge(first, chain((head,), second))


def _batched_lines_with(lines: Iterator[Line], words: Words) -> Iterator[Line]:
    """:func:`lines_with` on ``lines``, :data:`LONGER_BATCH` of them at a time (memory)."""
    while batch := list(islice(lines, LONGER_BATCH)):
        yield from lines_with(batch, words)


def lines_only_of(
    page: Page, words: frozenset[str], max_tokens: int, max_chars: int
) -> Iterator[Line]:
    """The lines of ``page`` of one to ``max_tokens`` tokens (:attr:`Page.tokens
    <cleantext.text.page.Page.tokens>`), all of them ``words``, and at most ``max_chars``
    characters: read from the page's tokens, computed once for every detector, in place
    (:meth:`~cleantext.text._words.LineTokens.lines_only_of`: no tuple of tokens per line).
    The lines are built one at a time, as the caller reads them.

    >>> from cleantext.text.page import Page
    >>> page = Page.from_text("• Share | Tweet.\\nShare the text\\nE-mail this\\n" + "share " * 30)
    >>> words = frozenset({"share", "tweet", "e-mail", "this"})
    >>> [line.text for line in lines_only_of(page, words, max_tokens=10, max_chars=100)]
    ['• Share | Tweet.', 'E-mail this']
    """
    for index in page.tokens.lines_only_of(words, max_tokens):
        line = page.lines[index]
        if len(line.text) <= max_chars:
            yield line


def triggers(*groups: Iterable[str]) -> tuple[str, ...]:
    """The case-folded words of ``groups`` for :func:`lines_with`, without redundant ones.

    A word that contains another is dropped: a line holding it holds the other.

    >>> triggers(("comment", "comments", "Reply"), ["replies", "commentaire"])
    ('comment', 'replies', 'reply')
    """
    words = {word.casefold() for group in groups for word in group}
    return tuple(sorted(word for word in words if not any(part in word for part in words - {word})))


class LeadWords:
    """Words that a rule needs at the start of a line, after any marks (bullets, quotes, spaces).

    One anchored match per line, with the rules' own case folding
    (``regex.IGNORECASE``): the words form a trie, so that the engine compares
    each leading letter once, and the marks before them (anything but a word
    character, or ``_``) are skipped the way ``^[\\W_]*`` skips them.

    >>> from cleantext.text.page import Page
    >>> page = Page.from_text("  • Read more\\nReaders said so.\\nThe end\\n[READ ON]\\n(See all)")
    >>> [line.text for line in LeadWords(("read more", "read on")).lines(page.lines)]
    ['• Read more', '[READ ON]']
    """

    __slots__ = ("pattern", "scan", "trigger", "words")

    def __init__(self, words: Iterable[str], trigger: Trigger | None = None) -> None:
        words = list(words)
        if not all(regex.match(r"[^\W_]", word) for word in words):
            raise ValueError(f"lead words start with a word character: {words}")
        # ``\A``: only ever used at the start; a search (in tests) then stays linear.
        self.pattern = regex.compile(rf"\A(?:[^\w\n]|_)*+(?:{trie(words)})", regex.IGNORECASE)
        self.words = tuple(word.casefold() for word in words)
        """The words case-folded, to find in :attr:`Page.folded <cleantext.text.page.Page.folded>`."""
        self.scan = Words(self.words)
        self.trigger = trigger
        """The same words as a group of a shared scan, when they are one (``leading``)."""

    def lines(self, lines: Iterable[Line]) -> list[Line]:
        """The ``lines``, in order, that start with one of the words."""
        match = self.pattern.match
        return [line for line in lines if match(line.text)]

    def page_lines(self, page: Page, max_chars: int | None = None) -> list[Line]:
        """:meth:`lines` of the page's lines of at most ``max_chars`` characters (all when
        None), found by one scan of ``page.folded`` for the words at each line's start
        (:func:`~cleantext.text._prefilter.lines_leading_with`, or the shared scan of
        :attr:`trigger`); only those are matched.

        >>> from cleantext.text.page import Page
        >>> page = Page.from_text("» READ more\\nAlready read\\n" + "Read " * 50)
        >>> [line.index for line in LeadWords(("read more", "read on")).page_lines(page)]
        [0]
        >>> [line.index for line in LeadWords(("read",)).page_lines(page, max_chars=300)]
        [0, 2]
        """
        folded = page.folded
        numbers = self._numbers(folded)
        if folded.max_chars is not None and (max_chars is None or max_chars > folded.max_chars):
            longest = -1 if max_chars is None else max_chars
            longer = page.folded_longer  # (the lines up to LONGER_LINE, folded once a page)
            if longer is None:  # (too many to fold at once: every longer line is matched)
                numbers += longer_lines(page.lines, folded.max_chars, longest)
            else:
                numbers += [longer.lines[number].index for number in self._numbers(longer)]
                if max_chars is None or max_chars > LONGER_LINE:
                    numbers += longer_lines(page.lines, LONGER_LINE, longest)
            numbers.sort()
        match = self.pattern.match
        found: list[Line] = []
        for number in numbers:
            line = page.lines[number]
            if (max_chars is None or len(line.text) <= max_chars) and match(line.text):
                found.append(line)
        return found

    def _numbers(self, folded: FoldedLines) -> list[int]:
        """The numbers of ``folded``'s lines whose first letter or digit starts one of the
        words (from the shared scan of :attr:`trigger` when there is one)."""
        if self.trigger is not None:
            return folded.triggered_numbers(self.trigger)
        return lines_leading_with(folded.text, self.scan)


def trie(words: Iterable[str]) -> str:
    """A regular expression for ``words`` matched at the start of a text, the words sharing
    their common prefixes.

    A backtracking engine then tests each letter once. A word that begins with another
    adds nothing: what may follow the shorter one does not matter to such a match.

    >>> trie(["read", "read more", "related", "red", "see"])
    '(?:re(?:ad|d|lated)|see)'
    """
    root: _Node = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(root)


_Node: TypeAlias = "dict[str, _Node]"


def _branches(node: _Node) -> str:
    """The expression for the words below ``node`` (the key ``""`` marks where one ends)."""
    if "" in node:
        return ""  # a word ends here: what may follow does not matter to a match at the start
    parts = [regex.escape(char) + _branches(child) for char, child in sorted(node.items())]
    if not parts:
        return ""  # (no words)
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
