"""HTML mode: parse with lxml, render to the engine's text with DOM evidence, clean.

>>> from cleantext.html import clean_html
>>> clean_html("<p>One paragraph of body text that says something.</p>").text
'One paragraph of body text that says something.'
"""

from cleantext.html.api import clean_html

__all__ = ["clean_html"]
