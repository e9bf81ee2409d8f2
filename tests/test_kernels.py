"""The compiled kernels: each ``.pyx`` of the source tree is built, current, and its doctests pass.

The kernels' own docstring examples are not collected by ``--doctest-modules`` (it reads
``.py`` files only), so they run here. When the suite runs against an installed wheel, the
modules come from the wheel (``.ci/run``); against an editable install, from ``src/``.
"""

from __future__ import annotations

import doctest
import importlib
import importlib.machinery
from collections.abc import Sequence
from pathlib import Path

import pytest

SOURCE = Path(__file__).parent.parent / "src"
KERNELS = sorted(
    ".".join(path.relative_to(SOURCE).with_suffix("").parts) for path in SOURCE.rglob("*.pyx")
)


def test_there_are_kernels() -> None:
    assert "cleantext.text._lines" in KERNELS


@pytest.mark.parametrize("name", KERNELS)
def test_each_kernel_is_a_compiled_module(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__file__ is not None
    assert module.__file__.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


@pytest.mark.parametrize("name", KERNELS)
def test_each_kernel_is_built_from_its_current_source(name: str) -> None:
    """A kernel built in place (editable install) older than its ``.pyx``: run ``pip install -e .``."""
    compiled = Path(importlib.import_module(name).__file__ or "")
    source = compiled.parent / (name.rsplit(".", 1)[1] + ".pyx")
    if source.exists():  # (an installed wheel carries no sources)
        assert compiled.stat().st_mtime >= source.stat().st_mtime, "run `pip install -e .` again"


@pytest.mark.parametrize("name", KERNELS)
def test_each_kernels_examples_run(name: str) -> None:
    failed, attempted = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert attempted > 0 and failed == 0


def test_the_kernels_bullet_characters_are_the_lexicons() -> None:
    """``is_bullet_char`` (``text/_lines.pxd``, shared by the kernels) spells ``BULLET_CHARS``."""
    from cleantext.text.lexicon import BULLET_CHARS

    declarations = (SOURCE / "cleantext" / "text" / "_lines.pxd").read_text(encoding="utf-8")
    spelt = declarations.split("bint is_bullet_char(", 1)[1].split('return char in u"', 1)[1]
    assert frozenset(spelt.split('"', 1)[0]) == BULLET_CHARS


def _kernel_sequences() -> dict[str, Sequence[object]]:
    from cleantext.text.features import page_features
    from cleantext.text.page import Page

    page = Page.from_text("A first line of text.\n\nA second one.\n\n\nThe end")
    return {
        "LineTable": page.lines,
        "Gaps": page.gaps,
        "LineTokens": page.tokens,
        "FeatureTable": page_features(page).lines,
        "Flags": page.sentence_ends,
    }


@pytest.mark.parametrize("name", ["LineTable", "Gaps", "LineTokens", "FeatureTable", "Flags"])
def test_the_kernels_sequences_index_as_tuples_do(name: str) -> None:
    """One index check (``checked_index`` in ``text/_lines.pxd``) for every compiled sequence."""
    sequence = _kernel_sequences()[name]
    items = tuple(sequence)
    assert len(items) == len(sequence) >= 2
    assert sequence[-1] == items[-1] and sequence[-len(items)] == items[0]
    assert sequence[1:] == items[1:] and sequence[::-1] == items[::-1]
    for outside in (len(items), -len(items) - 1):
        with pytest.raises(IndexError):
            sequence[outside]
