"""The compiled loops of the main-container choice (``html/_choice.pyx``) against the plain
Python they replaced, on hypothesis evidence (lines without evidence, headings, labels,
the structured body, non-ASCII paths) and at the edges (no lines, one line)."""

from __future__ import annotations

from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleantext.html._choice import (
    HEADING,
    LABELS,
    STRUCTURED,
    inside_sums,
    labelled_lines,
    lines_with,
)
from cleantext.html.dom import (
    LINK_LINE_COST,
    NAV_LINK_DENSITY,
    PROSE_LINK_DENSITY,
    PROSE_WORDS,
    SENTENCE_WORDS,
    SHORT_LINE_COST,
    STRUCTURED_WEIGHT,
    WEIGHING,
    EvidenceTable,
    _flag_bytes,
    _int_array,
    evidence_table,
)
from cleantext.text.page import DomEvidence, counts_as_prose

PATHS = ["/html/body/div/p", "/html/body/div", "/html/body/div/ul/li", "/html/body/ça/p", "/x"]
LABEL_SETS = st.lists(
    st.tuples(st.sampled_from(["menu", "<nav>", "share", "comment", "é"]), st.integers(0, 5)),
    max_size=3,
).map(tuple)
ITEMS = st.one_of(
    st.none(),
    st.builds(
        lambda path, heading, structured, density, labels: DomEvidence(
            path,
            "h2" if heading else "p",
            in_structured_body=structured,
            is_heading=heading,
            line_link_density=density,
            labels=labels,
        ),
        st.sampled_from(PATHS),
        st.booleans(),
        st.booleans(),
        st.sampled_from([0.0, 0.3, 0.5, 0.79, 0.8, 1.0]),
        LABEL_SETS,
    ),
)
LINES = st.lists(
    st.tuples(ITEMS, st.integers(0, 40), st.booleans()),
    max_size=12,
)


def line_weight(words: int, ends_sentence: bool, evidence: DomEvidence) -> float:
    """One line's weight by the rule of ``dom.WEIGHING``, in plain Python (the reference)."""
    if evidence.in_structured_body:
        return STRUCTURED_WEIGHT * words
    density = evidence.line_link_density
    prose = words >= PROSE_WORDS or counts_as_prose(words, ends_sentence, SENTENCE_WORDS)
    if density >= NAV_LINK_DENSITY and not (prose and density < PROSE_LINK_DENSITY):
        return -float(words) * LINK_LINE_COST
    if prose:
        return words * (1.0 - density)
    return -SHORT_LINE_COST


def test_line_weight_of_a_prose_line_with_links() -> None:
    item = DomEvidence("/html/body/p", "p", line_link_density=0.5)
    weights, _ = WEIGHING.weights(
        array("i", [0]), [evidence_table([item]).kinds[0]], array("i", [30]), b"\x01"
    )
    assert list(weights) == [15.0] == [line_weight(30, True, item)]


@given(LINES)
def test_the_weights_are_line_weight_of_each_line(
    lines: list[tuple[DomEvidence | None, int, bool]],
) -> None:
    evidence = [item for item, _, _ in lines]
    words = [count for _, count, _ in lines]
    ends = [end for _, _, end in lines]
    table = evidence_table(evidence)
    weights, structured = WEIGHING.weights(
        table.kind_of, table.kinds, _int_array(words), _flag_bytes(ends)
    )
    expected = [
        0.0 if item is None else line_weight(count, end, item) for item, count, end in lines
    ]
    assert list(weights) == expected
    assert structured == sum(1 for item in evidence if item is not None and item.in_structured_body)


Lines = list[tuple[DomEvidence | None, int, bool]]


def _evidence(lines: Lines) -> tuple[list[DomEvidence | None], EvidenceTable]:
    """The lines' evidence, and its columns."""
    evidence = [item for item, _, _ in lines]
    return evidence, evidence_table(evidence)


@given(LINES)
def test_the_lines_with_a_field_are_those_of_the_plain_loop(lines: Lines) -> None:
    evidence, table = _evidence(lines)
    assert list(lines_with(table.kind_of, table.kinds, HEADING)) == [
        index for index, item in enumerate(evidence) if item is not None and item.is_heading
    ]
    assert list(lines_with(table.kind_of, table.kinds, STRUCTURED)) == [
        index for index, item in enumerate(evidence) if item is not None and item.in_structured_body
    ]
    assert list(lines_with(table.kind_of, table.kinds, LABELS)) == [
        index for index, item in enumerate(evidence) if item is not None and item.labels
    ]


@given(LINES)
def test_the_labelled_lines_are_judged_once_per_set_of_labels(lines: Lines) -> None:
    evidence, table = _evidence(lines)
    asked: list[tuple[tuple[str, int], ...]] = []

    def judge(labels: tuple[tuple[str, int], ...]) -> list[int]:
        asked.append(labels)
        return [depth for label, depth in labels if label == "menu"]

    found = labelled_lines(table.kind_of, table.kinds, {}, judge)
    expected = [
        (index, depths)
        for index, item in enumerate(evidence)
        if item is not None and (depths := [d for label, d in item.labels if label == "menu"])
    ]
    assert found == expected
    assert len(asked) == len(set(asked))


@given(
    st.lists(
        st.tuples(st.sampled_from(PATHS), st.sampled_from([-2.0, 0.0, 1.5, 40.0])), max_size=12
    ),
    st.sampled_from(PATHS),
)
def test_the_sums_inside_are_those_of_the_plain_loop(
    rows: list[tuple[str, float]], path: str
) -> None:
    parent = path[: path.rfind("/")] or path
    own = more = net = 0.0
    for xpath, weight in rows:
        if xpath == parent or xpath.startswith(parent + "/"):
            net += weight
            if weight > 0:
                more += weight
                if xpath == path or xpath.startswith(path + "/"):
                    own += weight
    xpaths = [xpath for xpath, _ in rows]
    weights = array("d", [weight for _, weight in rows])
    assert inside_sums(path, parent, xpaths, weights) == (own, more, net)


def test_no_lines_and_one_line() -> None:
    empty = evidence_table([])
    assert WEIGHING.weights(empty.kind_of, empty.kinds, array("i"), b"") == (array("d"), 0)
    assert list(lines_with(empty.kind_of, empty.kinds, HEADING)) == []
    assert inside_sums("/a", "/a", [], array("d")) == (0.0, 0.0, 0.0)
    one = evidence_table([DomEvidence("/html/body/p", "p", in_structured_body=True)])
    assert WEIGHING.weights(one.kind_of, one.kinds, array("i", [7]), b"\0") == (
        array("d", [14.0]),
        1,
    )


def test_columns_out_of_step_are_refused() -> None:
    table = evidence_table([DomEvidence("/html/body/p", "p")])
    with pytest.raises(ValueError, match="one word count"):
        WEIGHING.weights(table.kind_of, table.kinds, array("i"), b"\1")
    with pytest.raises(ValueError, match="one weight per XPath"):
        inside_sums("/a", "/a", ["/a"], array("d"))
