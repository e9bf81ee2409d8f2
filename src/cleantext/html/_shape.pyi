"""Stub of the compiled Shaper (``_shape.pyx``) of :mod:`cleantext.html.shape`."""

import regex
from lxml import etree

from cleantext.structure import Shape, TableShape

LIST_TAGS: frozenset[str]
SHAPED_TAGS: frozenset[str]
LANGUAGE: regex.Pattern[str]
MAX_SPAN: int
MAX_COLUMNS: int

class Shaper:
    tables: list[TableShape]
    item_start: bool
    quote: int
    pre: int
    code: int
    lang: str
    column: int
    def shape(self, columns: tuple[int, ...]) -> Shape: ...
    def open(self, tag: str, element: etree._Element) -> None: ...
    def close(self, tag: str) -> None: ...
