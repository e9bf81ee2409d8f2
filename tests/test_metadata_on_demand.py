"""Metadata on demand: ``clean`` and ``clean_html`` read a result's metadata when it is first
asked for, and every way of asking (the attribute, ``as_dict``, ``==``, ``hash``, ``repr``,
pickling, copying, ``dataclasses.replace``) gives the value reading it at once would give."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import pytest
from hypothesis import given, settings
from tests.strategies import html_page, page_text

import cleantext
import cleantext.api
import cleantext.html.api
from cleantext.api import clean_as_text, text_metadata
from cleantext.html.api import page_metadata
from cleantext.model import Metadata, Result

NEWS_PAGE = (
    "Home > World > Europe\n\nBy Ann Lee\n\nTalks resumed in Vienna on Tuesday, officials said.\n\n"
    "The two sides met for six hours and agreed to meet again.\n\n  • Diplomacy\n  • Austria\n\n"
    "© 2024 Example Media. All rights reserved."
)
NEWS_HTML = (
    "<html><head><title>Talks resume</title></head><body>"
    "<nav><a href='/'>Home</a> &gt; <a href='/world'>World</a></nav><article><h1>Talks resume</h1>"
    "<p>Talks resumed in Vienna on Tuesday after a long pause, officials of both sides said.</p>"
    "</article><footer>© 2024 Example Media. All rights reserved.</footer></body></html>"
)


def counting_reads(monkeypatch: pytest.MonkeyPatch, module: object) -> list[int]:
    """Count the calls of ``module.segment_metadata`` (one entry per call)."""
    calls: list[int] = []
    plain = module.segment_metadata  # type: ignore[attr-defined]

    def counted(*args: object) -> Metadata:
        calls.append(1)
        return plain(*args)  # type: ignore[no-any-return]

    monkeypatch.setattr(module, "segment_metadata", counted)
    return calls


@pytest.mark.parametrize(
    ("module", "cleaner", "page"),
    [
        (cleantext.api, cleantext.clean, NEWS_PAGE),
        (cleantext.html.api, cleantext.clean_html, NEWS_HTML),
    ],
)
def test_metadata_is_read_only_when_asked_for_and_then_once(
    monkeypatch: pytest.MonkeyPatch, module: object, cleaner: Callable[[str], Result], page: str
) -> None:
    calls = counting_reads(monkeypatch, module)
    result = cleaner(page)
    assert result.text and calls == []
    first = result.metadata
    assert calls == [1] and first.section
    assert result.metadata is first and result.as_dict()["metadata"] == first.as_dict()
    assert calls == [1]


def eager_text_result(text: str) -> Result:
    """What ``clean`` returned before metadata was deferred: the metadata read at once."""
    result = clean_as_text(text)
    page_type = cleantext.api.Page.from_text(text).page_type
    return Result(result.text, result.removed, text, text_metadata(result, page_type))


@settings(max_examples=30, deadline=None)
@given(page_text())
def test_deferred_text_metadata_is_what_reading_it_at_once_gives(text: str) -> None:
    eager = eager_text_result(text)
    assert clean_as_text(text).metadata == eager.metadata
    assert clean_as_text(text) == eager and hash(clean_as_text(text)) == hash(eager)
    assert repr(clean_as_text(text)) == repr(eager)
    assert clean_as_text(text).as_dict() == eager.as_dict()


@settings(max_examples=15, deadline=None)
@given(html_page())
def test_deferred_html_metadata_is_what_reading_it_at_once_gives(html: str) -> None:
    result = cleantext.clean_html(html)
    marked_up = cleantext.clean_html(html)._read_metadata.keywords["marked_up"]  # type: ignore[attr-defined]
    bare = Result(result.text, result.removed, result.source_text)
    assert result.metadata == page_metadata(bare, marked_up)


def every_way_of_reading() -> list[Callable[[Result], Result]]:
    """Ways a caller gets a result's metadata without reading the attribute itself."""
    return [
        lambda result: pickle.loads(pickle.dumps(result)),
        copy.copy,
        copy.deepcopy,
        partial(dataclasses.replace, text="other"),
    ]


@pytest.mark.parametrize("way", every_way_of_reading())
def test_pickling_copying_and_replacing_carry_the_metadata(way: Callable[[Result], Result]) -> None:
    expected = eager_text_result(NEWS_PAGE).metadata
    assert expected.section and expected.publisher
    assert way(cleantext.clean(NEWS_PAGE)).metadata == expected


def test_a_pickled_result_carries_no_reader() -> None:
    result = cleantext.clean(NEWS_PAGE)
    restored = pickle.loads(pickle.dumps(result))
    assert not hasattr(restored, "_read_metadata")
    assert restored.metadata == result.metadata and restored.metadata.section


def test_replacing_the_metadata_needs_no_read(monkeypatch: pytest.MonkeyPatch) -> None:
    result = cleantext.clean(NEWS_PAGE)
    calls = counting_reads(monkeypatch, cleantext.api)
    replaced = dataclasses.replace(result, metadata=Metadata(title="Mine"))
    assert replaced.metadata == Metadata(title="Mine") and replaced.text == result.text
    assert calls == []  # (replace reads only the fields it is not given)


def test_the_result_keeps_its_fields() -> None:
    names = [item.name for item in dataclasses.fields(Result)]
    assert names == ["text", "removed", "source_text", "metadata", "structure"]
    assert dataclasses.asdict(cleantext.clean(NEWS_PAGE))["metadata"]["section"] == (
        "World",
        "Europe",
    )


def test_threads_reading_at_once_get_the_same_metadata() -> None:
    result = cleantext.clean(NEWS_PAGE)
    with ThreadPoolExecutor(4) as pool:
        found = list(pool.map(lambda _: result.metadata, range(8)))
    assert all(metadata == eager_text_result(NEWS_PAGE).metadata for metadata in found)


def test_a_deferred_result_without_its_metadata_raises_for_other_names() -> None:
    result = cleantext.clean(NEWS_PAGE)
    with pytest.raises(AttributeError, match="no attribute 'titel'"):
        result.titel  # type: ignore[attr-defined]  # noqa: B018
    assert result.metadata.section == ("World", "Europe")
