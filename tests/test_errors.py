"""Wrong calls and broken pages: a clear error or a hint, never a foreign exception.

Issue #10, defects 4 and 8: ``clean_html`` leaked lxml's ``ValueError`` (and the command
stopped at that file), ``clean`` took HTML without a word, and a dict as config gave an
``AttributeError``.
"""

from __future__ import annotations

import warnings

import pytest

import cleantext
from cleantext import CleantextError, CleantextWarning, Config, clean, clean_html
from cli_support import run
from invariants import check_result

PROSE = "The council approved the budget on Monday after a long debate, officials said."
HTML = f"<!DOCTYPE html><html><head><title>T</title></head><body><p>{PROSE}</p></body></html>"
NONCHARACTER_TAG = "<p\uffff><p>x</p><p>y</p>"
"""The issue's page: libxml2 keeps U+FFFF in the tag name, lxml refused to take it back."""


@pytest.mark.parametrize("page", [NONCHARACTER_TAG, NONCHARACTER_TAG.encode()])
def test_a_noncharacter_tag_name_is_cleaned(page: str | bytes) -> None:
    result = clean_html(page)
    check_result(result.source_text, result)
    assert result.source_text.split() == ["x", "y"]


def test_a_failing_page_does_not_stop_the_command(tmp_path, capsys, monkeypatch) -> None:
    """Page mode: each file gets its message, the next ones are cleaned, the exit is non-zero."""
    broken, binary, fine = tmp_path / "a.html", tmp_path / "b.html", tmp_path / "c.html"
    broken.write_text(NONCHARACTER_TAG, encoding="utf-8")
    binary.write_bytes(bytes(range(256)) * 16)
    fine.write_text(HTML, encoding="utf-8")
    code, out, err = run(["--html", str(broken), str(binary), str(fine)], capsys, monkeypatch)
    assert code != 0
    assert f"{binary}: the input looks binary" in err
    assert "Traceback" not in err
    assert out.split() == ["x", "y", *PROSE.split()]


def test_html_given_to_clean_warns() -> None:
    with pytest.warns(CleantextWarning, match=r"looks like HTML.*clean_html\(\)") as caught:
        result = clean(HTML)
    assert caught[0].filename == __file__  # points at the caller's line
    assert "<p>" in result.text  # still cleaned as text, as asked


def test_html_given_to_clean_in_a_loop_warns_once() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")  # Python's own: once per calling line
        for _ in range(3):
            clean(HTML)
    assert [warning.category for warning in caught] == [CleantextWarning]


@pytest.mark.parametrize(
    "text",
    [
        PROSE,
        "Hello <b> and a < b > c in the body",
        "Wrap each paragraph in a <p> tag and each link in <a href>, then close the </p>.",
        "<3 this recipe, and a < b in the body",
    ],
)
def test_text_that_mentions_tags_does_not_warn(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", CleantextWarning)
        clean(text)


def test_the_command_in_text_mode_does_not_warn(capsys, monkeypatch) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", CleantextWarning)
        code, out, _ = run(["--text"], capsys, monkeypatch, HTML.encode())
    assert code == 0 and PROSE in out


def test_the_warning_is_exported_and_is_not_an_error() -> None:
    assert "CleantextWarning" in cleantext.__all__
    assert issubclass(CleantextWarning, UserWarning)
    assert not issubclass(CleantextWarning, CleantextError)


@pytest.mark.parametrize("function", [clean, clean_html])
@pytest.mark.parametrize("config", [{"disable": ["ad_gap"]}, {}, ["ad_gap"], "ad_gap"])
def test_a_config_that_is_not_a_config_is_a_clear_type_error(function, config) -> None:
    with pytest.raises(TypeError, match=r"config must be a cleantext\.Config, not .*Config\(\)"):
        function(PROSE, config=config)


@pytest.mark.parametrize("function", [clean, clean_html])
def test_a_real_config_is_still_taken(function) -> None:
    result = function(f"print PRINT\n\n{PROSE}", config=Config().disable("print_banner"))
    assert result.text.startswith("print PRINT")
