"""The public entry points."""

from __future__ import annotations

from cleantext.config import Config
from cleantext.engine import decide
from cleantext.errors import require_str
from cleantext.model import Metadata, Result
from cleantext.text.page import Page
from cleantext.text.page_type import UNKNOWN, PageType

DEFAULT_CONFIG = Config()


def clean(text: str, *, config: Config | None = None) -> Result:
    """Remove boilerplate from scraped page ``text``; return the clean text and what went.

    >>> result = clean("print PRINT\\n\\nThe council approved the budget on Monday after a long debate.")
    >>> result.text
    'The council approved the budget on Monday after a long debate.'
    >>> [(segment.detector, segment.text) for segment in result.removed]
    [('print_banner', 'print PRINT')]
    """
    page = Page.from_text(require_str(text))
    clean_text, removed = decide(page, config or DEFAULT_CONFIG)
    metadata = type_metadata(Metadata(), page.page_type)
    return Result(text=clean_text, removed=removed, source_text=text, metadata=metadata)


def type_metadata(metadata: Metadata, page_type: PageType) -> Metadata:
    """``metadata`` with the page's kind and its evidence, unless the kind is unknown.

    >>> type_metadata(Metadata(), PageType("forum", "5 post headers")).page_type
    'forum'
    >>> type_metadata(Metadata(), PageType("unknown", "")).page_type is None
    True
    """
    if page_type.kind == UNKNOWN:
        return metadata
    return metadata.with_field("page_type", page_type.kind, page_type.reason)
