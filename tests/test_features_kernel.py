"""The compiled line-feature kernel counts what the plain definitions count.

:mod:`cleantext.text._features` takes each line's shape in C; here the same features are
computed with the plain Python of their definitions (``str.split``, ``str.istitle``,
``str.isdigit``, ``str.count``) on arbitrary and page-like text.
"""

from __future__ import annotations

import sys
from array import array
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleantext.text._features import (
    KeyTable,
    ends_sentence,
    line_keys,
    line_shapes,
    measure_lines,
    without_marker,
)
from cleantext.text.features import (
    LONG_WORD,
    NUMBER,
    SHAPE_LIMIT,
    SHAPE_REPEATS,
    LineFeatures,
    _numbers_to_zero,
    page_features,
)
from cleantext.text.lexicon import BULLET
from cleantext.text.page import Page
from cleantext.text.prefilter import casefold
from cleantext.text.stopwords import (
    LANGUAGES,
    STOPWORDS,
    choose_language,
    page_stopwords,
    tokens_language,
)
from strategies import any_text, page_line, page_text

SHAPES = st.text(alphabet="aAǅß1٣ .!?…。”)»|·/-•\t\u00a0\u2003xY", max_size=40)
"""Lines of cased, title-case, uncased and digit characters, stops, closers and separators."""


def plain_repeats(keys: list[str]) -> list[int]:
    """How often each line occurs by its repetition key: exactly, or by its shape (digit
    runs written ``0``) when at least :data:`SHAPE_REPEATS` lines share that shape."""
    shapes = [NUMBER.sub("0", key) for key in keys]
    exact, by_shape = Counter(keys), Counter(shapes)
    return [
        max(exact[key], by_shape[shape] if by_shape[shape] >= SHAPE_REPEATS else 1)
        for key, shape in zip(keys, shapes, strict=True)
    ]


def plain_ends_sentence(text: str) -> bool:
    text = text.rstrip("\"'”’»)]")
    return bool(text) and text[-1] in ".!?…。！？:;"


def plain_separators(text: str) -> int:
    return text.count(" | ") + text.count(" · ") + text.count(" / ") + text.count(" » ")


def plain_strip(text: str) -> str:
    """``text`` without the list marker ``BULLET`` matches."""
    match = BULLET.match(text)
    return text[match.end() :] if match else text


def plain_bullet(text: str) -> bool:
    return text[0] in "•·*-–—▪►‣◦○●■□→»›+" and BULLET.match(text) is not None


def plain_features(
    text: str,
    words: tuple[str, ...],
    prose: bool,
    stopwords: frozenset[str],
    repeats: int,
    count: int,
) -> LineFeatures:
    """One line's features, as their definitions state them."""
    if not prose:
        separators = plain_separators(text) if count >= 3 else 0
        return LineFeatures(
            len(text), count, 0, 0, False, plain_bullet(text), 0, 0, separators, repeats
        )
    if len(text) > LONG_WORD * (count + 1):
        count += sum(len(word) // LONG_WORD for word in words)
    end = plain_ends_sentence(text)
    sentences = text.count(". ") + text.count("? ") + text.count("! ") + text.count("。") + end
    function_words = sum(1 for word in words if word in stopwords)
    if len(text) >= SHAPE_LIMIT:
        return LineFeatures(
            len(text), count, function_words, sentences, end, False, 0, 0, 0, repeats
        )
    return LineFeatures(
        len(text),
        count,
        function_words,
        sentences,
        end,
        plain_bullet(text),
        sum(map(str.istitle, text.split())),
        sum(map(str.isdigit, words)),
        plain_separators(text),
        repeats,
    )


@given(st.one_of(any_text(), page_text(), st.lists(SHAPES, min_size=1).map("\n".join)))
def test_the_kernel_counts_what_the_definitions_count(text: str) -> None:
    page = Page.from_text(text)
    found = page_features(page)
    prose = [len(line.text) >= 70 or plain_ends_sentence(line.text) for line in page.lines]
    vocabulary = Counter(
        word for words, may_be in zip(page.tokens, prose, strict=True) if may_be for word in words
    )
    stopwords = STOPWORDS[found.language] if found.language else page_stopwords(vocabulary)
    expected = [
        plain_features(line.text, words, may_be, stopwords, features.repeats, count)
        for line, words, may_be, count, features in zip(
            page.lines, page.tokens, prose, page.word_counts, found.lines, strict=True
        )
    ]
    assert list(found.lines) == expected


LONG_LINES = st.lists(st.lists(SHAPES, min_size=8, max_size=14).map(" ".join), min_size=1).map(
    "\n".join
)
"""Lines of stops, closers, separators and digits, most of them over :data:`SHAPE_LIMIT`."""


@given(LONG_LINES)
def test_long_lines_count_their_sentence_stops_as_str_count_does(text: str) -> None:
    page = Page.from_text(text)
    for line, features in zip(page.lines, page_features(page).lines, strict=True):
        if len(line.text) >= SHAPE_LIMIT:
            stops = sum(line.text.count(stop) for stop in (". ", "? ", "! ", "。"))
            assert features.sentences == stops + plain_ends_sentence(line.text)


@given(st.one_of(page_text(), LONG_LINES, st.lists(SHAPES, min_size=1).map("\n".join)))
def test_a_pages_repeats_number_the_plain_keys_and_shapes(text: str) -> None:
    """The keys measured with the page (their digits noted while folding) repeat as the plain
    keys and their regex shapes do."""
    page = Page.from_text(text)
    keys = [plain_strip(line.text).casefold() for line in page.lines]
    assert list(page_features(page).lines.repeats) == plain_repeats(keys)


KEY_LINES = st.lists(
    st.sampled_from(
        [
            "Home",
            "HOME",
            "• home",
            "Straße",
            "STRASSE",
            "ﬁle",
            "FILE",
            "Page 1",
            "page 22",
            "Page ٣",
            "Seite 𝟏",
            "𝟏 Tag",
            "ǅ x",
            "ǆ X",
            "İstanbul",
            "i̇stanbul",
            "x 2",
            "x 3",
            "Привет 4",
            "ПРИВЕТ 5",
            "🙂 1",
            "🙂 2",
            "a\u00a0b",
            "ＡＢ 1",
            "ａｂ 2",
        ]
    )
    | page_line(),
    min_size=1,
    max_size=30,
)
"""Lines whose keys repeat: by case, by folding to several characters (``ß``, ``ﬁ``),
beyond the folding table (digits of other scripts, beyond the Basic Multilingual Plane)."""


def partition(values: list[object]) -> list[int]:
    """Each value's number in the order of first occurrence (equal values: one number)."""
    numbers: dict[object, int] = {}
    return [numbers.setdefault(value, len(numbers)) for value in values]


@given(KEY_LINES, st.sampled_from([1, 3, 4096]))
def test_the_key_table_numbers_lines_as_their_plain_keys_and_shapes(
    lines: list[str], batch: int
) -> None:
    """Lines get the same key number exactly when their plain keys are equal, and their keys
    the same shape number exactly when the keys' regex shapes are; ``batch`` lines at a time."""
    page = Page.from_text("\n".join(lines))
    facts = measure_lines(
        page.lines, page.tokens, page.word_counts, casefold, _numbers_to_zero, 70, 200, 14, batch
    )
    keys = [plain_strip(line.text).casefold() for line in page.lines]
    numbers = list(facts.keys)
    assert partition(numbers) == partition(keys)
    shapes = [facts.shape_of_key[number] for number in numbers]
    assert partition(shapes) == partition([NUMBER.sub("0", key) for key in keys])
    assert sorted(set(numbers)) == list(range(len(set(keys))))
    assert facts.shapes == len({NUMBER.sub("0", key) for key in keys})


def test_the_key_table_reads_keys_of_the_page_and_one_folded_string_each() -> None:
    keys = KeyTable("Home\nhome", 3)
    with pytest.raises(ValueError, match="not in the page"):
        keys.add_text(0, "Away")
    with pytest.raises(ValueError, match="keys for"):
        keys.add_folded([0, 1], ["home"])
    assert keys.add_text(0, "Home") and keys.add_text(1, "home")
    keys.add_folded([2], ["home"])
    found, shapes, count = keys.finish(_numbers_to_zero)
    assert (list(found), list(shapes), count) == ([0, 0, 0], [0], 1)


@given(SHAPES)
def test_sentence_ends_as_defined(text: str) -> None:
    assert ends_sentence(text) == plain_ends_sentence(text)


KEYS = st.lists(
    st.one_of(SHAPES, any_text()).map(lambda text: text.replace("\n", " ")),
    max_size=8,
)
"""Line keys: digits of several scripts (ASCII, Arabic-Indic, fullwidth) among other text."""


@given(KEYS)
def test_line_shapes_write_each_run_of_digits_as_the_regex_does(keys: list[str]) -> None:
    keys = [*keys, "page 12 of 3", "٣٤ x", "ｐ１２"]
    assert line_shapes(keys, _numbers_to_zero) == [NUMBER.sub("0", key) for key in keys]


EVERY_CHARACTER = "".join(map(chr, range(sys.maxunicode + 1)))


def test_digit_runs_are_the_regexs_for_every_code_point() -> None:
    """The kernel's decimal digits are ``\\d``'s on every code point of the plane it reads
    (the regex decides beyond it)."""
    keys = [f"a{char}{char}b" for char in EVERY_CHARACTER]
    assert line_shapes(keys, _numbers_to_zero) == [NUMBER.sub("0", key) for key in keys]


def test_list_markers_end_where_the_regexs_white_space_does_for_every_code_point() -> None:
    for marker in "•-»+":
        texts = [f"{marker}{char}{char}x" for char in EVERY_CHARACTER]
        assert [without_marker(text) for text in texts] == [plain_strip(t) for t in texts]


def test_line_keys_fold_as_casefold_does_for_every_code_point() -> None:
    """Each line's key is ``str.casefold``'s whether its characters are in the kernel's
    folding table or not, alone or beside others (a line of both is folded by
    ``casefold``)."""
    texts = [f"• x{char}{char}Y" for char in EVERY_CHARACTER if char != "\n"]
    texts += ["Straße", "ΣΑΣ", "İ", "\U0001d400", "ﬁ", "K", "Ǆ", "", "• ", "AÀ\u2000"]
    keys = line_keys(texts, casefold)
    assert keys == [plain_strip(text).casefold() for text in texts]


@given(st.one_of(page_line(), any_text(), SHAPES))
def test_list_markers_are_the_regexs(text: str) -> None:
    assert without_marker(text) == plain_strip(text)


@given(
    st.lists(
        st.one_of(page_line(), any_text()).map(lambda text: text.replace("\n", " ")), max_size=8
    )
)
def test_line_keys_are_the_plain_definitions(texts: list[str]) -> None:
    keys = line_keys(texts, casefold)
    assert keys == [plain_strip(text).casefold() for text in texts]


@given(st.one_of(page_text(), any_text()))
def test_the_prose_vocabulary_is_counted_line_after_line(text: str) -> None:
    page = Page.from_text(text)
    prose = bytes(index % 2 == 0 for index in range(len(page.lines)))
    expected: Counter[str] = Counter()
    for words, may_be in zip(page.tokens, prose, strict=True):
        if may_be:
            expected.update(words)
    found = page.tokens.counts_on(prose)
    assert list(found.items()) == list(expected.items())  # (the order decides page stopwords)
    kept = page.tokens.select(range(0, len(page.lines), 3))  # (a vocabulary shared and larger)
    marks = bytes(index % 2 for index in range(len(kept)))
    words = frozenset(list(found)[::2]) | STOPWORDS["en"]
    assert list(kept.members_on(marks, words)) == [
        sum(word in words for word in tokens) if mark else 0
        for tokens, mark in zip(kept, marks, strict=True)
    ]


STOPWORD_TEXT = st.lists(
    st.one_of(st.sampled_from(sorted(frozenset().union(*STOPWORDS.values()))), page_line()),
    max_size=60,
).map(" ".join)
"""Lines rich in the lists' words (of several languages at once), and page-like ones."""


@given(st.lists(st.one_of(STOPWORD_TEXT, page_text(), any_text()), min_size=1, max_size=6))
def test_the_language_from_token_ids_is_the_language_of_the_words(lines: list[str]) -> None:
    page = Page.from_text("\n".join(lines))
    for marks in (
        bytes(1 for _ in page.lines),
        bytes(index % 2 for index in range(len(page.lines))),
    ):
        words: Counter[str] = Counter()
        for tokens, mark in zip(page.tokens, marks, strict=True):
            if mark:
                words.update(tokens)
        assert tokens_language(page.tokens, marks) == choose_language(words)
        hits = array("q", [0] * len(LANGUAGES))
        assert page.tokens.hits_on(marks, {}, hits) == sum(words.values())
        assert not any(hits)


def test_the_hits_are_checked() -> None:
    page = Page.from_text("the cat and the dog")
    with pytest.raises(TypeError):
        page.tokens.hits_on(b"\1", {"the": (0,)}, array("i", [0]))
    with pytest.raises(IndexError):
        page.tokens.hits_on(b"\1", {"the": (1,)}, array("q", [0]))
    with pytest.raises(IndexError):
        page.tokens.hits_on(b"\1", {"the": (-1,)}, array("q", [0]))
    with pytest.raises(ValueError):
        page.tokens.hits_on(b"\1\1", {"the": (0,)}, array("q", [0]))
    assert page.tokens.hits_on(b"", {"the": (0,)}, array("q", [0])) == 0


@given(st.one_of(any_text(), page_text(), st.lists(SHAPES, min_size=1).map("\n".join)))
def test_the_word_facts_are_read_from_the_tokens(text: str) -> None:
    page = Page.from_text(text)
    long_parts, numbers = page.tokens.word_facts(LONG_WORD)
    assert list(long_parts) == [
        sum(len(word) // LONG_WORD for word in words) for words in page.tokens
    ]
    assert list(numbers) == [sum(map(str.isdigit, words)) for words in page.tokens]
    kept = page.tokens.select(range(0, len(page.lines), 2))  # (a vocabulary larger than its ids)
    assert list(kept.word_facts(1)[0]) == [sum(map(len, words)) for words in kept]
    middle = len(page.lines) // 2
    parts, found = page.tokens.word_facts(LONG_WORD, middle, middle + 3)  # (one batch of lines)
    assert list(parts) == list(long_parts[middle : middle + 3])
    assert list(found) == list(numbers[middle : middle + 3])
    with pytest.raises(ValueError):
        page.tokens.word_facts(0)
