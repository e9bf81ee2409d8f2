"""Hypothesis properties of :func:`cleantext.clean` over arbitrary and page-like text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import cleantext
from cleantext import Config
from invariants import check_result, rebuild_visible, visible
from strategies import (
    Boilerplate,
    any_text,
    clean_prose,
    page_text,
    paragraph,
    registered_boilerplate,
)

ROOT = Path(__file__).parent.parent
some_text = st.one_of(any_text(), page_text())


@given(some_text)
@example("\x00\n\n\x1f\x1c\n\u2028x\u0085")
def test_never_raises_and_result_is_sound(text: str) -> None:
    check_result(text, cleantext.clean(text))


@given(some_text)
def test_idempotent(text: str) -> None:
    once = cleantext.clean(text).text
    assert cleantext.clean(once).text == once


@given(page_text())
def test_nothing_lost(text: str) -> None:
    result = cleantext.clean(text)
    assert rebuild_visible(text, result) == visible(text)


@given(page_text())
def test_deterministic(text: str) -> None:
    assert cleantext.clean(text) == cleantext.clean(text)


@given(page_text(), st.sampled_from(sorted(cleantext.DETECTORS)))
def test_disabled_detector_never_appears(text: str, name: str) -> None:
    result = cleantext.clean(text, config=Config().disable(name))
    assert name not in {segment.detector for segment in result.removed}
    check_result(text, result)


@given(clean_prose())
def test_clean_prose_is_kept_unchanged(prose: str) -> None:
    result = cleantext.clean(prose)
    assert (result.text, result.removed) == (prose, ())


@pytest.mark.parametrize("snippet", registered_boilerplate(), ids=lambda item: item.text[:24])
@given(data=st.data())
def test_inserted_boilerplate_is_removed_and_nothing_else(
    snippet: Boilerplate, data: st.DataObject
) -> None:
    prose = data.draw(clean_prose())
    place = data.draw(st.sampled_from(snippet.places))
    text = _insert(prose, snippet.text, place)
    result = cleantext.clean(text)
    assert result.text == prose
    assert [segment.text.strip() for segment in result.removed] == [snippet.text.strip()]
    assert result.removed[0].detector in snippet.detectors


FOUND_BY_HYPOTHESIS = [
    # copyright took prose made only of its link words for a row of legal links.
    (
        "The the the the the the the the the the.\n\nThe the the the the the the the the the.",
        "Terms of Use | Privacy Policy",
        "bottom",
    ),
    # social_row took a sentence made only of filler words and "follow" for a share row.
    (
        "The the the the the the the the the follow.\n\nThe the the the the the the the the the.",
        "Facebook Twitter LinkedIn Email",
        "top",
    ),
]


@pytest.mark.parametrize(("prose", "snippet", "place"), FOUND_BY_HYPOTHESIS)
def test_examples_found_by_hypothesis(prose: str, snippet: str, place: str) -> None:
    result = cleantext.clean(_insert(prose, snippet, place))
    assert result.text == prose
    assert [segment.text for segment in result.removed] == [snippet]


def _insert(prose: str, snippet: str, place: str) -> str:
    if place == "top":
        return f"{snippet}\n\n{prose}"
    if place == "bottom":
        return f"{prose}\n\n{snippet}"
    first, rest = prose.split("\n\n", 1)
    return f"{first}\n\n{snippet}\n\n{rest}"


@given(st.lists(paragraph(), min_size=5, max_size=8), st.integers(2, 30), st.data())
def test_ad_gap_inside_prose_is_removed_and_nothing_else(
    paragraphs: list[str], extra: int, data: st.DataObject
) -> None:
    where = data.draw(st.integers(1, len(paragraphs) - 1))
    text = "\n\n".join(paragraphs[:where]) + "\n" * (2 + extra) + "\n\n".join(paragraphs[where:])
    result = cleantext.clean(text)
    assert result.text == "\n\n".join(paragraphs)
    assert [segment.detector for segment in result.removed] == ["ad_gap"]
    assert result.removed[0].text == "\n" * (2 + extra)


@pytest.mark.parametrize("data", [b"print PRINT", bytearray(b"x"), memoryview(b"x")])
def test_bytes_raise_type_error_that_says_what_to_do(data: object) -> None:
    with pytest.raises(TypeError, match=r"must be str.*decode"):
        cleantext.clean(data)  # type: ignore[arg-type]


def test_same_result_under_any_hash_seed() -> None:
    """Set and dict order must not leak into results: compare two interpreters' JSON."""
    script = (
        "import json, pathlib, cleantext\n"
        "pages = sorted(pathlib.Path('fixtures/pages').glob('*.txt'))\n"
        "texts = [page.read_text(encoding='utf-8') for page in pages]\n"
        "print(json.dumps([cleantext.clean(text).as_dict() for text in texts]))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
    assert '"removed": [{' in outputs.pop()


def test_tag_list_before_a_cookie_notice_goes_in_one_call() -> None:
    """The body core is computed before the detectors run: a cookie notice that reads like
    prose stretches it past the tag list, which only goes when the kept text is checked again."""
    body = (
        "The council approved the new budget on Monday after a long debate in the city hall.\n\n"
        "Officials said that the talks about schools and roads would continue next month."
    )
    notice = (
        "We use cookies to improve your experience on our site. By continuing you accept "
        "our use of cookies.\nAccept"
    )
    once = cleantext.clean(f"{body}\n\n  • Politics\n  • Elections\n\n{notice}").text
    assert cleantext.clean(once).text == once
    assert once == body
