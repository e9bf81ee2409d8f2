"""The tools the quality benchmark compares: cleantext, its baselines and the HTML extractors.

Each tool reads one field of an eval page (``text``, ``text_alt`` or ``html``) and
returns plain text. Peers are imported only when their tool is loaded, so a
missing ``bench`` extra makes a tool unavailable instead of breaking the run.

>>> TOOLS["none"].field, TOOLS["trafilatura"].field
('text', 'html')
>>> TOOLS["none"].load()("Home\\n\\nBody text.", "en")
'Home\\n\\nBody text.'
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

Extract = Callable[[str, str], str]
"""An extractor: (the page's field, the page's ``lang``) -> plain text."""

JUSTEXT_LANGUAGES = {
    "ar": "Arabic",
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "hu": "Hungarian",
    "it": "Italian",
    "ko": "Korean",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sv": "Swedish",
    "tr": "Turkish",
    "uk": "Ukrainian",
}
"""Eval ``lang`` codes (the part before any ``/``) to jusText stoplist names."""

DISTRIBUTIONS = ("trafilatura", "readability-lxml", "jusText", "Resiliparse", "datatrove", "lxml")


@dataclass(frozen=True)
class Tool:
    """A named extractor, the page field it reads, and how to build it."""

    name: str
    field: str
    load: Callable[[], Extract]
    note: str
    by_default: bool = True
    """Whether a run without ``--tools`` measures it (the ``-meta`` variants only on request)."""


def justext_stoplist(lang: str) -> str:
    """The jusText stoplist for an eval ``lang`` code, English where jusText has none.

    >>> justext_stoplist("de"), justext_stoplist("ru/cyrillic"), justext_stoplist("ja")
    ('German', 'Russian', 'English')
    """
    return JUSTEXT_LANGUAGES.get(lang.split("/")[0], "English")


def _identity() -> Extract:
    return lambda text, lang: text


def _c4() -> Extract:
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter

    # Line rules only: the whole-document drops (too few sentences, curly bracket,
    # lorem ipsum) are off, so the result is the text of the lines C4 keeps.
    rules = C4QualityFilter(
        min_num_sentences=-1, filter_curly_bracket=False, filter_lorem_ipsum=False
    )

    def extract(text: str, lang: str) -> str:
        doc = Document(text=text, id="page")
        return doc.text if rules.filter(doc) is True else ""

    return extract


def _cleantext_text() -> Extract:
    import cleantext

    return lambda text, lang: cleantext.clean(text).text


def _cleantext_text_meta() -> Extract:
    """``cleantext.clean`` with the result's metadata read too (it is read on demand)."""
    import cleantext

    def extract(text: str, lang: str) -> str:
        result = cleantext.clean(text)
        result.metadata  # noqa: B018  (the read that a caller storing metadata pays for)
        return result.text

    return extract


def _cleantext_html() -> Extract:
    import cleantext

    clean_html = getattr(cleantext, "clean_html", None)
    if clean_html is None:
        raise ImportError("this cleantext has no clean_html (HTML mode) yet")
    return lambda html, lang: str(clean_html(html).text)


def _cleantext_html_meta() -> Extract:
    """``cleantext.clean_html`` with the result's metadata read too (its segment part is read
    on demand)."""
    from cleantext import clean_html

    def extract(html: str, lang: str) -> str:
        result = clean_html(html)
        result.metadata  # noqa: B018  (the read that a caller storing metadata pays for)
        return result.text

    return extract


def _trafilatura() -> Extract:
    import trafilatura

    return lambda html, lang: trafilatura.extract(html, include_comments=False) or ""


def _readability() -> Extract:
    import lxml.html
    from readability import Document

    def extract(html: str, lang: str) -> str:
        summary = lxml.html.fromstring(Document(html).summary())
        parts = (str(part).strip() for part in summary.itertext())
        return "\n".join(part for part in parts if part)

    return extract


def _justext() -> Extract:
    import justext

    def extract(html: str, lang: str) -> str:
        stoplist = justext.get_stoplist(justext_stoplist(lang))
        paragraphs = justext.justext(html, stoplist)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return extract


def _resiliparse() -> Extract:
    from resiliparse.extract.html2text import extract_plain_text

    return lambda html, lang: extract_plain_text(html, main_content=True)


def _tools() -> dict[str, Tool]:
    text, alt = "text", "text_alt"
    tools = [
        Tool("none", text, _identity, "no cleaning"),
        Tool("c4", text, _c4, "datatrove C4QualityFilter line rules"),
        Tool("cleantext-text", text, _cleantext_text, "cleantext.clean"),
        Tool(
            "cleantext-text-meta", text, _cleantext_text_meta, "clean(text), metadata read", False
        ),
        Tool("none-alt", alt, _identity, "no cleaning"),
        Tool("c4-alt", alt, _c4, "datatrove C4QualityFilter line rules"),
        Tool("cleantext-text-alt", alt, _cleantext_text, "cleantext.clean"),
        Tool("cleantext-html", "html", _cleantext_html, "cleantext.clean_html"),
        Tool("cleantext-html-meta", "html", _cleantext_html_meta, "metadata read", False),
        Tool("trafilatura", "html", _trafilatura, "extract(html, include_comments=False)"),
        Tool("readability", "html", _readability, "Document(html).summary(), text nodes"),
        Tool("justext", "html", _justext, "stoplist of the page's lang, else English"),
        Tool("resiliparse", "html", _resiliparse, "extract_plain_text(main_content=True)"),
    ]
    return {tool.name: tool for tool in tools}


TOOLS = _tools()


def versions() -> dict[str, str]:
    """Installed versions of the peers (absent ones left out) and the cleantext commit."""
    found = {"cleantext": cleantext_commit()}
    for name in DISTRIBUTIONS:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return found


def cleantext_commit() -> str:
    """The measured checkout's commit (``-dirty`` when it has local changes)."""
    root = Path(__file__).resolve().parent.parent
    try:
        done = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return done.stdout.strip()
