"""The ``cleantext`` command's detector options in-process: --list-detectors, --disable,
--only, --set and --config, each checked against the library's own Config."""

from __future__ import annotations

import importlib
import json

import pytest

import cleantext
from cleantext import Config
from cli_support import result_of, run

PAGE = "print PRINT\n\nHome > World > Europe\n\nThe council approved the budget on Monday after a long debate.\n"


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
    assert code == 0 and result_of(json.loads(out)) == expected
    assert "print_banner" not in {segment["detector"] for segment in expected["removed"]}  # type: ignore[attr-defined]


def test_only_runs_the_named_detectors(capsys, monkeypatch) -> None:
    code, out, _ = run(
        ["--json", "--only", "breadcrumb,print_banner"], capsys, monkeypatch, PAGE.encode()
    )
    expected = cleantext.clean(PAGE, config=Config().enable_only("breadcrumb", "print_banner"))
    assert code == 0 and result_of(json.loads(out)) == expected.as_dict()


def test_set_tunes_a_parameter_and_the_threshold(capsys, monkeypatch) -> None:
    args = ["--set", "breadcrumb.max_words=2", "--set", "threshold=0.9", "--json"]
    code, out, _ = run(args, capsys, monkeypatch, PAGE.encode())
    config = Config(threshold=0.9).tune("breadcrumb", max_words=2)
    assert (
        code == 0 and result_of(json.loads(out)) == cleantext.clean(PAGE, config=config).as_dict()
    )


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
        (["--jobs", "2"], "--jsonl or --warc only"),
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
    assert (
        code == 0 and result_of(json.loads(out)) == cleantext.clean(PAGE, config=config).as_dict()
    )


def test_command_line_settings_apply_after_the_config_file(tmp_path, capsys, monkeypatch) -> None:
    toml = tmp_path / "cleantext.toml"
    toml.write_text("[detectors.breadcrumb]\nmax_words = 3\n")
    args = ["--config", str(toml), "--set", "breadcrumb.max_words=5", "--json"]
    code, out, _ = run(args, capsys, monkeypatch, PAGE.encode())
    config = Config().tune("breadcrumb", max_words=5)
    assert (
        code == 0 and result_of(json.loads(out)) == cleantext.clean(PAGE, config=config).as_dict()
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "colour = 1\n",
            "unknown key 'colour'; valid keys: threshold, enable, disable, only, detectors",
        ),
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
