"""Markdown output: golden cases per construct, the links and images, text mode, and the
properties (never raises, never shows removed text, every piece maps back to kept lines)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from markdown_it import MarkdownIt

import cleantext
from cleantext import DETECTORS, Config, Result
from cleantext.markdown import markdown_pieces
from cleantext.markdown.escape import unescape
from cleantext.markdown.kept import kept_lines
from strategies import any_text, html_page, page_text

CASES = json.loads((Path(__file__).parent / "markdown" / "cases.json").read_text("utf-8"))
NOTHING_REMOVED = Config().disable(*DETECTORS)
PROSE = "The council approved the budget on Monday after a long debate about schools and roads."
PARSER = MarkdownIt("commonmark").enable("table")


@pytest.mark.parametrize("case", CASES, ids=[case["label"] for case in CASES])
def test_each_construct_renders_as_the_golden_markdown(case: dict[str, str]) -> None:
    result = cleantext.clean_html(case["html"], config=NOTHING_REMOVED)
    assert result.to_markdown() == case["markdown"]


def tags(markdown: str) -> list[str]:
    """The block tags a CommonMark parser (with GFM tables) reads in ``markdown``."""
    return [token.tag for token in PARSER.parse(markdown) if token.nesting == 1]


def test_a_commonmark_parser_reads_the_structure_back() -> None:
    html = (
        "<h2>Costs</h2><ol><li>roads<ul><li>bridges</li></ul></li></ol>"
        "<blockquote><p>quoted</p></blockquote><pre>code</pre>"
        "<table><tr><th>a</th><th>b</th></tr><tr><td colspan='2'>x<br>y</td></tr></table>"
    )
    found = tags(cleantext.clean_html(html, config=NOTHING_REMOVED).to_markdown())
    assert found[:7] == ["h2", "ol", "li", "p", "ul", "li", "p"]
    assert "blockquote" in found and "table" in found
    assert found.count("tr") == 2 and found.count("td") == 2


def test_escaped_text_parses_back_to_plain_paragraphs() -> None:
    case = next(case for case in CASES if case["label"] == "escapes")
    found = tags(case["markdown"])
    assert set(found) == {"p"}


def test_removed_lists_and_tables_stay_removed() -> None:
    html = (
        "<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/n'>News</a></li>"
        "<li><a href='/s'>Sport</a></li></ul></nav>"
        f"<article><h1>Budget</h1><p>{PROSE}</p><p>{PROSE}</p></article>"
        "<footer><table><tr><td><a href='/a'>About</a></td><td><a href='/c'>Contact</a></td></tr>"
        "<tr><td><a href='/t'>Terms</a></td><td><a href='/p'>Privacy</a></td></tr></table>"
        "</footer></body></html>"
    )
    result = cleantext.clean_html(html)
    markdown = result.to_markdown(links=True)
    assert markdown == f"# Budget\n\n{PROSE}\n\n{PROSE}"
    assert "Home" in result.source_text and "Terms" in result.source_text


def test_links_and_images_resolve_against_the_page_url() -> None:
    html = f"<p>{PROSE} See <a href='/plan?a=1'>the plan</a> <img src='img/map (1).png' alt='A map'>.</p>"
    result = cleantext.clean_html(html, url="https://example.org/news/item", config=NOTHING_REMOVED)
    assert result.to_markdown() == f"{PROSE} See the plan ."
    assert result.to_markdown(links=True, images=True) == (
        f"{PROSE} See [the plan](https://example.org/plan?a=1) "
        "![A map](https://example.org/news/img/map%20%281%29.png)."
    )


def test_base_href_and_script_links() -> None:
    html = (
        "<html><head><base href='https://cdn.example.org/'></head><body>"
        "<p><a href='a.html'>one</a> and <a href='javascript:void(0)'>two</a></p></body></html>"
    )
    result = cleantext.clean_html(html, config=NOTHING_REMOVED)
    assert result.to_markdown(links=True) == "[one](https://cdn.example.org/a.html) and two"


def test_a_link_across_a_break_and_inside_cells() -> None:
    html = (
        "<p><a href='/x'>first<br>second</a></p>"
        "<table><tr><th>k</th><th>v</th></tr><tr><td><a href='/k'>key</a></td><td>val</td></tr></table>"
    )
    markdown = cleantext.clean_html(html, config=NOTHING_REMOVED).to_markdown(links=True)
    assert markdown.startswith("[first](/x)\\\n[second](/x)\n\n")
    assert "| [key](/k) | val |" in markdown


def test_text_mode_gives_paragraphs_and_nested_lists() -> None:
    text = f"{PROSE}\n\n  • tea\n    - green *leaf*\n  • coffee\n1. first\n2) second\n\n# not a heading"
    markdown = cleantext.clean(text, config=NOTHING_REMOVED).to_markdown()
    assert markdown == (
        f"{PROSE}\n\n- tea\n  - green \\*leaf\\*\n- coffee\n1. first\n2. second\n\n\\# not a heading"
    )


def test_the_seed_page_in_text_mode_keeps_only_the_body() -> None:
    seed = Path(__file__).parent.parent / "fixtures" / "pages" / "editorial-japan-russia.txt"
    result = cleantext.clean(seed.read_text("utf-8"))
    markdown = result.to_markdown()
    assert "print PRINT" not in markdown and "INTERNATIONAL" not in markdown
    assert markdown.split("\n\n")[0] == result.text.split("\n")[0]


def test_to_markdown_leaves_the_decision_alone() -> None:
    html = f"<h1>Budget</h1><ul><li>{PROSE}</li></ul><table><tr><td>a</td><td>b</td></tr></table>"
    result = cleantext.clean_html(html)
    before = (result.text, result.removed, result.as_dict())
    result.to_markdown(links=True, images=True)
    assert (result.text, result.removed, result.as_dict()) == before


# --- properties --------------------------------------------------------------------------


def markdown_words(markdown: str) -> list[str]:
    """The words of ``markdown`` with its syntax taken away: image syntax whole, link targets,
    ``<br>``, fences, table rules and pipes, heading, quote and list markers, escapes."""
    import regex

    text = regex.sub(r"!\[(?:\\.|[^\]\\])*\]\([^)\s]*\)", " ", markdown)
    text = regex.sub(r"\]\([^)\s]*\)", " ", text)
    text = regex.sub(r"(?<!\\)\[", " ", text.replace("<br>", " "))
    words = []
    for line in text.split("\n"):
        line = regex.sub(r"^(?:> ?)*\s*(?:#{1,6} |[-*+] |\d{1,9}[.)] )?", "", line)
        if regex.fullmatch(r"`{3,}\w*|(?:\| )?(?:--- \| )*---(?: \|)?", line.strip()):
            continue
        line = regex.sub(r"(?<!\\)\|", " ", line).replace("\\\n", " ")
        for word in unescape(line).split():
            word = word.strip("]\\")
            if word:
                words.append(word)
    return words


def check_markdown(result: Result) -> None:
    """Markdown never raises, holds only kept words, and maps every piece to kept lines."""
    for links in (False, True):
        markdown = result.to_markdown(links=links, images=links)
        assert "code_block" not in {token.type for token in PARSER.parse(markdown)}
        for word in markdown_words(markdown):
            assert word in result.text, (word, markdown)
    kept = {line.number: line.text for line in kept_lines(result)}
    seen: list[int] = []
    for piece in markdown_pieces(result):
        assert piece.lines and set(piece.lines) <= kept.keys()
        seen.extend(piece.lines)
        source = "\n".join(kept[number] for number in piece.lines)
        for word in markdown_words(piece.markdown):
            assert word in source, (word, piece)
    assert seen == sorted(kept)


@given(html_page())
def test_html_markdown_holds_only_kept_words_that_map_back(html: str) -> None:
    check_markdown(cleantext.clean_html(html))
    check_markdown(cleantext.clean_html(html, config=NOTHING_REMOVED))


@given(page_text())
def test_text_markdown_holds_only_kept_words_that_map_back(text: str) -> None:
    check_markdown(cleantext.clean(text))


@given(any_text())
def test_markdown_never_raises_on_any_text(text: str) -> None:
    cleantext.clean(text).to_markdown()
    try:
        result = cleantext.clean_html(text)
    except cleantext.InputError:  # (binary-looking input is refused before any Markdown)
        return
    result.to_markdown(links=True, images=True)


def test_shapes_are_shared_between_lines() -> None:
    paragraphs = "".join(f"<p>Paragraph {n} of the page.</p>" for n in range(2000))
    items = "<ul>" + "".join(f"<li>item {n}</li>" for n in range(2000)) + "</ul>"
    structure = cleantext.clean_html(paragraphs + items).structure
    assert structure is not None and len(structure.shapes) == 4000
    assert len({id(shape) for shape in structure.shapes}) == 2
    assert not structure.events


def test_cli_prints_markdown_and_adds_it_to_records(tmp_path, capsys, monkeypatch) -> None:
    from cli_support import run

    page = tmp_path / "page.html"
    page.write_text(f"<h2>Budget</h2><p>{PROSE}</p>", "utf-8")
    code, out, _ = run(["--format", "markdown", str(page)], capsys, monkeypatch)
    assert (code, out) == (0, f"## Budget\n\n{PROSE}\n")
    code, out, _ = run(["--format", "markdown", "--json", str(page)], capsys, monkeypatch)
    record = json.loads(out)
    assert record["markdown"] == f"## Budget\n\n{PROSE}" and record["text"] == f"Budget\n\n{PROSE}"
    code, out, _ = run(["--json", str(page)], capsys, monkeypatch)
    assert "markdown" not in json.loads(out)
    line = json.dumps({"url": "https://x.org/a/", "text": f"<p>{PROSE}</p><ul><li>one</li></ul>"})
    code, out, _ = run(
        ["--jsonl", "--format", "markdown", "--html"], capsys, monkeypatch, line.encode()
    )
    record = json.loads(out)
    assert (
        record["markdown"]
        == cleantext.clean_html(f"<p>{PROSE}</p><ul><li>one</li></ul>").to_markdown()
    )
    assert record["clean_text"] and list(record)[:4] == ["url", "text", "clean_text", "markdown"]


def test_cli_markdown_links_and_images_flags(tmp_path, capsys, monkeypatch) -> None:
    from cli_support import run

    html = f'<p>{PROSE} <img src="/a.png" alt="Map"> <a href="/report">The report</a>.</p>'
    line = json.dumps({"url": "https://x.org/news/", "html": html})
    for flags, wanted in [
        ([], (False, False)),
        (["--markdown-links"], (True, False)),
        (["--markdown-images"], (False, True)),
        (["--markdown-links", "--markdown-images"], (True, True)),
    ]:
        code, out, _ = run(
            ["--jsonl", "--format", "markdown", *flags], capsys, monkeypatch, line.encode()
        )
        markdown = json.loads(out)["markdown"]
        page = cleantext.clean_html(html, url="https://x.org/news/")
        assert markdown == page.to_markdown(links=wanted[0], images=wanted[1])
        assert ("](https://x.org/report)" in markdown) == wanted[0]
        assert ("![Map](https://x.org/a.png)" in markdown) == wanted[1]
    code, _, err = run(["--markdown-links", "-"], capsys, monkeypatch, b"text")
    assert code == 2 and "--format markdown" in err


def test_the_example_in_docs_markdown_runs() -> None:
    import doctest

    path = Path(__file__).parent.parent / "docs" / "markdown.md"
    outcome = doctest.testfile(str(path), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert outcome.attempted and not outcome.failed


def drop_marked_lines(page: cleantext.Page, params: object) -> Iterator[cleantext.Proposal]:
    for line in page.lines:
        if "DROPME" in line.text:
            yield cleantext.Proposal(line.start, line.end, 1.0, "marked")


def test_items_whose_first_line_went_never_become_code_blocks() -> None:
    dropper = cleantext.Detector("dropper", "Lines marked DROPME.", drop_marked_lines)
    html = (
        "<ul><li>DROPME outer<p>rest of the outer item</p>"
        "<ul><li>DROPME middle<ul><li>inner<ul><li>innermost</li></ul></li></ul></li></ul>"
        "</li></ul>"
    )
    result = cleantext.clean_html(html, config=NOTHING_REMOVED.add(dropper))
    assert result.to_markdown() == "rest of the outer item\n\n- inner\n  - innermost"
