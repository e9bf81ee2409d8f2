"""``cleantext --url URL`` (and a URL where a file name goes), against a server on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest
from tests.cli_support import run
from tests.web_site import ROUTES, serve

from cleantext import clean, clean_html
from cleantext.api import clean_as_text
from cleantext.cli.fetch import FetchError, fetch
from cleantext.cli.options import build_config


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve() as url:
        yield url


def library_text(path: str) -> str:
    route = ROUTES[path]
    return clean_html(route.body(), content_type=route.content_type, config=build_config()).text


def test_a_url_is_fetched_and_cleaned_like_the_library(
    base: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for args in (["--url", base + "/russian.html"], [base + "/russian.html"]):
        code, out, err = run(args, capsys, monkeypatch)
        assert (code, err) == (0, "")
        assert out == library_text("/russian.html") + "\n"
    assert "Городской совет в понедельник вечером" in out


def test_json_records_the_http_charset_and_the_url_after_redirects(
    base: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(["--json", "--url", base + "/moved"], capsys, monkeypatch)
    metadata = json.loads(out)["metadata"]
    assert code == 0
    assert metadata["url"] == base + "/story.html"
    assert (metadata["encoding"], metadata["sources"]["encoding"]) == ("utf-8", "http")


def test_urls_and_files_mix_in_order_and_text_plain_is_text_mode(
    base: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: object,
) -> None:
    code, out, _ = run(["--url", base + "/notes.txt", base + "/article.html"], capsys, monkeypatch)
    notes = clean(ROUTES["/notes.txt"].body().decode(), config=build_config()).text
    assert (code, out) == (0, f"{notes}\n{library_text('/article.html')}\n")


def test_html_or_text_forces_the_mode_and_keeps_the_charset(
    base: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(["--text", base + "/russian.html"], capsys, monkeypatch)
    raw = ROUTES["/russian.html"].body().decode("cp1251")
    assert (code, out) == (0, clean_as_text(raw, config=build_config()).text + "\n")


def test_http_errors_and_unreachable_hosts_are_clear_and_the_rest_goes_on(
    base: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    closed = "http://127.0.0.1:9/page"  # the discard port: nothing listens there
    code, out, err = run([base + "/missing", closed, base + "/article.html"], capsys, monkeypatch)
    assert code == 1
    assert f"cleantext: error: {base}/missing: HTTP 404 Not Found" in err
    assert f"cleantext: error: {closed}: cannot fetch: " in err
    assert out == library_text("/article.html") + "\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--jsonl", "--url", "https://example.org/"], "--jsonl reads files or stdin, not URLs"),
        (["--url", "example.org"], "--url needs an http:// or https:// URL"),
        (["--timeout", "0", "--url", "https://example.org/"], "--timeout must be more than 0"),
    ],
)
def test_wrong_url_usage_exits_2(
    args: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, _, err = run(args, capsys, monkeypatch)
    assert code == 2 and message in err


class SlowHandler(BaseHTTPRequestHandler):
    """Sends headers at once, then the body a byte at a time, too slowly."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        for _ in range(20):
            self.wfile.write(b" ")
            self.wfile.flush()
            time.sleep(0.05)

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_the_timeout_covers_the_whole_fetch_and_the_size_is_capped(base: str) -> None:
    with serve(SlowHandler) as slow:
        started = time.monotonic()
        with pytest.raises(FetchError, match=r"no complete answer within 0\.3 s"):
            fetch(slow, timeout=0.3)
        assert time.monotonic() - started < 1.5
    with pytest.raises(FetchError, match="larger than 1,000 bytes"):
        fetch(base + "/article.html", max_bytes=1000)
    with pytest.raises(FetchError, match="only http:// and https://"):
        fetch("file:///etc/passwd")


def test_the_installed_command_fetches_a_url(base: str) -> None:
    command = [sys.executable, "-m", "cleantext", "--url", base + "/bom.html"]
    process = subprocess.run(command, capture_output=True, timeout=60, check=True)
    assert process.stdout.decode() == library_text("/bom.html") + "\n"
    assert "Le marché du samedi revient place Carnot" in process.stdout.decode()
