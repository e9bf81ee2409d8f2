"""The public entry points."""

from __future__ import annotations

from dataclasses import replace

from cleantext.config import Config
from cleantext.engine import decide
from cleantext.errors import require_str
from cleantext.meta import segment_metadata
from cleantext.model import Result
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
    """
    page = Page.from_text(require_str(text))
    clean_text, removed = decide(page, config or DEFAULT_CONFIG)
    result = Result(text=clean_text, removed=removed, source_text=text)
    return replace(result, metadata=segment_metadata(result))
