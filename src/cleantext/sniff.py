"""Does a document look like HTML? One rule for the command line's sniffing and for the hint
:func:`cleantext.clean` gives when it is handed HTML.

A document looks like HTML when a document tag (``<html``, ``<!doctype html``) opens
early on, or when it starts with markup (after a byte-order mark, whitespace and at most
a little junk such as a misread BOM) and a common HTML tag follows early on. Prose that merely mentions a tag
("wrap each paragraph in a <p> tag") does not start with markup, so it is text.

>>> looks_like_html("<!DOCTYPE html><html><body>Hi</body></html>"), looks_like_html("Hello <b>")
(True, False)
>>> looks_like_html("Wrap each paragraph in a <p> tag and each link in <a href>.")
False
"""

from __future__ import annotations

import re

from cleantext.html.parse import MARKUP

SNIFF_CHARS = 4096
"""How much of the start of a document the text-or-HTML guess looks at."""
HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|span|a|table|script|style|link)[\s>/]",
    re.IGNORECASE,
)
DOCUMENT_TAG = re.compile(r"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
"""Tags that open a whole HTML document: HTML wherever they appear in the sniffed start."""
MAX_JUNK_CHARS = 16
"""Characters other than whitespace allowed before the first tag of a page that is sniffed as
HTML by its common tags (a misread BOM ``ï»¿``, a stray ``?``)."""


def looks_like_html(sample: str) -> bool:
    """True when ``sample`` starts like markup: a document tag (``<!doctype html``, ``<html``)
    early on, or a common HTML tag early on with at most a little junk before the first tag.

    >>> looks_like_html("\\ufeff ï»¿? \\n<html><body>Hi</body></html>")
    True
    """
    head = sample[:SNIFF_CHARS]
    if DOCUMENT_TAG.search(head) is not None:
        return True
    first_tag = MARKUP.search(head)
    if first_tag is None:
        return False
    junk = head[: first_tag.start()].replace("\ufeff", "").strip()
    return len(junk) <= MAX_JUNK_CHARS and HTML_TAG.search(head) is not None
