"""Line classification for the content classifier: good, near-good, short or bad, then context.

In the spirit of jusText's paragraph classification, applied to text lines:
each line first gets a class from its own features (length, stopword
density, sentence punctuation, repetition, separators), then short and
near-good lines take the class of their neighbours, and finally the page's
main content is the best-scoring run of lines (good lines add their words,
bad lines cost). ``docs/algorithm.md`` explains every threshold.

>>> page = Page.from_text("Home\\n\\nNews\\n\\n" + "The mayor said that the new bridge will open in May, "
...     "after two years of work and a long debate in the city council about its cost.\\n\\nAbout us")
>>> analysis = analyse(page, Params())
>>> analysis.classes
('bad', 'bad', 'good', 'bad')
>>> analysis.window
(2, 2)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import groupby

from cleantext.content._context import nearest, promote_headings
from cleantext.content.params import BAD, CLAIMED, EMPTY, GOOD, LIST, NEAR, SHORT, Params
from cleantext.content.runs import (
    content_windows,
    find_headlines,
    trailing_edge,
)
from cleantext.text.features import LineFeatures, PageFeatures, page_features
from cleantext.text.page_type import EVERY_RUN_KINDS

__all__ = [
    "BAD",
    "CLAIMED",
    "EMPTY",
    "GOOD",
    "LIST",
    "NEAR",
    "SHORT",
    "Analysis",
    "Params",
    "analyse",
]
from cleantext.text.page import Page


@dataclass(frozen=True, slots=True)
class Analysis:
    """The classifier's view of a page: features, final classes, content run and headline."""

    features: PageFeatures
    initial: tuple[str, ...]
    classes: tuple[str, ...]
    windows: tuple[tuple[int, int], ...]
    headlines: frozenset[int]
    edge: frozenset[int]

    @property
    def window(self) -> tuple[int, int]:
        """The main content run (``(0, -1)`` when the page has none)."""
        return self.windows[0] if self.windows else (0, -1)

    def in_content(self) -> list[bool]:
        """Per line: whether it lies inside one of the content runs."""
        inside = [False] * len(self.classes)
        for first, last in self.windows:
            inside[first : last + 1] = [True] * (last + 1 - first)
        return inside


def analyse(page: Page, params: Params, claims: Mapping[int, str] | None = None) -> Analysis:
    """Classify every line of ``page`` and find its main content run.

    ``claims`` maps lines that named detectors claimed to their names: those
    lines are left to them, and a claim by one of ``params.section_ends`` (a comment
    section's heading) ends the main content.
    """
    claims = claims or {}
    features = page_features(page)
    initial = tuple(
        _claimed(claims, index) or initial_class(line, params)
        for index, line in enumerate(features.lines)
    )
    classes = resolve(list(initial), features.lines, params)
    stops = frozenset(index for index, name in claims.items() if name in params.section_ends)
    every_run = page.page_type.kind in EVERY_RUN_KINDS
    windows = content_windows(classes, features.lines, params, stops, every_run)
    main = windows[0] if windows else (0, -1)
    headlines = find_headlines(initial, features.lines, main, params)
    edge = trailing_edge(initial, features.lines, windows)
    return Analysis(features, initial, tuple(classes), windows, headlines, edge)


def _claimed(claims: Mapping[int, str], index: int) -> str | None:
    """A run of claimed lines (a menu, a footer) is a zone; one claimed line inside text (an
    ad label, a credit) is skipped like a line of symbols."""
    if index not in claims:
        return None
    return CLAIMED if index - 1 in claims or index + 1 in claims else EMPTY


def initial_class(line: LineFeatures, params: Params) -> str:
    """The class of a line from its own features alone."""
    low, high, density = params.stop_low, params.stop_high, line.density
    sentence = line.sentence_end and line.words >= params.min_sentence_words
    if line.words == 0:
        return EMPTY
    if line.repeats >= params.max_repeats and not sentence:
        return BAD
    if line.separators >= 2 and density < high:
        return BAD
    if line.chars < params.length_low:
        return NEAR if sentence and (density >= low or line.words >= params.prose_words) else SHORT
    long_enough = line.chars >= params.length_high or line.sentences >= 2
    if line.sentence_end and density >= low:
        return GOOD if long_enough or density >= high else NEAR
    if density >= high and long_enough:
        return GOOD  # running text that ends in an emoji, a hashtag or a link
    if density >= high or (line.sentence_end and line.words >= params.prose_words):
        return NEAR
    return BAD


def resolve(classes: list[str], lines: tuple[LineFeatures, ...], params: Params) -> list[str]:
    """Context: headings before good text, then short and near-good lines take their neighbours' class."""
    _promote_headings(classes, lines, params)
    before = _nearest(classes, {SHORT, EMPTY}, reverse=False)  # a claimed line counts as bad
    after = _nearest(classes, {SHORT, EMPTY}, reverse=True)
    shorts = list(classes)
    for start, end in _runs(classes, SHORT):
        resolved = _short_class(before[start], after[end - 1])
        if resolved == GOOD and end - start > params.max_short_run:
            resolved = GOOD if _list_like(lines[start:end], params) else LIST
        shorts[start:end] = [resolved] * (end - start)
    before = _nearest(shorts, {NEAR, EMPTY, CLAIMED}, reverse=False)
    after = _nearest(shorts, {NEAR, EMPTY, CLAIMED}, reverse=True)
    return [
        (GOOD if {before[i], after[i]} & {GOOD, LIST} else BAD) if current == NEAR else current
        for i, current in enumerate(shorts)
    ]


def _runs(classes: list[str], wanted: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each maximal run of lines of class ``wanted``."""
    runs, start = [], 0
    for value, group in groupby(classes):
        end = start + sum(1 for _ in group)
        if value == wanted:
            runs.append((start, end))
        start = end
    return runs


def _list_like(run: tuple[LineFeatures, ...], params: Params) -> bool:
    """A long run of short lines that reads like statements, not links."""
    words = sum(line.words for line in run)
    return words >= params.list_words * len(run) and all(line.repeats == 1 for line in run)


def _short_class(before: str, after: str) -> str:
    if {before, after} <= {GOOD, NEAR}:
        return NEAR if before == after == NEAR else GOOD
    return BAD


def _nearest(classes: list[str], skip: set[str], reverse: bool) -> list[str]:
    """For each line, the class of the nearest line before it (after it) not in ``skip``
    (compiled: :func:`cleantext.content._context.nearest`)."""
    return nearest(classes, frozenset(skip), reverse, BAD)


def _promote_headings(classes: list[str], lines: tuple[LineFeatures, ...], params: Params) -> None:
    """A heading-like short line followed closely by good text becomes near-good.

    A heading stands alone: a short line next to other short lines is part
    of a list (of links, of headlines), not a heading, unless what follows it
    is a bulleted list. (Compiled: :func:`cleantext.content._context.promote_headings`.)
    """
    promote_headings(classes, lines, params.heading_distance, GOOD, SHORT, NEAR)
