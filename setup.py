"""Build the compiled kernels: every ``src/cleantext/**/*.pyx`` becomes an extension module.

Everything else (name, dependencies, package data) is in ``pyproject.toml``. A kernel sits
beside the Python it serves, e.g. ``text/_lines.pyx`` beside ``text/page.py``, with a
``.pyi`` stub for mypy.

After changing a ``.pyx`` file in an editable install, run ``pip install -e .`` again: the
kernels are compiled at install time, not at import time.
"""

from __future__ import annotations

from pathlib import Path

import lxml
from Cython.Build import cythonize
from setuptools import Extension, setup

SOURCE = Path("src")
DIRECTIVES = {
    "language_level": 3,
    "boundscheck": False,  # every index is checked by the kernel's own loop bounds
    "wraparound": False,
    "cdivision": True,
    "embedsignature": True,
}


def kernels() -> list[Extension]:
    """One extension per ``.pyx`` file under ``src/``, named by its path. Each sees lxml's
    C declarations and libxml2's headers (``html/_walk.pyx`` reads the tree through them:
    the build ties to lxml's ABI, and ``pyproject.toml`` pins the range that build and run
    time share)."""
    return [
        Extension(
            ".".join(path.relative_to(SOURCE).with_suffix("").parts),
            [str(path)],
            include_dirs=lxml.get_include(),
        )
        for path in sorted(SOURCE.rglob("*.pyx"))
    ]


def kernels_or_fail() -> list[Extension]:
    """The kernels; none found means a broken source tree (or sdist), never a pure-Python build."""
    found = kernels()
    if not found:
        raise SystemExit(f"no .pyx kernels under {SOURCE.resolve()}")
    return found


setup(ext_modules=cythonize(kernels_or_fail(), compiler_directives=DIRECTIVES))
