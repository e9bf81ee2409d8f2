"""The compiled Shaper (``html/_shape.pyx``) and the metadata's walk for marked elements:
each against its plain definition or the structure it must read."""

from __future__ import annotations

import pickle
import tracemalloc

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from cleantext.html.parse import parse
from cleantext.html.render import render, render_page
from cleantext.html.shape import MAX_COLUMNS, ShapeColumn, Shaper
from cleantext.meta.marked import (
    BYLINE_CLASSES,
    DATE_CLASSES,
    MARK_CLASS,
    MAX_MARKED_ELEMENTS,
    MICRODATA_PROPS,
    MarkedElements,
)
from cleantext.structure import Shape, TableShape


def rendered(html: str) -> tuple[list[tuple[str, Shape]], list[TableShape]]:
    root = parse(html)
    assert root is not None
    builder = render_page(root)
    return [(line.text, line.shape) for line in builder.lines], list(builder.shaper.tables)


def test_equal_shapes_are_one_object_and_distinct_shapes_differ() -> None:
    lines, _ = rendered("<ol start='4'><li>a</li><li>b<br>c</li></ol><p>d</p><ul><li>e</li></ul>")
    shapes = {text.lstrip(" •"): shape for text, shape in lines}
    assert [shapes[text].lists for text in "abcde"] == [(4,), (5,), (5,), (), (-1,)]
    assert [shapes[text].item_start for text in "abcde"] == [True, True, False, False, True]
    other = Shaper()
    assert other.shape(()) is other.shape(()) and other.shape(()) == Shape()


def test_cells_skip_the_columns_rows_above_span_into() -> None:
    html = (
        "<table><tr><th>h1</th><th>h2</th><th>h3</th></tr>"
        "<tr><td rowspan='2'>a</td><td colspan='2'>b</td></tr>"
        "<tr><td>c</td><td>d</td></tr></table>"
    )
    lines, tables = rendered(html)
    columns = {text: shape.columns for text, shape in lines for text in text.split("\t")}
    assert columns["c"] == (1, 2) and columns["a"] == (0, 1)
    assert tables == [TableShape(False, 3, frozenset({0}))]


def test_hostile_spans_stay_within_the_bound() -> None:
    html = "<table><tr><td colspan='99999' rowspan='5'>a</td><td>b</td></tr><tr><td>c</td></tr>"
    lines, tables = rendered(html + "</table>")
    assert all(max(shape.columns, default=0) <= MAX_COLUMNS for _, shape in lines)
    assert tables[0].width == MAX_COLUMNS + 1


def test_a_table_inside_a_table_lays_out_the_outer_one() -> None:
    inner = "<table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table>"
    html = f"<table><tr><td>x</td><td>{inner}</td></tr><tr><td>y</td><td>z</td></tr></table>"
    _, tables = rendered(html)
    assert [table.layout for table in tables] == [True, False]


SHAPES = st.builds(
    Shape,
    heading=st.integers(0, 6),
    lists=st.lists(st.integers(-1, 3), max_size=2).map(tuple),
    item_start=st.booleans(),
    table=st.integers(0, 2),
    row=st.sampled_from([0, 0, 1, 7, 2**31 - 1]),
    columns=st.lists(st.integers(0, 3), max_size=3).map(tuple),
)


@given(st.lists(SHAPES, max_size=40), st.integers(-45, 45))
def test_the_shape_column_reads_back_the_shapes_it_was_given(
    shapes: list[Shape], index: int
) -> None:
    """Each line's shape, held as its row-less shape's number and its row, reads back equal,
    by index (negative too), slice and iteration, and survives pickling."""
    column = ShapeColumn()
    numbers: dict[Shape, int] = {}
    for shape in shapes:
        plain = shape._replace(row=0)
        if plain not in numbers:
            numbers[plain] = column.intern(plain)
        column.append(numbers[plain], shape.row)
    assert len(column) == len(shapes) and list(column) == shapes and column == shapes
    assert column[1:-1] == tuple(shapes[1:-1])
    if -len(shapes) <= index < len(shapes):
        assert column[index] == shapes[index]
    else:
        with pytest.raises(IndexError):
            column[index]
    assert pickle.loads(pickle.dumps(column)) == shapes


def test_a_long_table_holds_a_few_bytes_of_shape_a_row() -> None:
    """The rows of a table differ by their row number alone: 20,000 more rows' shapes hold
    under 12 bytes a row more (a shape of its own a row held about 400 with its memo entry)."""
    assert 20_000 * 12 > _shaper_bytes(40_000) - _shaper_bytes(20_000) > 0


def _shaper_bytes(rows: int) -> int:
    """What the shaper of a table of ``rows`` rows holds once the walk is done."""
    row = "<tr><td>Harbour Street</td><td>12.50</td><td>Open daily</td></tr>"
    root = parse("<table>" + row * rows + "</table>")
    assert root is not None
    tracemalloc.start()
    try:
        builder = render(root, reader=_Blocks())
        builder.take_text()  # (the rendered text goes: the shaper is what is left)
        shaper = builder.shaper
        del builder
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert len(shaper.shapes) == rows and shaper.shapes[-1].row == rows - 1
    return held


class _Blocks:
    def take(self, block: object) -> None:
        """Let each rendered block go."""


def test_a_code_block_names_its_language() -> None:
    lines, _ = rendered("<pre><code class='lang-js'>let x = 1;</code></pre><pre>plain</pre>")
    assert [(shape.code, shape.lang) for _, shape in lines] == [(1, "js"), (2, "")]


def plain_marked(root: etree._Element) -> tuple[list[object], ...]:
    """The marked elements by the definition, one element at a time, no memo."""
    props, times, stamps, bylines = [], [], [], []
    for element in root.iter(etree.Element):
        classes = element.get("class") or ""
        marked = bool(MARK_CLASS.search(classes))
        href = element.get("href") or ""
        if element.tag == "time":
            times.append(element)
        if element.get("itemprop") in MICRODATA_PROPS:
            props.append(element)
        if marked and any(mark in classes.casefold() for mark in DATE_CLASSES):
            stamps.append(element)
        if (
            (marked and any(mark in classes.casefold() for mark in BYLINE_CLASSES))
            or element.get("rel") == "author"
            or "/author/" in href
            or "/authors/" in href
        ):
            bylines.append(element)
    return tuple(found[:MAX_MARKED_ELEMENTS] for found in (props, times, stamps, bylines))


CLASSES = st.sampled_from(["", "post-Date", "byline", "AUTHOR vcard", "content", "posted-on"])
HREFS = st.sampled_from(["/", "/author/ann", "/authors/", "/authorship", "/about"])
ELEMENT = st.tuples(
    st.sampled_from(["div", "span", "a", "time", "p"]),
    CLASSES,
    st.sampled_from(["", "author", "datePublished", "name"]),
    st.one_of(st.none(), HREFS),
    st.sampled_from(["", "author", "nofollow"]),
)


@given(st.lists(ELEMENT, max_size=50))
def test_the_marked_elements_are_those_of_the_plain_definition(
    elements: list[tuple[str, str, str, str | None, str]],
) -> None:
    parts = []
    for tag, classes, prop, href, rel in elements:
        attributes = f" class='{classes}'" if classes else ""
        attributes += f" itemprop='{prop}'" if prop else ""
        attributes += f" href='{href}'" if href is not None else ""
        attributes += f" rel='{rel}'" if rel else ""
        parts.append(f"<{tag}{attributes}>x</{tag}>")
    root = etree.fromstring("<html><body>" + "".join(parts) + "</body></html>", etree.HTMLParser())
    found = MarkedElements.of(root)
    expected = plain_marked(root)
    assert (found.props, found.times, found.stamps, found.bylines) == tuple(
        list(kind) for kind in expected
    )


CLASS_PIECES = st.sampled_from(
    [
        "post-",
        "Date",
        "BYLINE",
        "auThor",
        "publish",
        "posted",
        "timeStamp",
        "dat",
        "e",
        " ",
        "\u017fpost",
        "po\ufb06ed",
        "\u212aey",
        "\u0130",
        "x",
    ]
)  # (with the non-ASCII letters that fold to ASCII ones: long s, the st ligature, Kelvin)


@given(st.one_of(st.lists(CLASS_PIECES, max_size=6).map("".join), st.text(max_size=30)))
def test_the_compiled_class_marks_are_the_plain_ones_for_ascii_values(classes: str) -> None:
    from cleantext.html._walk import read_class_marks
    from cleantext.meta.marked import _class_marks

    found = read_class_marks(classes)
    assert found == (_class_marks(classes) if classes.isascii() else None)
