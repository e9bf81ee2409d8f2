"""The compiled per-line loops of ``dom_landmark`` and ``dom_outside_main`` against their plain
definitions: runs of adjacent lines with equal verdicts, the verdict of each line read from
its labels; runs of lines outside the main container, each of one kind."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleantext.detectors._landmark import verdict_runs
from cleantext.detectors._outside import inside_lines, outside_runs
from cleantext.html.dom import inside, line_rows
from cleantext.text.page import DomEvidence, Line, Page, counts_as_prose

LABELS = st.sampled_from([(), (("<nav>", 3),), (("share", 4),), (("<nav>", 3), ("menu", 5))])
LINE = st.one_of(
    st.none(),
    st.tuples(st.sampled_from(["/html/body/main/p", "/html/body/div/a"]), LABELS, st.booleans()),
)


class Reader:
    """A reader of the shape of ``dom_landmark._Reader``: one verdict per set of labels and
    damping, the labels of lines inside ``/html/body/main`` silenced by their path."""

    xpath = "/html/body/main"

    def __init__(self) -> None:
        self.readings: dict[object, object] = {}
        self.verdicts: dict[object, object] = {}

    def reading(self, labels: tuple[tuple[str, int], ...], inner: bool) -> object:
        names = tuple(label for label, _ in labels)
        self.readings[labels, inner] = labels, ((names, False) if names else None), inner
        return self.readings[labels, inner]

    def split_on(self, xpath: str, pairs: tuple[tuple[str, int], ...], inner: bool) -> object:
        kept = tuple(label for label, depth in pairs if depth > 3)
        return (kept, True) if kept else None

    def verdict(self, furniture: tuple[str, ...], in_content: bool, prose: bool) -> object:
        self.verdicts[furniture, in_content, prose] = (0.5 if prose else 0.8, ",".join(furniture))
        return self.verdicts[furniture, in_content, prose]


def plain_verdict(
    line: tuple[str, tuple[tuple[str, int], ...], bool] | None, prose: bool
) -> object:
    if line is None or line[2]:
        return None
    xpath, labels, _ = line
    inner = xpath.startswith(Reader.xpath + "/")
    kept = tuple(label for label, depth in labels if depth > 3 or not inner)
    if not kept:
        return None
    return (0.5 if prose else 0.8, ",".join(kept))


@given(st.lists(st.tuples(LINE, st.integers(0, 12), st.booleans()), max_size=40))
def test_the_runs_are_those_of_the_plain_definition(
    lines: list[tuple[tuple[str, tuple[tuple[str, int], ...], bool] | None, int, bool]],
) -> None:
    evidence = [
        None
        if line is None
        else DomEvidence(line[0], "p", labels=line[1], in_structured_body=line[2])
        for line, _, _ in lines
    ]
    verdicts = [plain_verdict(line, words >= 8 and ends) for line, words, ends in lines]
    expected = []
    for index, verdict in enumerate(verdicts):
        if verdict is None:
            continue
        if expected and expected[-1][1] == index - 1 and expected[-1][2] == verdict:
            expected[-1] = (expected[-1][0], index, verdict)
        else:
            expected.append((index, index, verdict))
    counts = [words for _, words, _ in lines]
    ends = [end for _, _, end in lines]
    assert verdict_runs(line_rows(evidence), counts, ends, 8, Reader()) == expected


OUTSIDE_PATHS = ["/html/body/main", "/html/body/main/p", "/html/body/mainly/p", "/html/body/nav/a"]


def plain_outside_runs(
    lines: list[Line],
    evidence: list[DomEvidence | None],
    words: list[int],
    ends: list[bool],
    container: str,
    keep: set[int],
) -> list[tuple[int, int, bool]]:
    """dom_outside_main's loop as first written: runs of lines outside the container, by kind."""
    runs: list[tuple[int, int, bool]] = []
    run: list[int] = []
    prose = False
    for line, item, count, end in zip(lines, evidence, words, ends, strict=True):
        if item is None or inside(item.xpath, container) or line.index in keep:
            if run:
                runs.append((run[0], run[-1], prose))
                run = []
            continue
        kind = counts_as_prose(count, end, 8)
        if run and kind != prose:
            runs.append((run[0], run[-1], prose))
            run = []
        prose = kind
        run.append(line.index)
    if run:
        runs.append((run[0], run[-1], prose))
    return runs


@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.sampled_from(OUTSIDE_PATHS)),
            st.sampled_from([3, 8, 20]),
            st.booleans(),
        ),
        max_size=12,
    ),
    st.sets(st.integers(-1, 12), max_size=3),
)
def test_outside_runs_match_the_plain_loop(
    shape: list[tuple[str | None, int, bool]], keep: set[int]
) -> None:
    page = Page.from_text("\n".join(f"line {n}" for n in range(len(shape))))
    evidence = [None if path is None else DomEvidence(path, "p") for path, _, _ in shape]
    words = [count for _, count, _ in shape]
    ends = [end for _, _, end in shape]
    expected = plain_outside_runs(list(page.lines), evidence, words, ends, "/html/body/main", keep)
    found = outside_runs(page.lines, line_rows(evidence), words, ends, "/html/body/main", keep, 8)
    assert found == expected


@given(
    st.lists(
        st.one_of(
            st.none(),
            st.sampled_from(
                [
                    "/html/body/main",
                    "/html/body/main/p",
                    "/html/body/mainly",
                    "/html",
                    "",
                    "/html/body/é",
                ]
            ),
        ),
        max_size=30,
    ),
    st.sampled_from(["/html/body/main", "/html", "/html/body/é"]),
)
def test_inside_lines_match_the_plain_loop(paths: list[str | None], container: str) -> None:
    """The container's lines (``dom_comment_tail``'s members) as the plain comprehension finds them."""
    evidence = [None if path is None else DomEvidence(path, "p") for path in paths]
    rows = list(line_rows(evidence))
    expected = [
        index
        for index, (xpath, item) in enumerate(rows)
        if item is not None and inside(xpath, container)
    ]
    assert inside_lines(iter(rows), container) == expected
