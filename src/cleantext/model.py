"""The result of cleaning: small frozen values whose offsets point into the input."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Segment:
    """One stripped piece of the input: ``input[start:end] == text``.

    ``detector`` is the stable name of the detector that removed it, ``reason``
    says why with the evidence, and ``score`` in [0, 1] is how sure the engine was.
    ``source`` names the element it came from (an XPath) in HTML mode.
    """

    start: int
    end: int
    text: str
    detector: str
    reason: str
    score: float
    source: str | None = None

    def as_dict(self) -> dict[str, object]:
        """Return the segment as a JSON-ready dict."""
        data: dict[str, object] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "detector": self.detector,
            "reason": self.reason,
            "score": round(self.score, 4),
        }
        if self.source is not None:
            data["source"] = self.source
        return data


@dataclass(frozen=True, slots=True)
class Metadata:
    """What cleantext learnt about the page besides its text (mostly from HTML)."""

    title: str | None = None
    lang: str | None = None
    encoding: str | None = None
    url: str | None = None

    def as_dict(self) -> dict[str, str]:
        """Return the fields that are set, as a JSON-ready dict."""
        pairs = (("title", self.title), ("lang", self.lang), ("encoding", self.encoding))
        return {key: value for key, value in (*pairs, ("url", self.url)) if value is not None}


@dataclass(frozen=True, slots=True)
class Result:
    """The clean text, every removed segment in input order, and page metadata.

    ``source_text`` is the text the offsets point into: the input in text mode,
    the rendered page in HTML mode.
    """

    text: str
    removed: tuple[Segment, ...]
    source_text: str
    metadata: Metadata = field(default_factory=Metadata)

    def as_dict(self) -> dict[str, object]:
        """Return the result as a JSON-ready dict (text, segments, metadata)."""
        return {
            "text": self.text,
            "removed": [segment.as_dict() for segment in self.removed],
            "metadata": self.metadata.as_dict(),
        }
