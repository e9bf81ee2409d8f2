"""CleantextPipeline in process: every setting, every item kind, both signatures, errors, stats."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import Any

import attrs
import pytest
import scrapy
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from cleantext import ConfigError, clean, clean_html
from cleantext.cli.options import build_config
from cleantext.integrations import scrapy as integration
from cleantext.integrations.scrapy import CleantextPipeline

PAGE = (
    "<html><body><nav><a href='/'>Home</a> | <a href='/news'>News</a> | <a href='/sport'>Sport</a></nav>"
    "<article><h1>Budget passed</h1><p>The council approved the water budget on Monday after a "
    "debate that lasted more than five hours, officials said on Tuesday.</p></article>"
    "<footer>© 2024 Example Media. All rights reserved.</footer></body></html>"
)
TEXT = "print PRINT\n\nThe council approved the water budget on Monday after a long debate."


def pipeline(**settings: Any) -> CleantextPipeline:
    crawler = get_crawler(settings_dict=settings)
    crawler.stats.open_spider()  # type: ignore[union-attr]
    return CleantextPipeline.from_crawler(crawler)


def stats(pipe: CleantextPipeline) -> dict[str, Any]:
    assert pipe.stats is not None
    return {
        key: value for key, value in pipe.stats.get_stats().items() if key.startswith("cleantext/")
    }


def test_defaults_clean_html_in_html_mode_like_clean_html() -> None:
    item = pipeline().process_item({"url": "https://example.org/a", "html": PAGE})
    want = clean_html(PAGE, config=build_config())
    assert item["clean_text"] == want.text
    assert item["removed"] == [segment.as_dict() for segment in want.removed] != []
    assert item["metadata"]["url"] == "https://example.org/a"
    assert item["metadata"]["sources"]["url"] == "item"
    assert item["html"] == PAGE


def test_without_html_the_text_field_is_cleaned_in_text_mode() -> None:
    item = pipeline().process_item({"text": TEXT, "html": None})
    assert item["clean_text"] == clean(TEXT, config=build_config()).text
    assert item["removed"][0]["detector"] == "print_banner"
    assert item["metadata"] == {}


def test_input_output_removed_metadata_and_url_fields_are_settings() -> None:
    pipe = pipeline(
        CLEANTEXT_INPUT_FIELD="body",
        CLEANTEXT_OUTPUT_FIELD="article",
        CLEANTEXT_REMOVED_FIELD="",
        CLEANTEXT_METADATA_FIELD="page_meta",
        CLEANTEXT_URL_FIELD="link",
    )
    item = pipe.process_item({"link": "https://example.org/b", "body": PAGE, "html": "<p>x</p>"})
    assert item["article"] == clean_html(PAGE, config=build_config()).text
    assert set(item) == {"link", "body", "html", "article", "page_meta"}
    assert item["page_meta"]["url"] == "https://example.org/b"


def test_disable_and_config_file_change_the_config(tmp_path: Path) -> None:
    config_file = tmp_path / "cleantext.toml"
    config_file.write_text('disable = ["copyright"]\n')
    page = {"text": TEXT + "\n\n© 2024 Example Media. All rights reserved."}

    def detectors(pipe: CleantextPipeline) -> set[str]:
        return {segment["detector"] for segment in pipe.process_item(dict(page))["removed"]}

    assert detectors(pipeline()) == {"print_banner", "copyright"}
    assert detectors(pipeline(CLEANTEXT_DISABLE=["print_banner"])) == {"copyright"}
    assert detectors(pipeline(CLEANTEXT_DISABLE="print_banner, copyright")) == set()
    assert detectors(pipeline(CLEANTEXT_CONFIG=str(config_file))) == {"print_banner"}


def test_drop_empty_drops_with_a_reason_and_counts() -> None:
    pipe = pipeline(CLEANTEXT_DROP_EMPTY=True)
    with pytest.raises(DropItem, match=r"no text left after cleaning https://example\.org/e"):
        pipe.process_item({"url": "https://example.org/e", "text": "print PRINT"})
    assert pipeline().process_item({"text": "print PRINT"})["clean_text"] == ""
    assert stats(pipe)["cleantext/dropped_empty"] == 1


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"CLEANTEXT_DISABLE": "breadcrumbs"}, "unknown detector 'breadcrumbs'"),
        ({"CLEANTEXT_CONFIG": "/no/such/cleantext.toml"}, "cannot read config file"),
        ({"CLEANTEXT_DISABLED": "ad_gap"}, "unknown setting CLEANTEXT_DISABLED"),
        ({"CLEANTEXT_DROP_EMPTY": "maybe"}, "CLEANTEXT_DROP_EMPTY must be true or false"),
        ({"CLEANTEXT_OUTPUT_FIELD": ""}, "CLEANTEXT_OUTPUT_FIELD must name a field"),
        ({"CLEANTEXT_URL_FIELD": 3}, "CLEANTEXT_URL_FIELD must be a field name"),
        ({"CLEANTEXT_FORMAT": "html"}, "CLEANTEXT_FORMAT must be 'text' or 'markdown'"),
    ],
)
def test_wrong_settings_fail_in_from_crawler(settings: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        pipeline(**settings)


def test_both_process_item_signatures() -> None:
    pipe = pipeline()
    spider = scrapy.Spider(name="s")
    assert (
        pipe.process_item({"text": TEXT}, spider)["clean_text"]
        == pipe.process_item({"text": TEXT})["clean_text"]
    )


class PageItem(scrapy.Item):  # type: ignore[misc]
    url = scrapy.Field()
    html = scrapy.Field()
    clean_text = scrapy.Field()
    removed = scrapy.Field()
    metadata = scrapy.Field()
    cleantext_error = scrapy.Field()


@dataclasses.dataclass
class DataclassPage:
    url: str
    html: str
    clean_text: str | None = None
    removed: list[dict[str, object]] | None = None
    metadata: dict[str, object] | None = None
    cleantext_error: dict[str, str] | None = None


AttrsPage = attrs.make_class(
    "AttrsPage",
    {field.name: attrs.field(default=None) for field in dataclasses.fields(DataclassPage)},
)


@pytest.mark.parametrize("kind", [PageItem, DataclassPage, AttrsPage])
def test_scrapy_items_dataclasses_and_attrs_items(kind: Any) -> None:
    item = pipeline().process_item(kind(url="https://example.org/c", html=PAGE))
    text = item["clean_text"] if isinstance(item, scrapy.Item) else item.clean_text
    assert text == clean_html(PAGE, config=build_config()).text


def test_an_item_that_cannot_be_cleaned_keeps_its_fields_and_gets_an_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    pipe = pipeline()
    with caplog.at_level(logging.ERROR):
        binary = pipe.process_item({"url": "https://example.org/bin", "html": "\x00\x01" * 100})
        missing = pipe.process_item({"url": "https://example.org/none", "title": "x"})
        wrong = pipe.process_item({"html": 42})
    assert binary["html"] == "\x00\x01" * 100 and "clean_text" not in binary
    assert binary["cleantext_error"]["type"] == "InputError"
    assert (
        "has no 'text' field (or set CLEANTEXT_INPUT_FIELD); it has: title, url"
        in (missing["cleantext_error"]["message"])
    )
    assert wrong["cleantext_error"]["message"] == "field 'html' must be str or bytes, got int"
    assert "cannot clean https://example.org/bin" in caplog.text
    assert stats(pipe) == {"cleantext/errors": 3}


def test_an_unexpected_failure_is_recorded_with_its_traceback(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def failing(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(integration, "clean_html", failing)
    pipe = pipeline()
    with caplog.at_level(logging.ERROR):
        item = pipe.process_item({"html": PAGE})
    assert item["cleantext_error"] == {"type": "RuntimeError", "message": "boom"}
    assert "Traceback" in caplog.text
    assert stats(pipe)["cleantext/errors"] == 1


def test_an_item_class_without_the_fields_is_logged_and_counted(
    caplog: pytest.LogCaptureFixture,
) -> None:
    class Bare(scrapy.Item):  # type: ignore[misc]
        html = scrapy.Field()

    pipe = pipeline()
    with caplog.at_level(logging.ERROR):
        item = pipe.process_item(Bare(html=PAGE))
    assert dict(item) == {"html": PAGE}
    assert "Bare items have no field 'cleantext_error': declare it" in caplog.text
    assert stats(pipe) == {"cleantext/errors": 1}


def test_stats_count_items_segments_and_characters() -> None:
    pipe = pipeline()
    items = [pipe.process_item({"html": PAGE}), pipe.process_item({"text": TEXT})]
    removed = [segment for item in items for segment in item["removed"]]
    assert stats(pipe) == {
        "cleantext/items": 2,
        "cleantext/removed_segments": len(removed),
        "cleantext/removed_chars": sum(len(segment["text"]) for segment in removed),
    }


def test_format_markdown_stores_the_markdown_beside_the_text() -> None:
    page = PAGE.replace(
        "<p>", "<ul><li>roads and bridges get more</li><li>schools too</li></ul><p>"
    )
    item = pipeline(CLEANTEXT_FORMAT="markdown").process_item(
        {"url": "https://x.org/a", "html": page}
    )
    assert item["markdown"] == clean_html(page, config=build_config()).to_markdown()
    assert item["markdown"].startswith("# Budget passed")
    renamed = pipeline(CLEANTEXT_FORMAT="markdown", CLEANTEXT_MARKDOWN_FIELD="md")
    assert "md" in renamed.process_item({"html": PAGE})
    assert "markdown" not in pipeline().process_item({"html": PAGE})
