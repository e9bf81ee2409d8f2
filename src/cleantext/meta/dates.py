"""Dates as pages write them, read into ISO 8601 (``YYYY-MM-DD``), in English, German, French
and Spanish.

One pass of a few linear patterns: ISO stamps (``2024-03-05T10:00:00Z``), numeric dates
(``05.03.2024``, ``3/5/2024``, ``2024/03/05``) and dates with month names (``March 5, 2024``,
``5 March 2024``, ``5. März 2024``, ``le 5 mars 2024``, ``5 de marzo de 2024``). A text that
holds no date, or an impossible one (``2024-02-30``), gives ``None``: nothing is guessed.
"""

from __future__ import annotations

from datetime import date

import regex

MAX_DATE_TEXT = 300
"""Only this many leading characters are searched (a date stamp is short)."""
MIN_YEAR = 1990
"""Earlier years are refused: web pages carrying such dates mostly name history, not
their own publication."""
MAX_YEAR = 2100

MONTHS = {
    **dict.fromkeys(("january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene"), 1),
    **dict.fromkeys(("february", "feb", "februar", "février", "fevrier", "févr", "febrero"), 2),
    **dict.fromkeys(("march", "mar", "märz", "maerz", "mars", "marzo", "mär"), 3),
    **dict.fromkeys(("april", "apr", "avril", "avr", "abril", "abr"), 4),
    **dict.fromkeys(("may", "mai", "mayo"), 5),
    **dict.fromkeys(("june", "jun", "juni", "juin", "junio"), 6),
    **dict.fromkeys(("july", "jul", "juli", "juillet", "juil", "julio"), 7),
    **dict.fromkeys(("august", "aug", "août", "aout", "agosto", "ago"), 8),
    **dict.fromkeys(("september", "sep", "sept", "septembre", "septiembre", "setiembre"), 9),
    **dict.fromkeys(("october", "oct", "oktober", "okt", "octobre", "octubre"), 10),
    **dict.fromkeys(("november", "nov", "novembre", "noviembre"), 11),
    **dict.fromkeys(("december", "dec", "dezember", "dez", "décembre", "decembre", "déc"), 12),
    **dict.fromkeys(("diciembre", "dic"), 12),
}
"""Month names and their usual abbreviations, case-folded."""

_MONTH = r"(?P<month>\p{L}{3,10})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
ISO = regex.compile(r"(?<!\d)" + _YEAR + r"-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)")
YEAR_FIRST = regex.compile(
    r"(?<!\d)(?<!\d\.)"
    + _YEAR
    + r"(?:/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)|\.(?P<month>[01]\d)\.(?P<day>[0-3]\d))(?!\.?\d)"
)
"""``2024/3/5`` and ``2024.03.05``; a dotted date needs its two-digit parts: ``2024.4.4`` and
``2025.10.1`` are release numbers, not dates."""
DAY_FIRST = regex.compile(r"(?<!\d)(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.\s?" + _YEAR + r"(?!\d)")
SLASHED = regex.compile(r"(?<![\d/])(?P<a>[0-3]?\d)[/-](?P<b>[0-3]?\d)[/-]" + _YEAR + r"(?!\d)")
DAY_MONTH_YEAR = regex.compile(
    r"(?<![\p{L}\d])"
    + _DAY
    + r"\s{0,3}(?:de\s{1,3})?"
    + _MONTH
    + r",?\s{1,3}(?:de\s{1,3})?"
    + _YEAR
)
MONTH_DAY_YEAR = regex.compile(
    r"(?<!\p{L})" + _MONTH + r"\s{1,3}" + _DAY + r",?\s{1,3}" + _YEAR + r"(?!\d)"
)
NAMED_PATTERNS = (DAY_MONTH_YEAR, MONTH_DAY_YEAR)
HAS_YEAR = regex.compile(_YEAR)
"""Every date the patterns read holds a year: a text without one is passed over cheaply."""
UPDATE_LABEL = regex.compile(
    r"\b(?:updated?|last (?:updated|modified)|modified|aktualisiert|mis à jour|actualizado)\b",
    regex.IGNORECASE,
)
"""The words that make a date stamp the date of the last change, not of publication."""
MEMBER_LABEL = regex.compile(
    r"\b(?:joined|member since|founded|mitglied seit|membre depuis|miembro desde)\b",
    regex.IGNORECASE,
)
"""The words that make a date stamp a member's or an organisation's date, not the page's
("Joined: Sun Dec 17, 2023" under a forum user's name)."""


def parse_date(text: str, *, month_first: bool = True) -> str | None:
    """The first date in ``text`` as ``YYYY-MM-DD``, or ``None`` when it holds none.

    ``month_first`` reads an ambiguous ``3/5/2024`` as 5 March (the US order); a part above
    12 settles the order whatever it says.

    >>> parse_date("2024-03-05T10:00:00+01:00")
    '2024-03-05'
    >>> parse_date("Published: March 5th, 2024")
    '2024-03-05'
    >>> parse_date("5. März 2024"), parse_date("le 5 mars 2024"), parse_date("5 de marzo de 2024")
    ('2024-03-05', '2024-03-05', '2024-03-05')
    >>> parse_date("05.03.2024"), parse_date("3/5/2024"), parse_date("25/12/2024")
    ('2024-03-05', '2024-03-05', '2024-12-25')
    >>> parse_date("Thu, 09/25/2025 - 11:38")
    '2025-09-25'
    >>> parse_date("in May 2024") is None, parse_date("2024-02-30") is None
    (True, True)
    >>> parse_date("2024.03.05"), parse_date("2024.4.4 → 2024.5.0 issue")
    ('2024-03-05', None)
    """
    text = text[:MAX_DATE_TEXT]
    if HAS_YEAR.search(text) is None:
        return None
    for pattern in (ISO, YEAR_FIRST, DAY_FIRST):
        for match in pattern.finditer(text):
            found = _valid(match["year"], match["month"], match["day"])
            if found:
                return found
    for pattern in NAMED_PATTERNS:
        for match in pattern.finditer(text):
            month = MONTHS.get(match["month"].casefold())
            found = _valid(match["year"], str(month), match["day"]) if month else None
            if found:
                return found
    for match in SLASHED.finditer(text):
        first, second = match["a"], match["b"]
        ordered = (first, second) if month_first and int(first) <= 12 else (second, first)
        found = _valid(match["year"], *ordered)
        if found:
            return found
    return None


def stamp_dates(text: str) -> tuple[str | None, str | None]:
    """(published, modified) in a date stamp: a date after "Updated" is the modified one, a date
    before it (or in a stamp without it) the published one.

    >>> stamp_dates("August 16, 2019 - Updated May 2, 2021")
    ('2019-08-16', '2021-05-02')
    >>> stamp_dates("Last updated: 7 March 2024"), stamp_dates("Posted 5 March 2024")
    ((None, '2024-03-07'), ('2024-03-05', None))
    >>> stamp_dates("Joined: Sun Dec 17, 2023 11:18 am"), stamp_dates("Updated today")
    ((None, None), (None, None))
    """
    if HAS_YEAR.search(text) is None or MEMBER_LABEL.search(text[:MAX_DATE_TEXT]):
        return None, None
    label = UPDATE_LABEL.search(text[:MAX_DATE_TEXT])
    if label is None:
        return parse_date(text), None
    return parse_date(text[: label.start()]), parse_date(text[label.end() :])


def _valid(year: str, month: str, day: str) -> str | None:
    """``YYYY-MM-DD`` when the parts name a real day in the accepted years, else ``None``."""
    number = int(year)
    if not MIN_YEAR <= number <= MAX_YEAR:
        return None
    try:
        return date(number, int(month), int(day)).isoformat()
    except ValueError:
        return None
