"""The fuzz harnesses' checks, run on their seeds and on every input that once broke a promise.

The fuzzing itself runs in CI (``python -m fuzz.run``, atheris); here the checks are
plain functions, so a regression fails the ordinary suite too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzz import checks, run, seed

CHECKS = {
    "clean_text": checks.check_text,
    "clean_html": checks.check_html,
    "jsonl": checks.check_jsonl,
}
SAMPLE = 12
"""Seeds per harness checked here (spread over the corpus; the fuzzer runs them all)."""


def test_every_harness_has_a_check_a_script_and_seeds() -> None:
    assert set(CHECKS) == set(run.HARNESSES) == set(seed.seeds()) == set(seed.REGRESSIONS)
    for harness in run.HARNESSES:
        script = Path(run.HERE / f"{harness}.py").read_text(encoding="utf-8")
        assert f"import {CHECKS[harness].__name__}" in script


@pytest.mark.parametrize(
    ("harness", "data"),
    [(harness, data) for harness, inputs in seed.REGRESSIONS.items() for data in inputs],
)
def test_inputs_that_once_crashed_keep_the_promises(harness: str, data: bytes) -> None:
    CHECKS[harness](data)


@pytest.mark.parametrize("harness", run.HARNESSES)
def test_a_sample_of_the_seeds_keeps_the_promises(harness: str) -> None:
    inputs = seed.seeds()[harness]
    for data in inputs[:: max(len(inputs) // SAMPLE, 1)]:
        CHECKS[harness](data)


def test_a_broken_promise_is_reported() -> None:
    with pytest.raises(AssertionError, match="foreign error"):
        checks.check_error_message("ValueError: All strings must be XML compatible")


def test_the_corpus_is_written_from_the_fixtures(tmp_path: Path) -> None:
    folders = seed.write_corpus(tmp_path)
    for harness, folder in folders.items():
        assert len(list(folder.iterdir())) == len(set(seed.seeds()[harness]))
