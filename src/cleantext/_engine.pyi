"""Stub of the compiled kernel ``_engine.pyx`` (see its docstrings)."""

def combined_scores(
    size: int, firsts: list[int], stops: list[int], detectors: list[int], scores: list[float]
) -> dict[int, float]: ...
