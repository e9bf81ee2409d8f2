"""Hostile HTML: every input gives a sound result or a clear :class:`cleantext.InputError`.

The 50 MB page of the issue is measured once by hand (see ``docs/html.md``);
here a page of a few hundred KB stands in for it, so the suite stays fast.
"""

from __future__ import annotations

import os
import time
import tracemalloc

import pytest

import cleantext
from cleantext import InputError, clean_html
from cleantext.html import api
from invariants import check_result

SENTENCE = "The council approved the new budget on Monday after a long debate about schools."


def sound(html: str | bytes) -> cleantext.Result:
    result = clean_html(html)
    check_result(result.source_text, result)
    return result


@pytest.mark.parametrize("empty", ["", b"", "   \n\t ", b"\n\n", "<!-- only a comment -->"])
def test_empty_input_gives_an_empty_result(empty: str | bytes) -> None:
    result = sound(empty)
    assert result.text == "" and result.removed == ()


def test_plain_text_is_cleaned_as_text() -> None:
    text = f"Home > News > World\n\n{SENTENCE}"
    result = sound(text)
    assert result.text == SENTENCE
    assert result == cleantext.clean(text)


def test_json_is_kept_as_text() -> None:
    result = sound('{"title": "A page", "items": [1, 2, 3]}')
    assert "A page" in result.text


def test_binary_junk_is_refused_clearly() -> None:
    junk = bytes(range(256)) * 64
    with pytest.raises(InputError, match="binary"):
        clean_html(junk)
    with pytest.raises(InputError, match="binary"):
        clean_html(os.urandom(10_000).decode("latin-1"))


def test_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        clean_html(42)  # type: ignore[arg-type]


def test_input_over_the_size_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "MAX_INPUT_CHARS", 1000)
    with pytest.raises(InputError, match="at most 1,000"):
        clean_html("<p>" + "x" * 2000 + "</p>")


def test_a_large_page_is_cleaned_in_bounded_time_and_memory() -> None:
    unit = (
        f"<div class='post'><h2>Heading</h2><p>{SENTENCE} Item {{i}}.</p>"
        "<ul class='menu'><li><a href='/a'>World</a></li><li><a href='/b'>Sport</a></li></ul></div>"
    )
    html = "<html><body>" + "".join(unit.format(i=i) for i in range(800)) + "</body></html>"
    tracemalloc.start()
    started = time.perf_counter()
    result = sound(html)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert SENTENCE in result.text and "Sport" not in result.text
    assert elapsed < 60
    assert peak < 200 * len(html)


def test_100000_nested_divs_keep_their_text() -> None:
    deep = "<div>" * 100_000 + "deep text" + "</div>" * 100_000 + f"<p>{SENTENCE}</p>"
    result = sound(deep)
    assert "deep text" in result.source_text
    assert SENTENCE in result.text


def test_100000_nested_divs_each_with_text_do_not_crash() -> None:
    result = sound("".join(f"<div>level {i} " for i in range(100_000)))
    assert "level 99999" in result.source_text


def test_deeply_nested_json_ld_is_skipped() -> None:
    page = (
        "<script type='application/ld+json'>" + "[" * 100_000 + "]" * 100_000 + "</script>"
        f"<p>{SENTENCE}</p>"
    )
    assert sound(page).text == SENTENCE


@pytest.mark.parametrize(
    "html",
    [
        "<p><b>bold <i>both</b> italic</i></p>",
        "<div><p>unclosed<div>inner<span>never closed",
        "</p></div></body>stray closers",
        "<table><tr><td>cell<p>para</table>after",
        "<ul><li>one<li>two<ul><li>nested</ul>",
        "<a href='/x'><a href='/y'>nested links</a></a>",
        "<p>text with a lone < and > and &amp; &bogus; &#99999999;</p>",
        "<html><html><body><body><p>doubled</p>",
    ],
)
def test_broken_markup_gives_a_sound_result(html: str) -> None:
    result = sound(html)
    assert result.source_text.strip()


def test_nul_and_control_characters_are_blanked() -> None:
    result = sound(b"<p>before\x00after</p>\x00<p>next\x07line</p>")
    assert result.source_text == "before after\n\nnext line"


def test_conflicting_charset_declarations_use_the_first() -> None:
    data = '<meta charset="windows-1251"><meta charset="utf-8"><p>Привет</p>'.encode("cp1251")
    result = sound(data)
    assert result.metadata.encoding == "cp1251"
    assert "Привет" in result.text


def test_invalid_bytes_are_replaced_not_fatal() -> None:
    result = sound(b'<meta charset="utf-8"><p>caf\xe9 \xff\xfe ok</p>')
    assert result.metadata.encoding == "utf-8"
    assert "\ufffd" in result.text and "ok" in result.text


def test_undeclared_invalid_utf8_falls_back_to_cp1252() -> None:
    result = sound(b"<p>caf\xe9 cr\xe8me</p>")
    assert (result.metadata.encoding, result.text) == ("cp1252", "café crème")


def test_unknown_charset_is_ignored() -> None:
    result = sound('<meta charset="x-no-such-charset"><p>naïve</p>'.encode())
    assert (result.metadata.encoding, result.text) == ("utf-8", "naïve")


@pytest.mark.parametrize("noncharacter", ["\uffff", "\ufffe"])
@pytest.mark.parametrize(
    "template",
    [
        "<p{0}><p>x</p><p>y</p>",  # the case: lxml refused the tag name back
        "<div><p{0}>x</p{0}><p{0}>y</p{0}></div>",
        "<p a{0}=1>x</p><p>y</p>",
        "<p class='{0}' id='{0}'>x{0}</p><p>y</p>",
    ],
)
@pytest.mark.parametrize("as_bytes", [False, True])
def test_noncharacters_in_names_give_a_sound_result(
    template: str, noncharacter: str, as_bytes: bool
) -> None:
    html = template.format(noncharacter)
    result = sound(html.encode() if as_bytes else html)
    assert "x" in result.source_text


@pytest.mark.parametrize(
    "charset", ["hex", "rot13", "base64", "zlib", "uu", "quopri", "idna", "punycode", "undefined"]
)
def test_a_charset_that_is_not_a_text_encoding_is_ignored(charset: str) -> None:
    data = f'<meta charset="{charset}"><p>naïve \\x + 1</p>'.encode()
    result = sound(data)
    assert result.metadata.encoding != charset
    assert "naïve" in result.text


@pytest.mark.parametrize(
    "html",
    [
        "<p class='" + "a" * 5_000_000 + "'>" + SENTENCE + "</p>",
        "<p " + " ".join(f"a{n}=1" for n in range(5_000)) + ">" + SENTENCE + "</p>",
        "<b>" * 50_000 + SENTENCE,
        "<table>" * 5_000 + SENTENCE,
        "<" + "p" * 1_000_000 + ">" + SENTENCE,
    ],
    ids=["huge-attribute", "5k-attributes", "deep-inline", "deep-tables", "huge-tag-name"],
)
def test_extreme_markup_gives_a_sound_result(html: str) -> None:
    assert SENTENCE in sound(html).text.replace("\n", " ")
