"""Does a document look like HTML? One rule for the command line's sniffing and for the hint
:func:`cleantext.clean` gives when it is handed HTML.

A document looks like HTML when it starts with markup (after a byte-order mark and
whitespace) and a common HTML tag follows early on. Prose that merely mentions a tag
("wrap each paragraph in a <p> tag") does not start with markup, so it is text.

>>> looks_like_html("<!DOCTYPE html><html><body>Hi</body></html>"), looks_like_html("Hello <b>")
(True, False)
>>> looks_like_html("Wrap each paragraph in a <p> tag and each link in <a href>.")
False
"""

from __future__ import annotations

import re

SNIFF_CHARS = 4096
"""How much of the start of a document the text-or-HTML guess looks at."""
HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|span|a|table|script|style|link)[\s>/]",
    re.IGNORECASE,
)


def looks_like_html(sample: str) -> bool:
    """True when ``sample`` starts like markup: a ``<`` first, and a common HTML tag early on."""
    head = sample[:SNIFF_CHARS].lstrip("\ufeff \t\r\n")
    return head.startswith("<") and HTML_TAG.search(head) is not None
