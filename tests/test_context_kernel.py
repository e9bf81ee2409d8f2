"""The classifier's compiled context passes decide what their plain definitions decide.

:mod:`cleantext.content._context` classifies each line from its features, resolves the
classes from their neighbours and groups the removed lines in C, over the page's feature
arrays. Here the same steps are written plainly in Python (the code they replaced: a
class per line, lists of every line's neighbours, a line at a time) and both are run on
page-like text, with classes and claims drawn at random.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from itertools import groupby

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleantext.content._context import (
    Classes,
    edge_lines,
    headline_lines,
    initial_classes,
    looks_like_heading,
    promote_headings,
    removal_reason,
    removal_runs,
    removals,
    resolve_context,
)
from cleantext.content.params import BAD, CLAIMED, EMPTY, GOOD, LIST, NEAR, SHORT, Params
from cleantext.text.features import FeatureTable, LineFeatures, page_features
from cleantext.text.page import Page
from strategies import page_line, page_text

CLASS_NAMES = (SHORT, GOOD, NEAR, BAD, LIST, EMPTY, CLAIMED)
CLASS = st.sampled_from(CLASS_NAMES)
RUNS = st.lists(st.tuples(CLASS, st.integers(1, 5)), min_size=4)
"""Classes in runs (runs of short lines between good text are what the context resolves)."""


def tiled(runs: list[tuple[str, int]], count: int) -> list[str]:
    """``count`` classes: the ``runs`` (class, length), repeated as often as needed."""
    classes = [value for value, size in runs for _ in range(size)]
    return [classes[index % len(classes)] for index in range(count)]


PARAMS = Params()


def plain_initial_class(line: LineFeatures, params: Params) -> str:
    """A line's class from its own features, as ``docs/algorithm.md`` states it."""
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
        return GOOD
    if density >= high or (line.sentence_end and line.words >= params.prose_words):
        return NEAR
    return BAD


def plain_claimed(claims: Mapping[int, str], index: int) -> str | None:
    if index not in claims:
        return None
    return CLAIMED if index - 1 in claims or index + 1 in claims else EMPTY


def plain_nearest(classes: list[str], skip: set[str], reverse: bool) -> list[str]:
    """For each line, the class of the nearest line before (after) it not in ``skip``."""
    found, last = [BAD] * len(classes), BAD
    order = range(len(classes) - 1, -1, -1) if reverse else range(len(classes))
    for index in order:
        found[index] = last
        if classes[index] not in skip:
            last = classes[index]
    return found


def plain_resolve(promoted: list[str], lines: FeatureTable, params: Params) -> list[str]:
    """Short runs, then near-good lines, from lists of every line's neighbours."""
    before = plain_nearest(promoted, {SHORT, EMPTY}, reverse=False)
    after = plain_nearest(promoted, {SHORT, EMPTY}, reverse=True)
    shorts, start = list(promoted), 0
    for value, group in groupby(promoted):
        end = start + sum(1 for _ in group)
        if value == SHORT:
            outer = {before[start], after[end - 1]}
            resolved = BAD
            if outer <= {GOOD, NEAR}:
                resolved = NEAR if outer == {NEAR} else GOOD
            if resolved == GOOD and end - start > params.max_short_run:
                run = lines[start:end]
                words = sum(line.words for line in run)
                listed = words >= params.list_words * len(run)
                resolved = GOOD if listed and all(line.repeats == 1 for line in run) else LIST
            shorts[start:end] = [resolved] * (end - start)
        start = end
    before = plain_nearest(shorts, {NEAR, EMPTY, CLAIMED}, reverse=False)
    after = plain_nearest(shorts, {NEAR, EMPTY, CLAIMED}, reverse=True)
    return [
        (GOOD if {before[i], after[i]} & {GOOD, LIST} else BAD) if current == NEAR else current
        for i, current in enumerate(shorts)
    ]


def plain_removal_runs(
    classes: list[str],
    lines: FeatureTable,
    windows: tuple[tuple[int, int], ...],
    headlines: frozenset[int],
    edge: frozenset[int],
) -> list[tuple[int, int, str]]:
    """Each line's reason to go (or None), then runs of equal reasons."""
    inside = [
        any(first <= index <= last for first, last in windows) for index in range(len(classes))
    ]
    kinds: list[str | None] = []
    for index, current in enumerate(classes):
        line = lines[index]
        sentence = line.sentence_end and line.repeats == 1 and line.words >= 5
        kind: str | None
        if (
            current == CLAIMED
            or index in headlines
            or (inside[index] and (current in (GOOD, LIST, EMPTY) or sentence))
        ):
            kind = None
        elif inside[index]:
            kind = "inside"
        elif index in edge:
            kind = "edge"
        else:
            kind = "prose" if current == GOOD else "outside"
        kinds.append(kind)
    runs, start = [], 0
    for kind, group in groupby(kinds):
        end = start + sum(1 for _ in group)
        if kind is not None:
            runs.append((start, end - 1, kind))
        start = end
    return runs


LINES = st.lists(
    st.one_of(page_line(), st.sampled_from(["Home", "• News", "It rained.", "Go", "Read on"])),
    min_size=8,
    max_size=40,
)
"""Pages of page-like lines, menus and short sentences among them."""


@given(st.one_of(page_text(), LINES.map("\n".join)), st.data())
def test_initial_classes_are_the_plain_definition(text: str, data: st.DataObject) -> None:
    lines = page_features(Page.from_text(text)).lines
    claims = data.draw(st.dictionaries(st.integers(0, max(len(lines) - 1, 0)), st.just("menu")))
    expected = [
        plain_claimed(claims, index) or plain_initial_class(line, PARAMS)
        for index, line in enumerate(lines)
    ]
    assert initial_classes(lines, claims, PARAMS) == expected


POOL = (
    "Home",
    "News",
    "Read on",
    "Prices rose again in May.",
    "One two three four five six seven eight",
    "• Item one, two, three and four more words",
    "The council met on Monday and agreed the budget after a long debate in the hall.",
)
"""Lines for random pages: menu words, short sentences, list items, prose."""


@pytest.mark.parametrize("seed", range(400))
def test_the_context_is_resolved_as_the_plain_definition_resolves_it(seed: int) -> None:
    generator = random.Random(seed)  # (random pages: hypothesis keeps its classes too plain)
    count = generator.randint(1, 40)
    text = "\n".join(generator.choice(POOL) for _ in range(count))
    lines = page_features(Page.from_text(text)).lines
    runs = [(generator.choice(CLASS_NAMES), generator.randint(1, 5)) for _ in range(count)]
    classes = tiled(runs, count)
    promoted = Classes.of(classes)
    promote_headings(promoted, lines, PARAMS.heading_distance)
    given = Classes.of(classes)
    found = resolve_context(given, lines, PARAMS.heading_distance, 3, 6.0)
    assert found == plain_resolve(list(promoted), lines, PARAMS)
    assert given == classes  # (the classes given stay as they were)


def drawn_places(
    data: st.DataObject, count: int
) -> tuple[tuple[tuple[int, int], ...], frozenset[int], frozenset[int]]:
    """Content runs, headlines and edge lines drawn at random on a page of ``count`` lines."""
    indexes = st.integers(0, count - 1)
    windows = tuple(
        sorted(
            (min(a, b), max(a, b))
            for a, b in data.draw(st.lists(st.tuples(indexes, indexes), max_size=3))
        )
    )
    headlines = frozenset(data.draw(st.sets(indexes, max_size=3)))
    edge = frozenset(data.draw(st.sets(indexes, max_size=3)))
    return windows, headlines, edge


@given(LINES.map("\n".join), RUNS, st.data())
def test_the_removed_runs_are_the_plain_definition(
    text: str, runs: list[tuple[str, int]], data: st.DataObject
) -> None:
    lines = page_features(Page.from_text(text)).lines
    count = len(lines)
    classes = tiled(runs, count)
    windows, headlines, edge = drawn_places(data, count)
    found = removal_runs(list(classes), lines, windows, headlines, edge, 5)
    assert found == plain_removal_runs(classes, lines, windows, headlines, edge)


def plain_lines(count: int) -> str:
    return f"{count} lines" if count != 1 else "1 line"


def plain_reason(
    lines: FeatureTable,
    initial: tuple[str, ...],
    run: range,
    kind: str,
    window: tuple[int, int],
    language: str | None,
) -> str:
    """A removed run's reason, as the classifier's Python wrote it."""
    shown = next((index for index in run if initial[index] != EMPTY), run[0])
    line = lines[shown]
    words = "stopwords" if language else "frequent words of the page"
    evidence = (
        f"{line.words} words, "
        f"{'sentence punctuation' if line.sentence_end else 'no sentence punctuation'}, "
        f"{line.density:.0%} {words}"
    )
    if line.repeats > 1:
        evidence += f", occurs {line.repeats} times"
    label = {
        "inside": "boilerplate inside the content",
        "prose": "text away from the content",
        "edge": "short lines just after the content",
    }.get(kind, "boilerplate")
    first, last = window
    if last < first:
        where = "no content run on the page"
    elif run[-1] < first:
        where = f"{plain_lines(first - run[-1])} before the content"
    elif run[0] > last:
        where = f"{plain_lines(run[0] - last)} after the content"
    else:
        where = "within the content"
    return f"{plain_lines(len(run))} of {label} ({initial[shown]}: {evidence}), {where}"


@given(
    LINES.map("\n".join),
    RUNS,
    st.sampled_from(["inside", "prose", "edge", "outside"]),
    st.sampled_from([None, "en"]),
    st.data(),
)
def test_the_reasons_are_the_plain_definition(
    text: str, runs: list[tuple[str, int]], kind: str, language: str | None, data: st.DataObject
) -> None:
    lines = page_features(Page.from_text(text)).lines
    count = len(lines)
    initial = tuple(tiled(runs, count))
    indexes = st.integers(0, count - 1)
    first, last = sorted(data.draw(st.tuples(indexes, indexes)))
    window = data.draw(st.one_of(st.just((0, -1)), st.tuples(indexes, indexes).map(sorted)))
    counted = "stopwords" if language else "frequent words of the page"
    found = removal_reason(lines, initial, first, last, kind, tuple(window), counted)
    expected = plain_reason(lines, initial, range(first, last + 1), kind, tuple(window), language)
    assert found == expected


def plain_headlines(
    initial: list[str], lines: FeatureTable, window: tuple[int, int], params: Params
) -> frozenset[int]:
    """The headline candidates before the content run, as the classifier's Python found them."""
    found: set[int] = set()
    index, seen = window[0] - 1, 0
    while window[1] >= window[0] and index >= 0 and seen < params.headline_lookback:
        line = lines[index]
        if initial[index] not in (CLAIMED, EMPTY):
            seen += 1
            worded = line.stopwords > 0 or line.chars < params.length_low
            if looks_like_heading(line) and worded and line.words >= 3 and not line.sentence_end:
                found.add(index)
        index -= 1
    return frozenset(found)


def plain_edge(
    initial: list[str], lines: FeatureTable, windows: tuple[tuple[int, int], ...]
) -> frozenset[int]:
    """The uncertain edge after the content runs, as the classifier's Python found it."""
    edge: set[int] = set()
    for _, last in windows:
        index = last + 1
        while (
            index < len(initial) and initial[index] in (SHORT, NEAR) and lines[index].repeats == 1
        ):
            edge.add(index)
            index += 1
    return frozenset(edge)


@given(
    st.one_of(page_text(), LINES.map("\n".join)),
    RUNS,
    st.integers(0, 5),
    st.sampled_from([0.0, 20.0, 70.0]),
    st.data(),
)
def test_the_headlines_and_the_edge_are_the_plain_definition(
    text: str, runs: list[tuple[str, int]], lookback: int, length_low: float, data: st.DataObject
) -> None:
    lines = page_features(Page.from_text(text)).lines
    count = len(lines)
    initial = tiled(runs, count)
    indexes = st.integers(0, max(count - 1, 0))
    window = data.draw(st.one_of(st.just((0, -1)), st.tuples(indexes, indexes).map(sorted)))
    params = Params(headline_lookback=lookback, length_low=length_low)  # type: ignore[arg-type]
    found = headline_lines(Classes.of(initial), lines, tuple(window), lookback, length_low)
    assert found == plain_headlines(initial, lines, tuple(window), params)
    windows = tuple(data.draw(st.lists(st.tuples(indexes, indexes).map(sorted), max_size=3)))
    windows = tuple(tuple(window) for window in windows)
    assert edge_lines(initial, lines, windows) == plain_edge(initial, lines, windows)


@given(LINES.map("\n".join), RUNS, st.sampled_from([None, "en"]), st.data())
def test_the_removals_are_the_runs_with_their_reasons(
    text: str, runs: list[tuple[str, int]], language: str | None, data: st.DataObject
) -> None:
    page = Page.from_text(text)
    lines = page_features(page).lines
    count = len(lines)
    classes = tiled(runs, count)
    initial = tiled(list(reversed(runs)), count)
    windows, headlines, edge = drawn_places(data, count)
    counted = "stopwords" if language else "frequent words of the page"
    found = removals(page.lines, lines, initial, classes, windows, headlines, edge, 5, counted)
    window = windows[0] if windows else (0, -1)
    expected = [
        (
            page.lines[first].start,
            page.lines[last].end,
            kind,
            plain_reason(lines, tuple(initial), range(first, last + 1), kind, window, language),
        )
        for first, last, kind in plain_removal_runs(classes, lines, windows, headlines, edge)
    ]
    assert found == expected


def test_removals_need_the_features_of_the_page_lines() -> None:
    page = Page.from_text("Home\nNews\nIt rained all day.")
    other = page_features(Page.from_text("Home")).lines
    with pytest.raises(ValueError, match="lines for the features"):
        removals(page.lines, other, [BAD], [BAD], ((0, 0),), frozenset(), frozenset(), 5, "x")


def test_a_long_alternation_of_short_and_empty_lines_is_resolved_in_linear_time() -> None:
    lines = page_features(Page.from_text("a\n" * 200_000)).lines
    classes = [SHORT, EMPTY] * 100_000
    classes[-1] = GOOD
    found = resolve_context(classes, lines, 200, 3, 6.0)  # (each run's neighbour, looked up
    assert found[0] == BAD and found[-1] == GOOD  # anew, would take minutes)


def test_classes_read_by_index_as_a_sequence_does() -> None:
    names = [GOOD, SHORT, BAD, LIST, NEAR, EMPTY, CLAIMED]
    classes = Classes.of(names)
    assert [classes[index] for index in range(-len(names), len(names))] == names + names
    for index in (len(names), -len(names) - 1):
        with pytest.raises(IndexError):
            classes[index]
