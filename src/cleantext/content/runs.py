"""Where the content lies: content runs, the headline before them, the uncertain edge after.

>>> from cleantext.text.features import page_features
>>> from cleantext.text.page import Page
>>> body = "The mayor said the bridge will open in May, after two years of work on it."
>>> lines = page_features(Page.from_text(f"Home\\nNews\\n{body}\\n{body}\\nAbout")).lines
>>> content_windows(["bad", "bad", "good", "good", "bad"], lines, Params())
((2, 3),)
"""

from __future__ import annotations

from collections.abc import Sequence

from cleantext.content._context import Classes, candidates, edge_lines, headline_lines
from cleantext.content._context import looks_like_heading as looks_like_heading
from cleantext.content.params import CLAIMED, EMPTY, GOOD, LIST, Params
from cleantext.text.features import FeatureTable

NEUTRAL = frozenset({LIST, EMPTY})
"""Classes that neither add to a content run nor cost it: a list between paragraphs, a line
of symbols."""


def content_windows(
    classes: Classes | Sequence[str],
    lines: FeatureTable,
    params: Params,
    stops: frozenset[int] = frozenset(),
    every_run: bool = False,
) -> tuple[tuple[int, int], ...]:
    """First and last line of each content run; the main one first.

    A maximum-subarray scan: good lines add their words, every other line
    costs ``bad_cost`` (twice that when repeated on the page) plus
    ``gap_growth`` for each non-good line before it in the same gap, so one
    caption between paragraphs is cheap and a long menu or a comment header
    after every comment is not. Each time the running sum drops to zero a
    candidate run closes. The first candidate that scores at least
    ``main_share`` of the best one is the main content (comment threads and
    teaser lists come after the article); others scoring ``keep_share`` of
    the best are content too, or every other one when the best scores under
    ``long_body`` (no article body dominates the page). With ``every_run`` (a forum thread, where every
    post is content, or documentation, where code splits the text) no comment
    heading ends the content, and every run scoring ``min_post`` is kept.
    """
    if every_run:
        candidates = _candidates(classes, lines, params, frozenset())
        posts = [run for score, run in candidates if score >= params.min_post]
        return tuple(posts)
    candidates = _candidates(classes, lines, params, stops)
    best = max((score for score, _ in candidates), default=0.0)
    substantial = min(params.min_article, params.main_share * best)
    first_stop = _first_stop(candidates, stops, substantial)
    eligible = [item for item in candidates if first_stop is None or item[1][0] < first_stop]
    top = max((score for score, _ in eligible), default=0.0)
    main = next((run for score, run in eligible if score >= params.main_share * top), None)
    if main is None:
        return ()
    share = params.keep_share if top >= params.long_body else 0.0  # no long body: keep every run
    others = [
        run for score, run in eligible if run != main and score >= max(share * top, params.min_post)
    ]
    return (main, *others)


def _first_stop(
    candidates: list[tuple[float, tuple[int, int]]], stops: frozenset[int], substantial: float
) -> int | None:
    """The first of ``stops`` after the start of a candidate run scoring ``substantial`` or
    more (None: no such stop).

    >>> _first_stop([(5.0, (4, 6)), (60.0, (10, 20))], frozenset({2, 8, 30}), 50.0)
    30
    """
    start = min((run[0] for score, run in candidates if score >= substantial), default=None)
    if start is None:
        return None
    return min((stop for stop in stops if stop > start), default=None)


def _candidates(
    classes: Classes | Sequence[str], lines: FeatureTable, params: Params, stops: frozenset[int]
) -> list[tuple[float, tuple[int, int]]]:
    """The content runs and their scores (compiled: :func:`cleantext.content._context.candidates`)."""
    return candidates(
        classes,
        lines,
        stops,
        GOOD,
        NEUTRAL,
        CLAIMED,
        params.claimed_cost,
        params.repeat_cost,
        params.bad_cost,
        params.gap_growth,
    )


def trailing_edge(
    initial: Classes | Sequence[str], lines: FeatureTable, windows: tuple[tuple[int, int], ...]
) -> frozenset[int]:
    """Short lines right after a content run, before anything that is plainly boilerplate.

    They may be the article's closing list ("What we liked") or the first
    links of the footer; on their own they are too uncertain to remove. (Compiled:
    :func:`cleantext.content._context.edge_lines`; they occur once on the page, and
    ``initial``, each line's own class, calls them short or near-good.)
    """
    return edge_lines(initial, lines, windows)


def find_headlines(
    initial: Classes | Sequence[str],
    lines: FeatureTable,
    window: tuple[int, int],
    params: Params,
) -> frozenset[int]:
    """Heading-like lines among the ``headline_lookback`` lines before the content run.

    The headline is among them. Bylines, credits and share prompts can look
    the same; named detectors remove those (their lines are not counted here),
    so keeping them all costs little.
    """
    return headline_lines(initial, lines, window, params.headline_lookback, params.length_low)
