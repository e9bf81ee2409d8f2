"""How HTML mode chooses the main container: furniture around the first choice, and an
article whose parts are separate elements."""

from __future__ import annotations

from cleantext.html import clean_html

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
