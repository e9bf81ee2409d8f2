"""The token kernel's look-ups by characters give what look-ups of the token strings give.

A token read by the kernel is kept as where it occurs in the page's text and becomes a
string only when read as text; a word list (``frozenset``) or the stopwords' groups
(``dict``) are looked up by the tokens' characters and hashes. These tests compare each
answer with the plain one on the strings.
"""

from __future__ import annotations

from array import array

from hypothesis import given
from hypothesis import strategies as st

from cleantext.text._lines import LineTable
from cleantext.text._words import LineTokens, WordTable
from cleantext.text.lexicon import UTILITY_WORDS, strip_bullet, tokens
from cleantext.text.stopwords import STOPWORDS
from cleantext.text.words import WORD, count_words, line_tokens, plain_tokens, word_counts
from strategies import any_text, page_text

WORDS = [
    "the",
    "The",
    "THE",
    "été",
    "Été",
    "der",
    "Der",
    "жж",
    "Жж",
    "a.b.",
    "A.B.",
    "+1",
    "日本",
    "ǅx",
]
"""Tokens in several cases, some on lines the kernel leaves to the plain definition."""
LINES = st.lists(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join), max_size=30
)
WORD_LISTS = st.one_of(
    st.sets(st.sampled_from([*WORDS, "a.b", "жж", "日本", "ǆx", "1", 7])).map(frozenset),
    st.just(STOPWORDS["en"] | {"été", "жж"}),
    st.just(UTILITY_WORDS),
)
"""Word lists small and large (remembered), with words in lower case, in other cases and
not strings."""


def marks_of(count: int, step: int) -> bytes:
    """One byte a line: every ``step``-th line marked."""
    return bytes(index % step == 0 for index in range(count))


@given(st.one_of(LINES.map("\n".join), page_text(), any_text()), WORD_LISTS)
def test_members_and_lines_of_few_words_are_the_plain_look_ups(
    text: str, words: frozenset[str]
) -> None:
    table = LineTable(text)
    found = line_tokens(table)
    lines = [tuple(tokens(strip_bullet(line.text))) for line in table]
    marks = marks_of(len(lines), 2)
    assert list(found.members_on(marks, words)) == [
        sum(token in words for token in line) if mark else 0
        for line, mark in zip(lines, marks, strict=True)
    ]
    assert list(found.lines_only_of(words, 3)) == [
        index
        for index, line in enumerate(lines)
        if 0 < len(line) <= 3 and all(token in words for token in line)
    ]
    assert list(found) == lines  # (the strings made after the look-ups are the tokens)


@given(st.one_of(LINES.map("\n".join), page_text()), st.integers(1, 3))
def test_hits_are_the_plain_look_ups_of_each_token(text: str, step: int) -> None:
    table = LineTable(text)
    found = line_tokens(table)
    groups_of = {word.lower(): (index % 3, 3) for index, word in enumerate(WORDS)}
    groups_of.update({f"filler{number}": (0,) for number in range(40)})  # (a large dict)
    marks = marks_of(len(table), step)
    expected = array("q", [0, 0, 0, 0])
    total = 0
    for line, mark in zip(found, marks, strict=True):
        if mark:
            total += len(line)
            for token in line:
                for group in groups_of.get(token, ()):
                    expected[group] += 1
    hits = array("q", [0, 0, 0, 0])
    assert found.hits_on(marks, groups_of, hits) == total
    assert hits == expected
    hits = array("q", [0, 0, 0, 0])
    assert found.hits_on(marks, WordTable(groups_of, True), hits) == total  # (built once)
    assert hits == expected


@given(st.one_of(LINES.map("\n".join), page_text(), any_text()))
def test_the_words_counted_with_the_tokens_are_the_plain_counts(text: str) -> None:
    """The token pass counts each line's ``\\w+`` words as the word-count kernel and the
    regex count them (lines left to the plain definition: by ``count_words``)."""
    lines = LineTable(text)
    found = line_tokens(lines).word_counts
    assert found is not None
    assert list(found) == list(word_counts(lines))
    assert list(found) == [len(WORD.findall(line.text)) for line in lines]
    assert LineTokens(lines, plain_tokens).word_counts is None
    assert line_tokens(lines).select(range(len(lines))).word_counts is None


def test_the_words_of_lines_left_to_the_plain_definition_are_counted_by_it() -> None:
    lines = LineTable("+ one two\nΕλλάδα μου\nplain_words here")
    found = LineTokens(lines, plain_tokens, lambda text: -len(text)).word_counts
    assert found is not None and list(found) == [-9, -10, 2]
    assert list(line_tokens(lines).word_counts or []) == [count_words(line.text) for line in lines]


def test_a_changed_dict_is_read_again() -> None:
    """A ``dict`` of groups is not remembered by its identity: changed between two calls,
    the second call reads its new words."""
    found = line_tokens(LineTable("the cat sat"))
    groups_of = {f"filler{number}": (0,) for number in range(40)}
    hits = array("q", [0, 0])
    found.hits_on(b"\x01", groups_of, hits)
    assert list(hits) == [0, 0]
    groups_of["cat"] = (1,)
    found.hits_on(b"\x01", groups_of, hits)
    assert list(hits) == [0, 1]


def test_tokens_are_made_once_when_read() -> None:
    table = LineTable("The cat\nthe CAT sat.\nCafé 12")
    found = line_tokens(table)
    assert list(found.word_facts(3)[0]) == [2, 3, 1]  # (before any string is made)
    first, second = found[0], found[1]
    assert first == ("the", "cat") and second == ("the", "cat", "sat")
    assert first[0] is second[0] and first[1] is second[1]
    assert found.vocabulary == ["the", "cat", "sat", "café", "12"]
    assert found.select([2]).vocabulary is found.vocabulary


def test_a_long_line_of_distinct_tokens() -> None:
    text = " ".join(f"w{number}" for number in range(100_000)) + "\nw7 W99999."
    found = line_tokens(LineTable(text))
    assert len(found.vocabulary) == 100_000
    assert found[1] == ("w7", "w99999")
    assert found[1][0] is found[0][7]
