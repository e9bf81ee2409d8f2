"""The speed shortcuts give exactly what the plain computation gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleantext.text.lexicon import BULLET, TOKEN, has_bullet, strip_bullet, tokens
from cleantext.text.page import Page
from strategies import any_text, page_text


@given(page_text(), st.data())
def test_reused_line_features_equal_fresh_ones(text: str, data: st.DataObject) -> None:
    source = Page.from_text(text)
    assert source.tokens is not None and source.word_counts is not None
    kept = (
        sorted(data.draw(st.sets(st.sampled_from(range(len(source.lines))))))
        if source.lines
        else []
    )
    again_text = "\n".join(text[source.lines[i].start : source.lines[i].end] for i in kept)
    reused = Page.from_text(again_text).reusing(source, kept)
    fresh = Page.from_text(again_text)
    assert list(reused.tokens) == list(fresh.tokens)
    assert reused.word_counts == fresh.word_counts
    assert reused.sentence_ends == fresh.sentence_ends


def test_other_lines_are_not_reused() -> None:
    source = Page.from_text("Home\n\nSome text here.")
    assert source.tokens
    other = Page.from_text("Other words.").reusing(source, [1])
    assert list(other.tokens) == [("other", "words")]


@given(
    st.sampled_from("•·*-–—▪►‣◦○●■□→»›+x ").flatmap(
        lambda head: any_text().map(lambda rest: head + rest)
    )
)
def test_bullet_shortcuts_agree_with_the_regex(text: str) -> None:
    match = BULLET.match(text)
    assert has_bullet(text) == (match is not None)
    assert strip_bullet(text) == (text[match.end() :] if match else text)


@given(any_text())
def test_tokens_match_the_plain_definition(text: str) -> None:
    assert tokens(text) == [token.rstrip(".") for token in TOKEN.findall(text.lower())]
