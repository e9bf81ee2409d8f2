"""The body's elements that may mark an author or a date: microdata (``itemprop``),
``<time>``, elements whose class names a date stamp or a byline, links to author pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

import regex
from lxml import etree

from cleantext.meta.dates import parse_date, stamp_dates
from cleantext.meta.facts import MAX_META_CHARS
from cleantext.meta.people import unique_names

MAX_BYLINE_CHARS = 100
"""A byline element with more text is a biography, not a byline."""
MAX_MARKED_ELEMENTS = 20
"""Only the first few elements of each kind (byline, date stamp, microdata, ``<time>``) are
read (nested ones on a hostile page would otherwise make the text walk quadratic)."""
BYLINE_CLASSES = ("byline", "author")
"""An element whose class holds one of these marks a byline."""
BYLINE_LINKS = ("/author/", "/authors/")
"""A link to an author page marks a byline (each mark starts with ``/author``)."""
DATE_CLASSES = ("date", "publish", "posted", "timestamp")
"""An element whose class holds one of these marks a date stamp ("post-date", "meta-date")."""
MICRODATA_PUBLISHED = ("datePublished", "dateCreated", "uploadDate")
"""The microdata properties that date a work's first appearance (a question's ``dateCreated``
on a Q&A page is when it was asked)."""
MICRODATA_PROPS = ("author", *MICRODATA_PUBLISHED, "dateModified")
CLASS_MARKS = (*BYLINE_CLASSES, *DATE_CLASSES)
MARK_CLASS = regex.compile("|".join(CLASS_MARKS), regex.IGNORECASE)
"""One test for a class that may mark a byline or a date stamp (the rest is sorted after)."""
MAX_STAMP_CHARS = 80
"""A date stamp element with more text is a paragraph that happens to hold a date."""


@dataclass(frozen=True)
class MarkedElements:
    """The elements that may mark an author or a date, sorted by kind, in document order."""

    props: Sequence[etree._Element]
    times: Sequence[etree._Element]
    stamps: Sequence[etree._Element]
    bylines: Sequence[etree._Element]

    @classmethod
    def of(cls, root: etree._Element) -> MarkedElements:
        """Walk ``root`` once and sort the marked elements by kind: the walk is compiled
        (:func:`~cleantext.html._walk.marked_elements`, :func:`element_marks` on each element
        that may be marked); the ``<time>`` elements are lxml's C-level search."""
        from cleantext.html._walk import marked_elements  # (the walk imports this module)

        limit = MAX_MARKED_ELEMENTS
        props, stamps, bylines = marked_elements(root, limit)
        times = list(islice(root.iter("time"), limit))
        return cls(props, times, stamps, bylines)

    def microdata(self) -> list[tuple[str, str]]:
        """(``itemprop``, value) of the microdata elements in document order (an item's value
        is the ``name`` inside it)."""
        found: list[tuple[str, str]] = []
        for element in self.props:
            name = element.get("itemprop") or ""
            if element.get("itemscope") is not None:
                inner = _elements(element.xpath(".//*[@itemprop='name']"))
                element = inner[0] if inner else element
            value = element.get("content") or element.get("datetime") or _text(element)
            if value:
                found.append((name, value[:MAX_META_CHARS]))
        return found

    def time_date(self) -> str | None:
        """The first date a ``<time>`` element gives, in its ``datetime`` or else its text."""
        for element in self.times:
            found = parse_date(element.get("datetime") or _text(element)[:MAX_STAMP_CHARS])
            if found:
                return found
        return None

    def date_stamps(self) -> list[tuple[str | None, str | None]]:
        """(published, modified) of the short date stamp elements."""
        texts = (_text(element) for element in self.stamps)
        return [stamp_dates(text) for text in texts if len(text) <= MAX_STAMP_CHARS]

    def byline_names(self) -> list[str]:
        """The names of the first byline element whose text reads as names."""
        for element in self.bylines:
            text = _text(element)
            names = unique_names([text]) if len(text) <= MAX_BYLINE_CHARS else []
            if names:
                return names
        return []


def element_marks(
    element: etree._Element, names: Sequence[object], class_marks: dict[str, tuple[bool, bool]]
) -> tuple[bool, bool, bool]:
    """Whether ``element`` (its attribute names ``names``, not empty) is a microdata element,
    a date stamp and a byline (:meth:`MarkedElements.of`; the streamed reading of a page
    keeps these elements by the same test). ``class_marks`` remembers each class value's
    marks.

    >>> from lxml import etree
    >>> element = etree.fromstring('<span class="post-date" itemprop="author">x</span>')
    >>> element_marks(element, element.keys(), {})
    (True, True, False)
    """
    prop = "itemprop" in names and element.get("itemprop") in MICRODATA_PROPS
    stamp = byline = False
    if "class" in names:
        classes = element.get("class") or ""
        if classes not in class_marks:
            class_marks[classes] = _class_marks(classes)
        stamp, byline = class_marks[classes]
    if not byline and ("rel" in names or "href" in names):
        byline = _links_author(element)
    return prop, stamp, byline


def _class_marks(classes: str) -> tuple[bool, bool]:
    """Whether a class value marks a date stamp, and whether it marks a byline.

    >>> _class_marks("post-Date"), _class_marks("entry-author vcard"), _class_marks("content")
    ((True, False), (False, True), (False, False))
    """
    folded = classes.casefold()
    if not _holds_mark(folded) or MARK_CLASS.search(classes) is None:
        return False, False
    stamp = any(mark in folded for mark in DATE_CLASSES)
    return stamp, any(mark in folded for mark in BYLINE_CLASSES)


def _holds_mark(folded: str) -> bool:
    """Whether a case-folded class value holds one of :data:`CLASS_MARKS`: a plain loop of
    substring tests, cheaper than :data:`MARK_CLASS` on most class values (those with no
    mark). :func:`_class_marks` answers with these substring tests, so a value none of them
    finds is no mark whatever the pattern says; the pattern then tests only the few others.

    >>> _holds_mark("entry-content clearfix"), _holds_mark("post-date")
    (False, True)
    """
    for mark in CLASS_MARKS:  # noqa: SIM110  (a loop: any() over a generator costs 2x here)
        if mark in folded:
            return True
    return False


def _links_author(element: etree._Element) -> bool:
    if element.get("rel") == "author":
        return True
    href = element.get("href")
    # ("/author" starts every mark: one cheap test first, as most links are not to authors)
    return href is not None and "/author" in href and any(mark in href for mark in BYLINE_LINKS)


def _elements(found: object) -> list[etree._Element]:
    """The elements of an XPath answer (an element-selecting path gives nothing else)."""
    return (
        [item for item in found if isinstance(item, etree._Element)]
        if isinstance(found, list)
        else []
    )


def first_prop_date(props: Sequence[tuple[str, str]], names: Sequence[str]) -> str | None:
    """The first date among the microdata values of ``names``, in document order: on a thread
    the question comes before its answers and comments."""
    return next(
        (found for name, value in props if name in names and (found := parse_date(value))), None
    )


def _text(element: etree._Element) -> str:
    return " ".join("".join(str(part) for part in element.itertext()).split())
