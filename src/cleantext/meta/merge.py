"""Two metadata values made one: the first's fields, with the second's where the first has none."""

from __future__ import annotations

from cleantext.model import LIST_FIELDS, TEXT_FIELDS, Metadata


def merged(first: Metadata, second: Metadata) -> Metadata:
    """``first`` with every field it lacks taken from ``second``, with its source.

    >>> a = Metadata().with_field("title", "Budget", "h1")
    >>> b = Metadata().with_field("title", "Other", "title-tag").with_field("tags", ["x"], "tag_list")
    >>> merged(a, b).as_dict()
    {'title': 'Budget', 'tags': ['x'], 'sources': {'title': 'h1', 'tags': 'tag_list'}}
    """
    result = first
    for name in (*TEXT_FIELDS, *LIST_FIELDS):
        source = second.source_of(name)
        if source is not None and not getattr(result, name):
            result = result.with_field(name, getattr(second, name), source)
    return result
