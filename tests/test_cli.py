"""The ``cleantext`` command run in-process: every flag, checked against the library it wraps."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

import cleantext
from cleantext import Config, cli, cli_io
from cleantext.cli import main
from cleantext.cli_io import find_clean_html, looks_like_html

SEED = Path(__file__).parent.parent / "fixtures" / "pages" / "editorial-japan-russia.txt"
PAGE = "print PRINT\n\nHome > World > Europe\n\nThe council approved the budget on Monday after a long debate.\n"
PROSE = "The council approved the budget on Monday after a long debate, officials said."
HTML = "<!DOCTYPE html><html><head><title>T</title></head><body><p>{}</p></body></html>"


class FakeTty(io.BytesIO):
    """A byte stream that claims to be a terminal."""

    def isatty(self) -> bool:
        return True


def run(
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    stdin: bytes = b"",
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


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
    assert (code, out) == (0, cleantext.clean(page).text + "\n")


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
    assert json.loads(out) == cleantext.clean(PAGE).as_dict()


def test_explain_and_json_exclude_each_other(capsys, monkeypatch) -> None:
    code, _, err = run(["--explain", "--json"], capsys, monkeypatch, PAGE.encode())
    assert code == 2 and "not allowed with" in err


# --- detectors and settings ------------------------------------------------------------------


def test_list_detectors_names_and_describes_every_detector(capsys, monkeypatch) -> None:
    code, out, _ = run(["--list-detectors"], capsys, monkeypatch)
    assert code == 0
    for name, detector in cleantext.DETECTORS.items():
        assert f"{name}  " in out and detector.description in out
        for param in detector.param_names():
            assert f"{param}={getattr(detector.params, param)!r}" in out


def test_disable_switches_a_detector_off(capsys, monkeypatch) -> None:
    code, out, _ = run(["--json", "--disable", "print_banner"], capsys, monkeypatch, PAGE.encode())
    expected = cleantext.clean(PAGE, config=Config().disable("print_banner")).as_dict()
    assert code == 0 and json.loads(out) == expected
    assert "print_banner" not in {segment["detector"] for segment in expected["removed"]}  # type: ignore[attr-defined]


def test_only_runs_the_named_detectors(capsys, monkeypatch) -> None:
    code, out, _ = run(
        ["--json", "--only", "breadcrumb,print_banner"], capsys, monkeypatch, PAGE.encode()
    )
    expected = cleantext.clean(PAGE, config=Config().enable_only("breadcrumb", "print_banner"))
    assert code == 0 and json.loads(out) == expected.as_dict()


def test_set_tunes_a_parameter_and_the_threshold(capsys, monkeypatch) -> None:
    args = ["--set", "breadcrumb.max_words=2", "--set", "threshold=0.9", "--json"]
    code, out, _ = run(args, capsys, monkeypatch, PAGE.encode())
    config = Config(threshold=0.9).tune("breadcrumb", max_words=2)
    assert code == 0 and json.loads(out) == cleantext.clean(PAGE, config=config).as_dict()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--disable", "nosuch"], "valid names: "),
        (["--only", "nosuch"], "valid names: "),
        (["--set", "nosuch.x=1"], "valid names: "),
        (["--set", "breadcrumb.nosuch=1"], "valid: max_chars"),
        (["--set", "breadcrumb.max_words=many"], "breadcrumb.max_words must be int, got 'many'"),
        (["--set", "breadcrumb.max_words"], "detector.param=value"),
        (["--set", "threshold=2"], "threshold must be in (0, 1]"),
        (["--jobs", "2"], "--jsonl only"),
    ],
)
def test_bad_names_and_values_are_usage_errors(args, message, capsys, monkeypatch) -> None:
    code, out, err = run(args, capsys, monkeypatch, PAGE.encode())
    assert (code, out) == (2, "")
    assert message in err
    if "valid names" in message:
        assert all(name in err for name in cleantext.DETECTORS)


def test_bad_job_count_is_an_argparse_error(capsys, monkeypatch) -> None:
    code, _, err = run(["--jsonl", "-j", "-1"], capsys, monkeypatch)
    assert code == 2 and "whole number" in err


def test_config_file_is_read(tmp_path, capsys, monkeypatch) -> None:
    toml = tmp_path / "cleantext.toml"
    toml.write_text(
        'threshold = 0.8\ndisable = ["print_banner"]\n\n[detectors.breadcrumb]\nmax_words = 3\n'
    )
    code, out, _ = run(["--config", str(toml), "--json"], capsys, monkeypatch, PAGE.encode())
    config = Config(threshold=0.8).disable("print_banner").tune("breadcrumb", max_words=3)
    assert code == 0 and json.loads(out) == cleantext.clean(PAGE, config=config).as_dict()


def test_command_line_settings_apply_after_the_config_file(tmp_path, capsys, monkeypatch) -> None:
    toml = tmp_path / "cleantext.toml"
    toml.write_text("[detectors.breadcrumb]\nmax_words = 3\n")
    args = ["--config", str(toml), "--set", "breadcrumb.max_words=5", "--json"]
    code, out, _ = run(args, capsys, monkeypatch, PAGE.encode())
    config = Config().tune("breadcrumb", max_words=5)
    assert code == 0 and json.loads(out) == cleantext.clean(PAGE, config=config).as_dict()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("colour = 1\n", "unknown key 'colour'; valid keys: threshold, disable, only, detectors"),
        ("disable = 'ad_gap'\n", "disable must be a list of detector names"),
        ("[detectors.breadcrumb]\nmax_words = 'x'\n", "breadcrumb.max_words must be"),
        ("[detectors.nosuch]\nx = 1\n", "unknown detector 'nosuch'"),
        ("threshold = \n", "not valid TOML"),
    ],
)
def test_bad_config_files_are_usage_errors(content, message, tmp_path, capsys, monkeypatch) -> None:
    toml = tmp_path / "bad.toml"
    toml.write_text(content)
    code, _, err = run(["--config", str(toml)], capsys, monkeypatch, PAGE.encode())
    assert code == 2 and message in err


def test_config_needs_python_311_and_says_so(tmp_path, capsys, monkeypatch) -> None:
    import importlib

    real_import = importlib.import_module

    def without_tomllib(name: str, package: str | None = None) -> object:
        if name == "tomllib":
            raise ModuleNotFoundError(name)
        return real_import(name, package)

    monkeypatch.setattr(importlib, "import_module", without_tomllib)
    toml = tmp_path / "c.toml"
    toml.write_text("threshold = 0.8\n")
    code, _, err = run(["--config", str(toml)], capsys, monkeypatch, PAGE.encode())
    assert code == 2 and "needs Python 3.11 or newer" in err


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
