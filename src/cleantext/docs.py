"""Reference pages generated from the registry, so that they never go stale.

``docs/detectors.md`` is exactly :func:`detectors_markdown` (a test checks it);
regenerate it with::

    python -c "import cleantext.docs as d; print(d.detectors_markdown(), end='')" > docs/detectors.md

>>> from cleantext.docs import detectors_markdown
>>> detectors_markdown().splitlines()[0]
'# Detectors'
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Mapping
from dataclasses import fields
from itertools import pairwise
from typing import Any

from cleantext.detector import Detector
from cleantext.registry import BUILTIN

INTRO = """\
Every detector proposes spans with a score and a reason; the engine weighs them
(see [algorithm.md](algorithm.md)) and removes what reaches the threshold. This
page is generated from the registry by `cleantext.docs.detectors_markdown()`;
do not edit it by hand. Switch a detector off with `Config().disable(name)`
and tune a parameter with `Config().tune(name, parameter=value)`.
"""


def field_docs(params_type: type) -> dict[str, str]:
    """The docstring written under each field of a dataclass, from its source.

    Fields without a docstring (or classes without source) are left out.

    >>> from cleantext.detectors.ad_label import Params
    >>> field_docs(Params)["max_chars"]
    'Labels are short; longer lines are never labels.'
    """
    try:
        source = textwrap.dedent(inspect.getsource(params_type))
    except (OSError, TypeError):
        return {}
    tree = ast.parse(source)
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    docs: dict[str, str] = {}
    for node, following in pairwise(body):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            text = _string_of(following)
            if text is not None:
                docs[node.target.id] = " ".join(text.split())
    return docs


def _string_of(node: ast.stmt) -> str | None:
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
        value = node.value.value
        return value if isinstance(value, str) else None
    return None


def doctest_example(function: Any) -> str:
    """The doctest part of ``function``'s docstring (from its first ``>>>`` on), dedented."""
    doc = inspect.getdoc(function) or ""
    start = doc.find(">>>")
    return "" if start < 0 else doc[start:].strip()


def detector_markdown(detector: Detector) -> str:
    """The section of one detector: description, parameters, example."""
    summary = (inspect.getdoc(detector.detect) or "").split("\n\n")[0]
    parts = [f"## `{detector.name}`", "", detector.description, "", summary, ""]
    parts += _parameter_table(detector.params)
    example = doctest_example(detector.detect)
    if example:
        parts += ["Example:", "", "```python", example, "```", ""]
    return "\n".join(parts)


def _parameter_table(params: Any) -> list[str]:
    items = fields(params)
    if not items:
        return ["No parameters.", ""]
    docs = field_docs(type(params))
    rows = ["| parameter | default | meaning |", "| --- | --- | --- |"]
    for item in items:
        meaning = docs.get(item.name, "").replace("|", "\\|")
        rows.append(f"| `{item.name}` | `{getattr(params, item.name)!r}` | {meaning} |")
    return [*rows, ""]


def detectors_markdown(registry: Mapping[str, Detector] = BUILTIN) -> str:
    """The whole ``docs/detectors.md`` page: an index, then one section per detector."""
    index = [f"- [`{name}`](#{name}): {det.description}" for name, det in registry.items()]
    sections = [detector_markdown(detector) for detector in registry.values()]
    page = ["# Detectors", "", INTRO, "In engine order:", "", *index, "", *sections]
    return "\n".join(page).rstrip("\n") + "\n"
