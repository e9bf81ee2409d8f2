"""Word lists shared by several detectors (lower-case; several languages)."""

from __future__ import annotations

import regex

from cleantext.text._features import without_marker

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

BULLET_CHARS = frozenset("•·*-–—▪►‣◦○●■□→»›+")
"""The characters :data:`BULLET` starts with (a cheap test before the regex)."""
BULLET = regex.compile(r"^[•·*\-–—▪►‣◦○●■□→»›+]\s+")
"""A list-item marker at the start of a stripped line."""

TOKEN = regex.compile(r"[\p{L}\p{N}+][\p{L}\p{M}\p{N}+'’.\-]*")


def tokens(text: str) -> list[str]:
    """Lower-case word tokens of ``text`` (letters, digits, inner apostrophes and dashes).

    >>> tokens("Print | E-mail | Share")
    ['print', 'e-mail', 'share']
    """
    found: list[str] = TOKEN.findall(text.lower())
    if "." not in text:  # no token can end with a full stop
        return found
    return [token.rstrip(".") for token in found]


def count_tokens(text: str) -> int:
    """``len(tokens(text))``, without building the tokens when ``text`` is plain ASCII words.

    >>> count_tokens("World News"), count_tokens("Politik & Wirtschaft"), count_tokens("")
    (2, 2, 0)
    """
    if text.isascii() and text.replace(" ", "").isalnum():  # words split by spaces only
        return len(text.split())
    return len(TOKEN.findall(text.lower()))


strip_bullet = without_marker
"""``text`` without a leading list marker (where :data:`BULLET` matches): the compiled
:func:`cleantext.text._features.without_marker`, a loop over the marker's characters
(``tests/test_features_kernel.py`` checks it against the regex on every code point)."""


def has_bullet(text: str) -> bool:
    """True when ``text`` starts with a list marker (``BULLET.match``, tested cheaply first).

    >>> has_bullet("• Ukraine"), has_bullet("Ukraine"), has_bullet("")
    (True, False, False)
    """
    return text[:1] in BULLET_CHARS and (text[1:2] == " " or BULLET.match(text) is not None)


def words_of(text: str) -> frozenset[str]:
    """A frozen set of the whitespace-separated words of ``text`` (for the lists below)."""
    return frozenset(text.split())


STRONG_NETWORKS = words_of(
    """
    facebook twitter linkedin whatsapp pinterest reddit tumblr telegram instagram youtube
    tiktok flipboard messenger xing vk vkontakte weibo wechat bluesky mastodon snapchat google+
    strava spotify soundcloud vimeo twitch discord github substack goodreads behance dribbble
    微信 微博 qq空间
    """
)
"""Network names that are never ordinary words (a share row needs one of them)."""

SOCIAL_FILLER = words_of(
    """
    share shares shared sharing follow followers us on this article story post page via with
    your friends connect find join tweet pin it and or the at to in our subscribe like me
    分享到 分享 关注我们 シェア
    teilen folgen sie uns auf partager partagez suivez-nous suivez nous sur compartir síguenos
    en condividi seguici su udostępnij obserwuj nas na поделиться подписывайтесь мы в
    """
)
"""Words that sit between the network names of a share or follow row."""

SHARE_VERBS = words_of(
    "share follow connect 分享到 分享 关注我们 シェア teilen folgen partager suivez-nous suivez compartir síguenos "
    "condividi seguici udostępnij obserwuj поделиться подписывайтесь"
)
"""Verbs that make a single network name a share or follow prompt ("Share on Facebook")."""

LEGAL_CORE = words_of(
    """
    privacy terms impressum imprint datenschutz datenschutzerklärung disclaimer agb cookie
    cookies legal copyright trademarks trademark gdpr ccpa mentions légales confidentialité
    privacidad aviso condiciones privacy-policy nutzungsbedingungen haftungsausschluss
    prywatności regulamin конфиденциальности
    """
)
"""Words that make a short line a legal link ("Privacy Policy", "Impressum")."""

LEGAL_WORDS = LEGAL_CORE | words_of(
    """
    of use service services conditions policy policies notice statement settings and & the
    your california rights do not sell my personal information data protection ad choices
    accessibility sitemap site map contact us about cookie-einstellungen polityka kontakt
    contacto contatti контакты
    política de la et générales d'utilisation termini e condizioni informativa sulla
    conditions utilisation condiciones uso politique
    """
)
"""Words a legal link line may be made of (all of its words must be among them)."""

RIGHTS_RESERVED = (
    "all rights reserved",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "tutti i diritti riservati",
    "wszelkie prawa zastrzeżone",
    "все права защищены",
    "todos os direitos reservados",
)
"""Phrases of a copyright line, lower-case."""

COOKIE_CORE = words_of(
    "cookie cookies consent gdpr dsgvo rgpd cookie-einstellungen cookie-richtlinie "
    "einwilligung zustimmung galletas ciasteczka"
)
"""Words a cookie or consent notice is about (one must appear)."""

CONSENT_WORDS = words_of(
    """
    we use uses our site website websites experience browsing browser personalise personalize
    personalised personalized analytics analyse analyze traffic advertising ads partners
    third-party third party tracking technologies privacy policy data preferences settings
    continuing continue agree consent device store access information improve content
    wir verwenden nutzen webseite website unsere nous utilisons notre site utilizamos
    nuestro sitio expérience navigation améliorer poursuivant strona korzystając zgodę
    plików używa ustawieniami experiencia navegación sito esperienza
    """
)
"""Vocabulary of a consent notice, besides the core words."""

BUTTON_WORDS = words_of(
    """
    accept accept-all allow agree ok okay got it reject decline deny manage preferences
    settings customize customise options all only necessary essential more info information
    learn read close dismiss continue save i yes no thanks cookie cookies consent and
    non-essential optional analytics marketing functional performance statistics
    akzeptieren alle ablehnen einverstanden zustimmen einstellungen accepter tout refuser
    paramètres aceptar todas rechazar configurar accetta rifiuta akceptuję zgadzam się
    принять
    """
)
"""Words of a consent banner's buttons ("Accept all cookies", "Manage preferences")."""

COOKIE_BUTTON_CORE = words_of(
    "accept accept-all allow agree ok okay reject decline deny manage customize customise "
    "dismiss akzeptieren ablehnen einverstanden accepter refuser aceptar rechazar accetta "
    "rifiuta akceptuję принять"
)
"""Button verbs: a consent notice has one, or a button line next to it does."""

ADDRESSEE_WORDS = words_of(
    """
    we our us you your wir unsere unser sie ihr ihre ihnen nous notre nos vous votre vos
    utilisons usted su sus utilizamos nuestro nuestra noi nostro utilizziamo używamy мы наш
    вы ваш
    this site website by continuing using
    """
)
"""Words of a notice that speaks to the reader ("we use", "your experience", "Sie").

The words of :data:`SITE_PHRASES` count only inside those phrases."""

SITE_PHRASES = (
    "this site",
    "this website",
    "by continuing",
    "by using",
    "diese website",
    "diese seite",
    "ce site",
    "este sitio",
    "esta web",
    "questo sito",
    "ta strona",
)
"""Phrases of a notice that speaks about the site itself, lower-case."""

PHOTO_AGENCIES = words_of(
    """
    getty reuters ap afp epa dpa shutterstock istock istockphoto unsplash alamy
    bloomberg xinhua anp ansa efe picture-alliance imago keystone corbis wireimage
    filmmagic photodisc pexels pixabay flickr sipa
    """
)
"""Photo agencies and stock sites that sign photo credits."""

NEWSLETTER_WORDS = words_of(
    "newsletter newsletters e-newsletter newsletter-anmeldung infolettre boletín boletin "
    "rassegna biuletyn рассылка rundbrief"
)
"""Words that name a newsletter."""

SIGNUP_WORDS = words_of(
    """
    sign signup subscribe subscribed subscribing subscription register join get receive
    abonnieren abonniere abonnez-vous abonnez inscrivez-vous inscrivez inscription suscríbete
    suscribirse suscríbase iscriviti zapisz zapisz-się подпишитесь подписаться anmelden
    """
)
"""Verbs of a sign-up prompt ("Sign up for our newsletter", "Newsletter abonnieren")."""

READER_WORDS = words_of(
    "you your our unseren unser ihr ihre sie notre votre vous nuestro nuestra tu su nostra "
    "nasz nasze наш ваш"
)
"""Words of a prompt that speaks to the reader ("our newsletter", "your inbox")."""
