"""The detectors' word pre-filters never drop a line that their full rules accept.

A detector scans the case-folded text of the page once per trigger word
(:class:`~cleantext.detector.FoldedLines`) and runs its rules only on the lines
that hold one. Each test here builds lines from the rule's own vocabulary, in
random case and with odd letters that fold (``ſ``, the Kelvin sign), and checks
that every line the rule accepts contains a trigger word.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.detector import FoldedLines, triggers
from cleantext.detectors import comments, copyright, newsletter, photo_credit
from cleantext.lexicon import (
    LEGAL_CORE,
    LEGAL_WORDS,
    NEWSLETTER_WORDS,
    PHOTO_AGENCIES,
    SIGNUP_WORDS,
    strip_bullet,
    tokens,
)
from cleantext.page import WORD, Page
from strategies import any_text

Rule = Callable[[str], bool]
FIXTURES = Path(__file__).parent.parent / "fixtures" / "detectors"


def _top_level(source: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Where ``source`` has a top-level ``|``, and the spans of its top-level groups."""
    depth, i, in_class, opened = 0, 0, False, 0
    bars: list[int] = []
    groups: list[tuple[int, int]] = []
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if source[i + 1 : i + 2] == "]":
                i += 1
        elif char == "(":
            depth += 1
            if depth == 1:
                opened = i
        elif char == ")":
            if depth == 1:
                groups.append((opened, i))
            depth -= 1
        elif char == "|" and depth == 0:
            bars.append(i)
        i += 1
    return bars, groups


def branches(source: str) -> list[str]:
    """The alternatives of ``source``: its top-level ones, else those of its first group that has some."""
    bars, groups = _top_level(source)
    if bars:
        cuts = [-1, *bars, len(source)]
        return [source[a + 1 : b] for a, b in pairwise(cuts)]
    for start, end in groups:
        inner = source[start + 1 : end]
        head = 3 if inner.startswith("?:") else 1
        bars, _ = _top_level(source[start + head : end])
        if bars:
            body, cuts = source[start + head : end], [-1, *bars, end - start - head]
            return [
                source[: start + head] + body[a + 1 : b] + source[end:] for a, b in pairwise(cuts)
            ]
    return [source]


def matching(pattern: regex.Pattern[str], source: str) -> st.SearchStrategy[str]:
    """Lines that ``source`` (one alternative of ``pattern``, read by the ``re`` module) matches."""
    flags = (re.IGNORECASE if pattern.flags & regex.IGNORECASE else 0) | (
        re.VERBOSE if pattern.flags & regex.VERBOSE else 0
    )
    compiled = re.compile(source.replace(r"\p{Lu}", "A-Z"), flags)
    return st.from_regex(compiled, fullmatch=True).map(lambda text: text.replace("\n", " ").strip())


def _comment(text: str) -> bool:
    return comments._score(text, comments.Params()) > 0


def _newsletter(text: str) -> bool:
    words = tokens(strip_bullet(text))
    params = newsletter.Params()
    return newsletter._evidence(text, words, len(WORD.findall(text)), params) is not None


def _photo_credit(text: str) -> bool:
    words = tokens(strip_bullet(text))
    return photo_credit._evidence(text, words, photo_credit.Params()) is not None


def _copyright_mark(text: str) -> bool:
    params = copyright.Params()
    return copyright._copyright_evidence(text, len(WORD.findall(text)), params) is not None


def _legal_core(text: str) -> bool:
    return bool(copyright._legal_terms(tokens(strip_bullet(text)), copyright.Params()))


Case = tuple[Rule, tuple[str, ...], tuple[regex.Pattern[str], ...], list[str]]
CASES: dict[str, Case] = {
    "comments": (
        _comment,
        comments.TRIGGERS,
        (
            comments.FURNITURE,
            comments.REPLY,
            comments.BUTTON,
            comments.FORM_PHRASE,
            regex.compile(comments.COMMENT_NOUN, regex.IGNORECASE),
        ),
        [],
    ),
    "newsletter": (
        _newsletter,
        newsletter.TRIGGERS,
        (newsletter.PROMPT, newsletter.LABEL),
        sorted(NEWSLETTER_WORDS | SIGNUP_WORDS),
    ),
    "photo_credit": (
        _photo_credit,
        photo_credit.TRIGGERS,
        (photo_credit.LABELLED, photo_credit.TRAILING),
        sorted(PHOTO_AGENCIES),
    ),
    "copyright": (
        _copyright_mark,
        copyright.MARK_TRIGGERS,
        (copyright.COPYRIGHT_MARK,),
        [*copyright.RIGHTS_RESERVED, "©", "Copyright 2024", "(c) 2024", "Example Media."],
    ),
    "legal links": (_legal_core, triggers(LEGAL_CORE), (), sorted(LEGAL_WORDS)),
}
"""Per rule: the rule on one line, its trigger words, its patterns, and its word lists."""
ODD_LETTERS = str.maketrans({"s": "ſ", "k": "\u212a", "S": "ſ", "K": "\u212a"})
"""Letters whose simple case folding is an ASCII letter (as ``regex.IGNORECASE`` sees them)."""


def word_lines(vocabulary: list[str]) -> Iterator[str]:
    """Each word of ``vocabulary`` alone and each pair of them, in several cases and spellings."""
    for first in vocabulary:
        for second in ["", *vocabulary]:
            line = f"{first} {second}".strip()
            yield from (line, line.upper(), line.title(), line.translate(ODD_LETTERS))


def _holds_trigger(text: str, words: tuple[str, ...]) -> bool:
    folded = text.casefold()
    return any(word in folded for word in words)


BRANCHES = [
    pytest.param(name, pattern, branch, id=f"{name}-{number}-{index}")
    for name, case in sorted(CASES.items())
    for number, pattern in enumerate(case[2])
    for index, branch in enumerate(branches(pattern.pattern))
]


@pytest.mark.parametrize(("name", "pattern", "branch"), BRANCHES)
def test_lines_a_pattern_matches_hold_a_trigger(
    name: str, pattern: regex.Pattern[str], branch: str
) -> None:
    rule, words, _, _ = CASES[name]

    @settings(max_examples=25)
    @given(matching(pattern, branch))
    def check(text: str) -> None:
        if text and rule(text):
            assert _holds_trigger(text, words), text

    check()


@pytest.mark.parametrize("name", sorted(name for name, case in CASES.items() if case[3]))
def test_lines_of_listed_words_hold_a_trigger(name: str) -> None:
    rule, words, _, vocabulary = CASES[name]
    accepted = [text for text in word_lines(vocabulary) if rule(text)]
    assert accepted
    assert [text for text in accepted if not _holds_trigger(text, words)] == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_lines_that_a_rule_accepts_hold_a_trigger(name: str) -> None:
    rule, words, _, _ = CASES[name]
    accepted = 0
    for path in sorted(FIXTURES.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("mode", "text") != "text":
            continue
        for case in data["positive"] + data["negative"]:
            for line in Page.from_text(case["input"]).lines:
                if rule(line.text):
                    accepted += 1
                    assert _holds_trigger(line.text, words), line.text
    assert accepted > 0


@given(any_text(), st.lists(st.text(min_size=1, max_size=3), max_size=4), st.data())
def test_folded_lines_find_what_a_plain_search_finds(
    text: str, extra: list[str], data: st.DataObject
) -> None:
    lines = Page.from_text(text + "\nStraße İstanbul ſo").lines
    pieces = [line.text.casefold()[:3] for line in lines] + [item.casefold() for item in extra]
    words = [word for word in pieces if word and "\n" not in word]
    chosen = data.draw(st.lists(st.sampled_from(words), max_size=5)) if words else []
    expected = [line for line in lines if any(word in line.text.casefold() for word in chosen)]
    assert FoldedLines(lines).containing(chosen) == expected


def test_triggers_drop_words_that_hold_another() -> None:
    assert triggers(["Comments", "comment", "reply"], ["replies"]) == (
        "comment",
        "replies",
        "reply",
    )
