"""``clean_html``: parse, render to the engine's text with DOM evidence, and decide."""

from __future__ import annotations

from cleantext.config import Config
from cleantext.engine import decide
from cleantext.errors import InputError
from cleantext.html.decode import decode_html
from cleantext.html.evidence import line_evidence
from cleantext.html.page_type import page_type
from cleantext.html.parse import check_not_binary, has_markup, parse
from cleantext.html.render import render_page
from cleantext.html.structured import (
    descriptive_elements,
    json_ld_blocks,
    json_ld_bodies,
    page_lang,
    page_title,
)
from cleantext.model import Metadata, Result
from cleantext.registry import BUILTIN
from cleantext.text.page import Page

MAX_INPUT_CHARS = 256 * 1024 * 1024
"""Larger inputs are refused with an :class:`InputError` (memory stays bounded)."""

TEXT_ONLY_DETECTORS = ("content_classifier",)
"""Text-mode detectors that the DOM evidence supersedes: HTML mode's default config turns
them off (measured: the text classifier cost 0.05-0.10 F1 on the eval sets in HTML mode).
A config passed by the caller is used as given."""
DEFAULT_CONFIG = Config().disable(*(name for name in TEXT_ONLY_DETECTORS if name in BUILTIN))


def clean_html(
    html: str | bytes, *, url: str | None = None, config: Config | None = None
) -> Result:
    """Remove boilerplate from an HTML page; offsets point into ``result.source_text``.

    >>> page = b'''<html lang="en"><head><title>Budget</title></head><body>
    ... <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
    ... <article><h1>Budget passed</h1><p>The council approved the budget on Monday
    ... after a long debate about schools, roads and the price of water.</p></article>
    ... </body></html>'''
    >>> result = clean_html(page)
    >>> print(result.text)
    Budget passed
    <BLANKLINE>
    The council approved the budget on Monday after a long debate about schools, roads and the price of water.
    >>> result.metadata
    Metadata(title='Budget', lang='en', encoding='utf-8', page_type='unknown')
    >>> result.removed[0].source
    '/html/body/nav/ul/li[1]'
    """
    text, encoding = _as_text(html)
    check_not_binary(text)
    config = config or DEFAULT_CONFIG
    if not has_markup(text):
        return _as_plain_text(text, Metadata(encoding=encoding, url=url), config)
    root = parse(text)
    if root is None:
        return Result(
            text="", removed=(), source_text="", metadata=Metadata(encoding=encoding, url=url)
        )
    builder = render_page(root)
    rendered = builder.text()
    described = descriptive_elements(root)
    json_ld = json_ld_blocks(described)
    evidence = line_evidence(root, builder.lines, json_ld_bodies(json_ld))
    first_h1 = next(
        (line.text for line, item in zip(builder.lines, evidence, strict=True) if item.tag == "h1"),
        None,
    )
    page = Page.from_text(rendered, evidence)
    if len(page.lines) != len(evidence):
        raise AssertionError("rendered lines and evidence are out of step")
    kind = page_type(root, json_ld, [line.text for line in page.lines], page.word_counts, evidence)
    page = page.of_type(kind.kind)
    metadata = (
        Metadata(encoding=encoding, url=url)
        .with_field("title", page_title(described, first_h1), "html-title")
        .with_field("lang", page_lang(root), "html-lang")
        .with_field("page_type", kind.kind, kind.reason)
    )
    clean_text, removed = decide(page, config, passes=1)
    return Result(text=clean_text, removed=removed, source_text=rendered, metadata=metadata)


def _as_plain_text(text: str, metadata: Metadata, config: Config) -> Result:
    """Input without any markup is cleaned as text, exactly as :func:`cleantext.clean` does."""
    clean_text, removed = decide(Page.from_text(text), config)
    return Result(text=clean_text, removed=removed, source_text=text, metadata=metadata)


def _as_text(html: object) -> tuple[str, str | None]:
    if isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
        _check_size(len(data))
        decoded = decode_html(data)
        return decoded.text, decoded.encoding
    if isinstance(html, str):
        _check_size(len(html))
        return html, None
    raise TypeError(f"html must be str or bytes, not {type(html).__name__}")


def _check_size(size: int) -> None:
    if size > MAX_INPUT_CHARS:
        raise InputError(
            f"the page is {size:,} characters long; clean_html accepts at most "
            f"{MAX_INPUT_CHARS:,} (split it or use clean() on its text)"
        )
