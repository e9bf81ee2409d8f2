"""Reference pages generated from the code, so that they never go stale.

``docs/detectors.md`` is exactly :func:`detectors_markdown`, and every ``console``
block of the docs whose first line is ``$ command`` holds exactly what that command
prints (:func:`refresh_samples`); tests check both. Regenerate them, from the
repository's root, with::

    python -m cleantext.docs          # rewrite docs/detectors.md and the samples
    python -m cleantext.docs --check  # exit 1 and name the pages that are stale

>>> from cleantext.docs import detectors_markdown
>>> detectors_markdown().splitlines()[0]
'# Detectors'
"""

from __future__ import annotations

import argparse
import ast
import inspect
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from itertools import pairwise
from pathlib import Path
from typing import Any

from cleantext.detector import MODES, Detector
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
    if detector.modes != MODES:
        modes = " and ".join(detector.modes)
        parts += [
            f"Runs in {modes} mode by default; `Config().enable({detector.name!r})` runs it in every mode.",
            "",
        ]
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


SAMPLE_FENCE = "```console"
PROMPT = "$ "
SAMPLE_PAGES = ("docs/cli.md", "docs/html.md", "README.md")
"""Pages whose ``console`` samples are generated."""


def refresh_samples(markdown: str, run: Callable[[str], str]) -> str:
    """``markdown`` with each ``console`` block's output replaced by what its ``$`` command
    prints (``run(command)``); other blocks are left alone.

    >>> page = "Try it:\\n\\n```console\\n$ echo hi\\nstale\\n```\\n"
    >>> print(refresh_samples(page, lambda command: command.split()[-1] + "\\n"), end="")
    Try it:
    <BLANKLINE>
    ```console
    $ echo hi
    hi
    ```
    """
    lines = markdown.splitlines(keepends=True)
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        out.append(line)
        index += 1
        if line.rstrip("\n") != SAMPLE_FENCE or not lines[index : index + 1]:
            continue
        if not lines[index].startswith(PROMPT):
            continue
        command = lines[index][len(PROMPT) :].rstrip("\n")
        end = next(i for i in range(index + 1, len(lines)) if lines[i].startswith("```"))
        output = run(command)
        out += [lines[index], output if output.endswith("\n") or not output else output + "\n"]
        index = end
    return "".join(out)


def run_command(command: str, root: Path) -> str:
    """What the shell ``command`` prints on stdout, run in ``root`` with this Python's
    scripts (the ``cleantext`` command) first on the PATH."""
    scripts = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": scripts + os.pathsep + os.environ.get("PATH", ""), "NO_COLOR": "1"}
    done = subprocess.run(
        command, shell=True, cwd=root, env=env, capture_output=True, text=True, check=False
    )
    return done.stdout


def stale_pages(root: Path, *, write: bool) -> list[str]:
    """The generated pages under ``root`` that differ from what the code gives (rewritten
    when ``write``)."""
    wanted = {"docs/detectors.md": detectors_markdown()}
    for name in SAMPLE_PAGES:
        text = (root / name).read_text(encoding="utf-8")
        wanted[name] = refresh_samples(text, lambda command: run_command(command, root))
    stale = [name for name, text in wanted.items() if (root / name).read_text("utf-8") != text]
    if write:
        for name in stale:
            (root / name).write_text(wanted[name], encoding="utf-8")
    return stale


def main(argv: Sequence[str] | None = None) -> int:
    """Rewrite the generated docs (or, with ``--check``, only say which are stale)."""
    parser = argparse.ArgumentParser(prog="python -m cleantext.docs", description=__doc__)
    parser.add_argument("--check", action="store_true", help="only check; exit 1 when stale")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository's root")
    args = parser.parse_args(argv)
    stale = stale_pages(args.root, write=not args.check)
    for name in stale:
        print(f"{name}: {'stale' if args.check else 'rewritten'}")
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    raise SystemExit(main())
