"""The engine's segments, made without ``Segment.__init__``, behave as ``Segment(*values)``."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleantext import clean
from cleantext._engine import segment_of
from cleantext.model import Segment

VALUES = st.tuples(
    st.integers(0, 2**40),
    st.integers(0, 2**40),
    st.text(max_size=20),
    st.text(max_size=10),
    st.text(max_size=30),
    st.floats(0.0, 1.0),
    st.none() | st.text(max_size=20),
)
"""A segment's fields: offsets past 2^31 and non-ASCII texts included."""

Values = tuple[int, int, str, str, str, float, str | None]


def _pair(values: Values) -> tuple[Segment, Segment]:
    """The segment the kernel makes of ``values`` and the one the constructor makes."""
    return segment_of(values), Segment(*values)


@given(VALUES)
def test_fields_equality_hash_and_repr(values: Values) -> None:
    made, plain = _pair(values)
    assert type(made) is Segment
    assert tuple(getattr(made, field.name) for field in dataclasses.fields(Segment)) == values
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    assert not hasattr(made, "__dict__") and made.__slots__ == plain.__slots__


@given(VALUES)
def test_asdict_replace_and_as_dict(values: Values) -> None:
    made, plain = _pair(values)
    assert dataclasses.asdict(made) == dataclasses.asdict(plain)
    assert dataclasses.astuple(made) == dataclasses.astuple(plain)
    assert dataclasses.replace(made, end=7, source="/a") == dataclasses.replace(
        plain, end=7, source="/a"
    )
    assert made.as_dict() == plain.as_dict()


@given(VALUES)
def test_pickle_and_copy(values: Values) -> None:
    made, plain = _pair(values)
    assert pickle.loads(pickle.dumps(made)) == plain
    assert copy.copy(made) == plain and copy.deepcopy(made) == plain


def test_frozen() -> None:
    made = segment_of((0, 1, "a", "menu", "short", 0.5, None))
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 2  # type: ignore[misc]


def test_every_field_is_set() -> None:
    """The kernel sets the fields in the dataclass's order; a wrong number of values is refused."""
    assert [field.name for field in dataclasses.fields(Segment)] == [
        "start", "end", "text", "detector", "reason", "score", "source",
    ]  # fmt: skip
    with pytest.raises(ValueError, match="6 values for 7 fields"):
        segment_of((0, 1, "a", "menu", "short", 0.5))


def test_init_only_sets_the_fields() -> None:
    """The kernel skips ``Segment.__init__``: right only while that sets the fields and
    nothing more (no ``__post_init__``, no init-only or default-factory field)."""
    assert not hasattr(Segment, "__post_init__")
    for field in dataclasses.fields(Segment):
        assert field.init and field.default_factory is dataclasses.MISSING


def test_clean_gives_segments() -> None:
    """``clean``'s removed segments are real ``Segment``s, equal to ones built again."""
    text = "Home | News | About\n\nA long paragraph of prose that is kept here.\n\nCopyright 2024 Example"
    result = clean(text)
    assert result.removed
    for segment in result.removed:
        assert type(segment) is Segment
        assert segment == Segment(**dataclasses.asdict(segment))
        assert text[segment.start : segment.end] == segment.text
