"""dom_comment_tail: the comment thread after the article, in HTML mode."""

from __future__ import annotations

from cleantext.html import clean_html

PROSE = "<p>The council approved the budget after a long debate on schools and roads.</p>"
REPLY = "<p>I think the council was right about the schools, and about the roads too.</p>"


def _tail_segments(page: str) -> list[str]:
    result = clean_html(page)
    return [segment.text for segment in result.removed if segment.detector == "dom_comment_tail"]


def test_thread_after_heading_is_removed() -> None:
    page = "<div>" + PROSE * 6 + "<h2>12 Responses to “Budget”</h2>" + REPLY * 8 + "</div>"
    result = clean_html(page)
    assert "right about the schools" not in result.text
    assert "approved the budget" in result.text
    assert _tail_segments(page)[0].startswith("12 Responses")


def test_heading_before_the_article_is_not_a_thread() -> None:
    page = "<div><h3>Comments</h3>" + PROSE * 6 + "</div>"
    assert _tail_segments(page) == []


def test_link_to_the_comments_is_not_a_heading() -> None:
    page = "<div>" + PROSE * 6 + "<p><a href='#c'>Comments</a></p>" + REPLY * 3 + "</div>"
    assert _tail_segments(page) == []


def test_article_after_the_heading_is_kept() -> None:
    page = "<div>" + PROSE * 5 + "<p>Comments</p><article>" + REPLY * 4 + "</article></div>"
    result = clean_html(page)
    assert _tail_segments(page) == []
    assert "right about the schools" in result.text


def test_text_mode_proposes_nothing() -> None:
    from cleantext import clean

    text = "Budget\n\n" + "The council approved the budget. " * 10 + "\n\nComments\n\nI agree."
    assert all(segment.detector != "dom_comment_tail" for segment in clean(text).removed)
