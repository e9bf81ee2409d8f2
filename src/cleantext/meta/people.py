"""Author names as pages write them, cleaned: bylines ("By Ann Lee and Bo Chan"), handles,
addresses and links left out.

>>> author_names("By Ann Lee and Bo Chan | Staff Writers")
['Ann Lee', 'Bo Chan']
>>> author_names("https://www.facebook.com/annlee"), author_names("news@example.org")
([], [])
>>> author_names("Ann writes about cities"), author_names("Ludwig van Beethoven"), author_names("chunix64")
([], ['Ludwig van Beethoven'], ['chunix64'])
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

MAX_NAME_CHARS = 80
"""A longer value is a sentence or a list, not a name."""
MAX_NAME_WORDS = 7
"""A name holds at most this many words ("Jillian Kubala, MS, RD" is split first)."""
MAX_AUTHORS = 10
BY_PREFIX = regex.compile(
    r"^\s*(?:(?:written|posted|published|reviewed|edited|reported|words|text)\s+)?"
    r"(?:by|von|par|por|de|door|di|av|af)\s*:?\s+",
    regex.IGNORECASE,
)
"""The word that opens a byline ("By", "Written by", "Von", "Par", "Por")."""
AUTHOR_LABEL = regex.compile(
    r"^\s*(?:authors?|autor(?:in|en|es)?|auteur(?:e|s)?|redakteur(?:in)?|writers?)\s*:\s*",
    regex.IGNORECASE,
)
JOINERS = regex.compile(r"[;|&]|\b(?:and|und|et|y|e)\b", regex.IGNORECASE)
"""What separates several names in one byline."""
ROLE_TAIL = regex.compile(
    r"[|,–—-] ?(?:staff|senior|contributing|editor|reporter|correspondent)\b.*+$",
    regex.IGNORECASE,
)
NOT_A_NAME = regex.compile(r"https?:|www\.|@|\d{3}|[<>{}\[\]=#]")
"""Links, addresses, handles, numbers and markup are never names."""
NAME_PARTICLES = frozenset(
    "van von der den de del della di da du dos das la le al bin ibn y e mc st.".split()
)
"""Lower-case words a name may hold; any other lower-case word makes a phrase, not a name."""
PLACEHOLDERS = frozenset(
    "undefined null none nan n/a unknown anonymous admin administrator".split()
)
"""Values templates leave where no author was filled in."""


def author_names(value: str) -> list[str]:
    """The names in one author value, in order, without the byline's opening word.

    >>> author_names("Jillian Kubala, MS, RD")
    ['Jillian Kubala, MS, RD']
    >>> author_names("Written by: Karl Voit")
    ['Karl Voit']
    """
    text = " ".join(value.split())
    text = AUTHOR_LABEL.sub("", BY_PREFIX.sub("", text, count=1), count=1)
    text = ROLE_TAIL.sub("", text).rstrip()
    return [name for name in (part.strip(" ,.:") for part in JOINERS.split(text)) if _is_name(name)]


def unique_names(values: Iterable[str]) -> list[str]:
    """The names in ``values`` (each cleaned by :func:`author_names`), first occurrence kept.

    >>> unique_names(["Ann Lee", "ann lee", "By Bo Chan"])
    ['Ann Lee', 'Bo Chan']
    """
    seen: dict[str, str] = {}
    for value in values:
        for name in author_names(value):
            seen.setdefault(name.casefold(), name)
    return list(seen.values())[:MAX_AUTHORS]


def _is_name(text: str) -> bool:
    if not text or len(text) > MAX_NAME_CHARS or NOT_A_NAME.search(text):
        return False
    if text.casefold() in PLACEHOLDERS:
        return False
    words = text.split()
    if len(words) > MAX_NAME_WORDS or not any(character.isalpha() for character in text):
        return False
    return len(words) == 1 or all(
        not word[0].islower() or word.casefold() in NAME_PARTICLES for word in words
    )
