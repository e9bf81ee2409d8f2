"""The tag_list kernel (``detectors/_tag_list.pyx``) gives the events the plain rule gives.

The plain rule, candidate line by candidate line: a short bullet item is bulleted
(``has_bullet``), of one to four tokens, without a final stop; consecutive items make a
run, proposed when two or more; any other candidate may be a label, checked before the
run it ends is proposed; a gap between candidates ends a run.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.detectors import tag_list
from cleantext.detectors._tag_list import LABEL, RUN, tag_events
from cleantext.text.lexicon import BULLET_CHARS, has_bullet, tokens
from cleantext.text.page import Page
from strategies import any_text

PARAMS = tag_list.Params()
LINE = st.one_of(
    st.sampled_from(
        (
            "• Politics",
            "• Elections in Europe",
            "  • Europe",
            "• One two three four five",
            "• The end.",
            "•\tTabbed tag",
            "-  Spaced",
            "» Next",
            "•",
            "Tags: a, b",
            "Topics",
            "The body goes on here.",
        )
    ),
    st.text(alphabet="aZ9 •-.!\t", max_size=10),
)


def _plain_events(page: Page, candidates: list[int]) -> list[tuple[int, int, int]]:
    events: list[tuple[int, int, int]] = []
    run: list[int] = []
    previous = -2

    def close() -> None:
        if len(run) >= PARAMS.min_items:
            events.append((RUN, run[0], run[-1]))
        run.clear()

    for index in candidates:
        if index != previous + 1:
            close()
        previous = index
        text = page.lines[index].text
        words = len(tokens(text))  # (the line's tokens, as ``page.token_counts`` counts them)
        if has_bullet(text) and 0 < words <= PARAMS.max_item_words and text[-1] not in ".!?":
            run.append(index)
            continue
        if not has_bullet(text) and text[:1] not in BULLET_CHARS:
            events.append((LABEL, index, index))
        close()
    close()
    return events


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(LINE, max_size=30).map("\n".join), any_text()), st.integers(0, 5))
def test_kernel_events_are_the_plain_rules(text: str, first: int) -> None:
    page = Page.from_text(text)
    candidates = tag_list._candidates(page, first)
    kernel = tag_events(
        page.lines,
        page.token_counts,
        candidates,
        PARAMS.max_item_words,
        PARAMS.min_items,
        lambda index: has_bullet(page.lines[index].text),
    )
    assert kernel == _plain_events(page, candidates)
