"""The public entry points."""

from __future__ import annotations

import warnings
from functools import partial

from cleantext.config import Config, require_config
from cleantext.engine import decide
from cleantext.errors import CleantextWarning, require_str
from cleantext.meta import segment_metadata
from cleantext.model import Metadata, Result
from cleantext.sniff import looks_like_html
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
    >>> clean("Home > World > Europe\\n\\nTalks resumed in Vienna on Tuesday, officials said.").metadata
    Metadata(section=('World', 'Europe'))

    Text that looks like HTML is still cleaned as text, with a :class:`CleantextWarning`
    that :func:`cleantext.clean_html` exists. ``config`` must be a :class:`Config`.
    """
    if looks_like_html(require_str(text)):
        warnings.warn(
            "the input looks like HTML: clean() reads it as plain text, tags and all; "
            "use cleantext.clean_html() for HTML",
            CleantextWarning,
            stacklevel=2,
        )
    return clean_as_text(text, config=config)


def clean_as_text(text: str, *, config: Config | None = None) -> Result:
    """:func:`clean` for callers that chose text mode themselves (a ``text/plain`` response,
    a WET record, ``--text``): the same cleaning, without the hint about HTML.

    >>> clean_as_text("<p>Markup kept as text.</p>").text
    '<p>Markup kept as text.</p>'
    """
    page = Page.from_text(require_str(text))
    clean_text, removed = decide(page, require_config(config) or DEFAULT_CONFIG)
    read_metadata = partial(text_metadata, page_type=page.page_type)
    return Result.deferred(clean_text, removed, text, read_metadata)


def text_metadata(result: Result, page_type: PageType) -> Metadata:
    """A text-mode result's metadata: what its removed segments give, and the page's kind.

    :func:`clean_as_text` reads it when the caller first asks for ``result.metadata``;
    the page's kind is read while cleaning (the content classifier reads it too), the
    rest is read from the result.

    >>> result = clean("Home > World > Europe\\n\\nTalks resumed in Vienna on Tuesday, officials said.")
    >>> text_metadata(result, PageType("news", "a dateline"))
    Metadata(section=('World', 'Europe'), page_type='news')
    """
    known = type_metadata(Metadata(), page_type)
    return type_metadata(segment_metadata(result, known), page_type)


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
