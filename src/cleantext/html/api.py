"""``clean_html``: parse, render to the engine's text with DOM evidence, and decide."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import overload

from lxml import etree

from cleantext.api import clean_as_text, type_metadata
from cleantext.config import Config, require_config
from cleantext.engine import decide
from cleantext.errors import InputError
from cleantext.html.decode import Decoded, charset_of_content_type, decode_html
from cleantext.html.dom import PageEvidence
from cleantext.html.evidence import LineReader, rendered_lines
from cleantext.html.evidence import line_evidence as line_evidence  # (lead.py's example)
from cleantext.html.page_type import may_hold_itemtypes, page_type
from cleantext.html.parse import (
    check_not_binary,
    has_markup,
    parse,
    release_tree_memory,
    xml_compatible,
)
from cleantext.html.render import LineBuilder, render_page, render_stream
from cleantext.html.structured import descriptive_elements, json_ld_blocks, json_ld_bodies
from cleantext.meta import html_metadata, merged, segment_metadata, settled
from cleantext.model import Metadata, Result, Segment
from cleantext.structure import Event, Shape, Structure, TableShape, kept_lines
from cleantext.text.page import Line, Page

MAX_INPUT_CHARS = 256 * 1024 * 1024
"""Larger inputs are refused with an :class:`InputError` (memory stays bounded)."""
STREAM_CHARS = 1 << 20
"""Pages at least this long are read streamed (:func:`_read_streamed`: the whole tree is
never held). A shorter page's tree (under 40 MB) costs less than the streamed reading's
bookkeeping: its parse and walk take about 40 % more CPU time (wcxb_dev's pages)."""


def clean_html(
    html: str | bytes,
    *,
    url: str | None = None,
    config: Config | None = None,
    content_type: str | None = None,
    charset_hint: str | None = None,
) -> Result:
    """Remove boilerplate from an HTML page; offsets point into ``result.source_text``.

    Bytes are decoded in the order docs/html.md states (BOM, the charset of the
    HTTP ``content_type``, ``<meta>``, ``charset_hint`` when the bytes fit it, UTF-8,
    cp1252); ``result.metadata`` records the encoding used and how it was found
    (``metadata.source_of("encoding")``).

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
    Metadata(title='Budget passed', lang='en', encoding='utf-8')
    >>> result.removed[0].source
    '/html/body/nav/ul/li[1]'
    >>> clean_html("<p>Жук</p>".encode("cp1251"), content_type="text/html; charset=windows-1251").text
    'Жук'
    """
    require_config(config)
    text, decoded = _as_text(html, charset_of_content_type(content_type), charset_hint)
    check_not_binary(text)
    config = config or Config()
    known = _known_metadata(decoded, url)
    if not has_markup(text):
        return _as_plain_text(text, known, config)
    reading = _read_streamed(text, known) if len(text) >= STREAM_CHARS else None
    if reading is None:
        reading = _read_parsed(text, known)
    release_tree_memory(len(text))  # (the tree is gone: its memory goes back before deciding)
    if reading is None:
        return Result(text="", removed=(), source_text="", metadata=known)
    clean_text, removed = decide(reading.page, config, mode="html", passes=1)
    structure = reading.drawing.structure(reading.page.lines, removed)
    read_metadata = partial(page_metadata, marked_up=reading.metadata)
    return Result.deferred(clean_text, removed, reading.rendered, read_metadata, structure)


def page_metadata(result: Result, marked_up: Metadata) -> Metadata:
    """An HTML-mode result's metadata: what the markup gave (``marked_up``, read before the
    tree went), completed by what the removed segments show (:mod:`cleantext.meta`).

    :func:`clean_html` reads it when the caller first asks for ``result.metadata``.

    >>> result = clean_as_text("Home > World > Europe\\n\\nTalks resumed in Vienna on Tuesday.")
    >>> page_metadata(result, Metadata(title="Talks resumed"))
    Metadata(title='Talks resumed', section=('World', 'Europe'))
    """
    shown = segment_metadata(result, marked_up)
    return merged(settled(marked_up, shown), shown)


@dataclass(frozen=True, slots=True)
class _Drawing:
    """What Markdown needs of the rendered lines: their shapes, the link and image events of
    the lines that have them (by line number), the tables, the page's ``<base href>``."""

    shapes: Sequence[Shape]
    events: dict[int, tuple[Event, ...]]
    tables: tuple[TableShape, ...]
    base_url: str | None

    def structure(self, lines: Sequence[Line], removed: Sequence[Segment]) -> Structure:
        """The result's structure: the events of the lines (of ``lines``) that none of the
        ``removed`` segments covers only (the others never show).

        >>> page = Page.from_text("menu\\n\\nbody")
        >>> drawing = _Drawing((), {0: ((0, "link", "/", ""),), 1: ((0, "link", "/b", ""),)}, (), None)
        >>> drawing.structure(page.lines, [Segment(0, 4, "menu", "x", "", 1.0)]).events
        {1: ((0, 'link', '/b', ''),)}
        """
        with_events = (lines[number] for number in sorted(self.events))  # (in line order)
        kept = kept_lines(with_events, removed)
        events = {line.index: self.events[line.index] for line in kept}
        return Structure(self.shapes, events, self.tables, self.base_url)


@dataclass(frozen=True, slots=True)
class _Reading:
    """Everything the decision and the result need of the parsed page, so that the tree and
    the rendered lines' frames are released before the decision (memory of large pages)."""

    page: Page
    rendered: str
    drawing: _Drawing
    metadata: Metadata


def _read_streamed(text: str, known: Metadata) -> _Reading | None:
    """The reading of ``text`` parsed in pieces and walked as it is parsed (the whole tree
    is never held); ``None`` where that may not read what :func:`_read_parsed` reads
    (:func:`~cleantext.html.render.render_stream` says where)."""
    streamed = render_stream(xml_compatible(text), LineReader())
    return None if streamed is None else _read(*streamed, known, may_hold_itemtypes(text))


def _read_parsed(text: str, known: Metadata) -> _Reading | None:
    """The reading of ``text`` parsed whole; ``None`` when there is nothing to parse."""
    root = parse(text)
    if root is None:
        return None
    return _read(render_page(root, LineReader), root, known, may_hold_itemtypes(text))


def _read(
    builder: LineBuilder, root: etree._Element, known: Metadata, microdata: bool = True
) -> _Reading:
    """Read the rendered page's evidence, type and markup metadata; ``builder`` holds the
    rendering of ``root`` (or of the page whose elements ``root`` kept, streamed);
    ``microdata`` is False when the page's text names no ``itemtype``."""
    described = descriptive_elements(root)
    json_ld = json_ld_blocks(described)
    rendered, evidence, headings, drawing = _render(builder, root, json_ld_bodies(json_ld.valid))
    page = Page.from_text(rendered, evidence)
    if len(page.lines) != len(evidence):
        raise AssertionError("rendered lines and evidence are out of step")
    texts = _LineTexts(page.lines)
    kind = page_type(root, json_ld.valid, texts, page.word_counts, evidence, microdata)
    known = type_metadata(known, kind)
    marked_up = html_metadata(root, described, json_ld.every, headings, known)
    return _Reading(page.with_page_type(kind), rendered, drawing, marked_up)


class _LineTexts(Sequence[str]):
    """The texts of a page's lines, each made when read (no list of every line's text
    beside the page and its tree).

    >>> texts = _LineTexts(Page.from_text("One\\n\\nTwo").lines)
    >>> len(texts), list(texts), texts[1:]
    (2, ['One', 'Two'], ['Two'])
    """

    def __init__(self, lines: Sequence[Line]) -> None:
        self._lines = lines

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [line.text for line in self._lines[index]]
        return self._lines[index].text

    def __iter__(self) -> Iterator[str]:
        return (line.text for line in self._lines)


def _render(
    builder: LineBuilder, root: etree._Element, bodies: Sequence[str]
) -> tuple[str, PageEvidence, list[str], _Drawing]:
    """The rendered text, each line's evidence (``bodies``: the JSON-LD ``articleBody``
    texts), the ``<h1>`` lines and the drawing. The rendered lines, each with its frame,
    were read a rendered block at a time as the walk made them, then let go (memory of
    large pages)."""
    reader = builder.reader
    assert isinstance(reader, LineReader)
    tables = tuple(builder.shaper.tables)
    text = builder.take_text()  # (the text's pieces go before the lines' evidence is made)
    base = root.find("head/base[@href]")
    drawing = _Drawing(
        builder.shaper.shapes,
        reader.events,
        tables,
        None if base is None else (base.get("href") or "").strip() or None,
    )
    evidence = reader.evidence(bodies, rendered_lines(text))
    return text, evidence, reader.headings, drawing


def _as_plain_text(text: str, metadata: Metadata, config: Config) -> Result:
    """Input without any markup is cleaned as text, exactly as :func:`cleantext.clean` does."""
    result = clean_as_text(text, config=config)
    return replace(result, metadata=merged(metadata, result.metadata))


def _known_metadata(decoded: Decoded | None, url: str | None) -> Metadata:
    """What the caller told and the decoding found: the URL and the encoding, with their sources."""
    metadata = Metadata()
    if decoded is not None:
        metadata = metadata.with_field("encoding", decoded.encoding, decoded.how)
    return metadata.with_field("url", url, "caller")


def _as_text(
    html: object, transport_charset: str | None, charset_hint: str | None
) -> tuple[str, Decoded | None]:
    if isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
        _check_size(len(data))
        decoded = decode_html(data, transport_charset=transport_charset, charset_hint=charset_hint)
        return decoded.text, decoded
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
