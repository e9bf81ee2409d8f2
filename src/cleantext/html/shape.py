"""Follow the structure (headings, lists, quotes, code, tables) while the renderer walks.

The renderer tells a :class:`Shaper` about the structural elements it opens and
closes; the line builder asks it for the :class:`~cleantext.structure.Shape`
of each line it emits and keeps them in columns (:class:`ShapeColumn`, its
:attr:`Shaper.shapes`). Shapes are interned, so a page holds one of each. The
Shaper is compiled (:mod:`cleantext.html._shape`): the walk calls it for every
structural element and every line.

Its rules: :data:`SHAPED_TAGS` are the elements whose start or end changes the
shape of the lines inside them (:data:`LIST_TAGS` the lists among them); a code
block's language is read from its ``data-lang`` or a class that :data:`LANGUAGE`
matches (``language-python``, ``lang-js``, ``brush: sql``); ``colspan`` and
``rowspan`` values above :data:`MAX_SPAN` are read as it, and cells past column
:data:`MAX_COLUMNS` share the last one (a page cannot blow up a table).

>>> from lxml import etree
>>> shaper = Shaper()
>>> table = etree.fromstring("<table><tr><td>a</td><td colspan='2'>b</td></tr></table>")
>>> shaper.open("table", table); shaper.open("tr", table[0]); shaper.open("td", table[0][0])
>>> shaper.close("td"); shaper.open("td", table[0][1])
>>> shaper.column, shaper.shape((1,))
(1, Shape(heading=0, lists=(), item_start=False, quote=0, code=0, lang='', table=1, row=0, columns=(1,)))
"""

from __future__ import annotations

from cleantext.html._shape import (
    LANGUAGE,
    LIST_TAGS,
    MAX_COLUMNS,
    MAX_SPAN,
    SHAPED_TAGS,
    ShapeColumn,
    Shaper,
)

__all__ = [
    "LANGUAGE",
    "LIST_TAGS",
    "MAX_COLUMNS",
    "MAX_SPAN",
    "SHAPED_TAGS",
    "ShapeColumn",
    "Shaper",
]
