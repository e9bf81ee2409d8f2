"""The compact record of a cleaning that the corpus integrations store beside the text.

>>> from cleantext import clean
>>> result = clean("print PRINT\\n\\nThe council approved the budget on Monday after a long debate.")
>>> removal_summary(result)
{'removed_chars': {'print_banner': 11}, 'removed_segments': 1, 'metadata': {}}
>>> removal_summary(result, keep_segments=True)["segments"][0]["detector"]
'print_banner'
"""

from __future__ import annotations

from collections import Counter

from cleantext.model import Result


def removed_chars(result: Result) -> dict[str, int]:
    """Characters removed per detector, in the order detectors first removed something."""
    counts: Counter[str] = Counter()
    for segment in result.removed:
        counts[segment.detector] += len(segment.text)
    return dict(counts)


def removal_summary(result: Result, *, keep_segments: bool = False) -> dict[str, object]:
    """Detector names with their removed characters, the segment count and the page metadata;
    the segments themselves (``Segment.as_dict()``) with ``keep_segments``."""
    summary: dict[str, object] = {
        "removed_chars": removed_chars(result),
        "removed_segments": len(result.removed),
        "metadata": result.metadata.as_dict(),
    }
    if keep_segments:
        summary["segments"] = [segment.as_dict() for segment in result.removed]
    return summary
