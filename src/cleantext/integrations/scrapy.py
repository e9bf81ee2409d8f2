"""A Scrapy item pipeline that cleans each item's page: ``CleantextPipeline``.

Enable it the usual way and configure it with ``CLEANTEXT_*`` settings
(docs/integrations.md lists them)::

    ITEM_PIPELINES = {"cleantext.integrations.scrapy.CleantextPipeline": 300}

Settings are read and checked once, in ``from_crawler``: a wrong one stops the
crawl at start with a message that names it. A page that cannot be cleaned never
stops the crawl and never passes silently: the item keeps its fields, gets an
error entry (``cleantext_error``), and the error is logged and counted in the
crawler's stats.

>>> from scrapy.settings import Settings
>>> settings = PipelineSettings.from_settings(Settings({"CLEANTEXT_DISABLE": "ad_gap"}))
>>> settings.output_field, "ad_gap" in settings.config.active_names()
('clean_text', False)
>>> pipeline = CleantextPipeline(settings)
>>> item = pipeline.process_item({"url": "https://example.org/a", "text": "print PRINT\\n\\nThe council met on Monday."})
>>> item["clean_text"], item["removed"][0]["detector"], item["metadata"]["url"]
('The council met on Monday.', 'print_banner', 'https://example.org/a')
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from cleantext.api import clean_as_text
from cleantext.cli.options import build_config
from cleantext.config import Config
from cleantext.errors import CleantextError, ConfigError, InputError
from cleantext.html.api import clean_html
from cleantext.html.decode import decode_html
from cleantext.model import Result

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings
    from scrapy.spiders import Spider
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

FIELD_SETTINGS = {
    "CLEANTEXT_INPUT_FIELD": "",
    "CLEANTEXT_OUTPUT_FIELD": "clean_text",
    "CLEANTEXT_REMOVED_FIELD": "removed",
    "CLEANTEXT_METADATA_FIELD": "metadata",
    "CLEANTEXT_URL_FIELD": "url",
    "CLEANTEXT_ERROR_FIELD": "cleantext_error",
    "CLEANTEXT_MARKDOWN_FIELD": "markdown",
}
"""Item field names and their defaults; an empty input field means ``html`` if set, else ``text``."""
SETTINGS = (
    *FIELD_SETTINGS,
    "CLEANTEXT_CONFIG",
    "CLEANTEXT_DISABLE",
    "CLEANTEXT_DROP_EMPTY",
    "CLEANTEXT_FORMAT",
)
"""Every setting the pipeline reads; any other ``CLEANTEXT_*`` setting is refused as a typo."""
STATS_PREFIX = "cleantext/"


@dataclass(frozen=True)
class PipelineSettings:
    """The pipeline's settings, checked: field names, whether to drop empty items, the config."""

    input_field: str
    output_field: str
    removed_field: str
    metadata_field: str
    url_field: str
    error_field: str
    drop_empty: bool
    config: Config
    markdown_field: str = ""
    """Where the clean text's Markdown goes (``CLEANTEXT_FORMAT = "markdown"``); empty: none."""

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> PipelineSettings:
        """Read the ``CLEANTEXT_*`` settings; raise :class:`ConfigError` naming a wrong one."""
        unknown = sorted(
            key for key in settings if key.startswith("CLEANTEXT_") and key not in SETTINGS
        )
        if unknown:
            raise ConfigError(f"unknown setting {unknown[0]}; valid: {', '.join(SETTINGS)}")
        names = {
            key: _field_name(settings, key, default) for key, default in FIELD_SETTINGS.items()
        }
        for key in ("CLEANTEXT_OUTPUT_FIELD", "CLEANTEXT_ERROR_FIELD"):
            if not names[key]:
                raise ConfigError(f"{key} must name a field, got an empty string")
        return cls(
            input_field=names["CLEANTEXT_INPUT_FIELD"],
            output_field=names["CLEANTEXT_OUTPUT_FIELD"],
            removed_field=names["CLEANTEXT_REMOVED_FIELD"],
            metadata_field=names["CLEANTEXT_METADATA_FIELD"],
            url_field=names["CLEANTEXT_URL_FIELD"],
            error_field=names["CLEANTEXT_ERROR_FIELD"],
            drop_empty=_flag(settings, "CLEANTEXT_DROP_EMPTY"),
            config=_config(settings),
            markdown_field=names["CLEANTEXT_MARKDOWN_FIELD"] if _markdown(settings) else "",
        )


def _markdown(settings: BaseSettings) -> bool:
    """Whether ``CLEANTEXT_FORMAT`` asks for Markdown beside the text (``text``, the default,
    does not)."""
    value = settings.get("CLEANTEXT_FORMAT") or "text"
    if value not in ("text", "markdown"):
        raise ConfigError(f"CLEANTEXT_FORMAT must be 'text' or 'markdown', got {value!r}")
    return bool(value == "markdown")


def _flag(settings: BaseSettings, name: str) -> bool:
    try:
        return settings.getbool(name, False)
    except ValueError:
        raise ConfigError(f"{name} must be true or false, got {settings.get(name)!r}") from None


def _field_name(settings: BaseSettings, name: str, default: str) -> str:
    value = settings.get(name, default)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ConfigError(f"{name} must be a field name (a string), got {value!r}")
    return value.strip()


def _config(settings: BaseSettings) -> Config:
    """The config built by the same code as the command line's (``--config``, ``--disable``)."""
    config_file = settings.get("CLEANTEXT_CONFIG") or None
    disable = [str(name).strip() for name in settings.getlist("CLEANTEXT_DISABLE")]
    disable = [name for name in disable if name]
    try:
        return build_config(config_file=config_file, disable=disable)
    except ConfigError as error:
        raise ConfigError(f"CLEANTEXT_CONFIG/CLEANTEXT_DISABLE: {error}") from None


class CleantextPipeline:
    """Clean the page in each item and store the clean text, the removed segments and metadata."""

    def __init__(self, settings: PipelineSettings, stats: StatsCollector | None = None) -> None:
        self.settings = settings
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CleantextPipeline:
        """Build the pipeline from the crawler's settings (wrong ones fail here, at start)."""
        return cls(PipelineSettings.from_settings(crawler.settings), crawler.stats)

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        """Clean ``item`` in place and return it (``spider`` is accepted for Scrapy < 2.14).

        Raises :class:`DropItem` for an empty clean text when ``CLEANTEXT_DROP_EMPTY`` is on.
        """
        adapter = ItemAdapter(item)
        try:
            result = self._clean(adapter)
            self._store(adapter, result)
        except Exception as error:  # no page may stop the crawl: record it on the item
            self._record_error(adapter, error)
            return item
        self._count_cleaned(result)
        if self.settings.drop_empty and not result.text.strip():
            self._count("dropped_empty")
            raise DropItem(f"cleantext: no text left after cleaning {result.metadata.url or ''}")
        return item

    def _clean(self, adapter: ItemAdapter) -> Result:
        name = self._input_field(adapter)
        value = adapter.get(name)
        if not isinstance(value, (str, bytes)):
            raise InputError(f"field {name!r} must be str or bytes, got {type(value).__name__}")
        if name == "text":
            text = value if isinstance(value, str) else decode_html(value).text
            result = clean_as_text(text, config=self.settings.config)
        else:  # HTML mode; a value without any markup is cleaned as text
            result = clean_html(value, config=self.settings.config)
        url = adapter.get(self.settings.url_field) if self.settings.url_field else None
        if not isinstance(url, str):
            return result
        return replace(result, metadata=result.metadata.with_field("url", url, "item"))

    def _input_field(self, adapter: ItemAdapter) -> str:
        name = self.settings.input_field or ("html" if adapter.get("html") is not None else "text")
        if adapter.get(name) is None:
            hint = "" if self.settings.input_field else " (or set CLEANTEXT_INPUT_FIELD)"
            fields = ", ".join(sorted(key for key in adapter if adapter.get(key) is not None))
            raise InputError(f"the item has no {name!r} field{hint}; it has: {fields or 'none'}")
        return name

    def _store(self, adapter: ItemAdapter, result: Result) -> None:
        adapter[self.settings.output_field] = result.text
        if self.settings.markdown_field:
            adapter[self.settings.markdown_field] = result.to_markdown()
        if self.settings.removed_field:
            adapter[self.settings.removed_field] = [item.as_dict() for item in result.removed]
        if self.settings.metadata_field:
            adapter[self.settings.metadata_field] = result.metadata.as_dict()

    def _record_error(self, adapter: ItemAdapter, error: Exception) -> None:
        self._count("errors")
        where = self._item_url(adapter) or type(adapter.item).__name__
        expected = isinstance(error, (CleantextError, KeyError))
        logger.error("cleantext: cannot clean %s: %s", where, error, exc_info=not expected)
        entry = {"type": type(error).__name__, "message": str(error)}
        try:
            adapter[self.settings.error_field] = entry
        except KeyError:
            logger.error(
                "cleantext: %s items have no field %r: declare it (and the output fields) "
                "or set CLEANTEXT_ERROR_FIELD",
                type(adapter.item).__name__,
                self.settings.error_field,
            )

    def _item_url(self, adapter: ItemAdapter) -> str | None:
        url = adapter.get(self.settings.url_field) if self.settings.url_field else None
        return url if isinstance(url, str) else None

    def _count_cleaned(self, result: Result) -> None:
        self._count("items")
        self._count("removed_segments", len(result.removed))
        self._count("removed_chars", sum(len(segment.text) for segment in result.removed))

    def _count(self, key: str, count: int = 1) -> None:
        if self.stats is not None:
            self.stats.inc_value(STATS_PREFIX + key, count)
