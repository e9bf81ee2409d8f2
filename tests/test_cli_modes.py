"""Which field and which mode the command cleans, and input it refuses (issue 10, defects 2, 3, 7).

A field named ``html`` (or ``--html``) means HTML mode; without ``--field`` a record is
cleaned from ``html`` when it has one, else from ``text``; every output record says its
mode and whether it was guessed; sniffing survives a BOM, whitespace and junk before
the first tag; binary input is refused in page mode and per record.
"""

from __future__ import annotations

import json
import struct

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleantext
from cleantext.cli.inputs import choose_mode, looks_like_html
from cli_support import run

PROSE = "The council approved the budget on Monday after a long debate, officials said."
PAGE = f"<html><head><title>Budget</title></head><body><nav><a href='/'>Home</a></nav><p>{PROSE}</p></body></html>"
PNG = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + bytes(range(256)) * 4
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + bytes(range(200)) * 8


def jsonl(*items: object) -> bytes:
    return "".join(json.dumps(item) + "\n" for item in items).encode()


def records(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.split("\n") if line]


# --- defect 2: a field named html means HTML, sniffing is sturdy, records say their mode ------


@pytest.mark.parametrize("junk", ["ï»¿", "?", " \t\n\n", "\ufeff", "\u00a0\u200b"])
def test_html_behind_junk_is_html_in_every_mode_choice(junk, capsys, monkeypatch) -> None:
    page = junk + PAGE
    assert looks_like_html(page)
    code, out, _ = run(["--jsonl", "--field", "html"], capsys, monkeypatch, jsonl({"html": page}))
    (record,) = records(out)
    assert code == 0 and "<" not in str(record["clean_text"])
    assert record["clean_text"] == cleantext.clean_html(page).text
    assert (record["mode"], record["mode_guessed"]) == ("html", False)


def test_a_field_named_html_is_never_sniffed_as_text(capsys, monkeypatch) -> None:
    page = "Some words first, far more than a little junk: " + PAGE.replace("<html>", "<div>")
    assert not looks_like_html(page)
    code, out, _ = run(["--jsonl", "--field", "html"], capsys, monkeypatch, jsonl({"html": page}))
    assert (
        code == 0
        and records(out)[0]["mode"] == "html"
        and "<nav>" not in str(records(out)[0]["clean_text"])
    )


def test_sniffed_records_say_so(capsys, monkeypatch) -> None:
    items = jsonl({"text": PAGE}, {"text": PROSE}, {"body": PAGE})
    code, out, _ = run(["--jsonl"], capsys, monkeypatch, items)
    first, second, third = records(out)
    assert (first["mode"], first["mode_guessed"]) == ("html", True)
    assert (second["mode"], second["mode_guessed"]) == ("text", True)
    assert "error" in third
    code, out, _ = run(["--jsonl", "--text"], capsys, monkeypatch, items)
    assert (code, records(out)[0]["mode"], records(out)[0]["mode_guessed"]) == (1, "text", False)


def test_an_explicit_mode_wins_over_the_field_name() -> None:
    assert choose_mode(PAGE, "text", "html") == ("text", False)


@given(
    st.text(alphabet=" \t\r\n\ufeff\u00a0", max_size=20), st.sampled_from(["", "?", "ï»¿", "..."])
)
def test_sniffing_sees_past_whitespace_and_short_junk(space: str, junk: str) -> None:
    assert looks_like_html(space + junk + space + PAGE.replace("<html>", "<div>"))


def test_text_that_mentions_a_tag_is_still_text() -> None:
    assert not looks_like_html("In HTML, the paragraph element is written <p> and closed </p>.")


# --- defect 3: the default field is html, else text; --stats counts them ----------------------


def test_records_with_an_html_field_are_cleaned_without_flags(capsys, monkeypatch) -> None:
    items = jsonl(
        {"id": 1, "html": PAGE}, {"id": 2, "text": PROSE}, {"id": 3, "html": PAGE, "text": "x"}
    )
    code, out, err = run(["--jsonl", "--stats"], capsys, monkeypatch, items)
    first, second, third = records(out)
    assert code == 0
    assert first["clean_text"] == third["clean_text"] == cleantext.clean_html(PAGE).text
    assert second["clean_text"] == cleantext.clean(PROSE).text
    assert "cleaned from field: html 2, text 1" in err


def test_an_empty_or_null_html_field_falls_back_to_text(capsys, monkeypatch) -> None:
    items = jsonl({"html": None, "text": PROSE}, {"html": "", "text": PROSE}, {"html": None})
    code, out, _ = run(["--jsonl"], capsys, monkeypatch, items)
    first, second, third = records(out)
    assert first["clean_text"] == second["clean_text"] == cleantext.clean(PROSE).text
    assert code == 1 and third["error"]["message"] == "field 'html' must be a string, got null"  # type: ignore[index]


def test_a_record_with_neither_field_names_its_fields_and_the_flag(capsys, monkeypatch) -> None:
    code, out, err = run(["--jsonl"], capsys, monkeypatch, jsonl({"id": 4, "body": PROSE}))
    assert "line 1: the record has neither" in err
    message = records(out)[0]["error"]["message"]  # type: ignore[index]
    assert code == 1
    assert "'html'" in message and "'text'" in message and "id, body" in message
    assert "--field" in message


# --- defect 7: binary input is refused -------------------------------------------------------


@pytest.mark.parametrize("data", [PNG, ELF, b"\x00\x01\x02" * 40], ids=["png", "elf", "nuls"])
def test_binary_files_are_refused_in_page_mode(data, tmp_path, capsys, monkeypatch) -> None:
    path = tmp_path / "input.bin"
    path.write_bytes(data)
    code, out, err = run([str(path)], capsys, monkeypatch)
    assert code == 1 and out == ""
    assert f"{path}: the input looks binary" in err
    assert "invalid UTF-8" not in err


@pytest.mark.parametrize(
    "content", ["\x00" * 100 + PROSE, "\ufffd" * 40 + PROSE, "\x7fELF" + PROSE]
)
def test_binary_records_become_error_records(content, capsys, monkeypatch) -> None:
    items = jsonl({"text": content}, {"text": PROSE})
    code, out, err = run(["--jsonl"], capsys, monkeypatch, items)
    bad, good = records(out)
    assert code == 1 and "line 1: the input looks binary" in err
    assert "looks binary" in bad["error"]["message"]  # type: ignore[index]
    assert good["clean_text"] == cleantext.clean(PROSE).text
