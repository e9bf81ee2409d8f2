"""Class/id words for bylines, captions and disclaimers, and what HTML mode does with them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleantext.html import clean_html
from cleantext.html._walk import value_tokens
from cleantext.html.dom import label_strength
from cleantext.html.vocabulary import (
    MAX_VALUE_CHARS,
    WORD,
    WORD_CACHE_SIZE,
    class_tokens,
    word_tokens,
)

PROSE = "<p>The council approved the new budget on Monday after a long debate about schools.</p>"


def test_new_words_map_to_their_tokens() -> None:
    assert class_tokens("author-bio") == {"byline"}
    assert class_tokens("entry-byline photoCredit") == {"entry", "byline", "caption"}
    assert class_tokens("image-caption legal-disclaimer") == {"caption", "disclaimer"}
    assert class_tokens("authority biology") == frozenset()


def test_new_tokens_are_furniture_below_the_pass_two_bar_for_bylines() -> None:
    assert 0.5 < label_strength("byline") < 0.7 <= label_strength("caption")
    assert label_strength("disclaimer") >= 0.8


def test_caption_and_disclaimer_lines_are_removed_and_prose_kept() -> None:
    page = (
        "<article>" + PROSE * 4 + "<div class='image-caption'>Photo: the town hall</div>"
        "<div class='disclaimer'>Views are the writer's own</div></article>"
    )
    result = clean_html(page)
    assert "Photo: the town hall" not in result.text
    assert "Views are the writer's own" not in result.text
    assert result.text.count("approved the new budget") == 4


@given(st.lists(st.text(alphabet="navBrFoter-_ 1İſK", max_size=30), max_size=20))
def test_the_compiled_walk_reads_the_tokens_class_tokens_reads(values: list[str]) -> None:
    for value in values:
        assert value_tokens(value) == class_tokens(value) == class_tokens(value + " ")
        fresh = (word_tokens.__wrapped__(word) for word in WORD.findall(value[:MAX_VALUE_CHARS]))
        assert class_tokens(value) == frozenset().union(*fresh)


def test_the_compiled_walk_reads_only_the_start_of_a_long_value() -> None:
    for start in range(MAX_VALUE_CHARS - 20, MAX_VALUE_CHARS + 5):
        value = "x-" * (start // 2) + "-" * (start % 2) + "navigation ad sidebar"
        assert value_tokens(value) == class_tokens(value)
    assert value_tokens("x-" * 98 + "navigation") == frozenset()  # ("navigation" cut to "navi")


def test_the_walks_memo_of_words_reads_the_same_once_full_and_emptied() -> None:
    def letters(number: int) -> str:
        return "".join(chr(ord("a") + int(digit)) for digit in str(number))

    values = [f"x{letters(number)}Nav item{number}" for number in range(WORD_CACHE_SIZE)]
    for value in [*values, *values[:50]]:  # (the memo is emptied once, then read again)
        assert value_tokens(value) == class_tokens(value) == {"nav"}
