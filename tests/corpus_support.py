"""Pages and archives shared by the corpus tests (CLI --warc, datatrove, Spark)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.archives import conversion_record, request_record, response_record, write_archive

TOPICS = ("budget", "bridge", "harvest", "election", "museum", "railway", "river", "school")


def html_page(number: int) -> str:
    """A news-like page: menu, article (non-ASCII in some), related links and a footer."""
    topic = TOPICS[number % len(TOPICS)]
    town = ("Łódź", "Zürich", "Málaga", "Springfield")[number % 4]
    paragraphs = "".join(
        f"<p>Officials in {town} said on day {number + part} that the {topic} plan would "
        f"be reviewed again after residents raised {part + 2} new concerns at a long meeting.</p>"
        for part in range(1 + number % 4)
    )
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>The {topic} story {number}</title></head>"
        "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
        "<li><a href='/sport'>Sport</a></li></ul></nav>"
        f"<article><h1>The {topic} story {number}</h1>{paragraphs}</article>"
        "<aside><h3>Related</h3><ul><li><a href='/a'>Another story</a></li>"
        "<li><a href='/b'>One more story</a></li></ul></aside>"
        "<footer><p>© 2024 Example Media. All rights reserved.</p></footer></body></html>"
    )


def text_page(number: int) -> str:
    """The WET-style text of a page: a breadcrumb, the body, and a copyright line."""
    topic = TOPICS[number % len(TOPICS)]
    body = "\n\n".join(
        f"The {topic} plan was reviewed on day {number + part}, and residents raised "
        f"{part + 2} concerns at a meeting that lasted until late in the evening."
        for part in range(1 + number % 3)
    )
    return f"Home > News > {topic.title()}\n\n{body}\n\n© 2024 Example Media. All rights reserved."


def page_url(number: int) -> str:
    return f"https://news.example/{number}"


def write_warc(path: Path, count: int, *, first: int = 0) -> list[str]:
    """A WARC of ``count`` request/response pairs plus one image; returns the HTML pages."""
    pages = [html_page(number) for number in range(first, first + count)]
    records = []
    for number, page in enumerate(pages, first):
        records.append(request_record(page_url(number)))
        records.append(response_record(page_url(number), page.encode("utf-8")))
    records.append(
        response_record("https://news.example/logo.png", b"\x89PNG", content_type="image/png")
    )
    write_archive(path, records)
    return pages


def write_wet(path: Path, count: int, *, first: int = 0) -> list[str]:
    """A WET of ``count`` conversion records; returns their texts."""
    texts = [text_page(number) for number in range(first, first + count)]
    write_archive(
        path,
        (conversion_record(page_url(number), text) for number, text in enumerate(texts, first)),
    )
    return texts
