"""A segment cut from a larger proposal says it is part of that group (issue 10, defect 9)."""

from __future__ import annotations

from collections.abc import Iterator

import cleantext
from cleantext import Config, Detector, Page, Proposal
from cleantext.engine import PART_OF_GROUP

TEXT = "Subscribe\nSign In\nHome\nSubmissions\n\nThe envoy arrived in Kyiv late on Friday night, officials said."


def _group(page: Page, params: object) -> Iterator[Proposal]:
    if len(page.lines) < 5:  # the engine's second look sees the cleaned text
        return
    lines = page.lines[:4]
    yield Proposal(lines[0].start, lines[-1].end, 0.7, "4 short link-like items")


def _one(page: Page, params: object) -> Iterator[Proposal]:
    if len(page.lines) < 5:
        return
    line = page.lines[1]
    yield Proposal(line.start, line.end, 0.95, "a sign-in link")


GROUP = Detector(name="test_group", description="a group of four lines", detect=_group)
ONE = Detector(name="test_one", description="one line of the group", detect=_one)


def test_pieces_of_a_split_proposal_say_they_are_part_of_its_group() -> None:
    config = Config().add(GROUP).add(ONE).enable_only("test_group", "test_one")
    removed = cleantext.clean(TEXT, config=config).removed
    reasons = {segment.text.strip(): segment.reason for segment in removed}
    assert reasons["Subscribe"] == PART_OF_GROUP + "4 short link-like items (outside the body)"
    assert reasons["Home\nSubmissions"].startswith(PART_OF_GROUP)
    assert reasons["Sign In"] == "a sign-in link (outside the body)"


def test_a_whole_proposal_keeps_its_reason_as_it_is() -> None:
    config = Config().add(GROUP).enable_only("test_group")
    (segment,) = cleantext.clean(TEXT, config=config).removed
    assert segment.reason == "4 short link-like items (outside the body)"
