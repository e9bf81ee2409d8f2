"""Word lists shared by several detectors (lower-case; several languages)."""

from __future__ import annotations

import regex

UTILITY_WORDS = frozenset(
    """
    print printer printable email e-mail mail share shares save saved bookmark tweet pin
    like listen download pdf copy link reprint reprints permissions a aa aaa text font size
    resize increase decrease audio play read later gift this article story page to the
    for on via a- a+ aa- aa+
    drucken teilen speichern merken imprimer partager enregistrer imprimir compartir guardar
    stampa condividi salva drukuj udostępnij zapisz печать поделиться сохранить
    """.split()
)
"""Words a print, share or utility banner is made of (all of its words must be among them)."""

UTILITY_CORE = frozenset(
    "print email e-mail share save tweet listen bookmark reprints drucken teilen imprimer "
    "partager imprimir compartir stampa condividi drukuj печать поделиться".split()
)
"""At least one of these must appear, so that "this article" alone is not a banner."""

SOCIAL_NETWORKS = frozenset(
    """
    facebook twitter x linkedin whatsapp pinterest reddit tumblr telegram instagram youtube
    tiktok flipboard email e-mail mail messenger xing vk vkontakte weibo wechat line threads
    bluesky mastodon snapchat rss sms google+ google copy link
    """.split()
)
"""Names that fill share and follow rows."""

HOME_WORDS = frozenset(
    "home homepage start startseite accueil inicio início home page strona główna главная".split()
)

BULLET = regex.compile(r"^[•·*\-–—▪►‣◦○●■□→»›+]\s+")
"""A list-item marker at the start of a stripped line."""

TOKEN = regex.compile(r"[\p{L}\p{N}+][\p{L}\p{N}+'’.\-]*")


def tokens(text: str) -> list[str]:
    """Lower-case word tokens of ``text`` (letters, digits, inner apostrophes and dashes).

    >>> tokens("Print | E-mail | Share")
    ['print', 'e-mail', 'share']
    """
    return [match.group().lower().rstrip(".") for match in TOKEN.finditer(text)]


def strip_bullet(text: str) -> str:
    """``text`` without a leading list marker.

    >>> strip_bullet("•  Ukraine")
    'Ukraine'
    """
    match = BULLET.match(text)
    return text[match.end() :] if match else text
