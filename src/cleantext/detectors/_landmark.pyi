"""Stub of the compiled per-line loop ``_landmark.pyx`` of ``dom_landmark``."""

from collections.abc import Iterable, Sequence
from typing import Any

from cleantext.text.page import DomEvidence

def verdict_runs(
    rows: Iterable[tuple[str, DomEvidence | None]],
    word_counts: Sequence[int],
    sentence_ends: Sequence[bool],
    sentence_words: int,
    reader: Any,
) -> list[tuple[int, int, tuple[float, str]]]: ...
