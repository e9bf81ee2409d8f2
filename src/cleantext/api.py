"""The public entry points."""

from __future__ import annotations

import warnings
from dataclasses import replace

from cleantext.config import Config, require_config
from cleantext.engine import decide
from cleantext.errors import CleantextWarning, require_str
from cleantext.meta import segment_metadata
from cleantext.model import Result
from cleantext.sniff import looks_like_html
from cleantext.text.page import Page

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
    result = Result(text=clean_text, removed=removed, source_text=text)
    return replace(result, metadata=segment_metadata(result))
