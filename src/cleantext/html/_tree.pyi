"""Stub of the compiled element tree (``_tree.pyx``) of the main-container choice."""

from collections.abc import Iterable

class Tree:
    paths: list[str]
    def __init__(self, xpaths: Iterable[str]) -> None: ...
    def totals(self, weights: Iterable[float]) -> dict[str, float]: ...

def ancestor_at(xpath: str, depth: int) -> str: ...
