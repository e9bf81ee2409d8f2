"""Page-level readings of the DOM evidence, shared by the ``dom_*`` detectors.

All of it works on :attr:`Page.evidence` alone (XPaths, labels, densities), so
the detectors stay pure functions of the page. An element is named by its
XPath; its ancestors are the XPath's prefixes.

The *main container* is the element whose lines add up to the most content
weight (prose words count for it; link text and short lines against it). It
is chosen twice: the second time, lines that carry furniture labels (nav,
comment, sidebar, ...) count against it, unless the labelled element holds most
of the page's content weight, so that a comment thread or a related-links box
next to the article does not drag the choice up to their common parent, and a
long text inside a sidebar does not win over the article. When the parent of
the choice holds a fifth more content besides, the parent is the container.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, MutableSequence, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import overload

from cleantext.html._choice import (
    HEADING,
    STRUCTURED,
    WeightRules,
    has_positive,
    inside_sums,
    labelled_lines,
    lines_with,
)
from cleantext.html._tree import Tree
from cleantext.html._tree import ancestor_at as ancestor_at  # (the detectors read it here)
from cleantext.html.choice import LINK_TOKENS, carries_text, holds_text, widen
from cleantext.text._lines import Flags
from cleantext.text.page import (
    DomEvidence,
    EvidenceColumns,
    LineFeatures,
    Page,
)

NAV_LINK_DENSITY = 0.5
"""A line with at least this share of link text counts against the content around it."""
STRUCTURED_WEIGHT = 2.0
"""Weight per word of a line that the page's structured ``articleBody`` also holds."""
PROSE_WORDS = 20
"""A line this long counts as prose even without a sentence ending."""
SENTENCE_WORDS = 8
"""A line of this many words that ends like a sentence is prose (HTML mode: an element's
own line, so a shorter bar than text mode's)."""
PROSE_LINK_DENSITY = 0.8
"""A prose line (names and terms linked) stays content up to this share of link text."""
LINK_LINE_COST = 1.5
"""What each word of a link line costs its containers."""
SHORT_LINE_COST = 2.0
"""What a short line that is neither prose nor links costs its containers."""
FURNITURE_COST = 0.7
"""Labels at least this strong make a line count against its containers (second pass)."""
CARRIER_SHARE = 0.6
"""An element holding more than this share of the container's content weight wraps the text:
its furniture-like class words do not count against the lines inside it."""
PAGE_CARRIER_SHARE = 0.8
"""In the second choice, an element holding more than this share of the page's content weight
wraps the content: its furniture-like class words do not count against its lines (a sidebar
full of comment excerpts may still hold two thirds of the page's prose)."""
WRAPPER_SHARE = 0.5
"""Without a container: a label on lines holding more than this share of the words is ignored."""

FURNITURE_LANDMARKS = frozenset({"nav", "footer", "aside"})
"""Landmarks that never hold a page's main text."""
LANDMARK_STRENGTH = {"nav": 0.8, "aside": 0.7, "footer": 0.75, "header": 0.6, "figcaption": 0.7}
"""Landmarks that are page furniture, and how strongly each says so."""
TOKEN_STRENGTH = {
    "nav": 0.7, "menu": 0.7, "breadcrumb": 0.9, "share": 0.8, "social": 0.8, "tags": 0.6,
    "related": 0.8, "comment": 0.8, "sidebar": 0.8, "footer": 0.7, "header": 0.5, "ad": 0.8,
    "promo": 0.8, "sponsor": 0.8, "cookie": 0.9, "consent": 0.9, "newsletter": 0.9,
    "subscribe": 0.8, "widget": 0.6, "banner": 0.6, "popup": 0.8, "modal": 0.7, "login": 0.7,
    "signup": 0.8, "masthead": 0.6, "toolbar": 0.7, "pagination": 0.7, "recommended": 0.8,
    "trending": 0.8, "outbrain": 0.9, "copyright": 0.8, "skip": 0.6, "hidden": 0.6,
    "caption": 0.7, "disclaimer": 0.8, "byline": 0.6,
}  # fmt: skip
"""Canonical class/id tokens (see :mod:`cleantext.html.vocabulary`) and their strength."""
STRONG_LANDMARKS = frozenset(
    name for name, value in LANDMARK_STRENGTH.items() if value >= FURNITURE_COST
)
STRONG_TOKENS = frozenset(
    token for token, value in TOKEN_STRENGTH.items() if value >= FURNITURE_COST
)
"""The landmarks and tokens whose :func:`label_strength` reaches :data:`FURNITURE_COST` (no
token starts with ``<``, as a landmark's label does)."""


THREAD_LABELS = frozenset({"comment"})
"""Class/id words that name a thread's posts: furniture beside an article, the content of a
forum page (:mod:`cleantext.html.page_type`)."""


def content_labels(page_type: str | None) -> frozenset[str]:
    """The furniture labels that name the content on a page of this type.

    >>> sorted(content_labels("forum")), sorted(content_labels("article"))
    (['comment'], [])
    """
    return THREAD_LABELS if page_type == "forum" else frozenset()


def inside(xpath: str, container: str) -> bool:
    """True when the element at ``xpath`` is ``container`` or lies within it.

    >>> inside("/html/body/div[2]/p", "/html/body/div[2]"), inside("/html/body/div[20]", "/html/body/div[2]")
    (True, False)
    """
    return xpath == container or xpath.startswith(container + "/")


def label_strength(label: str) -> float:
    """How strongly a label (token, or landmark as ``"<nav>"``) says furniture; 0 for none.

    >>> label_strength("<nav>"), label_strength("breadcrumb"), label_strength("content")
    (0.8, 0.9, 0)
    """
    if label.startswith("<"):
        return LANDMARK_STRENGTH.get(label[1:-1], 0)
    return TOKEN_STRENGTH.get(label, 0)


@dataclass(frozen=True, slots=True)
class Container:
    """The element chosen as the page's main content, and how clear the choice is.

    ``score`` is its net weight, ``share`` the part of the page's positive weight inside it.
    """

    xpath: str
    score: float
    share: float
    structured_lines: int
    carriers: frozenset[str] = frozenset()
    """Elements holding more than :data:`CARRIER_SHARE` of the container's content weight."""
    text_boxes: frozenset[str] = frozenset()
    """Elements named like boxes of links (``menu``, ``nav``, ...) that hold text
    (:func:`~cleantext.html.choice.carries_text`): those names say nothing about their lines."""


EvidenceKind = tuple[
    str, frozenset[str], frozenset[str], float, int, bool, bool, float, float,
    tuple[tuple[str, int], ...],
]  # fmt: skip
"""All of a :class:`DomEvidence` but its XPath (many lines share one)."""


ITEMS_KEPT = 10_000
"""A page's evidence of at most this many lines keeps its items once read (speed); a longer
one makes them when read (memory: about 140 bytes a line)."""


class PageEvidence(EvidenceColumns):
    """The DOM evidence of a page rendered from HTML, one item per line (``Page.evidence``),
    which keeps the page's main container once :func:`main_container` has chosen it: the
    ``dom_*`` detectors each ask for the same page's.

    It is held in columns, not as a named tuple per line (a large page's memory): the lines'
    XPaths (:attr:`xpaths`, one string per element, shared by its lines), and for each line
    the number of its *kind*, the rest of its evidence, in a table of the distinct kinds
    (most lines of a page share theirs). On a large page an item is made when it is read;
    a page of at most :data:`ITEMS_KEPT` lines keeps its items once read, since the ``dom_*``
    detectors read each line a dozen times (making an item costs about 0.4 microseconds:
    10 % of HTML mode's time on the dev sets, were they made at every reading).

    The choice also reads the lines' word features and the page's type, so it is kept with
    the features and the type it was made for, and made again for others.

    >>> evidence = PageEvidence([DomEvidence("/html/body/p", "p")])
    >>> page = Page.from_text("A line of prose that is long enough to count as the text.", evidence)
    >>> main_container(page) is main_container(page.with_claims({})), main_container(page).xpath
    (True, '/html/body')
    >>> evidence[0] == DomEvidence("/html/body/p", "p"), len(evidence), evidence.xpaths
    (True, 1, ['/html/body/p'])
    """

    def __init__(self, items: Iterable[DomEvidence] = ()) -> None:
        self.xpaths: list[str] = []
        """Each line's XPath (the column the container choice reads)."""
        self._kind_of = array("i")  # (each line's kind: 4 bytes)
        self._kinds: list[EvidenceKind] = []
        self._numbers: dict[EvidenceKind, int] = {}  # (each kind's number)
        self._kind_items: list[DomEvidence] = []  # (kinds as items, made when first read)
        self._chosen: tuple[LineFeatures, str | None, Container | None] | None = None
        self._items: tuple[DomEvidence, ...] | None = None  # (a small page's, once read)
        for item in items:
            self.append(item.xpath, _kind(item))

    def append(self, xpath: str, kind: EvidenceKind) -> None:
        """Add a line's evidence: its XPath and the rest (the fields of :class:`DomEvidence`
        after ``xpath``, in order)."""
        self.add(xpath, self.kind_number(kind))

    def add(self, xpath: str, number: int) -> None:
        """Add a line's evidence: its XPath and the number of the rest (:meth:`kind_number`)."""
        self._items = None
        self.xpaths.append(xpath)
        self._kind_of.append(number)

    def extend(self, xpaths: Iterable[str], numbers: array[int]) -> None:
        """Add lines' evidence: their XPaths (each made as it is read) and the numbers of
        the rest, in order (as :meth:`add` does line by line). Evidence without lines takes
        ``numbers`` over (a large page's: not copied).

        >>> evidence = PageEvidence()
        >>> number = evidence.kind_number(_kind(DomEvidence("", "p")))
        >>> evidence.extend(["/a", "/b"], array("i", [number, number]))
        >>> [item.xpath for item in evidence], evidence.numbers[_kind(DomEvidence("", "p"))]
        (['/a', '/b'], 0)
        """
        self._items = None
        self._extend_xpaths(xpaths, len(numbers), "kind number")
        if self._kind_of:
            self._kind_of.extend(numbers)
        else:
            self._kind_of = numbers

    def extend_kinds(self, xpaths: Iterable[str], kinds: Sequence[EvidenceKind]) -> None:
        """Add lines' evidence: their XPaths and the rest, each line its own kind, not
        looked up (a small page's: its items are made from them when first read, so numbering
        its kinds would save nothing; :meth:`kind_number` does not find these).

        >>> evidence = PageEvidence()
        >>> evidence.extend_kinds(["/a", "/b"], [_kind(DomEvidence("", "p"))] * 2)
        >>> [item.xpath for item in evidence], evidence[1].tag, len(evidence.numbers)
        (['/a', '/b'], 'p', 0)
        """
        self._items = None
        self._extend_xpaths(xpaths, len(kinds), "kind")
        first = len(self._kinds)
        self._kinds.extend(kinds)
        self._kind_of.extend(range(first, first + len(kinds)))

    def _extend_xpaths(self, xpaths: Iterable[str], count: int, what: str) -> None:
        """Add ``xpaths``, which must be ``count`` (one for each ``what`` given beside them);
        otherwise add none and raise ``ValueError``."""
        first = len(self.xpaths)
        self.xpaths.extend(xpaths)
        if len(self.xpaths) - first != count:
            del self.xpaths[first:]
            raise ValueError(f"one {what} per XPath")

    def kind_number(self, kind: EvidenceKind) -> int:
        """The number of a kind of evidence (the fields of :class:`DomEvidence` after
        ``xpath``, in order), numbered when first seen."""
        number = self._numbers.get(kind)
        if number is None:
            number = self._numbers[kind] = len(self._kinds)
            self._kinds.append(kind)
        return number

    @property
    def numbers(self) -> Mapping[EvidenceKind, int]:
        """The number of each kind numbered so far (:meth:`kind_number` numbers a new one): a
        loop over many lines looks its kinds up here first, without a call per line."""
        return self._numbers

    def kind(self, number: int) -> EvidenceKind:
        """The kind of evidence numbered ``number``."""
        return self._kinds[number]

    def select(self, kept: Sequence[int]) -> PageEvidence:
        """The evidence of the lines ``kept`` (line numbers, in order), sharing the kinds.

        >>> evidence = PageEvidence([DomEvidence("/a", "a"), DomEvidence("/b", "b")])
        >>> list(evidence.select([1]))
        [DomEvidence(xpath='/b', tag='b', landmarks=frozenset(), tokens=frozenset(), \
link_density=0.0, depth=0, in_structured_body=False, is_heading=False, line_link_density=0.0, \
text_density=0.0, labels=())]
        """
        selected = PageEvidence()
        selected._kinds, selected._numbers = self._kinds, self._numbers
        selected._kind_items = self._kind_items
        for index in kept:
            selected.xpaths.append(self.xpaths[index])
            selected._kind_of.append(self._kind_of[index])
        if self._items is not None:  # (the kept items, not made again)
            selected._items = tuple(self._items[index] for index in kept)
        return selected

    def kinds(self) -> Iterator[DomEvidence]:
        """Each line's kind as an item, shared by the lines of that kind (its ``xpath`` is
        empty; a page that keeps its items gives those): for the loops that read all of a
        line's evidence but its XPath."""
        kept = self._kept_items()
        if kept is not None:
            return iter(kept)
        items = self._kind_table()
        return (items[number] for number in self._kind_of)

    def kind_at(self, index: int) -> DomEvidence:
        """Line ``index``'s kind as an item (as :meth:`kinds` gives it)."""
        kept = self._kept_items()
        if kept is not None:
            return kept[index]
        return self._kind_table()[self._kind_of[index]]

    def _kind_table(self) -> list[DomEvidence]:
        """Each kind as an item, its XPath empty (made when first read: a page that keeps its
        items never reads them)."""
        items = self._kind_items
        for number in range(len(items), len(self._kinds)):
            items.append(DomEvidence("", *self._kinds[number]))
        return items

    def __len__(self) -> int:
        return len(self.xpaths)

    @overload
    def __getitem__(self, index: int) -> DomEvidence: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[DomEvidence, ...]: ...

    def __getitem__(self, index: int | slice) -> DomEvidence | tuple[DomEvidence, ...]:
        items = self._items if self._items is not None else self._kept_items()
        if items is not None:
            return items[index]
        if isinstance(index, slice):
            return tuple(self[number] for number in range(*index.indices(len(self))))
        return DomEvidence(self.xpaths[index], *self._kinds[self._kind_of[index]])

    def __iter__(self) -> Iterator[DomEvidence]:
        items = self._kept_items()
        return self._made() if items is None else iter(items)

    def _kept_items(self) -> tuple[DomEvidence, ...] | None:
        """The items of a page of at most :data:`ITEMS_KEPT` lines, made the first time."""
        if self._items is None and len(self.xpaths) <= ITEMS_KEPT:
            kinds = self._kinds
            self._items = tuple(
                [
                    DomEvidence(xpath, *kinds[number])
                    for xpath, number in zip(self.xpaths, self._kind_of, strict=True)
                ]
            )
        return self._items

    def _made(self) -> Iterator[DomEvidence]:
        """Each line's item, made as it is read."""
        kinds = self._kinds
        for xpath, number in zip(self.xpaths, self._kind_of, strict=True):
            yield DomEvidence(xpath, *kinds[number])

    def table(self) -> EvidenceTable:
        """The columns as the container choice reads them (:func:`evidence_table`), not copied."""
        return EvidenceTable(self.xpaths, self._kind_of, self._kinds)

    def container(self, page: Page) -> Container | None:
        """The main container of ``page``, whose evidence this is."""
        kind = page.page_type.kind
        chosen = self._chosen
        if chosen is None or chosen[0] is not page.features or chosen[1] != kind:
            chosen = self._chosen = (page.features, kind, choose_container(page))
        return chosen[2]


def _kind(item: DomEvidence) -> EvidenceKind:
    """All of ``item`` but its XPath."""
    return (
        item.tag,
        item.landmarks,
        item.tokens,
        item.link_density,
        item.depth,
        item.in_structured_body,
        item.is_heading,
        item.line_link_density,
        item.text_density,
        item.labels,
    )


def line_kinds(evidence: Sequence[DomEvidence | None]) -> Iterator[DomEvidence | None]:
    """Each line's evidence for a loop that reads all of it but the XPath: of a
    :class:`PageEvidence` the item of the line's kind (:meth:`PageEvidence.kinds`: its
    ``xpath`` may be empty; read the line's from :func:`line_rows`), none made per line.

    >>> [item.tag for item in line_kinds(PageEvidence([DomEvidence("/html/body/p", "p")]))]
    ['p']
    """
    if isinstance(evidence, PageEvidence):
        return evidence.kinds()
    return iter(evidence)


def line_kind(evidence: Sequence[DomEvidence | None], index: int) -> DomEvidence | None:
    """Line ``index``'s evidence as :func:`line_kinds` gives it (of a :class:`PageEvidence`,
    the item of the line's kind: its ``xpath`` may be empty).

    >>> line_kind(PageEvidence([DomEvidence("/html/body/h2", "h2", is_heading=True)]), 0).tag
    'h2'
    """
    if isinstance(evidence, PageEvidence):
        return evidence.kind_at(index)
    return evidence[index]


def line_rows(
    evidence: Sequence[DomEvidence | None],
) -> Iterator[tuple[str, DomEvidence | None]]:
    """Each line's XPath (empty without evidence) and its evidence as :func:`line_kinds`
    gives it: the loops over every line read a :class:`PageEvidence`'s columns this way.

    >>> list(line_rows([DomEvidence("/html/body/p", "p", depth=3), None]))[0][0]
    '/html/body/p'
    """
    if isinstance(evidence, PageEvidence):
        return zip(evidence.xpaths, evidence.kinds(), strict=True)
    return (("", None) if item is None else (item.xpath, item) for item in evidence)


def main_container(page: Page) -> Container | None:
    """The page's main content element, or ``None`` when the page has no evidence or no prose
    (chosen once per page when its evidence is a :class:`PageEvidence`, as in HTML mode)."""
    evidence = page.evidence
    if isinstance(evidence, PageEvidence):
        return evidence.container(page)
    return choose_container(page)


def choose_container(page: Page) -> Container | None:
    """Choose the page's main content element (:func:`main_container` reads it once per page)."""
    if page.evidence is None:
        return None
    table = evidence_table(page.evidence)
    weights, structured = WEIGHING.weights(
        table.kind_of, table.kinds, _int_array(page.word_counts), _flag_bytes(page.sentence_ends)
    )
    if not has_positive(weights):
        return None  # (no prose: no container)
    tree = Tree(table.xpaths)  # (made once there is prose: a page of table rows may have none)
    positive = tree.totals(weights, positive=True)
    headed = _headed(table)
    first = array("d", weights)
    _count_against(table, weights, positive, headed, content_labels(page.page_type.kind))
    chosen = _heaviest(tree, table.xpaths, weights, structured) or _heaviest(
        tree, table.xpaths, first, structured
    )
    if chosen is None:
        return None  # (not reached: the first weights hold prose)
    chosen = widen(chosen, table.xpaths, weights)
    held = CARRIER_SHARE * positive.get(chosen.xpath, 0.0)
    carriers = frozenset(path for path, total in positive.items() if total > held)
    boxes = _text_boxes(table, positive, headed)
    return replace(chosen, carriers=carriers, text_boxes=boxes)


WEIGHING = WeightRules(
    STRUCTURED_WEIGHT,
    PROSE_WORDS,
    SENTENCE_WORDS,
    NAV_LINK_DENSITY,
    PROSE_LINK_DENSITY,
    LINK_LINE_COST,
    SHORT_LINE_COST,
)
"""How much each line speaks for its containers being the main content (negative:
against), every line of a page at once (compiled: :class:`~cleantext.html._choice.WeightRules`).
A line of the structured body weighs :data:`STRUCTURED_WEIGHT` a word; a line of many
links (:data:`NAV_LINK_DENSITY`) counts against, by :data:`LINK_LINE_COST` a word, unless
it is prose under :data:`PROSE_LINK_DENSITY`; prose weighs its words less its links'
share; any other line costs :data:`SHORT_LINE_COST`."""


@dataclass(frozen=True, slots=True)
class EvidenceTable:
    """A page's evidence as the container choice reads it: each line's XPath (empty without
    evidence), the number of its kind (-1 without evidence) and the table of kinds (the
    fields of :class:`DomEvidence` after ``xpath``)."""

    xpaths: list[str]
    kind_of: array[int]
    kinds: list[EvidenceKind]


def evidence_table(evidence: Sequence[DomEvidence | None]) -> EvidenceTable:
    """The columns of ``evidence``: a :class:`PageEvidence`'s own, not copied.

    >>> table = evidence_table([DomEvidence("/html/body/p", "p"), None])
    >>> table.xpaths, list(table.kind_of), table.kinds[0][0]
    (['/html/body/p', ''], [0, -1], 'p')
    """
    if isinstance(evidence, PageEvidence):
        return evidence.table()
    xpaths: list[str] = []
    kind_of = array("i")
    kinds: list[EvidenceKind] = []
    for item in evidence:
        xpaths.append("" if item is None else item.xpath)
        kind_of.append(-1 if item is None else len(kinds))
        if item is not None:
            kinds.append(_kind(item))
    return EvidenceTable(xpaths, kind_of, kinds)


def _int_array(values: Sequence[int]) -> array[int]:
    """``values`` as an ``array("i")`` (the word counts are one already)."""
    if isinstance(values, array) and values.typecode == "i":
        return values
    return array("i", values)


def _flag_bytes(flags: Sequence[bool]) -> bytes:
    """``flags`` a byte each (a :class:`~cleantext.text._lines.Flags`' own bytes)."""
    if isinstance(flags, Flags):
        return flags.values
    return bytes([1 if flag else 0 for flag in flags])


def _headed(table: EvidenceTable) -> frozenset[str]:
    """The elements that hold a heading line: each heading line's element and its ancestors.

    >>> sorted(_headed(evidence_table([DomEvidence("/html/body/h2", "h2", is_heading=True), None])))
    ['/html', '/html/body', '/html/body/h2']
    """
    found: set[str] = set()
    for index in lines_with(table.kind_of, table.kinds, HEADING):
        path = table.xpaths[index]
        while path and path not in found:
            found.add(path)
            path = path[: path.rfind("/")]
    return frozenset(found)


def _text_boxes(
    table: EvidenceTable, positive: dict[str, float], headed: frozenset[str]
) -> frozenset[str]:
    """The elements named by a :data:`~cleantext.html.choice.LINK_TOKENS` word that hold text."""
    named: set[str] = set()
    last: tuple[str, list[int]] | None = None
    for index, depths in labelled_lines(table.kind_of, table.kinds, {}, _link_depths):
        xpath = table.xpaths[index]
        if last is not None and last[0] is xpath and last[1] is depths:
            continue  # (another line of the element before: its ancestors are in)
        last = xpath, depths
        for depth in depths:
            named.add(ancestor_at(xpath, depth))
    return frozenset(path for path in named if holds_text(positive.get(path, 0.0), path in headed))


def _link_depths(labels: tuple[tuple[str, int], ...]) -> list[int]:
    """The depths of the labels that are :data:`~cleantext.html.choice.LINK_TOKENS` words.

    >>> _link_depths((("menu", 3), ("content", 4), ("share", 5)))
    [3, 5]
    """
    return [depth for label, depth in labels if label in LINK_TOKENS]


def _count_against(
    table: EvidenceTable,
    weights: MutableSequence[float],
    positive: dict[str, float],
    headed: frozenset[str],
    ignored: frozenset[str],
) -> None:
    """Turn the weight of lines with a strong enough furniture label (not an ``ignored`` one)
    that counts against them (:func:`_counts_against`) against their containers (in place)."""
    limit = PAGE_CARRIER_SHARE * sum(weight for weight in weights if weight > 0)
    kinds = table.kinds
    last: tuple[str, list[tuple[str, int]], bool] | None = None  # (the line before's answer)
    for index, labels in labelled_lines(
        table.kind_of, kinds, {}, partial(_strong_labels, ignored=ignored)
    ):
        if weights[index] <= 0 or kinds[table.kind_of[index]][STRUCTURED]:
            continue
        xpath = table.xpaths[index]
        if last is None or last[0] is not xpath or last[1] is not labels:
            last = xpath, labels, _counts_against(xpath, labels, positive, limit, headed)
        if last[2]:
            weights[index] = -weights[index]


def _heaviest(
    tree: Tree, xpaths: list[str], weights: array[float], structured: int
) -> Container | None:
    positive = sum(weight for weight in weights if weight > 0)
    if positive <= 0:
        return None
    heaviest = tree.heaviest(weights)  # (the first of the deepest with the top total)
    if heaviest is None:
        return None
    best, total = heaviest
    _, inner, _ = inside_sums(best, best, xpaths, weights)  # (the positive weight inside)
    return Container(best, total, inner / positive, structured)


def _strong_labels(
    labels: tuple[tuple[str, int], ...], ignored: frozenset[str]
) -> list[tuple[str, int]]:
    """The labels (with their depths) strong enough to count a line against its containers
    in the second choice (at least :data:`FURNITURE_COST`), but not the ``ignored`` ones.

    >>> _strong_labels((("<nav>", 3), ("header", 4), ("comment", 5)), frozenset({"comment"}))
    [('<nav>', 3)]
    """
    return [
        (label, depth)
        for label, depth in labels
        if label not in ignored
        and (label in STRONG_TOKENS or (label[:1] == "<" and label[1:-1] in STRONG_LANDMARKS))
    ]


def _counts_against(
    xpath: str,
    labels: Sequence[tuple[str, int]],
    positive: dict[str, float],
    limit: float,
    headed: frozenset[str],
) -> bool:
    """Whether one of ``labels`` counts against the line at ``xpath`` in the second choice:
    a furniture landmark at any depth (main text inside a <footer> or <nav> is rare), or
    another label of an element that does not hold most of the page's content weight (such
    an element wraps the content: ``<div class="entry-content share-on">``, ``<body
    class="wide-advert">``), including those around the first choice: a long text inside a
    sidebar is still a sidebar."""
    for label, depth in labels:
        if label.startswith("<") and label[1:-1] in FURNITURE_LANDMARKS:
            return True
        element = ancestor_at(xpath, depth)
        if not carries_text(label, positive.get(element, 0.0), limit, element in headed):
            return True
    return False


def shared_depth(xpath: str, other: str) -> int:
    """How many steps from the root the two paths share (their common ancestors' depth).

    >>> shared_depth("/html/body/div[2]/p", "/html/body/div[2]"), shared_depth("/html/body/div[2]", "/html/body/div[20]")
    (3, 2)
    """
    if inside(xpath, other):
        return other.count("/")
    steps = 0
    for left, right in zip(xpath.split("/")[1:], other.split("/")[1:], strict=False):
        if left != right:
            break
        steps += 1
    return steps


def live_labels(
    evidence: DomEvidence, container: Container | None, ignored: frozenset[str] = frozenset()
) -> list[str]:
    """The labels that speak about this line: for a line inside the main ``container`` only
    those of elements below it (the container's own wrappers say nothing about its parts),
    and none of an element that holds most of the page's content weight (it wraps the text).
    """
    floor = 0
    carriers: frozenset[str] = frozenset()
    if container is not None and inside(evidence.xpath, container.xpath):
        floor = container.xpath.count("/")
        carriers = container.carriers
    return [
        label
        for label, depth in evidence.labels
        if depth > floor
        and label not in ignored
        and not (carriers and ancestor_at(evidence.xpath, depth) in carriers)
    ]


def wrapper_labels(page: Page) -> frozenset[str]:
    """Labels on lines holding most of the page's words (they wrap the page).

    >>> wrapper_labels(Page.from_text("no evidence"))
    frozenset()
    """
    if page.evidence is None:
        return frozenset()
    counts: dict[str, int] = {}
    total = 0
    for evidence, words in zip(page.evidence, page.word_counts, strict=True):
        if evidence is None:
            continue
        total += words
        for label, _ in evidence.labels:
            counts[label] = counts.get(label, 0) + words
    return frozenset(label for label, words in counts.items() if words > WRAPPER_SHARE * total)
