"""Feed every compiled regex in cleantext, and ``clean`` itself, strings built to backtrack.

Run as a script (``python tests/regex_walk.py``) it prints each pattern's name
before trying it, so a caller that kills it on a timeout knows which one hung.

>>> "cleantext.text.page.WORD" in patterns()
True
>>> len(attacks(100)) > 50
True
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import regex

import cleantext

UNITS = (
    "a",
    " ",
    "\t",
    "\u00a0",
    ">",
    "|",
    "/",
    ".",
    "-",
    "•",
    "»",
    "›",
    "→",
    ":",
    "'",
    "©",
    "1",
    "a ",
    "a.",
    "a-",
    "a, ",
    "A ",
    "> ",
    "| ",
    "- ",
    "a > ",
    "Home > ",
    "ad ",
    "Tags: ",
    "Advertisement ",
    "print ",
    "share ",
    "comment ",
    "photo ",
    "read more ",
    "© 2024 ",
)
"""Building blocks repeated into long runs."""
TAILS = ("", "!", "x", "\x00", " .")
"""What a run ends with: a mismatch at the very end is what makes a regex backtrack."""


def modules() -> Iterator[ModuleType]:
    """cleantext and every module below it."""
    yield cleantext
    for info in pkgutil.walk_packages(cleantext.__path__, "cleantext."):
        if not info.name.endswith("__main__"):
            yield importlib.import_module(info.name)


def patterns() -> dict[str, Any]:
    """Every compiled ``re`` or ``regex`` pattern at module level (or in a slot of a module-level object)."""
    found: dict[str, Any] = {}
    for module in modules():
        for name, value in vars(module).items():
            if isinstance(value, (re.Pattern, regex.Pattern)):
                found[f"{module.__name__}.{name}"] = value
            for slot in getattr(type(value), "__slots__", ()):  # pre-filters hold their patterns
                inner = getattr(value, slot, None)
                if isinstance(inner, (re.Pattern, regex.Pattern)):
                    found[f"{module.__name__}.{name}.{slot}"] = inner
    return found


def attacks(size: int) -> list[str]:
    """Long runs of each unit with each tail, plus spaces between two words."""
    runs = [unit * max(1, size // len(unit)) + tail for unit in UNITS for tail in TAILS]
    return [*runs, "a" + " " * size + "b", "a" + " \t" * (size // 2) + "> b"]


def exercise(pattern: Any, text: str) -> None:
    """Run every matching method of ``pattern`` over ``text``."""
    subject: str | bytes = text.encode() if isinstance(pattern.pattern, bytes) else text
    pattern.search(subject)
    pattern.match(subject)
    pattern.fullmatch(subject)
    for _ in pattern.finditer(subject):
        pass
    pattern.split(subject)


def main(size: int) -> int:
    """Try every pattern, then ``clean`` on long and on line-sized attacks; print progress."""
    for name, pattern in sorted(patterns().items()):
        print(name, flush=True)
        for text in attacks(size):
            exercise(pattern, text)
    print("cleantext.clean", flush=True)
    for text in attacks(size):
        cleantext.clean(text)
    for text in [*attacks(60), *attacks(119)]:
        cleantext.clean(f"Para one is here.\n\n{text}\n\n{text}\n  • {text}\n\nPara two.")
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000))
