"""The engine's per-unit scores and winners, kept as runs of equal values.

``_engine.pyx``'s :class:`UnitValues` replaces two arrays of a double and an int a unit;
these tests check it reads back exactly what was stored (bit for bit: ``-0.0`` stays
``-0.0``), in order and out of order, and that the kernels give the same results whether
they read runs or plain arrays.
"""

from __future__ import annotations

import struct
from array import array

from hypothesis import given
from hypothesis import strategies as st

from cleantext._engine import UnitValues, removed_runs, removed_units

SCORES = st.lists(st.sampled_from([-1.0, 0.0, -0.0, 0.25, 0.5, 0.65, 0.7, 0.9, 1.0]))


def bits(values: list[float]) -> list[bytes]:
    """Each float's bytes (so that -0.0 and 0.0 differ)."""
    return [struct.pack("d", value) for value in values]


@given(SCORES, st.data())
def test_values_read_back_as_stored(values: list[float], data: st.DataObject) -> None:
    stored = UnitValues.of(values)
    assert len(stored) == len(values)
    assert bits(list(stored)) == bits(values)
    assert stored.runs == sum(
        1
        for index in range(len(values))
        if index == 0
        or bits(values[index - 1 : index + 1])[0] != bits(values[index - 1 : index + 1])[1]
    )
    if values:
        order = data.draw(st.lists(st.integers(-len(values), len(values) - 1)))
        assert bits([stored[unit] for unit in order]) == bits([values[unit] for unit in order])


def test_claim_numbers_read_back_as_ints_and_out_of_range_fails() -> None:
    winners = UnitValues.of([-1, 4, 4, 2**40], whole=True)
    assert list(winners) == [-1, 4, 4, 2**40] and isinstance(winners[1], int)
    for unit in (4, -5):
        try:
            winners[unit]
        except IndexError:
            continue
        raise AssertionError(f"unit {unit} read")
    assert list(UnitValues.of([])) == [] and len(UnitValues.of([])) == 0


@given(SCORES, st.sampled_from([0.5, 0.7]))
def test_the_kernels_read_runs_as_they_read_arrays(values: list[float], threshold: float) -> None:
    scores = array("d", values)
    winners = array("i", [int(value * 4) for value in values])
    removed = removed_units(scores, threshold, threshold - 0.15)
    assert removed_units(UnitValues.of(values), threshold, threshold - 0.15) == removed
    expected = removed_runs(removed, winners, scores)
    found = removed_runs(removed, UnitValues.of(winners, whole=True), UnitValues.of(values))
    assert found == expected
