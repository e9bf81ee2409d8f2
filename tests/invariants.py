"""Invariants every result must satisfy, shared by the property and hostile-input tests.

>>> import cleantext
>>> text = "print PRINT\\n\\nThe council approved the budget on Monday after a long debate."
>>> check_result(text, cleantext.clean(text))
>>> rebuild_visible(text, cleantext.clean(text)) == visible(text)
True
"""

from __future__ import annotations

from collections.abc import Iterator

import cleantext
from cleantext import Result


def visible(text: str) -> str:
    """The non-whitespace characters of ``text``, in order."""
    return "".join(char for char in text if not char.isspace())


def is_subsequence(small: str, big: str) -> bool:
    """True when ``small`` can be read off ``big`` by skipping characters.

    >>> is_subsequence("ace", "abcde"), is_subsequence("ea", "abcde")
    (True, False)
    """
    remaining = iter(big)
    return all(char in remaining for char in small)


def rebuild_visible(text: str, result: Result) -> str:
    """Reference: the input's non-whitespace sequence rebuilt from the output and the segments.

    Walks the input's offsets only to know where each character must come from:
    a removed segment (its own ``text``) or the next visible character of the
    output. Raises AssertionError when the output has characters left over.
    """
    kept: Iterator[str] = iter(visible(result.text))
    rebuilt: list[str] = []
    segments = iter(result.removed)
    segment = next(segments, None)
    for offset, char in enumerate(text):
        while segment is not None and segment.end <= offset:
            segment = next(segments, None)
        if char.isspace():
            continue
        if segment is not None and segment.start <= offset:
            rebuilt.append(segment.text[offset - segment.start])
        else:
            rebuilt.append(next(kept, "\x00<missing>"))
    leftover = "".join(kept)
    assert not leftover, f"output has characters the input lacks: {leftover[:40]!r}"
    return "".join(rebuilt)


def check_segments(text: str, result: Result) -> None:
    """Segments are sorted, non-overlapping, exact, scored in [0, 1], explained, registered."""
    names = set(cleantext.DETECTORS)
    previous_end = 0
    for segment in result.removed:
        assert previous_end <= segment.start < segment.end <= len(text), segment
        assert text[segment.start : segment.end] == segment.text
        assert 0.0 <= segment.score <= 1.0
        assert segment.reason.strip()
        assert segment.detector in names
        previous_end = segment.end


def check_result(text: str, result: Result) -> None:
    """Every invariant of a result: segments exact, only deletes, nothing lost, and its
    metadata reads (it is read on demand: read here, so that it never raises either)."""
    assert result.source_text == text
    check_segments(text, result)
    assert is_subsequence(visible(result.text), visible(text))
    assert rebuild_visible(text, result) == visible(text)
    assert isinstance(result.metadata.as_dict(), dict)
