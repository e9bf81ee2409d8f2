"""``cleantext --warc``: archives in, one JSON line per page out, checked against the library."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest
from benchmarks.archives import (
    conversion_record,
    record_id,
    response_record,
    warc_record,
    write_archive,
)

import cleantext
from cleantext.cli.command import main
from cleantext.html.decode import charset_of_content_type, decode_html
from corpus_support import page_url, write_warc, write_wet

pytest.importorskip("fastwarc")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict], str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


def test_every_html_response_is_cleaned_as_clean_html_does(tmp_path, capsys):
    pages = write_warc(tmp_path / "crawl.warc.gz", 5)
    code, records, _ = run(["--warc", str(tmp_path / "crawl.warc.gz")], capsys)
    assert code == 0
    assert [record["url"] for record in records] == [page_url(n) for n in range(5)]
    for number, (record, page) in enumerate(zip(records, pages, strict=True)):
        expected = cleantext.clean_html(page.encode("utf-8"), url=page_url(number))
        assert record["mode"] == "html"
        assert record["clean_text"] == expected.text
        assert record["removed"] == [segment.as_dict() for segment in expected.removed]
        assert record["warc_record_id"] == record_id(page_url(number), "response")
        assert record["warc_date"] == "2024-05-01T12:00:00Z"
        assert record["metadata"]["title"] == expected.metadata.title
        assert record["metadata"]["sources"]["url"] == "warc"


def test_wet_conversion_records_are_cleaned_in_text_mode(tmp_path, capsys):
    texts = write_wet(tmp_path / "crawl.warc.wet.gz", 4)
    code, records, _ = run(["--warc", "--no-removed", str(tmp_path / "crawl.warc.wet.gz")], capsys)
    assert code == 0
    assert [record["clean_text"] for record in records] == [cleantext.clean(t).text for t in texts]
    assert all(record["mode"] == "text" and "removed" not in record for record in records)


def test_archives_are_found_without_the_flag_zipped_or_not(tmp_path, capsys):
    write_warc(tmp_path / "a.warc.gz", 2)
    write_archive(
        tmp_path / "b.warc", [conversion_record("https://x.example/", "Hello there.")], zipped=False
    )
    code, records, _ = run([str(tmp_path / "a.warc.gz"), str(tmp_path / "b.warc")], capsys)
    assert code == 0
    assert [record["mode"] for record in records] == ["html", "html", "text"]


def test_records_that_are_not_pages_are_skipped_and_counted(tmp_path, capsys):
    write_archive(
        tmp_path / "mixed.warc.gz",
        [
            warc_record("warcinfo", "", "application/warc-fields", b"software: test\r\n"),
            response_record(
                "https://x.example/doc.pdf", b"%PDF-1.4", content_type="application/pdf"
            ),
            response_record("https://x.example/old", b"<html>moved</html>", status="301 Moved"),
            warc_record("revisit", "https://x.example/", "application/http", b""),
            response_record(
                "https://x.example/", b"<p>The council met on Monday, officials said.</p>"
            ),
        ],
    )
    code, records, err = run(["--warc", "--stats", str(tmp_path / "mixed.warc.gz")], capsys)
    assert code == 0
    assert [record["url"] for record in records] == ["https://x.example/"]
    assert "4 skipped: application/pdf 1, http 301 1, revisit 1, warcinfo 1" in err


def test_two_jobs_give_the_same_lines_in_the_same_order(tmp_path, capsys):
    write_warc(tmp_path / "big.warc.gz", 80)  # more than two chunks
    _, one, _ = run(["--warc", str(tmp_path / "big.warc.gz")], capsys)
    code, two, _ = run(["--warc", "-j", "2", str(tmp_path / "big.warc.gz")], capsys)
    assert code == 0
    assert len(one) == 80
    assert two == one


@pytest.mark.parametrize("zipped", [False, True])
def test_a_truncated_archive_ends_with_an_error_record_and_exit_1(tmp_path, capsys, zipped):
    write_warc(tmp_path / "whole.warc", 3)
    data = (tmp_path / "whole.warc").read_bytes()
    data = data if zipped else gzip.decompress(data)
    (tmp_path / "cut.warc").write_bytes(data[: len(data) * 2 // 3])
    code, records, err = run(["--warc", str(tmp_path / "cut.warc")], capsys)
    assert code == 1
    assert "error" in records[-1]
    assert records[-1]["error"]["file"] == str(tmp_path / "cut.warc")
    assert all("clean_text" in record for record in records[:-1])
    assert "cut.warc: record" in err


def test_a_page_that_cannot_be_cleaned_gives_an_error_record(tmp_path, capsys):
    binary = b"<html>" + bytes(range(256)) * 50
    write_archive(
        tmp_path / "bad.warc.gz",
        [
            response_record("https://x.example/bad", binary),
            response_record(
                "https://x.example/ok", b"<p>The council met on Monday, officials said.</p>"
            ),
        ],
    )
    code, records, _ = run(["--warc", str(tmp_path / "bad.warc.gz")], capsys)
    assert code == 1
    assert records[0]["error"]["url"] == "https://x.example/bad"
    assert records[0]["error"]["warc_record_id"] == record_id("https://x.example/bad", "response")
    assert records[1]["url"] == "https://x.example/ok"


def test_the_http_charset_decodes_the_page(tmp_path, capsys):
    body = "<meta charset='utf-8'><p>Привет, мир. Длинное предложение о бюджете.</p>"
    write_archive(
        tmp_path / "koi.warc.gz",
        [
            response_record(
                "https://x.example/",
                body.encode("koi8-r"),
                content_type="text/html; charset=KOI8-R",
            )
        ],
    )
    _, records, _ = run(["--warc", str(tmp_path / "koi.warc.gz")], capsys)
    assert records[0]["clean_text"] == "Привет, мир. Длинное предложение о бюджете."
    assert records[0]["metadata"]["encoding"] == "koi8-r"


def test_the_identified_charset_is_a_hint_after_meta_and_before_utf8(tmp_path, capsys):
    body = "<p>Привет, мир. Длинное предложение о бюджете.</p>".encode("koi8-r")
    write_archive(
        tmp_path / "hint.warc.gz",
        [
            response_record(
                "https://x.example/",
                body,
                content_type="text/html",
                WARC_Identified_Content_Charset="KOI8-R",
            )
        ],
    )
    _, records, _ = run(["--warc", str(tmp_path / "hint.warc.gz")], capsys)
    assert records[0]["clean_text"] == "Привет, мир. Длинное предложение о бюджете."


def test_decode_order_transport_before_meta_and_hint_only_when_it_fits():
    latin2 = '<meta charset="utf-8"><p>Łódź'.encode("iso-8859-2")
    assert decode_html(latin2, transport_charset="iso-8859-2").text.endswith("Łódź")
    assert decode_html(latin2, transport_charset="no-such-charset").how == "meta"
    utf8 = "<p>naïve".encode()
    assert decode_html(utf8, charset_hint="utf-8").how == "hint"
    assert decode_html(b"<p>\xff\xfe\x81", charset_hint="utf-8").how == "fallback"
    assert charset_of_content_type("text/html;charset=utf-8") == "utf-8"
    assert charset_of_content_type(None) is None


def test_without_fastwarc_the_command_says_how_to_install_it(tmp_path, capsys, monkeypatch):
    write_wet(tmp_path / "a.wet.gz", 1)
    monkeypatch.setitem(sys.modules, "fastwarc", None)
    monkeypatch.setitem(sys.modules, "fastwarc.warc", None)
    code = main(["--warc", str(tmp_path / "a.wet.gz")])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert "cleantext-web[warc]" in err


def test_options_that_do_not_apply_to_archives_are_refused(tmp_path, capsys):
    write_wet(tmp_path / "a.wet.gz", 1)
    assert main(["--warc", "--html", str(tmp_path / "a.wet.gz")]) == 2
    assert main(["--no-removed", str(Path(__file__))]) == 2
    capsys.readouterr()


def test_a_response_without_content_type_is_cleaned_when_it_looks_like_html(tmp_path, capsys):
    def untyped(url: str, body: bytes) -> bytes:
        block = b"HTTP/1.1 200 OK\r\n\r\n" + body
        return warc_record("response", url, "application/http; msgtype=response", block)

    html = b"<html><body><p>The council met on Monday, officials said.</p></body></html>"
    write_archive(
        tmp_path / "untyped.warc.gz",
        [untyped("https://x.example/page", html), untyped("https://x.example/blob", b"\x00\x01")],
    )
    code, records, err = run(["--warc", "--stats", str(tmp_path / "untyped.warc.gz")], capsys)
    assert code == 0
    assert [record["url"] for record in records] == ["https://x.example/page"]
    assert "1 skipped: unknown type 1" in err


def test_format_markdown_adds_the_markdown_of_each_page(tmp_path, capsys):
    pages = write_warc(tmp_path / "crawl.warc.gz", 3)
    code, records, _ = run(
        ["--warc", "--format", "markdown", str(tmp_path / "crawl.warc.gz")], capsys
    )
    assert code == 0
    for number, (record, page) in enumerate(zip(records, pages, strict=True)):
        expected = cleantext.clean_html(page.encode("utf-8"), url=page_url(number))
        assert record["markdown"] == expected.to_markdown()
        assert list(record)[4:6] == ["clean_text", "markdown"]


def test_a_page_out_of_memory_gets_an_error_record_and_the_run_goes_on(
    tmp_path, capsys, monkeypatch
):
    from cleantext.cli import warc

    real = warc.clean_archive_page

    def exhausted(page, config=None):
        if page.url.endswith("/huge"):
            raise MemoryError
        return real(page, config)

    monkeypatch.setattr(warc, "clean_archive_page", exhausted)
    write_archive(
        tmp_path / "pages.warc.gz",
        [
            response_record("https://x.example/huge", b"<p>" + b"big " * 5000 + b"</p>"),
            response_record(
                "https://x.example/ok", b"<p>The council met on Monday, officials said.</p>"
            ),
        ],
    )
    code, records, err = run(["--warc", str(tmp_path / "pages.warc.gz")], capsys)
    assert code == 1 and "Traceback" not in err
    assert records[0]["error"]["url"] == "https://x.example/huge"
    assert records[0]["error"]["message"].startswith("out of memory while cleaning this record")
    assert records[1]["clean_text"] == "The council met on Monday, officials said."


def test_a_dead_worker_turns_its_pages_into_error_records():
    from cleantext.cli import warc

    settings = warc.ArchiveSettings("a.warc", cleantext.Config())
    pages = tuple(
        warc.ArchivePage(number, f"https://x.example/{number}", None, None, "html", b"<p>x</p>")
        for number in (1, 2)
    )
    outcomes = warc.lost_archive_chunk((settings, pages), "a worker process died")
    found = [json.loads(outcome.output)["error"] for outcome in outcomes]
    assert [error["record"] for error in found] == [1, 2]
    assert all(error["message"] == "a worker process died" for error in found)
