"""The page's title: the headline it shows, checked against the titles it declares.

A page declares its title in ``og:title``, JSON-LD ``headline``, ``twitter:title`` and
``<title>`` (the last two often with the site's name: "Budget passed | Example News"), and
shows it in an ``<h1>``. The rule, measured on wcxb_dev (docs/metadata.md):

1. an ``<h1>`` that names the site (the site name, the host, or the ``<title>``'s last part)
   is not the title;
2. the first of the first three remaining ``<h1>`` that agrees with a declared title (equal,
   equal to one of its parts, or inside it) is the title;
3. else the first remaining ``<h1>`` is;
4. else the first declared title, without the parts that name the site.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

PART_SEPARATOR = regex.compile(r"((?<!\s)(?:\s++[|\-–—•·»~/:]\s++|\s*+[|•·»]\s*+))")
"""What joins a title's parts ("Budget passed | Example News", "News - Budget passed"); a match
starts only after a non-space and its spaces are possessive, so a run of spaces is read once."""
SITE_SEPARATOR = regex.compile(r"((?<!\s)(?:\s++[|\-–—•·»~/]\s++|\s*+[|•·»]\s*+))")
"""The separators that set a site name apart (a colon usually joins a title to its subtitle)."""
HEADING_ANCHOR = regex.compile(r"(?<!\s)(?:\s*+[¶§🔗]|\s++#)\s*+$")
"""A permalink mark after a heading's text ("Quickstart¶", "Install #"; "C#" keeps its mark)."""
NON_WORD = regex.compile(r"[\W_]+")
MAX_HEADING_CHARS = 200
"""A longer ``<h1>`` is a paragraph set in a heading, not a title."""
AGREEING_HEADINGS = 3
"""Only the first few ``<h1>`` are tested against the declared titles."""
MIN_CONTAINED_CHARS = 16
"""A heading this long that occurs inside a declared title agrees with it."""
GENERIC_HOST_LABELS = frozenset(
    "www com org net edu gov co uk io de fr es it nl blog shop store app en us".split()
)


@dataclass(frozen=True)
class TitleEvidence:
    """What the title is chosen from: the ``<h1>`` texts, the declared titles as (source, text)
    in order of trust (og, JSON-LD, twitter, ``<title>``), the ``<title>`` and the site's
    keys (:func:`site_keys` of og:site_name and the host)."""

    headings: Sequence[str]
    declared: Sequence[tuple[str, str]]
    title_tag: str | None
    sites: frozenset[str]


def choose_title(evidence: TitleEvidence) -> tuple[str, str] | None:
    """The title and where it came from (``"h1"`` or the declared title's source), or ``None``.

    >>> declared = [("title-tag", "Budget passed | Example News")]
    >>> choose_title(TitleEvidence(["Example News", "Budget passed"], declared, declared[0][1], frozenset()))
    ('Budget passed', 'h1')
    >>> choose_title(TitleEvidence([], declared, None, site_keys(["Example News"], None)))
    ('Budget passed', 'title-tag')
    """
    sites = _site_keys(evidence)
    headings = [
        heading
        for heading in (
            " ".join(HEADING_ANCHOR.sub("", text).split()) for text in evidence.headings
        )
        if heading and len(heading) <= MAX_HEADING_CHARS and _squash(heading) not in sites
    ]
    declared = [(source, " ".join(text.split())) for source, text in evidence.declared]
    declared = [(source, text) for source, text in declared if text]
    for heading in headings[:AGREEING_HEADINGS]:
        if any(_agrees(heading, title) for _, title in declared):
            return heading, "h1"
    if headings:
        return headings[0], "h1"
    if declared:
        source, text = declared[0]
        return without_site(text, sites), source
    return None


def without_site(title: str, sites: frozenset[str]) -> str:
    """``title`` without its leading and trailing parts that name the site.

    >>> without_site("News - Budget passed - Example News", frozenset({"examplenews"}))
    'News - Budget passed'
    >>> without_site("Example News", frozenset({"examplenews"}))
    'Example News'
    """
    pieces = SITE_SEPARATOR.split(title)
    parts, separators = pieces[0::2], pieces[1::2]
    kept = [_squash(part) not in sites for part in parts]
    if all(kept) or not any(kept):
        return title
    first = kept.index(True)
    last = len(kept) - 1 - kept[::-1].index(True)
    joined = parts[first]
    for separator, part in zip(separators[first:last], parts[first + 1 : last + 1], strict=True):
        joined += separator + part
    return joined.strip()


def site_keys(names: Iterable[str], host: str | None) -> frozenset[str]:
    """Squashed forms of the site's names and of the host and its distinctive labels.

    >>> sorted(site_keys(["Example News"], "www.example-news.co.uk"))
    ['examplenews', 'examplenewscouk']
    """
    keys = {_squash(name) for name in names}
    if host:
        host = host.casefold().removeprefix("www.")
        keys.add(_squash(host))
        keys.update(
            _squash(label)
            for label in host.split(".")
            if label not in GENERIC_HOST_LABELS and len(label) > 2
        )
    keys.discard("")
    return frozenset(keys)


def _site_keys(evidence: TitleEvidence) -> frozenset[str]:
    """The site keys, with the ``<title>``'s last part when it has several."""
    keys = set(evidence.sites)
    if evidence.title_tag:
        parts = SITE_SEPARATOR.split(evidence.title_tag)[0::2]
        if len(parts) > 1:
            keys |= {_squash(parts[-1])} - {""}
    return frozenset(keys)


def _agrees(heading: str, title: str) -> bool:
    """True when ``heading`` is ``title``, one of its parts, or (long enough and) inside it."""
    folded, whole = heading.casefold(), title.casefold()
    if folded == whole:
        return True
    if any(folded == part.strip() for part in PART_SEPARATOR.split(whole)[0::2]):
        return True
    return len(folded) >= MIN_CONTAINED_CHARS and folded in whole


def _squash(text: str) -> str:
    """``text`` case-folded with everything but letters and digits removed."""
    return NON_WORD.sub("", text.casefold())
