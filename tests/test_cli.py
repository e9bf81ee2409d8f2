"""The ``cleantext`` command run in-process: every flag, checked against the library it wraps."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

import cleantext
from cleantext.cli import command as cli
from cleantext.cli import inputs as cli_io
from cleantext.cli.command import main
from cleantext.cli.inputs import find_clean_html, looks_like_html
from cli_support import FakeTty, run

SEED = Path(__file__).parent.parent / "fixtures" / "pages" / "editorial-japan-russia.txt"
PAGE = "print PRINT\n\nHome > World > Europe\n\nThe council approved the budget on Monday after a long debate.\n"
PROSE = "The council approved the budget on Monday after a long debate, officials said."
HTML = "<!DOCTYPE html><html><head><title>T</title></head><body><p>{}</p></body></html>"


def records(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


# --- the filter ------------------------------------------------------------------------------


def test_stdin_to_stdout_is_the_library_result(capsys, monkeypatch) -> None:
    code, out, err = run([], capsys, monkeypatch, PAGE.encode())
    assert (code, err) == (0, "")
    assert out == cleantext.clean(PAGE).text + "\n"
    assert "print PRINT" not in out


def test_file_arguments_are_cleaned_in_order(tmp_path, capsys, monkeypatch) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(PAGE, encoding="utf-8")
    second.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run([str(first), str(second)], capsys, monkeypatch)
    expected = cleantext.clean(PAGE).text + "\n" + cleantext.clean(second.read_text()).text + "\n"
    assert (code, out) == (0, expected)


def test_output_ends_with_a_newline_even_when_empty(capsys, monkeypatch) -> None:
    code, out, _ = run([], capsys, monkeypatch, b"")
    assert (code, out) == (0, "\n")


def test_invalid_utf8_is_replaced_with_a_warning_naming_file_and_line(
    tmp_path, capsys, monkeypatch
) -> None:
    page = tmp_path / "bad.txt"
    page.write_bytes(PAGE.encode() + b"caf\xe9 au lait is served here every single morning.\n")
    code, out, err = run([str(page), "--only", "print_banner"], capsys, monkeypatch)
    assert code == 0
    assert "caf\ufffd au lait" in out
    assert f"{page}: line 6: invalid UTF-8" in err


def test_missing_file_is_a_usage_error(tmp_path, capsys, monkeypatch) -> None:
    code, out, err = run([str(tmp_path / "nope.txt")], capsys, monkeypatch)
    assert (code, out) == (2, "")
    assert "nope.txt: no such file" in err
    code, out, err = run([str(tmp_path)], capsys, monkeypatch)
    assert (code, out) == (2, "")
    assert f"{tmp_path}: not a file" in err


def test_gzip_file_in_and_gzip_file_out(tmp_path, capsys, monkeypatch) -> None:
    source, target = tmp_path / "page.txt.gz", tmp_path / "clean.txt.gz"
    source.write_bytes(gzip.compress(PAGE.encode()))
    code, out, _ = run([str(source), "-o", str(target)], capsys, monkeypatch)
    assert (code, out) == (0, "")
    assert gzip.decompress(target.read_bytes()).decode() == cleantext.clean(PAGE).text + "\n"


def test_gzip_on_stdin_is_recognised_by_its_magic_bytes(capsys, monkeypatch) -> None:
    stream = io.BufferedReader(io.BytesIO(gzip.compress(PAGE.encode())))  # type: ignore[arg-type]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    assert main([]) == 0
    assert capsys.readouterr().out == cleantext.clean(PAGE).text + "\n"


# --- text or HTML ----------------------------------------------------------------------------


def test_html_is_recognised_from_the_content() -> None:
    assert looks_like_html(HTML.format("x"))
    assert looks_like_html("\n  <div class='a'>x</div>")
    assert not looks_like_html(PAGE)
    assert not looks_like_html("<3 this recipe, and a < b in the body")


def test_text_flag_cleans_markup_as_plain_text(capsys, monkeypatch) -> None:
    page = HTML.format(PROSE)
    code, out, _ = run(["--text"], capsys, monkeypatch, page.encode())
    with pytest.warns(cleantext.CleantextWarning):
        expected = cleantext.clean(page).text
    assert (code, out) == (0, expected + "\n")


def test_html_without_an_html_mode_fails_clearly(capsys, monkeypatch) -> None:
    monkeypatch.setattr(cli_io, "find_clean_html", lambda: None)
    code, out, err = run([], capsys, monkeypatch, HTML.format(PROSE).encode())
    assert (code, out) == (1, "")
    assert "no HTML mode" in err and "--text" in err


needs_html = pytest.mark.skipif(
    find_clean_html() is None,
    reason="cleantext.clean_html (HTML mode) is not in this checkout yet",
)


@needs_html
@pytest.mark.parametrize("flags", [[], ["--html"]])
def test_html_is_cleaned_by_the_html_mode(flags, capsys, monkeypatch) -> None:
    page = HTML.format(PROSE)
    code, out, _ = run(flags, capsys, monkeypatch, page.encode())
    assert (code, out) == (0, find_clean_html()(page.encode()).text + "\n")


@needs_html
def test_jsonl_html_field_is_cleaned_as_html_with_its_url(capsys, monkeypatch) -> None:
    page = HTML.format(PROSE)
    line = json.dumps({"html": page, "url": "https://example.org/a"})
    code, out, _ = run(["--jsonl", "--field", "html"], capsys, monkeypatch, line.encode())
    expected = find_clean_html()(page, url="https://example.org/a")
    assert code == 0
    assert records(out)[0]["clean_text"] == expected.text


# --- --explain and --json --------------------------------------------------------------------


def test_explain_prints_the_text_then_each_segment(capsys, monkeypatch) -> None:
    code, out, _ = run(["--explain", str(SEED)], capsys, monkeypatch)
    result = cleantext.clean(SEED.read_text(encoding="utf-8"))
    text, listing = out.split("\n\n--- removed from ", 1)
    assert code == 0 and text == result.text
    assert listing.startswith(f"{SEED}: {len(result.removed)} segments ---")
    assert "\x1b[" not in out
    for segment in result.removed:
        line = SEED.read_text(encoding="utf-8").count("\n", 0, segment.start) + 1
        assert f"{line}" in listing and segment.detector in listing and segment.reason in listing
        assert f"{segment.score:.2f}" in listing


def test_explain_is_coloured_on_a_terminal_only(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(FakeTty(), write_through=True))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert main(["--explain", str(SEED)]) == 0
    painted = sys.stdout.buffer.getvalue().decode()  # type: ignore[attr-defined]
    assert "\x1b[36mprint_banner" in painted
    monkeypatch.setenv("NO_COLOR", "1")
    sys.stdout.buffer.truncate(0)  # type: ignore[attr-defined]
    sys.stdout.buffer.seek(0)  # type: ignore[attr-defined]
    assert main(["--explain", str(SEED)]) == 0
    assert "\x1b[" not in sys.stdout.buffer.getvalue().decode()  # type: ignore[attr-defined]


def test_color_always_colours_a_pipe(capsys, monkeypatch) -> None:
    code, out, _ = run(["--explain", "--color", "always"], capsys, monkeypatch, PAGE.encode())
    assert code == 0 and "\x1b[33m" in out


def test_json_is_the_whole_result(capsys, monkeypatch) -> None:
    code, out, _ = run(["--json"], capsys, monkeypatch, PAGE.encode())
    assert code == 0 and out.endswith("\n") and out.count("\n") == 1
    expected = cleantext.clean(PAGE).as_dict() | {"mode": "text", "mode_guessed": True}
    assert json.loads(out) == expected


@pytest.mark.parametrize(
    ("flags", "mode", "guessed"),
    [([], "html", True), (["--html"], "html", False), (["--text"], "text", False)],
)
def test_json_says_the_mode_a_page_was_cleaned_in(capsys, monkeypatch, flags, mode, guessed):
    page = b"<p>The council met on Monday, officials said.</p>"
    code, out, _ = run(["--json", *flags], capsys, monkeypatch, page)
    record = json.loads(out)
    assert code == 0 and (record["mode"], record["mode_guessed"]) == (mode, guessed)


def test_explain_and_json_exclude_each_other(capsys, monkeypatch) -> None:
    code, _, err = run(["--explain", "--json"], capsys, monkeypatch, PAGE.encode())
    assert code == 2 and "not allowed with" in err


# --- stats, exits and signals ----------------------------------------------------------------


def test_stats_count_removed_segments_by_detector_on_stderr(capsys, monkeypatch) -> None:
    code, out, err = run(["--stats"], capsys, monkeypatch, PAGE.encode())
    result = cleantext.clean(PAGE)
    assert code == 0 and out == result.text + "\n"
    assert err.startswith("1 record\n")
    rows = {row.split()[0]: row.split()[1:] for row in err.splitlines()[2:]}
    for name in {segment.detector for segment in result.removed}:
        mine = [segment for segment in result.removed if segment.detector == name]
        assert rows[name] == [str(len(mine)), str(sum(len(segment.text) for segment in mine))]
    assert err.splitlines()[-1].split()[1:] == [
        str(len(result.removed)),
        str(sum(len(s.text) for s in result.removed)),
    ]


def test_help_and_version_exit_zero(capsys, monkeypatch) -> None:
    assert run(["--help"], capsys, monkeypatch)[:2][0] == 0
    code, out, _ = run(["--version"], capsys, monkeypatch)
    assert code == 0 and out == f"cleantext {cleantext.__version__}\n"


def test_ctrl_c_exits_130_without_a_traceback(capsys, monkeypatch) -> None:
    def interrupted(*_: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_run", interrupted)
    code, _, err = run([], capsys, monkeypatch, PAGE.encode())
    assert code == 130 and "Traceback" not in err


def test_closed_pipe_exits_141_quietly(capsys, monkeypatch) -> None:
    def closed(*_: object) -> int:
        raise BrokenPipeError

    monkeypatch.setattr(cli, "_run", closed)
    code, _, err = run([], capsys, monkeypatch, PAGE.encode())
    assert (code, err) == (141, "")


# --- --explain lists line-break-only gaps only on request (issue 10, defect 9) ---------------


def _fixture_html() -> bytes:
    pages = Path(__file__).parent.parent / "fixtures" / "scrapinghub_aeb" / "html.jsonl.gz"
    with gzip.open(pages, "rt", encoding="utf-8") as stream:
        return json.loads(stream.readline())["html"].encode("utf-8")


def test_explain_lists_blank_gaps_only_on_request(tmp_path, capsys, monkeypatch) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(_fixture_html())
    removed = cleantext.clean_html(page.read_bytes()).removed
    gaps = [s for s in removed if not s.text.strip() and s.detector != "ad_gap"]
    assert gaps, "the page must have blank gaps for this test"
    code, out, _ = run(["--explain", "--color", "never", str(page)], capsys, monkeypatch)
    listing = out.split("--- removed from ")[1]
    assert code == 0 and "line break" not in listing.replace("only line breaks not listed", "")
    assert (
        f"({len(gaps)} gaps that hold only line breaks not listed; --show-gaps lists them)" in out
    )
    assert listing.count("  | ") == len(removed) - len(gaps)
    code, out, _ = run(["--explain", "--show-gaps", str(page)], capsys, monkeypatch)
    assert code == 0 and "not listed" not in out and out.count("line break") >= len(gaps)


def test_show_gaps_needs_explain(capsys, monkeypatch) -> None:
    code, _, err = run(["--show-gaps"], capsys, monkeypatch, b"x")
    assert code == 2 and "--show-gaps works with --explain only" in err


def test_progress_is_drawn_for_many_pages_on_a_terminal(tmp_path, capsys, monkeypatch) -> None:
    paths = []
    for number in range(3):
        paths.append(tmp_path / f"page{number}.txt")
        paths[-1].write_text(PAGE, encoding="utf-8")
    terminal = io.TextIOWrapper(FakeTty(), write_through=True)
    monkeypatch.setattr(sys, "stderr", terminal)
    code, out, _ = run([str(path) for path in paths], capsys, monkeypatch)
    drawn = terminal.buffer.getvalue().decode()  # type: ignore[attr-defined]
    assert code == 0 and out.count(cleantext.clean(PAGE).text) == 3
    assert "cleantext: 1 file  " in drawn and drawn.endswith("\r\x1b[K")
