"""The compiled contexts (``html/_frames.pyx``) and class/id word reading (``html/_walk.pyx``'s
``read_word_tokens``) against plain-Python references, on generated input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleantext.html._frames import ROOT_CONTEXT, Context, new_context
from cleantext.html._walk import read_attribute, read_word_tokens
from cleantext.html.vocabulary import EXACT, STEMS, word_tokens

TAGS = ("div", "nav", "h2", "section", "article", "p", "header", "main")
LABELS = ("nav", "menu", "ad", "content", "<nav>", "<header>", "share")


def _reference(
    parent: Context, tag: str, landmark: str | None, own: frozenset[str], in_body: bool, depth: int
) -> tuple[object, ...]:
    """``new_context``'s fields as the plain dataclass version computed them."""
    landmarks, tokens, labels = parent.landmarks, parent.tokens, parent.labels
    if own:
        tokens = tokens | own
    if landmark is not None:
        landmarks = landmarks | {landmark}
        own = own | {f"<{landmark}>"}
    if own:
        kept = [item for item in labels if item[0] not in own]
        labels = (*kept, *[(label, depth + 1) for label in sorted(own)])
    heading = parent.heading or tag in {"h1", "h2", "h3", "h4", "h5", "h6"}
    sectioned = parent.sectioned or tag in {"article", "main", "aside", "nav", "section"}
    return landmarks, tokens, labels, in_body, heading, sectioned


FIELDS = ("landmarks", "tokens", "labels", "in_body", "heading", "sectioned")


def _fields(context: Context) -> tuple[object, ...]:
    return tuple(getattr(context, name) for name in FIELDS)


STEP = st.tuples(
    st.sampled_from(TAGS),
    st.one_of(st.none(), st.sampled_from(("nav", "header", "footer", "main"))),
    st.frozensets(st.sampled_from(LABELS), max_size=4),
    st.booleans(),
    st.integers(min_value=0, max_value=2**31 - 2),
)


@given(st.lists(STEP, max_size=12))
def test_contexts_chained_read_as_the_plain_rules_read(steps: list[tuple]) -> None:
    context = ROOT_CONTEXT
    for tag, landmark, own, in_body, depth in steps:
        made = new_context(context, tag, landmark, own, in_body, depth)
        assert _fields(made) == _reference(context, tag, landmark, own, in_body, depth)
        assert all(type(value) is bool for value in _fields(made)[3:])
        context = made


def test_a_context_is_equal_only_to_itself_and_shows_its_fields() -> None:
    one = Context(frozenset(), frozenset({"nav"}), (("nav", 2),), True, False, False)
    two = Context(frozenset(), frozenset({"nav"}), (("nav", 2),), True, False, False)
    assert one == one and one != two and len({one, two}) == 2
    assert "tokens=frozenset({'nav'})" in repr(one) and "in_body=True" in repr(one)


WORD_PARTS = [*EXACT, *(stem for stem, _ in STEMS), "site", "x", "Top", "9", "bar"]


@given(
    st.lists(
        st.one_of(
            st.sampled_from(WORD_PARTS).map(str.capitalize),
            st.sampled_from(WORD_PARTS).map(str.upper),
            st.sampled_from(WORD_PARTS),
            st.text(alphabet="aZnN09vV", min_size=1, max_size=6),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_compiled_word_tokens_read_as_the_plain_function(parts: list[str]) -> None:
    word = "".join(parts)
    assert read_word_tokens(word) == word_tokens.__wrapped__(word)


def test_compiled_word_tokens_edges() -> None:
    for word in ("a", "A", "9", "aB", "Ab", "navBar", "NAVbar", "xNav", "footerNavAds", "x" * 300):
        assert read_word_tokens(word) == word_tokens.__wrapped__(word), word


NAMES = ("class", "id", "role", "hidden", "style", "href", "src", "alt", "itemprop", "data-src")
VALUES = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12)


@given(st.lists(st.tuples(st.sampled_from(NAMES), VALUES, st.booleans()), max_size=6))
def test_attributes_read_from_the_nodes_as_lxml_reads_them(attributes: list) -> None:
    from html import escape

    from lxml import etree

    from cleantext.html.parse import parse

    markup = " ".join(
        name if bare else f'{name}="{escape(value)}"' for name, value, bare in attributes
    )
    root = parse(f"<div {markup}>text<p {markup}></p></div>")
    assert root is not None
    for element in root.iter(etree.Element):
        for name in (*NAMES, "xml:lang", "none"):
            assert read_attribute(element, name) == element.get(name), name


def test_attributes_of_several_nodes_namespaces_and_none_read_as_lxml_reads_them() -> None:
    from lxml import etree

    page = (
        '<!DOCTYPE r [<!ENTITY e "ent">]>'
        '<r xmlns:x="urn:x" a="one&e;two" x:b="in" b="out" c=""><s x:a="only"/></r>'
    )
    root = etree.fromstring(page, etree.XMLParser(resolve_entities=False))
    for element in root.iter(etree.Element):
        for name in ("a", "b", "c", "d", "x:a"):
            assert read_attribute(element, name) == element.get(name), name
    assert read_attribute(root, "b") == "out" and read_attribute(root[0], "a") is None
