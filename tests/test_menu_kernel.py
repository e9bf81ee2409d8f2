"""The menu kernel (``detectors/_menu.pyx``) finds the runs the plain rule finds.

The plain rule, line by line: an item is ``menu._item(text, params)`` (bullet stripped,
short, no final stop, not an amount, one to four tokens); a run is four or more
consecutive items; each is counted as the detector weighs it (capitalised items, items
with a digit, bulleted lines).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.detectors import menu
from cleantext.detectors._menu import item_runs
from cleantext.text.lexicon import has_bullet
from cleantext.text.page import Page
from strategies import MENU_LINES, any_text, page_text

PARAMS = menu.Params()
ODD_ITEMS = (
    "• Home",
    "-  News",
    "•\tSport",
    "» Video 2",
    "200 g flour",
    "½ cup",
    "Ünïcode",
    "東京",
    "Éditions Paris",
    "Ⅻ Chapter",
    "²nd floor",
    "٣ كتب",
    "３ 冊",
    "¾ Sleeve",
)
LINE = st.one_of(
    st.sampled_from(MENU_LINES + ODD_ITEMS + ("The end.", "World news today, and more", "")),
    st.text(alphabet="aZ9 •-.½éÉ²٣Ⅻ東", max_size=12),
)


def _plain_runs(page: Page) -> list[tuple[int, int, int, int, int]]:
    runs: list[tuple[int, int, int, int, int]] = []
    items: list[tuple[int, str]] = []
    for line in [*page.lines, None]:
        item = None if line is None else menu._item(line.text, PARAMS)
        if line is not None and item is not None:
            items.append((line.index, item))
            continue
        if len(items) >= PARAMS.min_run:
            texts = [text for _, text in items]
            runs.append(
                (
                    items[0][0],
                    items[-1][0],
                    sum(1 for text in texts if text[:1].isupper() or text[:1].isdigit()),
                    sum(1 for text in texts if any(map(str.isdigit, text))),
                    sum(1 for index, _ in items if has_bullet(page.lines[index].text)),
                )
            )
        items = []
    return runs


def _kernel_runs(page: Page) -> list[tuple[int, int, int, int, int]]:
    counts = page.token_counts

    def plain(index: int) -> tuple[str | None, bool]:
        text = page.lines[index].text
        return menu._item(text, PARAMS, counts[index]), has_bullet(text)

    return item_runs(
        page.lines, counts, 0, len(page.lines), PARAMS.max_chars, PARAMS.max_words,
        PARAMS.min_run, plain,
    )  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(LINE, max_size=30).map("\n".join), page_text(), any_text()))
def test_the_kernel_finds_the_runs_of_the_plain_rule(text: str) -> None:
    page = Page.from_text(text)
    assert _kernel_runs(page) == _plain_runs(page)


def test_usual_and_odd_items_make_one_run_and_an_amount_ends_it() -> None:
    page = Page.from_text("• Home\n-  News\nÜber uns\nVideo 2\n東京\n½ cup\nSport")
    assert _kernel_runs(page) == [(0, 4, 4, 1, 2)] == _plain_runs(page)
