"""Which day a page was published when its markup and what it shows disagree.

The markup's ``published`` date is trusted first (docs/metadata.md), with two exceptions,
each a reading of what the markup's stamp really is:

- a stamp one day from the date in the page's address is the same moment written in
  another time zone (UTC, mostly): the address holds the day in the site's own time, the
  day the page states;
- a published stamp on the same day as the modified one is the day of the last save (many
  systems write it into both); when the page shows an earlier date by its headline, that
  date is when it was first published.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

import regex

from cleantext.meta.dates import parse_date
from cleantext.model import Metadata

URL_DATE = regex.compile(r"/((?:19|20)\d\d)[/-]([01]\d)[/-]([0-3]\d)(?:/|$|[-_])")
"""A date in the page's path ("/2018/07/02/tiny-house")."""


def url_date(url: str | None) -> str | None:
    """The date in ``url``'s path, if any.

    >>> url_date("https://example.org/2018/07/02/tiny-house"), url_date("https://example.org/a")
    ('2018-07-02', None)
    """
    match = URL_DATE.search(urlsplit(url).path) if url else None
    return parse_date("-".join(match.groups())) if match else None


def settled(marked_up: Metadata, shown: Metadata) -> Metadata:
    """``marked_up`` with its published date settled against the page's address and ``shown``,
    what the page's text shows (see the module docstring).

    >>> stamp = Metadata(url="https://example.org/2025/12/18/post").with_field(
    ...     "published", "2025-12-19", "meta")
    >>> settled(stamp, Metadata()).published
    '2025-12-18'
    >>> saved = Metadata().with_field("published", "2025-11-20", "json-ld").with_field(
    ...     "modified", "2025-11-20", "json-ld")
    >>> settled(saved, Metadata().with_field("published", "2025-05-14", "dateline")).published
    '2025-05-14'
    >>> settled(saved, Metadata().with_field("published", "2025-12-01", "dateline")).published
    '2025-11-20'
    """
    published = marked_up.published
    if not published:
        return marked_up
    address_day = url_date(marked_up.url)
    if address_day and _days_apart(published, address_day) == 1:
        return marked_up.with_field("published", address_day, "url")
    day = shown.published
    if day and published == marked_up.modified and day < published:
        return marked_up.with_field("published", day, shown.source_of("published") or "dateline")
    return marked_up


def _days_apart(first: str, second: str) -> int:
    return abs((date.fromisoformat(first) - date.fromisoformat(second)).days)
