"""clean_response with real requests, httpx and urllib responses from a local server, and Scrapy
responses built in the test; the one decoding order; ``import cleantext`` imports no client."""

from __future__ import annotations

import gzip
import subprocess
import sys
import urllib.request
from types import SimpleNamespace
from typing import ClassVar

import httpx
import pytest
import requests
from scrapy.http import HtmlResponse, TextResponse
from tests.web_site import ROUTES, serve

from cleantext import InputError, clean, clean_html, clean_response
from cleantext.api import clean_as_text
from cleantext.html.decode import charset_of_content_type, decode_html

HTML_PATHS = ("/article.html", "/russian.html", "/bom.html", "/story.html")


def expected_html(path: str) -> tuple[str, list[dict[str, object]]]:
    route = ROUTES[path]
    result = clean_html(route.body(), content_type=route.content_type)
    return result.text, [segment.as_dict() for segment in result.removed]


def summary(result: object) -> tuple[str, list[dict[str, object]]]:
    return result.text, [segment.as_dict() for segment in result.removed]  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def base() -> object:
    with serve() as url:
        yield url


@pytest.mark.parametrize("client", ["requests", "httpx", "urllib"])
def test_real_client_responses_equal_the_library(client: str, base: str) -> None:
    for path in HTML_PATHS:
        response = fetch(client, base + path)
        result = clean_response(response)
        assert summary(result) == expected_html(path), (client, path)
        assert result.metadata.url == base + path
        assert result.metadata.source_of("url") == "response"
    russian = clean_response(fetch(client, base + "/russian.html"))
    assert "Городской совет в понедельник вечером" in russian.text
    assert (russian.metadata.encoding, russian.metadata.source_of("encoding")) == ("cp1251", "http")
    notes = clean_response(fetch(client, base + "/notes.txt"))
    assert notes.text == clean(ROUTES["/notes.txt"].body().decode()).text
    redirected = clean_response(fetch(client, base + "/moved"))
    assert redirected.metadata.url == base + "/story.html"


def fetch(client: str, url: str) -> object:
    if client == "requests":
        return requests.get(url, timeout=10)
    if client == "httpx":
        return httpx.get(url, timeout=10, follow_redirects=True)
    return urllib.request.urlopen(url, timeout=10)


def test_scrapy_html_and_text_responses() -> None:
    body = ROUTES["/russian.html"].body()
    headers = {"Content-Type": "text/html; charset=windows-1251"}
    response = HtmlResponse("https://example.org/ru", body=body, headers=headers)
    assert summary(clean_response(response)) == expected_html("/russian.html")
    notes = ROUTES["/notes.txt"].body()
    text = TextResponse("https://example.org/n", body=notes, headers={"Content-Type": "text/plain"})
    result = clean_response(text)
    assert result.text == clean(notes.decode()).text
    assert result.removed[0].detector == "print_banner"


def test_text_plain_is_text_mode_even_when_it_holds_markup() -> None:
    page = b"<p>Use the <b> tag for bold.</p>\n\nThe council met on Monday, officials said."
    response = SimpleNamespace(body=page, headers={"Content-Type": "text/plain"}, url="u")
    assert clean_response(response).text == clean_as_text(page.decode()).text
    assert "<p>" in clean_response(response).text


def test_without_a_content_type_markup_is_sniffed() -> None:
    html = SimpleNamespace(body=b"<p>Talks resumed in Vienna on Tuesday.</p>", headers={}, url=None)
    text = SimpleNamespace(body=b"Talks resumed in Vienna on Tuesday.", headers=None, url=None)
    assert clean_response(html).source_text == "Talks resumed in Vienna on Tuesday."
    assert clean_response(text).text == "Talks resumed in Vienna on Tuesday."


def test_gzip_from_urllib_is_unzipped_and_other_bodies_are_taken_as_they_are() -> None:
    class Raw:
        headers: ClassVar[dict[str, str]] = {
            "Content-Type": "text/html",
            "Content-Encoding": "gzip",
        }
        url = "https://example.org/z"

        def read(self) -> bytes:
            return gzip.compress(b"<p>Talks resumed in Vienna on Tuesday.</p>")

    assert clean_response(Raw()).text == "Talks resumed in Vienna on Tuesday."
    playwright_like = SimpleNamespace(
        body=lambda: b"<p>Talks resumed.</p>", headers={"content-type": "text/html"}, url="p"
    )
    assert clean_response(playwright_like).text == "Talks resumed."


def test_what_is_not_a_page_is_refused_clearly() -> None:
    image = SimpleNamespace(body=b"\x89PNG...", headers={"Content-Type": "image/png"}, url="i")
    with pytest.raises(InputError, match="not a page: the content type is image/png"):
        clean_response(image)
    with pytest.raises(TypeError, match=r"\.body \(Scrapy\), \.content \(requests, httpx\)"):
        clean_response("<p>a string is no response</p>")
    coroutine_like = SimpleNamespace(content="text, not bytes", headers={}, url="u")
    with pytest.raises(TypeError, match="whose body is str"):
        clean_response(coroutine_like)


# The one decoding order


@pytest.mark.parametrize(
    ("data", "content_type", "encoding", "how"),
    [
        ("\ufeff<p>é</p>".encode(), "text/html; charset=windows-1251", "utf-8", "bom"),
        (
            '<meta charset="utf-8"><p>Ж</p>'.encode("cp1251"),
            "text/html; charset=cp1251",
            "cp1251",
            "http",
        ),
        ('<meta charset="koi8-r"><p>Ж</p>'.encode("koi8-r"), "text/html", "koi8-r", "meta"),
        ("<p>Ж</p>".encode("cp1251"), "text/html; charset=nonsense", "cp1252", "fallback"),
        ("<p>é</p>".encode(), "text/html; charset=base64", "utf-8", "utf-8"),
        ("<p>é</p>".encode("latin-1"), "text/html; charset=ISO-8859-1", "cp1252", "http"),
        ("<p>é</p>".encode("utf-16-le"), "text/html; charset=utf-16", "utf-16-le", "http"),
    ],
)
def test_bom_then_http_charset_then_meta_then_utf8_then_fallback(
    data: bytes, content_type: str, encoding: str, how: str
) -> None:
    decoded = decode_html(data, transport_charset=charset_of_content_type(content_type))
    assert (decoded.encoding, decoded.how) == (encoding, how)
    result = clean_html(data, content_type=content_type)
    assert (result.metadata.encoding, result.metadata.source_of("encoding")) == (encoding, how)


@pytest.mark.parametrize("label", ["hex", "base64", "zlib", "rot13", "punycode", "idna", "utf-7"])
def test_a_codec_that_is_no_page_encoding_is_skipped_not_fatal(label: str) -> None:
    data = f'<meta charset="{label}"><p>Talks resumed in Vienna.</p>'.encode()
    assert clean_html(data).text == "Talks resumed in Vienna."
    assert clean_html(data, content_type=f"text/html; charset={label}").metadata.encoding == "utf-8"


def test_import_cleantext_imports_no_scraping_library() -> None:
    code = (
        "import sys, cleantext, cleantext.integrations\n"
        "heavy = {'scrapy', 'itemadapter', 'requests', 'httpx', 'twisted', 'bs4'}\n"
        "print(sorted(heavy & {name.split('.')[0] for name in sys.modules}))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert output.stdout.strip() == "[]"


def test_a_charset_hint_comes_after_meta_and_only_when_the_bytes_fit_it() -> None:
    koi8 = "<p>Привет, мир</p>".encode("koi8-r")
    assert clean_html(koi8, charset_hint="KOI8-R").metadata.source_of("encoding") == "hint"
    assert clean_html(koi8, charset_hint="KOI8-R").text == "Привет, мир"
    declared = '<meta charset="cp1251"><p>Привет</p>'.encode("cp1251")
    assert decode_html(declared, charset_hint="koi8-r").how == "meta"
    assert decode_html(b"<p>\xff\xfe\x81", charset_hint="utf-8").how == "fallback"
    assert decode_html("<p>é</p>".encode(), charset_hint="utf-16").how == "utf-8"
