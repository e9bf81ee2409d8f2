"""The metadata benchmark's matching and tally on a few synthetic pages (no peers needed)."""

from __future__ import annotations

from benchmarks import metadata as bench
from benchmarks.metadata import Found, is_hit, score, table

PAGE = (
    "<html><head><title>Budget passed | City News</title>"
    '<meta name="author" content="Ann Lee">'
    '<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>'
    "<body><article><h1>Budget passed</h1><p>The council approved the new budget on Monday "
    "after a long debate about schools and roads.</p></article></body></html>"
)


def test_matching_follows_the_issue() -> None:
    assert is_hit("title", Found(title=" Budget  PASSED"), "budget passed")
    assert not is_hit("title", Found(title="Budget"), "Budget passed")
    assert is_hit("author", Found(authors=("Bo Chan", "ann lee")), "By Ann Lee, MD")
    assert is_hit("author", Found(authors=("Ann Lee, MD",)), "Ann Lee")
    assert not is_hit("author", Found(), "Ann Lee")
    assert is_hit("date", Found(date="2024-03-05"), "2024-03-05T00:00:00")
    assert is_hit("any date", Found(any_date="2024-03-05"), "2024-03-05")
    assert not is_hit("date", Found(date=None), "2024-03-05")


def test_cleantext_scores_and_overgiving_is_counted() -> None:
    pages: list[dict[str, object]] = [
        {
            "html": PAGE,
            "url": None,
            "title": "Budget passed",
            "author": "Ann Lee",
            "publish_date": "2024-03-05",
        },
        {
            "html": PAGE,
            "url": None,
            "title": "Something else",
            "author": None,
            "publish_date": None,
        },
    ]
    tally = score(bench.cleantext_extract(), pages)
    assert (tally.hits["title"], tally.gold["title"]) == (1, 2)
    assert (tally.accuracy("author"), tally.accuracy("date")) == (1.0, 1.0)
    assert (tally.overgiven("author"), tally.overgiven("date")) == (1.0, 1.0)
    assert "| cleantext | 0.500 | 1.000 | 1.000 |" in table({"cleantext": tally}, 2)


def test_text_mode_scores_the_text_rendering() -> None:
    text = (
        "Council passes the budget\n\nBy Ann Lee\n\nThe council approved the new budget on "
        "Monday after a long debate about schools and roads.\n\nMembers said the plan would "
        "fund repairs for the next three years."
    )
    page: dict[str, object] = {
        "html": "<p>unused</p>",
        "text": text,
        "url": None,
        "title": "Council passes the budget",
        "author": "Ann Lee",
        "publish_date": None,
    }
    tally = score(bench.cleantext_text_extract(), [page], mode="text")
    assert (tally.hits["author"], tally.gold["author"]) == (1, 1)


def test_date_misses_are_counted_by_cause() -> None:
    updated = PAGE.replace(
        '<meta property="article:published_time" content="2024-03-05T10:00:00Z">',
        '<meta property="article:modified_time" content="2024-03-07T10:00:00Z">',
    )
    pages: list[dict[str, object]] = [
        {"html": updated, "url": None, "publish_date": "2024-03-07"},  # the gold is an update
        {"html": PAGE, "url": None, "publish_date": "2024-03-05"},  # a hit: no cause
        {"html": PAGE, "url": None, "publish_date": "2024-03-06"},  # a day off
    ]
    causes = bench.date_causes(pages)
    assert causes == {"gold is the modified date": 1, "one day off (time zone)": 1}
