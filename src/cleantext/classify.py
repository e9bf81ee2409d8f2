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

from dataclasses import dataclass

from cleantext.linefeatures import LineFeatures, PageFeatures, page_features
from cleantext.page import Page

GOOD, NEAR, SHORT, BAD, LIST = "good", "near", "short", "bad", "list"


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
    gap_growth: float = 2.0
    """Extra cost of each further non-good line in the same gap (long gaps cost more per line)."""
    main_share: float = 0.5
    """The first region scoring this share of the best region's score is the main content."""
    keep_share: float = 1.1
    """Other regions scoring this share of the best region's score are content too."""
    headline_lookback: int = 5
    """Lines before the content run searched for its headline."""
    score: float = 0.9
    """Score of boilerplate outside the content run."""
    inside_score: float = 0.7
    """Score of a bad line inside the content run."""
    prose_score: float = 0.7
    """Score of good text outside the content run."""
    edge_score: float = 0.25
    """Score of short lines right after the content run: removed only when a named detector agrees."""


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

    def in_content(self, index: int) -> bool:
        """True when line ``index`` lies inside one of the content runs."""
        return any(first <= index <= last for first, last in self.windows)


def analyse(page: Page, params: Params) -> Analysis:
    """Classify every line of ``page`` and find its main content run."""
    features = page_features(page)
    initial = tuple(initial_class(line, params) for line in features.lines)
    lengths = [line.chars for line in features.lines]
    classes = resolve(list(initial), features.lines, lengths, params)
    windows = content_windows(classes, features.lines, params)
    main = windows[0] if windows else (0, -1)
    headlines = find_headlines(features.lines, main, params)
    edge = trailing_edge(initial, features.lines, windows)
    return Analysis(features, initial, tuple(classes), windows, headlines, edge)


def initial_class(line: LineFeatures, params: Params) -> str:
    """The class of a line from its own features alone."""
    low, high, density = params.stop_low, params.stop_high, line.density
    sentence = line.sentence_end and line.words >= params.min_sentence_words
    if line.words == 0 or (line.repeats >= params.max_repeats and not sentence):
        return BAD
    if line.separators >= 2 and density < high:
        return BAD
    if line.chars < params.length_low:
        return NEAR if sentence and (density >= low or line.words >= params.prose_words) else SHORT
    if line.sentence_end and density >= low:
        long_enough = line.chars >= params.length_high or line.sentences >= 2
        return GOOD if long_enough or density >= high else NEAR
    if density >= high or (line.sentence_end and line.words >= params.prose_words):
        return NEAR
    return BAD


def resolve(
    classes: list[str], lines: tuple[LineFeatures, ...], lengths: list[int], params: Params
) -> list[str]:
    """Context: headings before good text, then short and near-good lines take their neighbours' class."""
    _promote_headings(classes, lines, lengths, params)
    before = _nearest(classes, {SHORT}, reverse=False)
    after = _nearest(classes, {SHORT}, reverse=True)
    shorts = list(classes)
    for start, end in _runs(classes, SHORT):
        resolved = _short_class(before[start], after[end - 1])
        if resolved == GOOD and end - start > params.max_short_run:
            resolved = GOOD if _list_like(lines[start:end], params) else LIST
        shorts[start:end] = [resolved] * (end - start)
    before = _nearest(shorts, {NEAR}, reverse=False)
    after = _nearest(shorts, {NEAR}, reverse=True)
    return [
        (GOOD if {before[i], after[i]} & {GOOD, LIST} else BAD) if current == NEAR else current
        for i, current in enumerate(shorts)
    ]


def _runs(classes: list[str], wanted: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each maximal run of lines of class ``wanted``."""
    runs, start = [], -1
    for index, current in enumerate(classes):
        if current == wanted and start < 0:
            start = index
        elif current != wanted and start >= 0:
            runs.append((start, index))
            start = -1
    if start >= 0:
        runs.append((start, len(classes)))
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
    """For each line, the class of the nearest line before it (after it) not in ``skip``."""
    found = [BAD] * len(classes)
    last = BAD
    order = range(len(classes) - 1, -1, -1) if reverse else range(len(classes))
    for index in order:
        found[index] = last
        if classes[index] not in skip:
            last = classes[index]
    return found


def _promote_headings(
    classes: list[str], lines: tuple[LineFeatures, ...], lengths: list[int], params: Params
) -> None:
    """A heading-like short line followed closely by good text becomes near-good.

    A heading stands alone: a short line next to other short lines is part
    of a list (of links, of headlines), not a heading, unless what follows it
    is a bulleted list.
    """
    distance_to_good = params.heading_distance + 1
    for index in range(len(classes) - 1, -1, -1):
        current = classes[index]
        if current == GOOD:
            distance_to_good = 0
            continue
        close = distance_to_good <= params.heading_distance
        alone = (index == 0 or classes[index - 1] != SHORT) and (
            index + 1 == len(classes) or classes[index + 1] != SHORT or lines[index + 1].bullet
        )
        if current == SHORT and close and alone and _looks_like_heading(lines[index]):
            classes[index] = NEAR
        distance_to_good += lengths[index]


def _looks_like_heading(line: LineFeatures) -> bool:
    plain = not line.bullet and line.repeats == 1 and line.separators == 0
    return 2 <= line.words <= 20 and plain and line.digit_share < 0.5


def content_windows(
    classes: list[str], lines: tuple[LineFeatures, ...], params: Params
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
    the best are content too.
    """
    candidates = _candidates(classes, lines, params)
    top = max((score for score, _ in candidates), default=0.0)
    main = next((run for score, run in candidates if score >= params.main_share * top), None)
    if main is None:
        return ()
    others = [run for score, run in candidates if run != main and score >= params.keep_share * top]
    return (main, *others)


def _candidates(
    classes: list[str], lines: tuple[LineFeatures, ...], params: Params
) -> list[tuple[float, tuple[int, int]]]:
    found: list[tuple[float, tuple[int, int]]] = []
    best, best_range = 0.0, (0, -1)
    running, first, gap = 0.0, 0, 0
    for index, current in enumerate(classes):
        if current == GOOD:
            running += lines[index].words
            gap = 0
        elif current == LIST:
            pass  # a list between paragraphs neither adds nor costs
        else:
            repeated = 2 if lines[index].repeats > 1 else 1
            running -= params.bad_cost * repeated + params.gap_growth * gap
            gap += 1
        if running <= 0:
            if best > 0:
                found.append((best, best_range))
            best, running, first = 0.0, 0.0, index + 1
        elif running > best:
            best, best_range = running, (first, index)
    if best > 0:
        found.append((best, best_range))
    return found


def trailing_edge(
    initial: tuple[str, ...], lines: tuple[LineFeatures, ...], windows: tuple[tuple[int, int], ...]
) -> frozenset[int]:
    """Short lines right after a content run, before anything that is plainly boilerplate.

    They may be the article's closing list ("What we liked") or the first
    links of the footer; on their own they are too uncertain to remove.
    """
    edge: set[int] = set()
    for _, last in windows:
        index = last + 1
        while (
            index < len(initial) and initial[index] in (SHORT, NEAR) and lines[index].repeats == 1
        ):
            edge.add(index)
            index += 1
    return frozenset(edge)


def find_headlines(
    lines: tuple[LineFeatures, ...], window: tuple[int, int], params: Params
) -> frozenset[int]:
    """Heading-like lines just before the content run: the headline is among them.

    Bylines, credits and share prompts can look the same; named detectors
    remove those, so keeping them all here costs little.
    """
    first = window[0]
    if window[1] < first:
        return frozenset()
    found = set()
    for index in range(max(first - params.headline_lookback, 0), first):
        line = lines[index]
        worded = line.stopwords > 0 or line.chars < params.length_low
        if _looks_like_heading(line) and worded and line.words >= 3 and not line.sentence_end:
            found.add(index)
    return frozenset(found)
