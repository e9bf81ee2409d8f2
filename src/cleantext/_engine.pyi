"""Stub of the compiled kernel ``_engine.pyx`` (see its docstrings)."""

from array import array

from cleantext.text._lines import LineTable

UNCLAIMED: float
OUTSIDE_BODY_BOOST: float
INSIDE_BODY_DAMPING: float

class Units:
    """The units of a page's lines: line ``k`` is unit ``2k``, the gap after it unit ``2k + 1``."""

    @property
    def lines(self) -> LineTable: ...
    @property
    def size(self) -> int: ...
    def __init__(self, lines: LineTable) -> None: ...
    def start(self, unit: int) -> int: ...
    def end(self, unit: int) -> int: ...
    def covered(self, start: int, end: int) -> range: ...
    def placed(
        self, score: float, start: int, end: int, first: int, last: int
    ) -> tuple[float, str, range]: ...

def weigh(
    size: int,
    firsts: list[int],
    stops: list[int],
    detectors: list[int],
    named: list[bool],
    orders: list[int],
    scores: list[float],
) -> tuple[array[float], array[int]]: ...
def removed_units(scores: array[float], threshold: float, near: float) -> bytearray: ...
def removed_runs(
    removed: bytes | bytearray, winners: array[int], scores: array[float]
) -> list[tuple[int, int, float]]: ...
def lines_where(removed: bytes | bytearray, gone: bool) -> array[int]: ...
