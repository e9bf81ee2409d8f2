"""The seed page: the first golden case, checked against its expected text and segments."""

from __future__ import annotations

import json
from pathlib import Path

import cleantext

PAGES = Path(__file__).parent.parent / "fixtures" / "pages"


def test_seed_gives_expected_text_and_segments() -> None:
    source = (PAGES / "editorial-japan-russia.txt").read_text(encoding="utf-8")
    expected = (PAGES / "editorial-japan-russia.expected.txt").read_text(encoding="utf-8")
    stripped = json.loads((PAGES / "editorial-japan-russia.stripped.json").read_text())["stripped"]
    result = cleantext.clean(source)
    assert result.text == expected.rstrip("\n")
    got = [(segment.detector, segment.text.strip()) for segment in result.removed]
    assert got == [(item["kind"], item["text"].strip()) for item in stripped]
    assert [(s.start, s.end) for s in result.removed] == [(i["start"], i["end"]) for i in stripped]
