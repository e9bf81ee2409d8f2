"""menu: runs of short link-like lines ("Home", "World", "Politics") above or below the body."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from cleantext.detector import Detector, Proposal, span_of
from cleantext.detectors._menu import item_runs
from cleantext.text.lexicon import count_tokens, has_bullet, strip_bullet
from cleantext.text.page import Line, Page
from cleantext.text.prefilter import short_lines_with
from cleantext.text.triggers import LINK_LEADS, MENU_SINGLES

CELL_SEPARATOR = regex.compile(r"\t+|\x20{2,}")
"""Menu items laid out on one line, as a browser copies them: split by tabs or wide spaces."""
SKIP_LINK = regex.compile(
    r"^skip\s(?:to\s(?:the\s)?(?:main(?:\s(?:content|navigation|menu))?|content|navigation|menu"
    r"|search|footer|sidebar)|navigation)\b"
    r"|^(?:zum\sinhalt\sspringen|aller\sau\scontenu|ir\sal\scontenido|vai\sal\scontenuto)",
    regex.IGNORECASE,
)
"""An accessibility skip link ("Skip to main content"), the first line of many pages."""
PAGER = regex.compile(
    r"^[\W_]*(?:newer|older|previous|prev|next)\s(?:posts?|entry|entries|articles?|story|stories|page)\b",
    regex.IGNORECASE,
)
"""A pager link between posts ("« Previous Post", "Newer Post Older Post Home")."""
QUANTITY = regex.compile(r"^[\d½¼¾⅓⅔][\d/.,½¼¾⅓⅔-]*\s+\S")
"""An item that starts with an amount ("200 g flour", "2 eggs"): a body list, not a menu."""
LINK_WORDS = LINK_LEADS
"""The first words of :data:`SKIP_LINK` and :data:`PAGER` (the shared scan finds them)."""
SENTENCE_MARKS = (".", "!", "?", ";", ":", ",")
"""An item that ends with one of these ends like a sentence."""


@dataclass(frozen=True)
class Params:
    """Thresholds of :data:`DETECTOR`."""

    max_words: int = 4
    """A menu item has one to this many words."""
    max_chars: int = 40
    """A menu item has at most this many characters (bullet excluded)."""
    min_run: int = 4
    """A menu is at least this many consecutive items."""
    long_run: int = 8
    """A run this long is a menu even when its items are lower-case."""
    min_capital_share: float = 0.5
    """Share of items that must start with a capital letter or digit (for shorter runs)."""
    max_digit_share: float = 0.25
    """A run where more items than this hold a digit is a list of amounts or data, not a menu."""
    keep_before_body: int = 1
    """Lines right before the body core are never menu items (the article's title sits there)."""
    skip_score: float = 0.9
    """Score of a skip link ("Skip to main content") or a pager link ("« Previous Post")."""
    score: float = 0.6
    """Score of a run of lower-case items; capitalised items add up to ``capital_bonus``."""
    capital_bonus: float = 0.2
    """Added in proportion to the share of capitalised items."""


def detect(page: Page, params: Params) -> Iterator[Proposal]:
    """Propose runs of short link-like lines that lie before or after the body core.

    >>> from cleantext import Config, clean
    >>> only = Config().enable_only("menu")
    >>> body = "The mayor opened the new bridge on a bright Sunday morning, and crowds cheered."
    >>> menu = "  • Home\\n  • World\\n  • Politics\\n  • Business\\n  • Sport"
    >>> clean(menu + "\\n\\nBridge Opens\\n\\n" + body, config=only).text
    'Bridge Opens\\n\\nThe mayor opened the new bridge on a bright Sunday morning, and crowds cheered.'
    >>> steps = "Salt\\nPepper\\nOlive Oil\\nFresh Basil"
    >>> clean(body + "\\n\\n" + steps + "\\n\\n" + body, config=only).removed
    ()
    """
    first, last = page.body
    if last < first:
        return
    low = first - params.keep_before_body  # margin lines lie before ``low`` or after ``last``
    margins = (
        [range(len(page.lines))]
        if low > last
        else [range(max(low, 0)), range(last + 1, len(page.lines))]
    )
    counts = page.token_counts  # an item's tokens: ``count_tokens(item)``

    def plain(index: int) -> tuple[str | None, bool]:
        text = page.lines.line_text(index)
        return _item(text, params, counts[index]), has_bullet(text)

    singles = _single_line_candidates(page, params)
    for indexes in margins:
        runs = item_runs(
            page.lines, counts, indexes.start, indexes.stop, params.max_chars,
            params.max_words, params.min_run, plain,
        )  # fmt: skip
        if not runs and not singles:  # (most margins: nothing to order)
            continue
        # In line order: a run is proposed when the line after it is read (after that
        # line's own proposals), or at the margin's end.
        events = [(index, 0, index) for index in singles if index in indexes]
        events += [(last + 1, 1, number) for number, (_, last, *_) in enumerate(runs)]
        for _, kind, item in sorted(events):
            if kind == 0:
                yield from _single_line(page.lines[item], params)
            else:
                yield from _run_proposal(page, runs[item], params)


def _run_proposal(
    page: Page, run: tuple[int, int, int, int, int], params: Params
) -> Iterator[Proposal]:
    """The proposal of a run of items that :func:`~cleantext.detectors._menu.item_runs` found
    (only its first line, its last, and the items shown in the reason are read, and only
    when the run reads like a menu)."""
    first, last, capitals, digits, bullets = run
    if not _reads_like_menu(last - first + 1, capitals, digits, params):
        return
    shown = [
        strip_bullet(page.lines.line_text(index))
        for index in range(first, min(first + 4, last + 1))
    ]
    ends = (page.lines[first], page.lines[last])
    yield _proposal(
        ends, last - first + 1, shown, last - first + 1, (capitals, digits, bullets), params
    )


def _single_line_candidates(page: Page, params: Params) -> list[int]:
    """The lines, in order, that hold a tab or two spaces in a row, or start with a word of
    :data:`LINK_WORDS`, of at most the length :func:`_single_line` reads: one read of the
    shared scan (:data:`~cleantext.text.triggers.MENU_SINGLES`). A line that starts with
    such a word but that :data:`SKIP_LINK` and :data:`PAGER` reject comes too: with no tab
    or two spaces it splits into one cell, and :func:`_single_line` proposes nothing."""
    longest = params.max_chars * params.min_run * 2
    return [line.index for line in short_lines_with(page, MENU_SINGLES, longest)]


def _single_line(line: Line, params: Params) -> Iterator[Proposal]:
    """A skip or pager link, or a menu laid out on one line ("Home    News    Sport    Arts").

    Only lines that start with a word of :data:`LINK_WORDS` or hold a tab or two
    spaces in a row come here: no other line can match or be split.
    """
    text = line.text
    if len(text) > params.max_chars * params.min_run * 2:
        return
    if SKIP_LINK.match(text) or PAGER.match(text):
        yield span_of([line], params.skip_score, f"skip or pager link {text[:40]!r}")
        return
    cells = [cell for cell in CELL_SEPARATOR.split(text) if cell]
    if len(cells) >= params.min_run and all(_item(cell, params) is not None for cell in cells):
        capitals = sum(1 for cell in cells if cell[:1].isupper() or cell[:1].isdigit())
        digits = sum(1 for cell in cells if any(map(str.isdigit, cell)))
        bullets = 1 if has_bullet(text) else 0
        if _reads_like_menu(len(cells), capitals, digits, params):
            yield _proposal((line, line), 1, cells, len(cells), (capitals, digits, bullets), params)


def _item(text: str, params: Params, tokens: int | None = None) -> str | None:
    """``text`` without its bullet when it reads like a menu item, else None. ``tokens`` is
    the number of tokens of the item when known (``count_tokens(item)``)."""
    item = strip_bullet(text)
    if len(item) > params.max_chars or item.endswith(SENTENCE_MARKS):
        return None
    first = item[:1]
    if (not first.isascii() or first.isdigit()) and QUANTITY.match(item):
        return None  # only a digit, or a character other than ASCII, can start an amount
    count = count_tokens(item) if tokens is None else tokens
    return item if 0 < count <= params.max_words else None


def _reads_like_menu(items: int, capitals: int, digits: int, params: Params) -> bool:
    """False for ``items`` items of which too many hold a digit (amounts or data), or too few
    are capitalised for a run this short."""
    if digits / items > params.max_digit_share:
        return False
    return capitals / items >= params.min_capital_share or items >= params.long_run


def _proposal(
    ends: tuple[Line, Line],
    lines: int,
    shown: list[str],
    items: int,
    counts: tuple[int, int, int],
    params: Params,
) -> Proposal:
    """The proposal of ``items`` menu items on ``lines`` lines from ``ends[0]`` to ``ends[1]``
    (the first items ``shown``), of which ``counts`` are capitalised, hold a digit, and
    (lines) are bulleted (:func:`_reads_like_menu` accepted them)."""
    capitals = counts[0] / items
    more = f" and {items - 4} more" if items > 4 else ""
    reason = (
        f"{items} short link-like items on {lines} line(s) "
        f"({capitals:.0%} capitalised, {counts[2]} bulleted): {', '.join(shown[:4])}{more}"
    )
    return span_of(ends, params.score + params.capital_bonus * capitals, reason)


DETECTOR = Detector(
    name="menu",
    description="Menus: runs of short link-like lines above or below the body.",
    detect=detect,
    params=Params(),
    order=60,
)
