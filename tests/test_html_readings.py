"""The page-level DOM readings of HTML mode: the compiled element tree sums as the plain
definition does, and the main container is chosen once per page without writing into the
page (no memo in ``page.__dict__``), again when the page's type changes."""

from __future__ import annotations

import tracemalloc
from array import array
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleantext.html import api as html_api
from cleantext.html import clean_html
from cleantext.html._choice import has_positive
from cleantext.html._tree import Tree, ancestor_at
from cleantext.html.dom import (
    PageEvidence,
    _kind,
    choose_container,
    line_kind,
    line_rows,
    main_container,
)
from cleantext.html.items import item_lines
from cleantext.model import Segment
from cleantext.text.page import DomEvidence, Page
from cleantext.text.page_type import PageType

STEPS = st.sampled_from(["div", "div[2]", "p", "p[3]", "ul", "li[2]", "section"])
XPATHS = st.one_of(
    st.just(""), st.lists(STEPS, min_size=1, max_size=5).map(lambda s: "/html/" + "/".join(s))
)
PROSE = "The council approved the budget on Monday after a long debate about the schools."


def plain_totals(xpaths: list[str], weights: list[float]) -> dict[str, float]:
    """Each element's total: the weights of the lines at it or below it (the definition)."""
    totals: dict[str, float] = {}
    for xpath in xpaths:
        path = xpath
        while path:
            totals.setdefault(path, 0.0)
            path = path[: path.rfind("/")]
    for path in totals:
        inside = [
            w for x, w in zip(xpaths, weights, strict=True) if x == path or x.startswith(path + "/")
        ]
        totals[path] = sum(inside)
    return totals


@given(st.lists(st.tuples(XPATHS, st.integers(-5, 5)), max_size=30))
def test_the_compiled_tree_sums_each_element_as_the_plain_definition(
    lines: list[tuple[str, int]],
) -> None:
    xpaths = [xpath for xpath, _ in lines]
    weights = [float(weight) for _, weight in lines]  # (integers: sums exact in any order)
    tree = Tree(xpaths)
    assert tree.totals(weights) == plain_totals(xpaths, weights)
    assert sorted(tree.paths) == sorted(plain_totals(xpaths, weights))


@given(st.lists(st.tuples(XPATHS, st.sampled_from([-2.5, -1.0, -0.0, 0.0, 0.5, 3.0])), max_size=30))
def test_the_trees_positive_totals_sum_each_weights_positive_part(
    lines: list[tuple[str, float]],
) -> None:
    xpaths = [xpath for xpath, _ in lines]
    weights = array("d", [weight for _, weight in lines])
    parts = [max(weight, 0.0) for weight in weights]
    assert Tree(xpaths).totals(weights, positive=True) == Tree(xpaths).totals(parts)
    assert has_positive(weights) == (sum(parts) > 0)


@given(st.lists(st.tuples(XPATHS, st.integers(-5, 5)), max_size=30))
def test_the_heaviest_element_is_the_first_of_the_deepest_with_the_top_total(
    lines: list[tuple[str, int]],
) -> None:
    xpaths = [xpath for xpath, _ in lines]
    weights = [float(weight) for _, weight in lines]
    totals = plain_totals(xpaths, weights)
    found = Tree(xpaths).heaviest(weights)
    if not totals:
        assert found is None
        return
    top = max(totals.values())
    deepest = max(path.count("/") for path, total in totals.items() if total == top)
    assert found is not None and found[1] == top
    assert found[0].count("/") == deepest and totals[found[0]] == top
    numbered = Tree(xpaths).paths  # (ties: the first numbered)
    first = next(p for p in numbered if totals[p] == top and p.count("/") == deepest)
    assert found[0] == first


@given(XPATHS, st.integers(-3, 9))
def test_the_compiled_ancestor_is_the_path_cut_at_its_step(xpath: str, depth: int) -> None:
    assert ancestor_at(xpath, depth) == "/".join(xpath.split("/", depth + 1)[: depth + 1])


def test_the_tree_refuses_weights_that_do_not_match_its_lines() -> None:
    tree = Tree(["/html/body/p", "/html/body/div"])
    for weights in ([1.0], [1.0, 2.0, 3.0]):
        try:
            tree.totals(weights)
        except ValueError:
            continue
        raise AssertionError(f"{weights} accepted")


def _page(kind: str | None = None) -> Page:
    evidence = PageEvidence(
        [
            DomEvidence("/html/body/div[1]/p", "p", labels=(("comment", 3),)),
            DomEvidence("/html/body/div[2]/p[1]", "p"),
            DomEvidence("/html/body/div[2]/p[2]", "p"),
        ]
    )
    text = "\n\n".join([PROSE + " " + PROSE + " " + PROSE, PROSE, "Short line."])
    page = Page.from_text(text, evidence)
    return page if kind is None else page.with_page_type(PageType(kind, "dom"))


def test_the_main_container_is_chosen_once_per_page_and_kept_out_of_the_page() -> None:
    page = _page("article")
    assert page.page_type.kind == "article"  # (the page's own cached property, read first)
    before = dict(vars(page))
    first = main_container(page)
    assert first is not None
    assert main_container(page) is first
    assert main_container(page.with_claims({0: "menu"})) is first  # (a copy of the page)
    item_lines(page)
    assert vars(page) == before  # (nothing memoised in the page's __dict__)


def test_the_main_container_is_chosen_again_for_another_page_type() -> None:
    article, forum = _page("article"), _page("forum")
    assert forum.evidence is not article.evidence
    shared = Page.from_text(article.text, article.evidence).with_page_type(forum.page_type)
    main_container(article)
    assert main_container(shared) == choose_container(shared) == choose_container(forum)
    assert main_container(article) == choose_container(article)
    assert main_container(article) != main_container(shared)  # (comments are a forum's text)


def test_html_mode_hands_the_detectors_page_evidence(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[object] = []
    decide = html_api.decide

    def spy(page: Page, *args: Any, **kwargs: Any) -> tuple[str, tuple[Segment, ...]]:
        seen.append(page.evidence)
        return decide(page, *args, **kwargs)

    monkeypatch.setattr(html_api, "decide", spy)
    clean_html(f"<body><p>{PROSE}</p><ul><li><a href='/'>Home</a></li></ul></body>")
    assert len(seen) == 1 and isinstance(seen[0], PageEvidence)


EVIDENCE = st.builds(
    DomEvidence,
    XPATHS.filter(bool),
    st.sampled_from(["p", "li", "h1", "td"]),
    st.frozensets(st.sampled_from(["nav", "main", "aside"]), max_size=2),
    st.frozensets(st.sampled_from(["menu", "comment", "content"]), max_size=2),
    st.sampled_from([0.0, 0.25, 1.0]),
    st.integers(0, 6),
    st.booleans(),
    st.booleans(),
    st.sampled_from([0.0, 0.5, 0.875]),
    st.sampled_from([0.0, 1.0, 12.5]),
    st.lists(st.tuples(st.sampled_from(["menu", "<nav>"]), st.integers(1, 5)), max_size=2).map(
        tuple
    ),
)


@given(st.lists(EVIDENCE, max_size=30), st.data())
def test_page_evidence_in_columns_gives_back_each_item(
    items: list[DomEvidence], data: st.DataObject
) -> None:
    evidence = PageEvidence(items)
    assert len(evidence) == len(items) and evidence.xpaths == [item.xpath for item in items]
    assert list(evidence._made()) == items  # (as a page of more than ITEMS_KEPT lines reads them)
    assert list(evidence) == items and [evidence[i] for i in range(len(items))] == items
    assert evidence[1:4] == tuple(items[1:4]) and evidence[::-1] == tuple(reversed(items))
    assert len(evidence._kinds) == len({item[1:] for item in items})  # (each kind once)
    for rows in (line_rows(evidence), line_rows(items)):  # (the columns, as the loops read them)
        assert [item._replace(xpath=xpath) for xpath, item in rows if item] == items
    kinds = [line_kind(evidence, index) for index in range(len(items))]
    assert [kind and kind[1:] for kind in kinds] == [item[1:] for item in items]
    kept = sorted(data.draw(st.sets(st.integers(0, max(len(items) - 1, 0)))) if items else [])
    assert list(evidence.select(kept)) == [items[i] for i in kept]  # (its items kept)
    assert list(PageEvidence(items).select(kept)) == [items[i] for i in kept]  # (columns)


def test_a_page_of_paragraphs_holds_its_evidence_in_a_few_bytes_a_line() -> None:
    paths = [f"/html/body/article/p[{n}]" for n in range(1, 20_001)]
    tracemalloc.start()
    try:
        evidence = PageEvidence(DomEvidence(path, "p") for path in paths)
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert evidence[-1] == DomEvidence(paths[-1], "p")
    rows = list(line_rows(evidence))  # (a large page's rows: the kinds' items, shared)
    assert [xpath for xpath, _ in rows] == paths and {id(item) for _, item in rows} == {
        id(line_kind(evidence, 0))
    }
    assert held < 20 * len(paths)  # (a named tuple a line: 136 bytes)


def test_page_evidence_adds_no_xpath_when_the_counts_disagree() -> None:
    evidence = PageEvidence([DomEvidence("/a", "p")])
    number = evidence.kind_number(_kind(DomEvidence("", "p")))
    with pytest.raises(ValueError, match="one kind number per XPath"):
        evidence.extend(["/b", "/c"], array("i", [number]))
    with pytest.raises(ValueError, match="one kind per XPath"):
        evidence.extend_kinds(["/b"], [])
    assert evidence.xpaths == ["/a"] and list(evidence) == [DomEvidence("/a", "p")]
