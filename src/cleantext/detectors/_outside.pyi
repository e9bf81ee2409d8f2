"""Stub of the compiled per-line loop ``_outside.pyx`` of ``dom_outside_main``."""

from collections.abc import Collection, Iterable, Sequence

from cleantext.text.page import DomEvidence, Line

def outside_runs(
    lines: Sequence[Line],
    rows: Iterable[tuple[str, DomEvidence | None]],
    word_counts: Sequence[int],
    sentence_ends: Sequence[bool],
    container: str,
    keep: Collection[int],
    sentence_words: int,
) -> list[tuple[int, int, bool]]: ...
def inside_lines(rows: Iterable[tuple[str, DomEvidence | None]], container: str) -> list[int]: ...
