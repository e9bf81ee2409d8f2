"""Stub of the compiled Shaper (``_shape.pyx``) of :mod:`cleantext.html.shape`."""

from collections.abc import Sequence
from typing import overload

import regex
from lxml import etree

from cleantext.structure import Shape, TableShape

LIST_TAGS: frozenset[str]
SHAPED_TAGS: frozenset[str]
LANGUAGE: regex.Pattern[str]
MAX_SPAN: int
MAX_COLUMNS: int

class ShapeColumn(Sequence[Shape]):
    def __init__(self) -> None: ...
    def intern(self, shape: Shape) -> int: ...
    def append(self, number: int, row: int) -> None: ...
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: int) -> Shape: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Shape, ...]: ...

class Shaper:
    shapes: ShapeColumn
    tables: list[TableShape]
    item_start: bool
    quote: int
    pre: int
    code: int
    lang: str
    column: int
    def shape(self, columns: tuple[int, ...]) -> Shape: ...
    def note(self, columns: tuple[int, ...]) -> None: ...
    def open(self, tag: str, element: etree._Element) -> None: ...
    def close(self, tag: str) -> None: ...
