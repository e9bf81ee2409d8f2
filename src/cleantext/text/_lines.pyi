"""Stub of the compiled kernel ``_lines.pyx`` (see its docstrings)."""

from array import array

def split_lines(text: str) -> tuple[array[int], array[int], array[int], array[int]]: ...
