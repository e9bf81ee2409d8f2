"""Markdown from a result: a rendering of the same decision, never a new one.

Only the lines that ``result.text`` keeps are rendered; every piece of the
Markdown names the kept lines it came from (:func:`markdown_pieces`). In HTML
mode the shapes the renderer recorded give headings, lists, quotes, code
blocks, tables, links and images; in text mode the text's own shape gives
paragraphs and lists. The rules are in ``docs/markdown.md``.

>>> from cleantext import clean_html
>>> result = clean_html("<h2>Budget</h2><ul><li>roads</li><li>schools</li></ul>")
>>> print(result.to_markdown())
## Budget
<BLANKLINE>
- roads
- schools
"""

from __future__ import annotations

from cleantext.markdown.html import Inline, html_pieces
from cleantext.markdown.kept import Piece, join, kept_lines
from cleantext.markdown.text import text_pieces
from cleantext.model import Result

__all__ = ["Piece", "markdown_pieces", "to_markdown"]


def markdown_pieces(
    result: Result, *, links: bool = False, images: bool = False
) -> tuple[Piece, ...]:
    """The blocks of ``result``'s Markdown, each with the kept lines it renders."""
    lines = kept_lines(result)
    structure = result.structure
    if structure is None:
        return tuple(text_pieces(lines))
    inline = Inline.for_page(structure.base_url, result.metadata.url, links, images)
    return tuple(html_pieces(lines, structure, inline))


def to_markdown(result: Result, *, links: bool = False, images: bool = False) -> str:
    """``result``'s kept text as Markdown (see :meth:`cleantext.Result.to_markdown`)."""
    return join(markdown_pieces(result, links=links, images=images))
