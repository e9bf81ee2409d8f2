"""Stub of the compiled walk (``_walk.pyx``): its rendered lines, line builder and walk."""

from collections.abc import Iterable

from lxml import etree

from cleantext.html.frames import Context, Frame
from cleantext.html.lines import BlockReader
from cleantext.html.shape import Shaper
from cleantext.structure import Event, Shape

class Block:
    parent: Block | None
    tag: str
    def __init__(self, parent: Block | None, tag: str) -> None: ...
    def xpath(self) -> str: ...

class RenderedLine:
    text: str
    brk: int
    frame: Frame
    link_chars: int
    chars: int
    words: int
    shape: Shape
    events: tuple[Event, ...]
    def __init__(
        self,
        text: str,
        brk: int,
        frame: Frame,
        link_chars: int,
        chars: int,
        words: int,
        shape: Shape = ...,
        events: tuple[Event, ...] = (),
    ) -> None: ...

class RenderedBlock:
    elements: list[Block]
    depths: list[int]
    contexts: list[Context]
    chars: list[int]
    link_chars: list[int]
    events: dict[int, tuple[Event, ...]]
    headings: list[str]
    total_links: int
    total_chars: int
    words: int
    def __init__(self) -> None: ...
    def add(
        self,
        frame: Frame,
        text: str,
        chars: int,
        link_chars: int,
        words: int,
        events: tuple[Event, ...],
    ) -> None: ...
    def __len__(self) -> int: ...
    @staticmethod
    def of(lines: Iterable[RenderedLine]) -> RenderedBlock: ...

class LineBuilder:
    lines: list[RenderedLine]
    prefix: str
    shaper: Shaper
    reader: BlockReader | None
    words: int
    def __init__(self, reader: BlockReader | None = None) -> None: ...
    def add(self, text: str, frame: object) -> None: ...
    def cell(self) -> None: ...
    def open_link(self, url: str) -> None: ...
    def close_link(self) -> None: ...
    def image(self, url: str, alt: str) -> None: ...
    def request(self, newlines: int) -> None: ...
    def flush(self) -> None: ...
    def text(self) -> str: ...
    def take_text(self) -> str: ...
    def finish(self) -> None: ...

def collapse_spaces(text: str) -> str: ...
def marked_elements(
    root: etree._Element, limit: int
) -> tuple[list[etree._Element], list[etree._Element], list[etree._Element]]: ...
def value_tokens(value: str) -> frozenset[str]: ...
def stream_walk(
    parser: etree.HTMLParser,
    data: bytes,
    chunk: int,
    dropped: frozenset[str],
    reader: BlockReader | None = None,
    max_depth: int = ...,
) -> tuple[LineBuilder, etree._Element | None]: ...
def walk(
    root: etree._Element,
    dropped: frozenset[str],
    reveal: bool = False,
    reader: BlockReader | None = None,
) -> LineBuilder: ...
def read_attribute(element: etree._Element, name: str) -> str | None: ...
def read_class_marks(classes: str) -> tuple[bool, bool] | None: ...
def walk_proxies(
    root: etree._Element,
    dropped: frozenset[str],
    reveal: bool = False,
    reader: BlockReader | None = None,
) -> LineBuilder: ...
