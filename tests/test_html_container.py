"""How HTML mode chooses the main container: furniture around the first choice, and an
article whose parts are separate elements."""

from __future__ import annotations

from array import array

from hypothesis import given
from hypothesis import strategies as st

from cleantext.html import clean_html
from cleantext.html.choice import carries_text
from cleantext.html.dom import (
    FURNITURE_COST,
    FURNITURE_LANDMARKS,
    PAGE_CARRIER_SHARE,
    _count_against,
    ancestor_at,
    evidence_table,
    label_strength,
)
from cleantext.text.page import DomEvidence

ARTICLE = (
    "The council approved the new budget on Monday after a long debate about schools. "
    "Teachers had asked for more money for books, and the mayor agreed to most of it."
)
SIDEBAR = (
    "Our newsletter brings you the best stories of the week, with tips from our editors, "
    "reviews of new books and films, and interviews with the people who make the town. "
)


def test_a_long_block_inside_a_sidebar_does_not_beat_a_shorter_article() -> None:
    menu = "".join(f"<li><a href='/{n}'>Section {n}</a></li>" for n in range(12))
    share = "".join(f"<li><a href='/s{n}'>Share on network {n}</a></li>" for n in range(4))
    article = f"<div class='story'><ul>{share}</ul>" + f"<p>{ARTICLE}</p>" * 2 + "</div>"
    sidebar = "<div class='sidebar'><div class='box'><p>" + SIDEBAR * 3 + "</p></div></div>"
    result = clean_html(f"<body><div class='page'><ul>{menu}</ul>{article}{sidebar}</div></body>")
    assert result.text.count("The council approved") == 2
    assert "Our newsletter" not in result.text


def test_an_article_split_over_sibling_elements_is_kept_whole() -> None:
    lead = f"<p>{ARTICLE} {ARTICLE}</p>"
    items = "".join(f"<p>{n}) Item number {n}</p>" for n in range(1, 25))
    more = f"<p>In the end the vote was close: {ARTICLE}</p>"
    menu = "<div><a href='/a'>Home</a> <a href='/b'>World</a> <a href='/c'>Sport</a></div>"
    result = clean_html(f"<body>{menu}<div class='body'>{lead}{items}{more}</div></body>")
    assert "In the end the vote was close" in result.text
    assert result.text.count("The council approved") == 3
    assert "Sport" not in result.text


def test_an_article_in_an_element_named_like_share_buttons_is_kept() -> None:
    article = "<div class='entry share-enabled'>" + f"<p>{ARTICLE}</p>" * 4 + "</div>"
    reply = "<p>I was at the meeting and I think the mayor was right about the schools.</p>"
    comments = "<div class='comments'>" + reply * 8 + "</div>"
    result = clean_html(f"<body><div class='page'>{article}{comments}</div></body>")
    assert result.text.count("The council approved") == 4
    assert "I was at the meeting" not in result.text


def test_an_article_around_the_whole_page_does_not_shield_furniture_inside_the_text() -> None:
    caption = "The mayor shakes hands with the head of the council (Photo: J. Smith)"
    gallery = f"<div class='gallery'><div class='caption'>{caption}</div><div class='modal'>"
    gallery += "<div>Close</div><div>Image 1 of 8</div></div></div>"
    text = f"<p>{ARTICLE}</p>" * 3 + gallery + f"<p>{ARTICLE}</p>" * 3
    result = clean_html(f"<body><article><div class='story-body'>{text}</div></article></body>")
    assert result.text.count("The council approved") == 6
    assert "The mayor shakes hands" not in result.text
    assert "Image 1 of 8" not in result.text


def test_a_sidebar_with_most_of_the_prose_does_not_wrap_the_article() -> None:
    excerpt = "<li><a href='/x'>Budget news</a> I think the mayor was right about the schools.</li>"
    sidebar = "<div class='sidebar'><ul>" + excerpt * 16 + "</ul></div>"
    article = "<div class='main'>" + f"<p>{ARTICLE}</p>" * 3 + "</div>"
    result = clean_html(f"<body><div class='page'>{article}{sidebar}</div></body>")
    assert result.text.count("The council approved") == 3
    assert "the mayor was right" not in result.text


def test_the_standfirst_between_headline_and_body_is_kept() -> None:
    lead = "The town will spend more on its schools next year, after a vote that split the council."
    meta = "".join(f"<div>{word}</div>" for word in "Share Print Save Mail Like Copy".split())
    header = f"<h1>Budget passed</h1>{meta * 2}<div class='intro'><p>{lead}</p></div>"
    body = "<div class='text'>" + f"<p>{ARTICLE}</p>" * 8 + "</div>"
    result = clean_html(f"<body><article>{header}{body}</article><div>Weather: sunny</div></body>")
    assert lead in result.text
    assert result.text.count("The council approved") == 8
    assert "Weather" not in result.text


def test_a_paragraph_in_an_article_header_is_text() -> None:
    intro = (
        "The town will spend more on its schools next year, after a vote that split the council."
    )
    meta = "".join(f"<div>{word}</div>" for word in "Share Print Save Mail Like Copy".split())
    header = f"<div class='post-header'><h1>Budget passed</h1><p>{intro}</p>{meta}</div>"
    body = f"<p>{ARTICLE}</p>" * 6
    menu = "<ul><li><a href='/a'>Home</a></li><li><a href='/b'>World</a></li></ul>"
    result = clean_html(f"<body>{menu}<article>{header}{body}</article></body>")
    assert intro in result.text
    assert "World" not in result.text


def test_a_paragraph_is_never_the_whole_container() -> None:
    long_paragraph = "<p>" + " ".join([ARTICLE] * 8) + "</p>"
    facts = ("1957: first houses", "1962: the library", "1964: the second phase")
    note = "".join(f"<p>{fact}</p>" for fact in facts)
    menu = "<div><a href='/a'>Home</a> <a href='/b'>World</a> <a href='/c'>Sport</a></div>"
    page = f"<body>{menu}<div class='story'>{long_paragraph}{note}</div></body>"
    result = clean_html(page)
    assert all(fact in result.text for fact in facts)
    assert "Sport" not in result.text


PATHS = ["/html/body/div/p", "/html/body/div/ul/li", "/html/body/aside/p", "/html/body/p"]
PAIRS = st.lists(
    st.tuples(
        st.sampled_from(["menu", "<nav>", "<header>", "<footer>", "share", "comment", "header"]),
        st.integers(0, 5),
    ),
    max_size=4,
).map(tuple)
ELEMENTS = sorted({path[:cut] for path in PATHS for cut in range(len(path) + 1) if cut})


def plain_count_against(
    evidence: list[DomEvidence | None],
    weights: list[float],
    positive: dict[str, float],
    headed: frozenset[str],
    ignored: frozenset[str],
) -> list[float]:
    """The second choice's rule as first written: the labels that count against a line (a
    furniture landmark, or a label of an element that does not carry the text), of which the
    strongest not ``ignored`` must reach the furniture cost."""
    limit = PAGE_CARRIER_SHARE * sum(weight for weight in weights if weight > 0)
    turned = list(weights)
    for index, (item, weight) in enumerate(zip(evidence, weights, strict=True)):
        if weight <= 0 or item is None or item.in_structured_body:
            continue
        found = [
            label
            for label, depth in item.labels
            if (label.startswith("<") and label[1:-1] in FURNITURE_LANDMARKS)
            or not carries_text(
                label,
                positive.get(element := ancestor_at(item.xpath, depth), 0.0),
                limit,
                element in headed,
            )
        ]
        strengths = [label_strength(label) for label in found if label not in ignored]
        if max(strengths, default=0) >= FURNITURE_COST:
            turned[index] = -weight
    return turned


@given(
    st.lists(
        st.one_of(
            st.none(),
            st.builds(
                lambda path, labels, structured: DomEvidence(
                    path, "p", labels=labels, in_structured_body=structured
                ),
                st.sampled_from(PATHS),
                PAIRS,
                st.booleans(),
            ),
        ),
        max_size=8,
    ),
    st.data(),
)
def test_the_second_choice_turns_the_lines_the_plain_rule_turns(
    evidence: list[DomEvidence | None], data: st.DataObject
) -> None:
    weights = data.draw(
        st.lists(
            st.sampled_from([40.0, 5.0, 150.0, 0.0, -3.0]),
            min_size=len(evidence),
            max_size=len(evidence),
        )
    )
    positive = {
        element: data.draw(st.sampled_from([0.0, 25.0, 120.0, 900.0])) for element in ELEMENTS
    }
    headed = frozenset(data.draw(st.lists(st.sampled_from(ELEMENTS), max_size=3)))
    ignored = data.draw(st.sampled_from([frozenset(), frozenset({"comment"})]))
    expected = plain_count_against(evidence, weights, positive, headed, ignored)
    turned = array("d", weights)
    _count_against(evidence_table(evidence), turned, positive, headed, ignored)
    assert list(turned) == expected
