"""The result of cleaning: small frozen values whose offsets point into the input."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cleantext.structure import Structure


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


TEXT_FIELDS = (
    "title",
    "published",
    "modified",
    "site_name",
    "description",
    "canonical_url",
    "image",
    "publisher",
    "lang",
    "encoding",
    "url",
    "page_type",
)
"""Metadata fields that hold one string."""
LIST_FIELDS = ("authors", "section", "tags")
"""Metadata fields that hold a tuple of strings."""


def field_value(name: str, value: str | Sequence[str] | None) -> Any:
    """``value`` as :class:`Metadata`'s field ``name`` holds it: a tuple of the non-empty
    strings of a list field, a text field's string or ``None``.

    >>> field_value("tags", ["Council", "", "Budget"]), field_value("lang", "")
    (('Council', 'Budget'), None)
    """
    if name in LIST_FIELDS:
        return tuple(item for item in (value or ()) if item)
    if name in TEXT_FIELDS:
        return value or None
    raise ValueError(f"Metadata has no field {name!r}")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What cleantext learnt about the page besides its text, each field with its source.

    A field that was not found is ``None`` (or an empty tuple), never guessed.
    ``published`` and ``modified`` are ISO 8601 dates; ``section`` is the
    breadcrumb path; ``page_type`` is the kind of page (article, forum, ...).
    ``sources`` names where each set field came from (``"json-ld"``, ``"meta"``,
    ``"breadcrumb"``, ``"tag_list"``, ``"byline"``, ``"http"``, ...), the way
    every removed segment says why it went.

    >>> meta = Metadata().with_field("title", "Budget", "title-tag")
    >>> meta = meta.with_field("tags", ["Council", "Budget"], "tag_list")
    >>> meta
    Metadata(title='Budget', tags=('Council', 'Budget'))
    >>> meta.source_of("tags")
    'tag_list'
    >>> meta.as_dict()
    {'title': 'Budget', 'tags': ['Council', 'Budget'], 'sources': {'title': 'title-tag', 'tags': 'tag_list'}}
    """

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    site_name: str | None = None
    description: str | None = None
    canonical_url: str | None = None
    image: str | None = None
    section: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    publisher: str | None = None
    lang: str | None = None
    encoding: str | None = None
    url: str | None = None
    page_type: str | None = None
    sources: tuple[tuple[str, str], ...] = ()

    def with_field(self, name: str, value: str | Sequence[str] | None, source: str) -> Metadata:
        """A copy with field ``name`` set to ``value`` from ``source`` (empty values leave it).

        >>> Metadata().with_field("lang", "", "html-lang").lang is None
        True
        """
        cleaned = field_value(name, value)
        if not cleaned:
            return self
        kept = tuple(pair for pair in self.sources if pair[0] != name)
        return replace(self, **{name: cleaned}, sources=(*kept, (name, source)))

    def source_of(self, name: str) -> str | None:
        """Where field ``name`` came from, or ``None`` when it is not set."""
        return next((source for key, source in self.sources if key == name), None)

    def as_dict(self) -> dict[str, object]:
        """The fields that are set, as JSON-ready data, with ``sources`` last."""
        data: dict[str, object] = {}
        for name in _FIELD_ORDER:
            value = getattr(self, name)
            if value:
                data[name] = list(value) if isinstance(value, tuple) else value
        if self.sources:
            data["sources"] = dict(self.sources)
        return data

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={getattr(self, name)!r}" for name in _FIELD_ORDER if getattr(self, name)
        )
        return f"Metadata({shown})"


_FIELD_ORDER = tuple(item.name for item in fields(Metadata) if item.name != "sources")


MetadataReader = Callable[["Result"], Metadata]
"""How a result made by :meth:`Result.deferred` reads its metadata when first asked: given
the result, it returns the metadata (the same value every time)."""


class _MetadataOnDemand:
    """The part of :class:`Result` that reads a deferred result's metadata when first asked.

    :meth:`Result.deferred` leaves the ``metadata`` slot empty and keeps the reader here;
    Python calls ``__getattr__`` only for an attribute it did not find, so the first read
    of ``metadata`` fills the slot and later reads never come here. The reader is no field:
    ``dataclasses.fields``, ``asdict`` and pickling do not see it.
    """

    __slots__ = ("_read_metadata",)
    _read_metadata: MetadataReader

    if not TYPE_CHECKING:  # (to the type checker ``metadata`` is the field it always is)

        def __getattr__(self, name: str) -> Metadata:
            if name != "metadata":
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            metadata = self._read_metadata(self)
            object.__setattr__(self, "metadata", metadata)  # (two threads: the same value)
            return metadata


@dataclass(frozen=True, slots=True)
class Result(_MetadataOnDemand):
    """The clean text, every removed segment in input order, and page metadata.

    ``source_text`` is the text the offsets point into: the input in text mode,
    the rendered page in HTML mode. ``structure`` is what HTML mode keeps of the
    page's shape for :meth:`to_markdown` (``None`` in text mode).

    ``clean`` and ``clean_html`` read the metadata on demand (:meth:`deferred`): a caller
    that never reads ``metadata`` does not pay for it; one that does (``as_dict()``,
    ``==``, ``hash``, ``repr``, pickling and ``dataclasses.replace`` read it too) gets the
    value it would have got had it been read while cleaning.

    >>> result = Result("Text.", (), "Text.", Metadata(title="T"))
    >>> result.metadata.title, result == Result("Text.", (), "Text.", Metadata(title="T"))
    ('T', True)
    """

    text: str
    removed: tuple[Segment, ...]
    source_text: str
    metadata: Metadata = field(default_factory=Metadata)
    structure: Structure | None = field(default=None, compare=False, repr=False)

    @classmethod
    def deferred(
        cls,
        text: str,
        removed: tuple[Segment, ...],
        source_text: str,
        read_metadata: MetadataReader,
        structure: Structure | None = None,
    ) -> Result:
        """A result whose ``metadata`` is ``read_metadata(result)``, read when first asked.

        ``read_metadata`` is given the result, so it need not hold it: no reference
        cycle, and a result that is dropped is freed at once.

        >>> result = Result.deferred("Text.", (), "Text.", lambda r: Metadata(title=r.text))
        >>> result.metadata, result == Result("Text.", (), "Text.", Metadata(title="Text."))
        (Metadata(title='Text.'), True)
        """
        result = cls(text, removed, source_text, structure=structure)
        object.__delattr__(result, "metadata")  # (an empty slot: the first read fills it)
        object.__setattr__(result, "_read_metadata", read_metadata)
        return result

    def to_markdown(self, *, links: bool = False, images: bool = False) -> str:
        r"""The kept text as Markdown: headings, lists, quotes, code and tables from the page's
        markup in HTML mode, paragraphs and lists from the text's shape in text mode.

        ``links`` and ``images`` add them, with URLs resolved against the page's URL.
        Only what ``text`` keeps appears (see ``docs/markdown.md``).

        >>> from cleantext import clean
        >>> print(clean("Budget *passed*\n\n- roads\n- schools").to_markdown())
        Budget \*passed\*
        <BLANKLINE>
        - roads
        - schools
        """
        from cleantext.markdown import to_markdown

        return to_markdown(self, links=links, images=images)

    def as_dict(self) -> dict[str, object]:
        """Return the result as a JSON-ready dict (text, segments, metadata)."""
        return {
            "text": self.text,
            "removed": [segment.as_dict() for segment in self.removed],
            "metadata": self.metadata.as_dict(),
        }
