"""HTML mode: parse with lxml, render to the engine's text with DOM evidence, clean.

The wing holds the parser, the renderer, the per-line DOM evidence and the DOM
readings that detectors share (container choice, lead). ``clean_html`` is loaded
on first use, so that detectors can import the DOM readings without the engine.

>>> from cleantext.html import clean_html
>>> clean_html("<p>One paragraph of body text that says something.</p>").text
'One paragraph of body text that says something.'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cleantext.html.api import clean_html

__all__ = ["clean_html"]


def __getattr__(name: str) -> object:
    if name == "clean_html":
        from cleantext.html.api import clean_html

        return clean_html
    raise AttributeError(f"module 'cleantext.html' has no attribute {name!r}")
