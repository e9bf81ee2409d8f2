"""Per-detector golden cases: ``fixtures/detectors/<name>.json``, run through ``cleantext.clean``.

A positive case must lose the listed segments to its detector and come out as
``expected``; a negative case must lose nothing to its detector and, when it is
all body (the default), come out with the same words in the same order (of the
input, or of the rendered page in HTML mode). A file
with ``"mode": "html"`` holds HTML inputs, cleaned with ``cleantext.clean_html``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import cleantext

FIXTURES = Path(__file__).parent.parent / "fixtures" / "detectors"
ENTRY_POINTS = {"text": "clean", "html": "clean_html"}


def load_fixtures() -> dict[str, dict[str, Any]]:
    """Every fixture file, by the detector name it is named after."""
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(FIXTURES.glob("*.json"))
    }


def _cases(kind: str) -> list[Any]:
    return [
        pytest.param(
            name, {**case, "mode": data.get("mode", "text")}, id=f"{name}: {case['label']}"
        )
        for name, data in load_fixtures().items()
        for case in data[kind]
    ]


def _clean(case: dict[str, Any], config: cleantext.Config | None = None) -> cleantext.Result:
    clean = getattr(cleantext, ENTRY_POINTS[case["mode"]])
    result: cleantext.Result = clean(case["input"], config=config)
    return result


def _removed_by(result: cleantext.Result, name: str) -> list[str]:
    return [segment.text.strip() for segment in result.removed if segment.detector == name]


@pytest.mark.parametrize(("name", "case"), _cases("positive"))
def test_positive_case_loses_its_furniture(name: str, case: dict[str, Any]) -> None:
    result = _clean(case)
    found = _removed_by(result, name)
    for text in case["removed"]:
        assert text in found, f"{name} did not remove {text!r}; removed: {result.removed}"
    assert result.text == case["expected"]


@pytest.mark.parametrize(("name", "case"), _cases("negative"))
def test_negative_case_keeps_its_text(name: str, case: dict[str, Any]) -> None:
    result = _clean(case)
    assert _removed_by(result, name) == []
    if case.get("all_body", True):
        assert result.text.split() == result.source_text.split(), result.removed


def test_every_fixture_file_names_a_registered_detector() -> None:
    fixtures = load_fixtures()
    assert fixtures
    for name, data in fixtures.items():
        assert data["detector"] == name
        assert name in cleantext.DETECTORS


@pytest.mark.parametrize(("name", "case"), _cases("positive"))
def test_positive_case_needs_no_other_detector(name: str, case: dict[str, Any]) -> None:
    """The detector finds its furniture on its own, not thanks to its neighbours."""
    result = _clean(case, cleantext.Config().enable_only(name))
    found = _removed_by(result, name)
    assert all(text in found for text in case["removed"]), result.removed


@pytest.mark.parametrize(
    "line",
    ["Image 1 of / 23", "Photo 4 / 12", "Pictures of the / Week", "Slide 2 of | 9"],
)
def test_counters_and_phrases_cut_in_two_are_not_breadcrumbs(line: str) -> None:
    """A trail's steps are labels: not a phrase cut at "of"/"the", not a "4 / 12" counter."""
    page = cleantext.Page.from_text(f"{line}\n\nThe envoy arrived in Kyiv late on Friday night.")
    assert cleantext.DETECTORS["breadcrumb"].run(page) == []
