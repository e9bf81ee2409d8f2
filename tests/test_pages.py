"""Whole-page golden cases: every ``fixtures/pages/<name>.txt`` against its expected text.

Each case has ``<name>.expected.txt`` and its meta: ``<name>.json`` (style,
detectors that must fire, strings that must survive, note, optional strict
xfail reason), written by ``fixtures/pages/make_pages.py``, or, for the seed,
``<name>.stripped.json`` with the removed segments' kinds.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import cleantext

PAGES = Path(__file__).parent.parent / "fixtures" / "pages"
STYLES = ("blank-lines", "wet", "browser")
MIN_CASES = 40
MIN_PER_STYLE = 12


@dataclass(frozen=True)
class Case:
    """One golden page: its input, the expected clean text, and what else must hold."""

    name: str
    source: str
    expected: str
    style: str
    detectors: tuple[str, ...]
    keeps: tuple[str, ...]
    xfail: str | None


def _meta(path: Path) -> dict[str, Any]:
    name = path.name.removesuffix(".txt")
    plain = path.with_name(f"{name}.json")
    if plain.exists():
        meta: dict[str, Any] = json.loads(plain.read_text(encoding="utf-8"))
        return meta
    stripped = json.loads(path.with_name(f"{name}.stripped.json").read_text(encoding="utf-8"))
    kinds = sorted({item["kind"] for item in stripped["stripped"]})
    return {"style": "blank-lines", "detectors": kinds, "keeps": []}


def _load(path: Path) -> Case:
    name = path.name.removesuffix(".txt")
    meta = _meta(path)
    return Case(
        name=name,
        source=path.read_text(encoding="utf-8"),
        expected=path.with_name(f"{name}.expected.txt").read_text(encoding="utf-8"),
        style=meta["style"],
        detectors=tuple(meta["detectors"]),
        keeps=tuple(meta["keeps"]),
        xfail=meta.get("xfail"),
    )


CASES = [
    _load(path) for path in sorted(PAGES.glob("*.txt")) if not path.name.endswith(".expected.txt")
]


def _param(case: Case, *, with_xfail: bool) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=case.xfail)] if case.xfail and with_xfail else []
    return pytest.param(case, id=case.name, marks=marks)


@pytest.mark.parametrize("case", [_param(case, with_xfail=True) for case in CASES])
def test_page_gives_expected_text_detectors_and_keeps(case: Case) -> None:
    result = cleantext.clean(case.source)
    assert result.text == case.expected.rstrip("\n")
    fired = {segment.detector for segment in result.removed}
    assert set(case.detectors) <= fired, f"missing: {sorted(set(case.detectors) - fired)}"
    for keep in case.keeps:
        assert keep in result.text


@pytest.mark.parametrize("case", [_param(case, with_xfail=False) for case in CASES])
def test_segments_point_into_the_input(case: Case) -> None:
    result = cleantext.clean(case.source)
    for segment in result.removed:
        assert segment.text == case.source[segment.start : segment.end]
    starts = [segment.start for segment in result.removed]
    assert starts == sorted(starts)
    removed = sum(_visible(segment.text) for segment in result.removed)
    assert _visible(result.text) + removed == _visible(case.source)


def _visible(text: str) -> int:
    return sum(1 for char in text if not char.isspace())


def test_there_are_enough_cases_in_every_style() -> None:
    per_style = Counter(case.style for case in CASES)
    assert len(CASES) >= MIN_CASES
    assert set(per_style) == set(STYLES)
    assert all(per_style[style] >= MIN_PER_STYLE for style in STYLES), per_style


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_pages", PAGES / "make_pages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_pages", module)
    spec.loader.exec_module(module)
    return module


def test_case_files_are_what_the_generator_writes() -> None:
    files: dict[str, str] = _generator().all_files()
    assert len(files) >= 3 * (MIN_CASES - 1)
    for name, content in files.items():
        assert (PAGES / name).read_text(encoding="utf-8") == content, name
