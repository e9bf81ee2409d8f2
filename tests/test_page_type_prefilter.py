"""The page type's pre-filters never drop a line that its rules accept.

:func:`cleantext.text.page_type.read_page_type` matches its patterns only on the lines
that a scan of the whole text for words, marks and digits leaves. Here lines built from
each alternative of the patterns (``hypothesis.strategies.from_regex``, in random case,
with letters that fold such as ``ſ``, ``İ`` and the Kelvin sign, behind bullets) and
arbitrary text are read both ways: by the filtered scan and line by line.
"""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.text.page import Page
from cleantext.text.page_type import (
    CODE_CHARS,
    CODE_LINE,
    HEADER_KINDS,
    PRICE,
    SHOP_BUTTON,
    SHOP_CHARS,
    _Candidates,
    header_kind,
)
from strategies import any_text, page_text
from test_prefilters import branches

FOLDING = str.maketrans({"s": "ſ", "k": "\u212a", "i": "İ", "S": "ſ", "K": "\u212a"})
"""Letters that ``regex.IGNORECASE`` equates with an ASCII letter they do not fold to."""
BULLETS = ("", "• ", "-  ", "»\t", "* ")


def every_line_headers(page: Page) -> dict[int, str]:
    """The post-header lines as testing every line finds them."""
    kinds = {line.index: header_kind(line.text) for line in page.lines}
    return {index: kind for index, kind in kinds.items() if kind is not None}


def every_line_counts(page: Page) -> tuple[int, int, int]:
    """Code lines, price lines and shop buttons as testing every line finds them."""
    code = sum(
        1 for line in page.lines if len(line.text) <= CODE_CHARS and CODE_LINE.search(line.text)
    )
    short = [line.text for line in page.lines if len(line.text) <= SHOP_CHARS]
    prices = sum(1 for text in short if PRICE.search(text))
    buttons = sum(1 for text in short if SHOP_BUTTON.match(text))
    return code, prices, buttons


def filtered(page: Page) -> tuple[dict[int, str], tuple[int, int, int]]:
    candidates = _Candidates(page)
    counts = (candidates.code(), candidates.prices(), candidates.shop_buttons())
    return candidates.headers(), counts


def as_re(source: str) -> str:
    """A pattern of the ``regex`` module in terms ``re`` (and ``from_regex``) read."""
    return source.replace(r"\p{L}", "[^\\W\\d_]").replace(r"\p{{L}}", "[^\\W\\d_]")


def lines_of(pattern: regex.Pattern[str], branch: str) -> st.SearchStrategy[str]:
    flags = re.IGNORECASE if pattern.flags & regex.IGNORECASE else 0
    compiled = re.compile(as_re(branch), flags)
    return st.from_regex(compiled, fullmatch=True).map(lambda text: " ".join(text.split()))


PATTERNS = [*(pattern for _, pattern in HEADER_KINDS), CODE_LINE, PRICE, SHOP_BUTTON]
BRANCHES = [
    pytest.param(pattern, branch, id=f"{number}-{index}")
    for number, pattern in enumerate(PATTERNS)
    for index, branch in enumerate(branches(pattern.pattern))
]


@pytest.mark.parametrize(("pattern", "branch"), BRANCHES)
def test_lines_a_pattern_matches_are_found_by_the_scan(
    pattern: regex.Pattern[str], branch: str
) -> None:
    @settings(max_examples=12)
    @given(
        st.lists(lines_of(pattern, branch), min_size=1, max_size=4),
        st.sampled_from(BULLETS),
        st.sampled_from([str, str.upper, str.title, lambda text: text.translate(FOLDING)]),
        page_text(),
    )
    def check(lines: list[str], bullet: str, case: object, around: str) -> None:
        cased = [case(line) for line in lines]  # type: ignore[operator]
        text = "\n".join([around, *(bullet + line for line in cased if line), around])
        page = Page.from_text(text)
        assert filtered(page) == (every_line_headers(page), every_line_counts(page))

    check()


@given(st.one_of(any_text(), page_text()))
def test_the_scan_finds_what_every_line_finds(text: str) -> None:
    page = Page.from_text(text)
    assert filtered(page) == (every_line_headers(page), every_line_counts(page))


def test_a_dotted_capital_i_is_no_escape() -> None:
    page = Page.from_text("JOİNED\nThe text goes on.\nMEMBER SİNCE 2019")
    assert filtered(page)[0] == every_line_headers(page) == {0: "joined", 2: "joined"}
