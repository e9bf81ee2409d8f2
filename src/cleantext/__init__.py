"""cleantext: remove boilerplate from scraped web pages, and say what went and why.

>>> import cleantext
>>> result = cleantext.clean("Home > World > Europe\\n\\nTalks resumed in Vienna on Tuesday, officials said.")
>>> result.text
'Talks resumed in Vienna on Tuesday, officials said.'
>>> result.removed[0].detector
'breadcrumb'
"""

from cleantext.api import clean
from cleantext.config import Config
from cleantext.detector import Detector, NoParams, Proposal
from cleantext.errors import CleantextError, CleantextWarning, ConfigError, InputError
from cleantext.html import clean_html
from cleantext.html.response import clean_response
from cleantext.model import Metadata, Result, Segment
from cleantext.registry import BUILTIN as DETECTORS
from cleantext.text.page import Line, Page

__version__ = "0.1.0"

__all__ = [
    "DETECTORS",
    "CleantextError",
    "CleantextWarning",
    "Config",
    "ConfigError",
    "Detector",
    "InputError",
    "Line",
    "Metadata",
    "NoParams",
    "Page",
    "Proposal",
    "Result",
    "Segment",
    "__version__",
    "clean",
    "clean_html",
    "clean_response",
]
