"""The built-in detectors' trigger words, all found on a page in one pass.

Each named detector runs its rules only on the lines that hold one of its words, or
start with one (:mod:`cleantext.text.prefilter`). Scanned one detector at a time, the
page's folded short lines (``page.folded``) were read a dozen times a pass; here the
words of every detector form one compiled scan (:class:`~cleantext.text._prefilter.Triggers`),
run once a page, and each detector reads its own lines from it. A page that holds none
of a detector's words costs that detector nothing more.

The words of a group are chosen by its detector's rules (the comments beside each say
which); ``tests/test_prefilters.py`` checks that no line those rules accept lacks them.

>>> from cleantext.text.page import Page
>>> page = Page.from_text("12 comments\\nThe text.\\nLeave a reply")
>>> [line.text for line in page.folded.triggered(COMMENTS)]
['12 comments', 'Leave a reply']
"""

from __future__ import annotations

from cleantext.text.lexicon import (
    BULLET_CHARS,
    COOKIE_CORE,
    LEGAL_CORE,
    PHOTO_AGENCIES,
    RIGHTS_RESERVED,
)
from cleantext.text.prefilter import LeadWords, either, shared_triggers, triggers

COMMENT_TRIGGERS = triggers(
    ("comment", "respon", "repl", "reaction", "kommentar", "comentario", "komentarz"),
    ("комментари", "post", "discussion", "conversation", "review", "flag", "trackback"),
    ("report", "score", "sort", "newest", "oldest", "published", "required", "logged"),
    ("antworten", "répondre", "rispondi", "odpowiedz", "ответить", "permalink", "like", "vote"),
)
"""One of these is in every line that the patterns of :mod:`~cleantext.detectors.comments` match."""
SIGNUP_TRIGGERS = triggers(
    ("newsletter", "infolettre", "boletín", "boletin", "rassegna", "biuletyn", "рассылка"),
    ("rundbrief", "inbox", "mail", "already", "subscribe", "correo", "sign", "abonn", "suscr"),
    ("iscriviti", "submit", "log", "register", "account", "anmelden", "connexion"),
)
"""One of these is in every sign-up line (:mod:`~cleantext.detectors.newsletter`)."""
SIGNUP_WORDS_ANYWHERE = triggers(
    ("newsletter", "infolettre", "boletín", "boletin", "rassegna", "biuletyn", "рассылка"),
    ("rundbrief", "inbox", "correo", "sign up for", "subscribe to", "other subscribers"),
    ("already have an account", "already a subscriber", "already subscribed"),
    ("unsubscribe at any time", "subscriber only", "subscribers only", "enter email"),
    ("enter e-mail", "your email", "your e-mail", "ihre email", "ihre e-mail", "votre email"),
    ("votre e-mail", "votre adresse email", "votre adresse e-mail", "tu email", "tu e-mail"),
    ("s by email", "s by e-mail", "s via email", "s via e-mail"),
)
"""What a sign-up line holds when no label opens it: a newsletter's name (the token
rule needs one), or the fixed words of a prompt phrase
(:data:`~cleantext.detectors.newsletter.PROMPT`; "your email", not "mail", which most
share rows and contact lines hold)."""
SIGNUP_LEAD_WORDS = (
    *("subscribe", "sign up", "sign me", "sign in", "signin", "newsletter", "e-mail address"),
    *("email address", "abonnieren", "jetzt abonnieren", "s'abonner", "suscr", "iscriviti"),
    *("submit", "log in", "login", "register", "create an", "create your", "create account"),
    *("my account", "anmelden", "connexion"),
)
"""The first words of :data:`~cleantext.detectors.newsletter.LABEL`'s labels."""
COMMENT_LEAD_WORDS = (
    *("comment", "respon", "repl", "reaction", "kommentar", "comentario", "komentarz"),
    *("комментари", "leave", "post", "add", "write", "submit", "view", "show", "load", "see"),
    *("read", "hide", "log", "sign", "be", "join", "discussion", "click", "cancel", "flag"),
    *("recent", "link", "trackback", "subscribe", "blog", "verify", "previewing", "your"),
    *("report", "re:", "offensive", "sort", "newest", "oldest", "laisser", "deja", "lascia"),
    *("dodaj", "antworten", "répondre", "rispondi", "odpowiedz", "ответить", "permalink"),
    *("like", "upvote", "downvote"),
)
"""The first words of the whole-line patterns of :mod:`~cleantext.detectors.comments`
(``FURNITURE``, ``REPLY``, ``BUTTON``) but a count's digits (a numbered line)."""
COMMENT_FORM_WORDS = ("published", "required", "logged", "notify")
"""A word of each form notice (:data:`~cleantext.detectors.comments.FORM_PHRASE`)."""
CREDIT_LEAD_WORDS = (
    *("photo", "image", "pic", "foto", "bild", "illustration", "title image", "header image"),
    *("cover image", "lead image", "credit", "courtesy", "ap photo", "afp photo", "epa photo"),
    *("reuters photo", "dpa photo"),
)
"""The first words of :data:`~cleantext.detectors.photo_credit.LABELLED`'s labels."""
CREDIT_TRAIL_WORDS = ("credit", "photo", "foto", "image", "bild")
"""The words of a credit glued to a caption's end (:data:`~cleantext.detectors.photo_credit.TRAILING`)."""
CREDIT_TRAIL_MARKS = (":", "…", "...")
"""What follows them there (no letter case-folds to or from these)."""
CREDIT_TRIGGERS = triggers(
    ("photo", "image", "pic", "foto", "bild", "illustration", "credit", "courtesy"),
    PHOTO_AGENCIES,
)
"""One of these is in every credit line, a label or an agency (:mod:`~cleantext.detectors.photo_credit`)."""
COPYRIGHT_TRIGGERS = triggers(RIGHTS_RESERVED, ("©", "(c)", "copyright"))
"""One of these is in every copyright line (:mod:`~cleantext.detectors.copyright`)."""
LEGAL_TRIGGERS = triggers(LEGAL_CORE)
"""A row of legal links holds a core word, so one of these (the core words, less the redundant)."""
COOKIE_TRIGGERS = triggers(COOKIE_CORE, ["cookie"])
"""One of these is in every consent notice: a core word or "cookie" in a word."""
SPACES = "\t\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
"""The characters that ``regex``'s ``\\s`` matches, but the newline (no line holds one)."""
SEPARATOR_MARKS = (
    *("›", "»", "→"),
    *(space + mark for space in SPACES for mark in (">", "/", "|", "::", "-->")),
)
"""Every separator of a breadcrumb trail holds one of these: ``›``, ``»`` or ``→``, or
``>``, ``/``, ``|``, ``::`` or ``-->`` right after a space, as
:data:`~cleantext.detectors.breadcrumb.SEPARATOR` needs them (a date's "12/05" or a
title's "Page|Site" is not read). No letter case-folds to or from them: they are found
in case-folded text too."""
PRICE_MARKS = ("$", "€", "£", "¥", "₹", "zł", "kr", "usd", "eur", "gbp")
"""Every price the page type counts holds one of these (currency signs and codes, case-folded)."""
CELL_SPACES = ("\t", "  ")
"""What separates the cells of a menu laid out on one line."""

RELATED_LEAD_WORDS = (
    *("read more", "read also", "read next", "read the", "read full", "read whole", "read rest"),
    *("read entire", "see more", "see also", "see next", "related", "recommended", "popular"),
    *(f"more {word}" for word in ("from", "on", "in", "about", "stories", "news", "articles")),
    *(f"more {word}" for word in ("coverage", "headlines", "video", "like this", "to read")),
    *(f"more {word}" for word in ("to explore", "reviews", "recipes", "posts", "questions")),
    *(f"more {word}" for word in ("guides", "galleries", "photos", "»", ":", "|", "›")),
    *("more:", "more|", "more»", "more›", "you may", "you might", "you will", "you could"),
    *(f"{the}most {word}" for the in ("", "the ") for word in ("popular", "read", "viewed")),
    *(f"{the}most {word}" for the in ("", "the ") for word in ("shared", "emailed", "recent")),
    *(f"{the}most {word}" for the in ("", "the ") for word in ("commented", "watched")),
    *("trending", "top stories", "top news", "top articles", "top headlines", "latest news"),
    *("latest stories", "latest articles", "latest posts", "latest headlines", "also read"),
    *("also on", "also in", "what to", "don't miss", "dont miss", "editor ", "editor' "),
    *("editor's ", "editor’ ", "editor’s ", "editors ", "further reading", "in other news"),
    "around the web",
    *(
        f"{kind} {word}"
        for kind in ("recent", "similar", "other", "previous", "next")
        for word in ("posts", "articles", "stories", "news", "entries")
    ),
    *("mehr zum thema", "mehr lesen", "das könnte", "das thema", "könnte", "lesen sie auch"),
    *("weitere artikel", "weitere beiträge", "weitere nachrichten", "weitere themen"),
    *(
        f"{kind} {word}"
        for kind in ("ähnliche", "verwandte", "neueste")
        for word in ("artikel", "beiträge", "nachrichten", "themen")
    ),
    *("meistgelesen", "schon gelesen", "empfehlungen aus", "empfehlungen für", "à lire"),
    *("lire aussi", "lire la suite", "sur le même", "les plus lus", "articles similaires"),
    *("te puede", "también te", "lo más", "noticias relacionad", "notas relacionad"),
    *("artículos relacionad", "vea también", "veja", "leia", "notícias", "matérias", "leggi"),
    *("articoli", "czytaj", "zobacz", "читайте", "похожие", "читать", "関連", "相关", "相關"),
    *("continue reading", "keep reading", "full story", "weiterlesen", "leer más"),
    "seguir leyendo",
)
"""The first words of related_list's headings, links and inline lines: each pattern's
words as far as they are fixed ("you may", not "you"), so that the many lines that open
with "What", "Your" or "Top" in a page's body are not read."""
AD_LEAD_WORDS = (
    *("ad", "anzeige", "werbung", "publicité", "publicidad", "pubblicità", "reklama", "реклама"),
    *("广告", "廣告", "広告", "광고", "إعلان", "פרסומת", "sponsored", "paid content", "promoted"),
    *("partner content", "report ad", "report this ad", "story continues", "article continues"),
    *("continue reading", "skip ad", "skip this ad", "close ad", "scroll to continue"),
)
"""The first words of ad_label's labels, as far as they are fixed ("skip ad", not "skip")."""
LINK_LEAD_WORDS = ("skip", "zum", "aller", "ir", "vai", "newer", "older", "prev", "next")
"""The first words of menu's skip and pager links."""
TAG_LABEL_WORDS = (
    *("tag", "topic", "related topics", "filed under", "categor", "keywords", "schlagw"),
    *("themen", "mots", "étiquettes", "etiquetas", "temas", "tematy", "argomenti", "теги", "темы"),
)
"""The first words of tag_list's labels (case-folded): a label line starts with one."""

HEADER_GROUPS = {
    "#n": ("#",),
    "said": ("said", "wrote", "says", "writes", "posted"),
    "reply": ("repl", "quote", "report", "permalink", "like", "share"),
    "joined": (
        *("joined", "posts", "messages", "reaction", "member", "registered", "karma"),
        *("reputation", "likes", "solutions", "points", "trophies", "online", "offline"),
        *("avatar", "moderator", "admin", "poster", "starter", "edited"),
    ),
    "ago": ("ago", "later"),
    "re": ("re:",),
    "signed": ("answered", "asked", "edited", "modified"),
}
"""For each kind of post-header line that a word marks (:data:`cleantext.text.page_type.HEADER_KINDS`),
what every line of that kind holds (case-folded): "#", a verb of saying, a button's
name, a poster statistic, "ago", "re:", a verb of answering. The kinds "date" and
"signed" also accept lines that end like a date (the page type finds those by their ends),
and "joined" a line that is only "OP"."""


def folded(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` case-folded, as :class:`~cleantext.text.prefilter.LeadWords` finds them."""
    return tuple(word.casefold() for word in words)


FOUND = shared_triggers(
    anywhere={
        "comments": COMMENT_TRIGGERS,
        "comment form": COMMENT_FORM_WORDS,
        "newsletter": SIGNUP_WORDS_ANYWHERE,
        "credit words": CREDIT_TRAIL_WORDS,
        "credit marks": CREDIT_TRAIL_MARKS,
        "agencies": triggers(PHOTO_AGENCIES),
        "copyright": COPYRIGHT_TRIGGERS,
        "legal_links": LEGAL_TRIGGERS,
        "cookie_notice": COOKIE_TRIGGERS,
        "breadcrumb": SEPARATOR_MARKS,
        "menu_cells": CELL_SPACES,
        "prices": PRICE_MARKS,
        **{f"header {kind}": words for kind, words in HEADER_GROUPS.items()},
    },
    leading={
        "related_list": folded(RELATED_LEAD_WORDS),
        "ad_label": folded(AD_LEAD_WORDS),
        "menu_links": folded(LINK_LEAD_WORDS),
        "comment lead": folded(COMMENT_LEAD_WORDS),
        "newsletter lead": folded(SIGNUP_LEAD_WORDS),
        "credit lead": folded(CREDIT_LEAD_WORDS),
    },
    opening={"tag_list": (*TAG_LABEL_WORDS, *BULLET_CHARS)},
    numbered=("numbered",),
)
"""Every group of the one scan, by name."""
COMMENTS = either(
    (FOUND["comments"], FOUND["comment lead"]),
    (FOUND["comments"], FOUND["numbered"]),
    FOUND["comment form"],
)
"""The lines that may be comment furniture: a trigger word in a line that opens with a
furniture word or a count, or a form notice's word."""
NEWSLETTER = either(FOUND["newsletter"], FOUND["newsletter lead"])
"""The lines that may be sign-up lines: a label's first word, or a prompt's or
newsletter's word anywhere."""
PHOTO_CREDIT = either(FOUND["credit lead"], (FOUND["credit words"], FOUND["credit marks"]))
"""The lines that may be labelled credits, or captions ending in one."""
AGENCIES = FOUND["agencies"]
"""The lines holding a photo agency's name, maybe inside a word (``ap`` in "happen")."""
COPYRIGHT = FOUND["copyright"]
LEGAL_LINKS = FOUND["legal_links"]
COOKIE_NOTICE = FOUND["cookie_notice"]
BREADCRUMB = FOUND["breadcrumb"]
MENU_CELLS = FOUND["menu_cells"]
MENU_SINGLES = either(MENU_CELLS, FOUND["menu_links"])
"""The lines that menu reads on their own: a tab or two spaces in a row (a menu laid out
on one line), or a skip or pager link's first word at the start."""
TAG_LIST = FOUND["tag_list"]
PRICES = FOUND["prices"]
RELATED_LEADS = LeadWords(RELATED_LEAD_WORDS, FOUND["related_list"])
"""related_list's lead words, found by the shared scan."""
AD_LEADS = LeadWords(AD_LEAD_WORDS, FOUND["ad_label"])
"""ad_label's lead words, found by the shared scan."""
LINK_LEADS = LeadWords(LINK_LEAD_WORDS, FOUND["menu_links"])
"""menu's lead words, found by the shared scan."""
HEADERS = {kind: FOUND[f"header {kind}"] for kind in HEADER_GROUPS}
"""The page type's post-header words, a group for each kind of header line."""
