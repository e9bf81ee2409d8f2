"""Stopword lists (the most frequent function words) and the choice of a page's language.

Running text is full of function words ("the", "of", "und", "которые"); menus,
link lists and bylines are not. The content classifier measures each line's
share of them, in the language whose list the page hits most. Where no list
fits (a language without one), a language-free proxy stands in: the page's
own most frequent words, which in running text are its function words.

>>> from collections import Counter
>>> choose_language(Counter("der hund und die katze sind in dem haus aber nicht mit uns".split()))
'de'
>>> choose_language({"foo": 3, "bar": 1}) is None
True
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from cleantext.text._features import language_hits
from cleantext.text._words import WordTable

if TYPE_CHECKING:
    from cleantext.text._words import LineTokens

_LISTS = {
    "en": """
        a about above after again against all also am an and any are as at be because been
        before being below between both but by can could did do does doing down during each
        even ever few for from further had has have having he her here hers herself him
        himself his how however i if in into is it its itself just last least less like may
        me might more most much must my myself never no nor not now of off on once one only
        or other our ours ourselves out over own same she should since so some such than that
        the their theirs them themselves then there these they this those though through to
        too two under until up upon us very was we were what when where whether which while
        who whom whose why will with within without would yet you your yours yourself also
        many well still because around made make new said says say since year years first
        """,
    "de": """
        aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei
        beim bin bis bist da damit dann das dass dem den denn der des dich die dies diese
        diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines
        einige er es etwas euch euer für gegen gewesen hab habe haben hat hatte hatten hier
        hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer im in indem ins ist jede jedem
        jeden jeder jedes jetzt kann kein keine können könnte man manche mein meine mich mir
        mit muss musste nach nicht nichts noch nun nur ob oder ohne schon sehr sein seine
        seinem seinen seiner sich sie sind so solche soll sollte sondern sonst über um und
        uns unser unter viel vom von vor wann war waren warum was weil welche welchem welchen
        welcher wenn wer werde werden wie wieder will wir wird wo wurde wurden zu zum zur zwar
        zwischen immer mehr sowie bereits seit laut
        """,
    "fr": """
        à au aucun aussi autre aux avec avait avoir bien c ça car ce ceci cela celle celles
        celui cependant ces cet cette ceux chaque chez comme comment d dans de depuis des donc
        dont du elle elles en encore entre est et été être eu eux fait faire il ils j je
        jusqu l la le les leur leurs lors lui m ma mais me même mes moi moins mon n ne ni nos
        notre nous on ont ou où par parce pas pendant peu peut plus pour pourquoi qu quand
        que quel quelle quelles quels qui s sa sans se selon ses si son sont sous sur t ta
        tandis te tes toi ton tous tout toute toutes très tu un une vers vos votre vous y
        était étaient sera ainsi alors après avant déjà deux été fois lorsque puis
        """,
    "es": """
        a al algo algunos ante antes como con contra cual cuando de del desde donde durante
        e el ella ellas ellos en entre era eran es esa esas ese eso esos esta estaba estado
        estar estas este esto estos está están fue fueron ha había han hasta hay la las le
        les lo los más me mi mientras muy nada ni no nos nosotros o otra otras otro otros para
        pero poco por porque que quien quienes qué se sea según ser si sido sin sino sobre
        son su sus también tanto te tiene tienen todo todos tras tu un una unas uno unos y ya
        yo además ahora aunque cada dos embargo hace hacer puede pueden sólo solo vez
        """,
    "pl": """
        a aby ale bardzo bez bo by być był była było były będzie co czy dla do gdy gdzie go
        i ich im jak jako je jego jej jest jeszcze jednak jeśli już ja jednak kiedy kto która
        które którego której który których ku lub ma mają mi między może można na nad nas nie
        niż nich o od oraz po pod przed przez przy się sobie są ta tak także tam te tego tej
        ten to tu tylko tym u w we więc wszystko z za ze że żeby jego też było bardziej oraz
        według został została zostały roku lat jeden dwa które wśród około
        """,
    "pt": """
        a ao aos as às até com como da das de dela dele deles do dos e ela elas ele eles em
        entre era eram essa esse esta está estão este eu foi foram há isso isto já lhe lhes
        mais mas me mesmo meu minha muito na nas não nem no nos nossa nosso num numa o os ou
        para pela pelas pelo pelos por porque quando que quem se sem ser seu seus sua suas
        também te tem têm ter todo todos tu um uma umas uns você vocês sobre após ainda onde
        sendo pode podem será seja são dois anos ano outro outra
        """,
    "it": """
        a ad agli ai al alla alle allo anche ancora che chi ci come con contro cui da dal dalla
        dalle dai degli dei del della delle dello di dove e ed è era erano essere fa fatto fra
        gli ha hanno i il in io la le lei li lo loro lui ma mi mio molto ne nei nel nella nelle
        no noi non o per perché più poi quale quando quella quelle quello questa queste questo
        se sei si sia siamo sono su sua sue suo suoi sul sulla tra tu tutti tutto un una uno
        vi già stato stata essere dopo anni anno ogni senza tutte sempre
        """,
    "ru": """
        а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да
        даже для до его ее её ей если есть ещё еще же за здесь и из или им их к как когда кто
        ли либо между меня мне может мы на над надо наш не него нее неё нет ни них но ну о об
        однако он она они оно от очень по под после при про с со так также такой там те тем
        то того тоже той только том ты у уже хотя чем что чтобы эта эти это этого этой этом
        этот я который которая которые которых году года время свой своей
        """,
}

STOPWORDS: Mapping[str, frozenset[str]] = MappingProxyType(
    {language: frozenset(words.split()) for language, words in _LISTS.items()}
)
"""Lower-case function words per language code."""

MIN_HITS = 8
"""A language needs this many stopword hits on the page to be chosen."""
MIN_SHARE = 0.12
"""... and they must make up this share of the page's words."""
FALLBACK_SIZE = 25
"""Fallback: this many of the page's most frequent words count as its function words."""

LANGUAGES = tuple(STOPWORDS)
"""The languages with a stopword list, numbered in this order."""
_GROUPS_OF: dict[str, tuple[int, ...]] = {
    word: tuple(number for number, language in enumerate(LANGUAGES) if word in STOPWORDS[language])
    for word in frozenset().union(*STOPWORDS.values())
}
"""The numbers (in :data:`LANGUAGES`) of the languages whose list holds each word (read only)."""
_GROUPS_TABLE = WordTable(_GROUPS_OF, True)
""":data:`_GROUPS_OF` entered once for :meth:`~cleantext.text._words.LineTokens.hits_on`."""


def choose_language(counts: Mapping[str, int]) -> str | None:
    """The language whose stopwords the word ``counts`` (lower case) hit most, or None.

    The hits are added up in one pass over the words (the compiled
    :func:`~cleantext.text._features.language_hits`).
    """
    hits = _no_hits()
    total = language_hits(counts if type(counts) is dict else dict(counts), _GROUPS_OF, hits)
    return _best_language(hits, total)


def tokens_language(tokens: LineTokens, lines: bytes | array[int]) -> str | None:
    """:func:`choose_language` of the words of the lines marked in ``lines`` (one byte a
    line), read from the page's token ids (the compiled
    :meth:`~cleantext.text._words.LineTokens.hits_on`): no ``dict`` of the words is made.

    >>> from cleantext.text.page import Page
    >>> page = Page.from_text("Home\\nder hund und die katze sind in dem haus aber nicht mit uns")
    >>> tokens_language(page.tokens, bytes([1, 1])), tokens_language(page.tokens, bytes([1, 0]))
    ('de', None)
    """
    hits = _no_hits()
    total = tokens.hits_on(lines, _GROUPS_TABLE, hits)
    return _best_language(hits, total)


def _no_hits() -> array[int]:
    """A count of hits for each of :data:`LANGUAGES`, all 0."""
    return array("q", bytes(8 * len(LANGUAGES)))


def _best_language(hits: array[int], total: int) -> str | None:
    """The language of the most ``hits`` (the first of them on a tie), when they are
    enough among ``total`` words (:data:`MIN_HITS`, :data:`MIN_SHARE`); else None."""
    best = max(range(len(LANGUAGES)), key=hits.__getitem__)
    if hits[best] < MIN_HITS or hits[best] < MIN_SHARE * total:
        return None
    return LANGUAGES[best]


def page_stopwords(counts: Mapping[str, int], size: int = FALLBACK_SIZE) -> frozenset[str]:
    """Fallback: the page's own most frequent words, which in running text are function words.

    >>> sorted(page_stopwords({"ke": 9, "dan": 7, "rumah": 2, "2019": 8}, size=2))
    ['dan', 'ke']
    """
    ranked = sorted(
        (item for item in counts.items() if item[0].isalpha() and item[1] >= 2),
        key=lambda item: -item[1],
    )
    return frozenset(word for word, _ in ranked[:size])


def function_word_count(words: list[str], stopwords: frozenset[str]) -> int:
    """How many of ``words`` (lower case) are in ``stopwords``.

    >>> function_word_count(["the", "cat", "of", "rome"], STOPWORDS["en"])
    2
    """
    return sum(map(stopwords.__contains__, words))
