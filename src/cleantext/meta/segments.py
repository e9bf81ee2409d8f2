"""Metadata from a finished result: the boilerplate the detectors stripped, read as facts.

The breadcrumb trail is the page's section path, the footer tag list its tags, the copyright
line names its publisher, and a byline or dateline by the start of the body gives its
authors and date. Works alike on plain text and on the text HTML mode renders.

>>> import cleantext
>>> page = ("Home > World > Europe\\n\\nBy Ann Lee\\n\\nTalks resumed in Vienna on Tuesday, "
...         "officials said.\\n\\nThe two sides met for six hours and agreed to meet again.\\n\\n"
...         "  • Diplomacy\\n  • Austria\\n\\n© 2024 Example Media. All rights reserved.")
>>> meta = segment_metadata(cleantext.clean(page))
>>> meta.section, meta.tags, meta.publisher, meta.authors
(('World', 'Europe'), ('Diplomacy', 'Austria'), 'Example Media', ('Ann Lee',))
>>> meta.source_of("section"), meta.source_of("authors")
('breadcrumb', 'byline')
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import islice

import regex

from cleantext.detectors.breadcrumb import SEPARATOR as TRAIL_SEPARATOR
from cleantext.detectors.tag_list import TAG_LABEL
from cleantext.meta.dates import HAS_YEAR, UPDATE_LABEL, parse_date, stamp_dates
from cleantext.meta.people import AUTHOR_LABEL, BY_PREFIX, unique_names
from cleantext.model import Metadata, Result, Segment
from cleantext.text.lexicon import HOME_WORDS, strip_bullet
from cleantext.text.page_type import ARTICLE

NEAR_BODY_LINES = 6
"""Bylines and datelines are looked for this many non-blank lines either side of the body's start."""
MAX_STAMP_WORDS = 14
"""A byline or dateline is a short line."""
MAX_BARE_DATE_WORDS = 6
"""A line this short holding a date is a dateline without needing a label."""
MAX_PUBLISHER_WORDS = 8
TAG_SEPARATOR = regex.compile(r"[,;|·•/]")
COPYRIGHT_MARK = regex.compile(
    r"(?:©|\(c\)|copyright)(?:\s{0,3}(?:©|\(c\)))?(?:\s{0,3}(?:19|20)\d\d(?:\s{0,3}[-–—]\s{0,3}(?:19|20)\d\d)?)?,?",
    regex.IGNORECASE,
)
"""A copyright mark with its years ("© 2019-2024", "Copyright (c) 2024,"); the holder follows."""
HOLDER_END = regex.compile(
    r"[.|©\n]|all rights|alle rechte|tous droits|todos los derechos", regex.IGNORECASE
)
"""Where the holder's name ends."""
MAX_HOLDER_CHARS = 80
BYLINE_LABEL = regex.compile(
    r"(?:(?:written|posted|published|reviewed|edited|reported) )?(?:by|von|par|por) ?:?"
    r"|(?:authors?|autor(?:in|en)?|auteur|writers?) ?:?",
    regex.IGNORECASE,
)
"""A line that is only a byline's label: the name follows on the next line."""
STAMP_SEPARATOR = regex.compile(r"[|•·・⋅]")
"""What splits a byline row into its parts ("Ann Lee | Senior Writer | July 2, 2025")."""
MAX_STAMP_CHARS = 160
"""A longer line is read as prose without looking for a date stamp in it."""
LINE_BREAK = regex.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
"""What ``str.splitlines`` splits at."""
LINE_BREAK_BACKWARDS = regex.compile(LINE_BREAK.pattern, regex.REVERSE)
SOLE_DATE_KINDS = frozenset({ARTICLE, None})
"""The page kinds (``None``: not known) whose one date stamp is their date: on a product,
service, listing or documentation page a lone date dates a review, a course or a release."""
DATE_LABEL = regex.compile(
    r"\b(?:published|posted|date|veröffentlicht|publié|publicado)\b", regex.IGNORECASE
)


def segment_metadata(result: Result, known: Metadata | None = None) -> Metadata:
    """The fields ``result``'s removed segments and the lines by its body's start give (and
    the lines by the title of ``known``, what the page's markup gave, where the text holds it).

    ``known``'s ``modified`` and ``page_type`` decide whether the page's one date stamp
    is its published date (:func:`sole_date`); it is looked for only where the markup gave
    no published date, or one the same day as its modified (``published.settled``)."""
    metadata = Metadata()
    for name, value, source in _found(result, known or Metadata()):
        if not getattr(metadata, name):
            metadata = metadata.with_field(name, value, source)
    return metadata


def _found(
    result: Result, known: Metadata
) -> Iterator[tuple[str, str | Sequence[str] | None, str]]:
    by_detector: dict[str, list[Segment]] = {}
    for segment in result.removed:
        by_detector.setdefault(segment.detector, []).append(segment)
    yield (
        "section",
        next(filter(None, map(trail_steps, by_detector.get("breadcrumb", []))), []),
        "breadcrumb",
    )
    yield (
        "tags",
        [tag for segment in by_detector.get("tag_list", []) for tag in tag_items(segment.text)],
        "tag_list",
    )
    yield (
        "publisher",
        next(filter(None, map(copyright_holder, by_detector.get("copyright", []))), None),
        "copyright",
    )
    stamps = _lines_near_headline(result.source_text, known.title) + _lines_near_body(result)
    yield "authors", unique_names(_byline_texts(stamps)), "byline"
    dated = [stamp_dates(line) for line in stamps if is_dateline(line)]
    published = next((day for day, _ in dated if day), None)
    modified = next((day for _, day in dated if day), None)
    yield "published", published, "dateline"
    yield "modified", modified, "dateline"
    settled_by_markup = known.published and known.published != known.modified
    if not published and not settled_by_markup and known.page_type in SOLE_DATE_KINDS:
        yield "published", sole_date(result.source_text, known.modified or modified), "sole_date"


def sole_date(text: str, modified: str | None = None) -> str | None:
    """The date of a text's one date stamp, when it has exactly one and nothing calls that
    date the last change (a stamp that says "Updated", or the page's ``modified``): a page that
    shows a single date, with no word against it, was published that day.

    >>> sole_date("Tiny homes\\n\\nThe council met.\\n\\nApril 8, 2024\\n\\nMore text.")
    '2024-04-08'
    >>> sole_date("April 8, 2024\\n\\nMay 2, 2024"), sole_date("Updated April 8, 2024")
    (None, None)
    >>> sole_date("April 8, 2024", modified="2024-04-08") is None
    True
    """
    days: set[str] = set()
    for line in _lines_with_a_year(text, longest=MAX_STAMP_CHARS):
        if not is_dateline(line):
            continue
        published, changed = stamp_dates(line)
        if changed:
            return None
        if published:
            days.add(published)
            if len(days) > 1:
                return None
    day = next(iter(days), None)
    return None if day == modified else day


def trail_steps(segment: Segment) -> list[str]:
    """The steps of a breadcrumb trail, without a leading "Home".

    >>> trail_steps(Segment(0, 0, "Home > News > World", "breadcrumb", "", 1.0))
    ['News', 'World']
    """
    steps = [step.strip() for step in TRAIL_SEPARATOR.split(segment.text.strip())]
    steps = [step for step in steps if step]
    if steps and steps[0].casefold() in HOME_WORDS:
        steps = steps[1:]
    return steps


def tag_items(text: str) -> list[str]:
    """The tags of a stripped tag list: one per bullet line, or the items after a "Tags:" label.

    >>> tag_items("  • Politics\\n  • Europe"), tag_items("Tags: budget, council | roads")
    (['Politics', 'Europe'], ['budget', 'council', 'roads'])
    """
    tags: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        label = TAG_LABEL.match(line)
        if label:
            tags.extend(part.strip() for part in TAG_SEPARATOR.split(line[label.end() :]))
        else:
            tags.append(strip_bullet(line))
    return [" ".join(tag.split()) for tag in tags if tag.strip()]


def copyright_holder(segment: Segment) -> str | None:
    """The holder a copyright segment names, or ``None``.

    >>> copyright_holder(Segment(0, 0, "Copyright © 2019-2024 Example Media, Inc. All rights reserved.", "copyright", "", 1.0))
    'Example Media, Inc'
    """
    match = COPYRIGHT_MARK.search(segment.text)
    if match is None:
        return None
    rest = segment.text[match.end() : match.end() + MAX_HOLDER_CHARS * 2]
    end = HOLDER_END.search(rest)
    holder = " ".join(rest[: end.start() if end else len(rest)].split()).strip(" ,-–—:")
    if len(holder) > MAX_HOLDER_CHARS:
        return None
    words = holder.split()
    if not words or len(words) > MAX_PUBLISHER_WORDS or not any(c.isalpha() for c in holder):
        return None
    return holder


def is_byline(line: str) -> bool:
    """True when ``line`` opens with a byline word ("By", "Von", "Author:") and is short.

    >>> is_byline("By Ann Lee"), is_byline("By the end of the week the river had risen.")
    (True, False)
    """
    words = _words_up_to(line, MAX_STAMP_WORDS)
    if not words or len(words) > MAX_STAMP_WORDS or line.rstrip().endswith((".", "!", "?")):
        return False
    return BY_PREFIX.match(line) is not None or AUTHOR_LABEL.match(line) is not None


def _byline_texts(lines: Sequence[str]) -> Iterator[str]:
    """Byline lines, and the line after a bare label ("Written by" alone, then the name)."""
    for index, line in enumerate(lines):
        if _is_label(line):
            yield lines[index + 1] if index + 1 < len(lines) else ""
        elif is_byline(line):
            yield line


def _is_label(line: str) -> bool:
    """A line that is only a byline's label (a label has a few words: a longer line is none)."""
    words = _words_up_to(line, MAX_STAMP_WORDS)
    return len(words) <= MAX_STAMP_WORDS and BYLINE_LABEL.fullmatch(" ".join(words)) is not None


def _words_up_to(line: str, most: int) -> list[str]:
    """The words of ``line`` if it has at most ``most`` of them, else ``most + 1`` pieces
    (the last one the rest of the line): a long line costs no list of all its words.

    >>> _words_up_to(" a b  c ", 5), _words_up_to("a b c d", 2)
    (['a', 'b', 'c'], ['a', 'b', 'c d'])
    """
    return line.split(None, most)


def is_dateline(line: str) -> bool:
    """True when ``line`` is short enough to be a date stamp: a bare date, or one with a label.

    >>> is_dateline("March 5, 2024"), is_dateline("Published on March 5, 2024 by Ann Lee")
    (True, True)
    >>> is_dateline("Ann Lee | Senior Writer | July 2, 2025"), is_dateline("May 2, 2025 · 8 min read")
    (True, True)
    >>> is_dateline("The 2024 budget was passed on March 5 after a long debate in the hall")
    False
    """
    words = len(_words_up_to(line, MAX_STAMP_WORDS))
    if words <= MAX_BARE_DATE_WORDS:
        return True
    if words > MAX_STAMP_WORDS:
        return False
    parts = STAMP_SEPARATOR.split(line)
    if len(parts) > 1 and any(
        len(part.split()) <= MAX_BARE_DATE_WORDS and parse_date(part) for part in parts
    ):
        return words <= MAX_STAMP_WORDS
    labelled = DATE_LABEL.search(line) or UPDATE_LABEL.search(line) or BY_PREFIX.match(line)
    return words <= MAX_STAMP_WORDS and labelled is not None


def _lines_near_headline(text: str, headline: str | None) -> list[str]:
    """The non-blank lines around the first line that holds ``headline``."""
    start = text.find(headline) if headline else -1
    return _lines_near(text, start) if start >= 0 else []


def _lines_near_body(result: Result) -> list[str]:
    """The non-blank lines of ``result.source_text`` around the first kept line."""
    start = _body_start(result.source_text, result.removed)
    return [] if start is None else _lines_near(result.source_text, start)


def _lines_near(text: str, start: int) -> list[str]:
    """Up to :data:`NEAR_BODY_LINES` non-blank lines either side of offset ``start`` (read
    outwards from it: a page of a million blank lines costs no list of them).

    >>> _lines_near("Budget\\r\\n\\n\\nBy Ann Lee\\nThe council met.\\n", 8)
    ['Budget', 'By Ann Lee', 'The council met.']
    """
    before = islice(
        (line.strip() for line in _lines_backwards(text, start) if line.strip()), NEAR_BODY_LINES
    )
    after = islice(_lines_from(text, start), NEAR_BODY_LINES * 4)
    return [
        *reversed(list(before)),
        *islice((line.strip() for line in after if line.strip()), NEAR_BODY_LINES),
    ]


def _lines_from(text: str, start: int) -> Iterator[str]:
    """The lines of ``text[start:]``, as ``str.splitlines`` gives them, one at a time."""
    position = start
    for found in LINE_BREAK.finditer(text, start):
        yield text[position : found.start()]
        position = found.end()
    if position < len(text):
        yield text[position:]


def _lines_backwards(text: str, end: int) -> Iterator[str]:
    """The lines of ``text[:end]``, last first (a break at the very end gives one empty line
    more than ``str.splitlines``, and CR LF may count as two breaks: callers skip blank lines)."""
    stop = end
    for found in LINE_BREAK_BACKWARDS.finditer(text, 0, end):
        yield text[found.end() : stop]
        stop = found.start()
    yield text[:stop]


def _lines_with_a_year(text: str, longest: int | None = None) -> Iterator[str]:
    """The lines of ``text`` that hold a year, in order, found without splitting the text;
    with ``longest``, stripped, and only those of at most ``longest`` characters (a longer
    line that no space ends is passed over without being copied).

    >>> list(_lines_with_a_year("Home\\nMay 2, 2024\\n\\nThe 1990s and 2000s\\n"))
    ['May 2, 2024', 'The 1990s and 2000s']
    >>> list(_lines_with_a_year("  May 2, 2024 \\nThe 1990s and 2000s", longest=12))
    ['May 2, 2024']
    """
    position = 0
    while (year := HAS_YEAR.search(text, position)) is not None:
        before = LINE_BREAK_BACKWARDS.search(text, 0, year.start())
        after = LINE_BREAK.search(text, year.end())
        start = 0 if before is None else before.end()
        end = len(text) if after is None else after.start()
        position = end
        if longest is None:
            yield text[start:end]
        elif end - start <= longest or text[start].isspace() or text[end - 1].isspace():
            line = text[start:end].strip()
            if len(line) <= longest:
                yield line


def _body_start(text: str, removed: Sequence[Segment]) -> int | None:
    """The offset of the first non-blank character that no removed segment covers."""
    position = 0
    for segment in removed:
        if text[position : segment.start].strip():
            break
        position = max(position, segment.end)
    rest = text[position:]
    stripped = rest.lstrip()
    return position + len(rest) - len(stripped) if stripped else None
