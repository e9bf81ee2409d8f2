"""Hostile input: huge lines, floods of blank lines and bullets, control characters, scripts.

Sizes are scaled down from the issue's (20 MB line, a million blank lines,
100,000 bullets) to keep the suite fast; ``benchmarks/scaling.py`` shows the
cost at full size. Every result must satisfy the invariants of
:mod:`invariants` and be idempotent. ``signal.alarm`` and the subprocess
timeout only detect hangs; they assert nothing about speed.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

import cleantext
from cleantext import Result
from invariants import check_result, visible

HANG_SECONDS = 120
SENTENCE = "The council approved the new budget on Monday after a long debate in the city hall."
OTHER = "Officials said that the talks about schools and roads would continue again next month."
SCRIPTS = (
    "وافق المجلس على الميزانية الجديدة بعد نقاش طويل استمر حتى ساعة متأخرة من الليل، وقال المسؤولون إن المحادثات ستستمر.",
    "הממשלה אישרה את התקציב החדש לאחר דיון ארוך שנמשך עד שעות הלילה המאוחרות, ופקידים אמרו שהשיחות יימשכו.",
    "市議会は長い議論の末、月曜日に新しい予算を承認した。関係者によると、協議は来月も続く見通しだという。",
    "政府表示，经过长时间的辩论，议会于周一批准了新的预算，谈判将于下个月继续进行。",
    "서울시 의회는 긴 토론 끝에 월요일에 새로운 예산안을 승인했으며, 관계자들은 협상이 계속될 것이라고 말했다.",
    "Городской совет утвердил новый бюджет в понедельник после долгих дебатов, переговоры продолжатся.",
    f"{SENTENCE} Ο δήμαρχος είπε ότι οι συνομιλίες θα συνεχιστούν τον επόμενο μήνα.",
)


@pytest.fixture(autouse=True)
def hang_guard() -> Iterator[None]:
    """Fail a test that runs for minutes instead of hanging the suite."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"no result after {HANG_SECONDS} s: a hang")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(HANG_SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def checked(text: str) -> Result:
    """Clean ``text``, check every invariant and idempotence, return the result."""
    result = cleantext.clean(text)
    check_result(text, result)
    assert cleantext.clean(result.text).text == result.text
    return result


def test_huge_single_line_is_kept_whole() -> None:
    text = " ".join([SENTENCE, OTHER] * 12_000)
    assert len(text) > 2_000_000
    result = checked(text)
    assert (result.text, result.removed) == (text, ())


def test_flood_of_blank_lines_between_two_paragraphs() -> None:
    result = checked(SENTENCE + "\n" * 200_000 + OTHER)
    assert result.text == f"{SENTENCE}\n\n{OTHER}"


def test_flood_of_blank_lines_in_a_page_is_an_ad_gap() -> None:
    head, tail = "\n\n".join([SENTENCE, OTHER] * 3), "\n\n".join([OTHER, SENTENCE] * 3)
    result = checked(head + "\n" * 200_000 + tail)
    assert result.text == f"{head}\n\n{tail}"
    assert [(segment.detector, len(segment.text)) for segment in result.removed] == [
        ("ad_gap", 200_000)
    ]


def test_many_bullets() -> None:
    bullets = "\n".join(f"  • step {number} of the recipe" for number in range(20_000))
    result = checked(f"{SENTENCE}\n\n{bullets}\n\n{OTHER}")
    assert SENTENCE in result.text


def test_line_of_a_million_spaces() -> None:
    spaces = " " * 1_000_000
    result = checked(f"{SENTENCE}\n{spaces}\n{OTHER}\n{spaces}x{spaces}")
    assert visible(SENTENCE + OTHER) in visible(result.text)


@pytest.mark.parametrize("unit", [">", "|", "> ", "| ", "»", "/ ", "•", "-"])
def test_long_line_of_separators(unit: str) -> None:
    line = unit * (100_000 // len(unit))
    checked(line)
    checked(f"{SENTENCE}\n\n{line}\n\n{OTHER}\n\n{line}x")


def test_nul_and_control_characters() -> None:
    controls = "".join(chr(code) for code in [*range(32), *range(127, 160)] if code != 10)
    noisy = SENTENCE.replace(" ", " \x00", 3) + controls
    result = checked(f"{controls}\n\n{noisy}\n\n{OTHER}\x00\n\n\x00\x01\x02")
    assert visible(noisy) in visible(result.text)
    checked(controls * 1000)
    checked("\x00" * 100_000)


def test_scripts_rtl_and_cjk_pages_are_kept() -> None:
    text = "\n\n".join(SCRIPTS)
    result = checked(text)
    assert (result.text, result.removed) == (text, ())
    checked("".join(SCRIPTS) * 500)
    checked("\n".join(SCRIPTS) * 500)


def test_mixed_directions_and_combining_marks() -> None:
    bidi = "\u202e\u2067\u200f\u200e\u2066\u2069\u202c\ufeff\u0301\u0308\u200b\u200d"
    line = f"{SENTENCE} {bidi} {SCRIPTS[0]} {bidi * 10} {SCRIPTS[2]}"
    checked("\n\n".join([line, bidi, line, "\u2028\u2029\u0085", line]))


def test_no_regex_backtracks_catastrophically() -> None:
    """Every pattern in the package and ``clean`` on strings built to make regexes backtrack."""
    walker = Path(__file__).with_name("regex_walk.py")
    try:
        done = subprocess.run(
            [sys.executable, str(walker), "2000"],
            capture_output=True,
            text=True,
            timeout=HANG_SECONDS - 10,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        tried = (error.stdout or b"").decode() if isinstance(error.stdout, bytes) else error.stdout
        last = (tried or "").strip().splitlines()[-1:]
        pytest.fail(f"regex walk hung; last pattern tried: {last}")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("done")
    assert "cleantext.text.page.WORD" in done.stdout
