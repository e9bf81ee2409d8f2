"""The content classifier's line classes and thresholds (explained in ``docs/algorithm.md``)."""

from __future__ import annotations

from dataclasses import dataclass

GOOD, NEAR, SHORT, BAD, LIST, EMPTY = "good", "near", "short", "bad", "list", "empty"
CLAIMED = "claimed"
"""A line a named detector removes: skipped when neighbours are looked up."""


@dataclass(frozen=True)
class Params:
    """Thresholds of the content classifier."""

    length_low: int = 70
    """Lines shorter than this (characters) are *short*: their own features say little."""
    length_high: int = 200
    """Lines at least this long with enough stopwords are *good* outright."""
    stop_low: float = 0.20
    """Stopword density from which a line can be near-good (listed languages)."""
    stop_high: float = 0.30
    """Stopword density from which a line reads like running text (listed languages)."""
    max_repeats: int = 2
    """A line that occurs this often on the page is furniture (unless it reads as a sentence)."""
    prose_words: int = 10
    """A long line with this many words that ends like a sentence is at worst near-good."""
    min_sentence_words: int = 5
    """A short line with at least this many words that ends like a sentence counts as near-good."""
    heading_distance: int = 200
    """A heading-like short line this close (characters) before good text is kept."""
    bad_cost: float = 10.0
    """Words a bad line costs when the main content run is chosen."""
    max_short_run: int = 3
    """A run of more short lines than this is a boilerplate zone, unless it reads like a list."""
    list_words: float = 6.0
    """Average words per line from which a long run of short lines reads like a list."""
    claimed_cost: float = 10.0
    """Words a line that a named detector removes costs when the content run is chosen."""
    repeat_cost: float = 20.0
    """Words a bad line costs when it repeats on the page (furniture for sure)."""
    gap_growth: float = 2.0
    """Extra cost of each further non-good line in the same gap (long gaps cost more per line)."""
    main_share: float = 0.5
    """The first region scoring this share of the best region's score is the main content."""
    keep_share: float = 0.7
    """Other regions scoring this share of the best region's score are content too."""
    section_ends: tuple[str, ...] = ("comments",)
    """Named detectors whose claimed lines end the main content (a comment thread follows)."""
    min_article: float = 50.0
    """A section end counts once a content run scoring this much (or half the best) precedes it."""
    long_body: float = 200.0
    """A page whose best content run scores less has no body that dominates it (a listing, a
    service page): every content run scoring ``min_post`` is kept, not only ``keep_share``."""
    min_post: float = 1.0
    """Where every content run is kept (a thread, documentation, a shop, a page without a long
    body), the runs scoring at least this much."""
    headline_lookback: int = 3
    """Lines before the content run searched for its headline."""
    score: float = 0.9
    """Score of boilerplate outside the content run."""
    inside_score: float = 0.6
    """Score of a bad line inside the content run."""
    prose_score: float = 0.7
    """Score of good text outside the content run."""
    edge_score: float = 0.25
    """Score of short lines right after the content run: removed only when a named detector agrees."""
