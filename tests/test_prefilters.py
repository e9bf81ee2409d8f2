"""The detectors' pre-filters never drop a line that their full rules accept.

A detector runs its rules only on the lines that a cheap pre-filter of
:mod:`cleantext.text.prefilter` passes: lines that hold a trigger word, or that start
with a lead word. The tests build lines from each alternative of the rules' own
patterns (``hypothesis.strategies.from_regex``, in random case, with letters that
fold such as ``ſ`` and the Kelvin sign) and from their word lists, and check that
every line a rule accepts passes its filter.
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

from cleantext.detectors import (
    ad_label,
    breadcrumb,
    comments,
    cookie_notice,
    copyright,
    newsletter,
    photo_credit,
    print_banner,
    related_list,
    social_row,
)
from cleantext.detectors.social_row import NETWORK_OR_FILLER
from cleantext.text.lexicon import (
    BULLET,
    COOKIE_CORE,
    LEGAL_WORDS,
    NEWSLETTER_WORDS,
    PHOTO_AGENCIES,
    SIGNUP_WORDS,
    UTILITY_WORDS,
    count_tokens,
    has_bullet,
    strip_bullet,
    tokens,
)
from cleantext.text.page import WORD, Page
from cleantext.text.prefilter import (
    SHORT_LINE,
    FoldedLines,
    LeadWords,
    Trigger,
    lines_only_of,
    lines_with,
    short_lines_with,
    trie,
    triggers,
)
from cleantext.text.triggers import COMMENTS, NEWSLETTER, SPACES
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


def _related(text: str) -> bool:
    text = strip_bullet(text)
    patterns = (related_list.HEADING, related_list.LONE_LINK, related_list.INLINE)
    return any(pattern.match(text) for pattern in patterns)


def holding(words: tuple[str, ...]) -> Rule:
    """Whether a line passes a :class:`FoldedLines` filter for ``words``."""
    return lambda text: any(word in text.casefold() for word in words)


def scanned(trigger: Trigger) -> Rule:
    """Whether a line passes a filter of the page's shared scan (``page.folded``)."""
    return lambda text: any(Page.from_text(text).folded.triggered(trigger))


def _credit_candidate(text: str) -> bool:
    return any(photo_credit._candidates(Page.from_text(text), photo_credit.Params()))


def leading(words: LeadWords) -> Rule:
    """Whether a line passes a :class:`LeadWords` filter."""
    return lambda text: bool(words.lines(Page.from_text(text).lines))


def _social_row(text: str) -> bool:
    words = tokens(strip_bullet(text))
    return social_row._networks(text, words, social_row.Params()) is not None


def _print_banner(text: str) -> bool:
    words = tokens(strip_bullet(text))
    return print_banner._banner_score(text, words, print_banner.Params()) > 0


def _cookie_notice(text: str) -> bool:
    words = tokens(strip_bullet(text))
    return cookie_notice._notice_evidence(text, words, cookie_notice.Params()) is not None


def only(words: frozenset[str], max_tokens: int, max_chars: int) -> Rule:
    """Whether a line passes :func:`lines_only_of` with ``words`` and a detector's limits."""
    return lambda text: any(lines_only_of(Page.from_text(text), words, max_tokens, max_chars))


Case = tuple[Rule, Rule, tuple[regex.Pattern[str], ...], list[str]]
CASES: dict[str, Case] = {
    "comments": (
        _comment,
        scanned(COMMENTS),
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
        scanned(NEWSLETTER),
        (newsletter.PROMPT, newsletter.LABEL),
        sorted(NEWSLETTER_WORDS | SIGNUP_WORDS),
    ),
    "photo_credit": (
        _photo_credit,
        _credit_candidate,
        (photo_credit.LABELLED, photo_credit.TRAILING),
        [*sorted(PHOTO_AGENCIES), "A win.Credit…Doug Mills", "Bild:\tJ. Doe", "Foto... Jo"],
    ),
    "copyright": (
        _copyright_mark,
        holding(copyright.MARK_TRIGGERS),
        (copyright.COPYRIGHT_MARK,),
        [*copyright.RIGHTS_RESERVED, "©", "Copyright 2024", "(c) 2024", "Example Media."],
    ),
    "legal links": (_legal_core, holding(copyright.LINK_TRIGGERS), (), sorted(LEGAL_WORDS)),
    "social_row": (
        _social_row,
        only(
            social_row.NETWORK_OR_FILLER,
            social_row.Params().max_tokens,
            social_row.Params().max_chars,
        ),
        (),
        sorted(NETWORK_OR_FILLER),
    ),
    "print_banner": (
        _print_banner,
        only(UTILITY_WORDS, print_banner.Params().max_tokens, print_banner.Params().max_chars),
        (),
        sorted(UTILITY_WORDS),
    ),
    "cookie_notice": (
        _cookie_notice,
        holding(cookie_notice.TRIGGERS),
        (),
        sorted(COOKIE_CORE | {"cookies-policy", "we", "use", "accept", "our", "site", "partners"}),
    ),
    "ad_label": (
        lambda text: ad_label.AD_LABEL.match(text) is not None,
        leading(ad_label.LEAD_WORDS),
        (ad_label.AD_LABEL,),
        [],
    ),
    "related_list": (
        _related,
        leading(related_list.LEAD_WORDS),
        (related_list.HEADING, related_list.LONE_LINK, related_list.INLINE),
        [],
    ),
}
"""Per rule: the rule on one line, its pre-filter, its patterns, and its word lists."""
ODD_LETTERS = str.maketrans({"s": "ſ", "k": "\u212a", "S": "ſ", "K": "\u212a"})
"""Letters whose simple case folding is an ASCII letter (as ``regex.IGNORECASE`` sees them)."""


def word_lines(vocabulary: list[str]) -> Iterator[str]:
    """Each word of ``vocabulary`` alone and each pair of them, in several cases and spellings."""
    for first in vocabulary:
        for second in ["", *vocabulary]:
            line = f"{first} {second}".strip()
            yield from (line, line.upper(), line.title(), line.translate(ODD_LETTERS))


BRANCHES = [
    pytest.param(name, pattern, branch, id=f"{name}-{number}-{index}")
    for name, case in sorted(CASES.items())
    for number, pattern in enumerate(case[2])
    for index, branch in enumerate(branches(pattern.pattern))
]


@pytest.mark.parametrize(("name", "pattern", "branch"), BRANCHES)
def test_lines_a_pattern_matches_pass_the_filter(
    name: str, pattern: regex.Pattern[str], branch: str
) -> None:
    rule, selects, _, _ = CASES[name]

    @settings(max_examples=25)
    @given(matching(pattern, branch))
    def check(text: str) -> None:
        if text and rule(text):
            assert selects(text), text

    check()


@pytest.mark.parametrize("name", sorted(name for name, case in CASES.items() if case[3]))
def test_lines_of_listed_words_pass_the_filter(name: str) -> None:
    rule, selects, _, vocabulary = CASES[name]
    accepted = [text for text in word_lines(vocabulary) if rule(text)]
    assert accepted
    assert [text for text in accepted if not selects(text)] == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_lines_that_a_rule_accepts_pass_the_filter(name: str) -> None:
    rule, selects, _, _ = CASES[name]
    accepted = 0
    for path in sorted(FIXTURES.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("mode", "text") != "text":
            continue
        for case in data["positive"] + data["negative"]:
            for line in Page.from_text(case["input"]).lines:
                if rule(line.text):
                    accepted += 1
                    assert selects(line.text), line.text
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
    assert list(FoldedLines(lines).containing(chosen)) == expected


def test_triggers_drop_words_that_hold_another() -> None:
    assert triggers(["Comments", "comment", "reply"], ["replies"]) == (
        "comment",
        "replies",
        "reply",
    )


LEAD = st.tuples(st.sampled_from("abcſK"), st.text(alphabet="abcſK ", max_size=3)).map("".join)


@given(st.lists(LEAD, min_size=1), any_text())
def test_lead_words_find_what_a_plain_match_finds(words: list[str], text: str) -> None:
    own = "\n".join(f"• {word.upper()}x\n_{word[1:]}\n({word[:1]}" for word in words)
    lines = Page.from_text(f"{text}\n{own}").lines
    plain = regex.compile(r"[\W_]*(?:" + "|".join(map(regex.escape, words)) + ")", regex.IGNORECASE)
    assert LeadWords(words).lines(lines) == [line for line in lines if plain.match(line.text)]
    assert all(regex.match(trie(words), word) for word in words)


def test_lead_words_start_with_a_word_character() -> None:
    with pytest.raises(ValueError, match="word character"):
        LeadWords(["read", " more"])


@given(st.one_of(any_text(), st.text(alphabet="ab1 .-'+\t")))
def test_token_count_is_the_number_of_tokens(text: str) -> None:
    assert count_tokens(text) == len(tokens(text))


@given(
    st.lists(st.sampled_from(["Home", "News", "Europe & Eurasia", "東京", "a"]), min_size=2),
    st.sampled_from(
        [" > ", "›", " » ", " / ", " | ", " → ", " :: ", " --> ", "\xa0>>\t", ": ", "/", "\u2009| "]
    ),
)
def test_trails_hold_a_separator_mark(labels: list[str], separator: str) -> None:
    text = separator.join(labels)
    if breadcrumb._trail(text, breadcrumb.Params()) is not None:
        assert any(mark in text for mark in breadcrumb.SEPARATOR_MARKS)


CASINGS: list[Callable[[str], str]] = [
    str.lower,
    str.upper,
    str.title,
    lambda word: word.translate(ODD_LETTERS),
]
VOCABULARY = ["share", "e-mail", "google+", "vk", "vkontakte", "a+", "x", "udostępnij", "分享"]
OTHER_WORDS = ["sharepoint", "mail", "google", "vkon", "text", "a", "qq"]


@given(
    st.lists(st.sampled_from(VOCABULARY + OTHER_WORDS), min_size=1, max_size=5),
    st.lists(st.sampled_from(["", " ", " | ", ".", "..", ", ", "/", "-", "'", "’", "+", "\t", "ͅ"])),
    st.sampled_from(["", "• ", "+ ", "- ", "* ", "+"]),
    st.integers(0, 3),
)
def test_lines_only_of_vocabulary_words_are_all_found(
    words: list[str], gaps: list[str], bullet: str, how: int
) -> None:
    text = bullet + "".join(
        CASINGS[how](word) + (gaps[number] if number < len(gaps) else " ")
        for number, word in enumerate(words)
    )
    lines = Page.from_text(text).lines
    found = tokens(strip_bullet(lines[0].text)) if lines else []
    if found and set(found) <= set(VOCABULARY):
        found_lines = lines_only_of(Page.from_text(text), frozenset(VOCABULARY), 10, 200)
        assert [line.text for line in found_lines] == [line.text for line in lines], text


def test_lines_only_of_reject_other_words() -> None:
    page = Page.from_text("Share sharepoint\nvkontakte VK.\nGoogle+ google\n• Share")
    assert [line.text for line in lines_only_of(page, frozenset(VOCABULARY), 10, 200)] == [
        "vkontakte VK.",
        "• Share",
    ]


@pytest.mark.parametrize(
    "after", [" ", "\t", "\x1c", "\x1f", "\x85", "\xa0", "\u2003", "\u3000", "x"]
)
def test_bullet_fast_path_agrees_with_the_regex(after: str) -> None:
    for text in (f"• {after}item", f"•{after}item", f"+ {after}", "• "):
        match = BULLET.match(text)
        assert strip_bullet(text) == (text[match.end() :] if match else text)
        assert has_bullet(text) == (match is not None)


@given(
    any_text(),
    st.lists(st.text(min_size=1, max_size=3), max_size=4),
    st.sampled_from([0, 5, 20, SHORT_LINE - 1, SHORT_LINE, SHORT_LINE + 1, 3 * SHORT_LINE]),
)
def test_short_lines_with_is_a_search_of_the_short_lines(
    text: str, extra: list[str], max_chars: int
) -> None:
    longer = "\n".join(word * (SHORT_LINE // len(word) + n) for n, word in enumerate(["ab ", "ß"]))
    page = Page.from_text(f"{text}\nStraße İstanbul ſo\n{longer}\n" + "ß" * 25)
    words = [line.text.casefold()[:2] for line in page.lines] + [w.casefold() for w in extra]
    words = [word for word in words if word and "\n" not in word]
    short = [line for line in page.lines if len(line.text) <= max_chars]
    expected = [line for line in short if any(word in line.text.casefold() for word in words)]
    assert list(short_lines_with(page, iter(words), max_chars)) == expected
    assert list(FoldedLines(page.lines, max_chars=max_chars).containing(words)) == expected
    assert lines_with(short, words) == expected


def test_spaces_are_what_a_pattern_reads_as_a_space() -> None:
    spaces = [chr(code) for code in range(0x110000) if regex.match(r"\s", chr(code))]
    assert sorted(SPACES) == [space for space in spaces if space != "\n"]


def test_no_letter_folds_to_or_from_a_separator_mark() -> None:
    marks = breadcrumb.SEPARATOR_MARKS
    for code in range(0x110000):
        char = chr(code)
        folded = char.casefold()
        if folded != char:
            assert not any(mark in folded or mark in char for mark in marks), char
