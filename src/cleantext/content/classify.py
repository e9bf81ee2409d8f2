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
>>> tuple(analysis.classes)
('bad', 'bad', 'good', 'bad')
>>> analysis.window
(2, 2)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from cleantext.content._context import Classes, initial_classes, resolve_context
from cleantext.content.params import BAD, CLAIMED, EMPTY, GOOD, LIST, NEAR, SHORT, Params
from cleantext.content.runs import (
    content_windows,
    find_headlines,
    trailing_edge,
)
from cleantext.text.features import FeatureTable, PageFeatures, page_features
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
    """The classifier's view of a page: features, each line's own and final class (a byte
    a line, read as class names), content runs, headline and uncertain edge."""

    features: PageFeatures
    initial: Classes
    classes: Classes
    windows: tuple[tuple[int, int], ...]
    headlines: frozenset[int]
    edge: frozenset[int]

    @property
    def window(self) -> tuple[int, int]:
        """The main content run (``(0, -1)`` when the page has none)."""
        return self.windows[0] if self.windows else (0, -1)


def analyse(page: Page, params: Params, claims: Mapping[int, str] | None = None) -> Analysis:
    """Classify every line of ``page`` and find its main content run.

    Each line's class from its own features (the compiled
    :func:`cleantext.content._context.initial_classes`, thresholds in :class:`Params`),
    then from its context (:func:`resolve`), then the content runs. ``claims`` maps
    lines that named detectors claimed to their names: those lines are left to them,
    and a claim by one of ``params.section_ends`` (a comment section's heading) ends the
    main content.
    """
    features = page_features(page)
    initial = initial_classes(features.lines, claims, params)
    classes = resolve(initial, features.lines, params)
    stops = frozenset(
        index for index, name in (claims or {}).items() if name in params.section_ends
    )
    every_run = page.page_type.kind in EVERY_RUN_KINDS
    windows = content_windows(classes, features.lines, params, stops, every_run)
    main = windows[0] if windows else (0, -1)
    headlines = find_headlines(initial, features.lines, main, params)
    edge = trailing_edge(initial, features.lines, windows)
    return Analysis(features, initial, classes, windows, headlines, edge)


def resolve(classes: Classes, lines: FeatureTable, params: Params) -> Classes:
    """Context: headings before good text, then short and near-good lines take their
    neighbours' class (the compiled :func:`cleantext.content._context.resolve_context`;
    ``classes``, each line's own class, stays as it is).

    A run of short lines between good (or near-good) text is good, a long one a list
    unless it reads like statements (:attr:`Params.list_words` a line); elsewhere it is
    bad. A near-good line is good next to good text or a list, else bad.
    """
    return resolve_context(
        classes, lines, params.heading_distance, params.max_short_run, params.list_words
    )
