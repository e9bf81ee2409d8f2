"""Documentation pages from outside the eval sets that lost their text (issue 9's regressions).

Synthetic pages of the same shape: a book page whose section headings link to themselves
(``<h2 id="x"><a class="header" href="#x">``), and a manual whose sections are named after
their topic, the menus of an application (``id="menus"``, ``id="file-menu-3"``).
"""

from __future__ import annotations

from cleantext.html import clean_html

PARAGRAPHS = (
    "<p>Where structs give you a way of grouping related fields and data, enums give you a way "
    "of saying a value is one of a possible set of values, as the examples below show.</p>"
    "<p>Each variant can hold different kinds and amounts of data, and the compiler checks "
    "that every case is handled before the program runs.</p>"
)
BOOK_SECTIONS = (
    "Defining an Enum",
    "The Option Enum",
    "Match Control Flow",
    "Patterns That Bind",
    "Matching with Option",
    "Catch-all Patterns",
    "Concise Control Flow",
)


def _book_page() -> str:
    chapters = "".join(
        f'<li class="chapter-item"><a href="ch{n:02}.html">{n}. Chapter {n}</a></li>'
        for n in range(1, 25)
    )
    sections = "".join(
        f'<h2 id="s{i}"><a class="header" href="#s{i}">{title}</a></h2>{PARAGRAPHS}'
        for i, title in enumerate(BOOK_SECTIONS)
    )
    title = '<h1 id="enums"><a class="header" href="#enums">Enums and Pattern Matching</a></h1>'
    return (
        f'<html><body><nav id="sidebar" class="sidebar"><ol class="chapter">{chapters}</ol></nav>'
        f'<div id="page-wrapper"><main>{title}{PARAGRAPHS}{sections}</main>'
        '<nav class="nav-wrapper"><a href="ch05.html">Previous</a><a href="ch07.html">Next</a>'
        "</nav></div></body></html>"
    )


def test_headings_that_link_to_themselves_are_kept() -> None:
    result = clean_html(_book_page())
    lines = result.text.splitlines()
    assert [
        title for title in (*BOOK_SECTIONS, "Enums and Pattern Matching") if title not in lines
    ] == []
    assert "Chapter 12" not in result.text and "Previous" not in result.text


def test_a_heading_anchor_is_no_link_text_but_a_link_in_a_heading_is() -> None:
    anchored = clean_html(_book_page()).source_text
    away = _book_page().replace('href="#s3"', 'href="/other-book/patterns.html"')
    removed = clean_html(away).removed
    assert "Patterns That Bind" in anchored
    assert any(s.text == "Patterns That Bind" and s.detector == "dom_link_density" for s in removed)


MENU_ITEMS = ("New", "Open", "Save As", "Export", "Import", "Close", "Quit")
COMMAND = (
    "<p>Choose this command to work on a document stored on your computer; the editor asks "
    "which file to use and remembers the folder you picked for the next time.</p>"
    "<p>The keyboard shortcut is shown beside the command, and it works in every window.</p>"
)
INTRO = (
    "<p>The menu bar holds the commands of the application, grouped by what they act on. "
    "This chapter describes each of them in turn.</p>"
)


def _manual_page(section_words: str = "menu") -> str:
    items = "".join(
        f'<section id="file-{section_words}-{i}"><h3>{title}</h3>{COMMAND}</section>'
        for i, title in enumerate(MENU_ITEMS)
    )
    toc = "".join(f'<li><a href="/docs/{n}">Topic {n}</a></li>' for n in range(20))
    return (
        f'<html><body><nav class="toc"><ul>{toc}</ul></nav><main><h1>User guide</h1>'
        f'<section id="{section_words}s"><h2>Menus</h2>{INTRO}'
        f'<section id="file-{section_words}"><h2>The File menu</h2>{INTRO}{items}</section>'
        "</section></main></body></html>"
    )


def test_sections_named_after_menus_are_text_not_furniture() -> None:
    result = clean_html(_manual_page())
    lines = result.text.splitlines()
    assert [title for title in MENU_ITEMS if title not in lines] == []
    assert result.text.count("Choose this command") == len(MENU_ITEMS)
    assert "Topic 7" not in result.text
    assert result.text == clean_html(_manual_page("chapter")).text


def test_a_menu_of_links_is_still_furniture() -> None:
    links = "".join(f'<li><a href="/{n}">Item {n}</a></li>' for n in range(8))
    page = f'<div id="menu"><h3>Shop</h3><ul>{links}</ul></div><main>{INTRO * 4}</main>'
    result = clean_html(page)
    assert "Item 3" not in result.text and "Shop" not in result.text
