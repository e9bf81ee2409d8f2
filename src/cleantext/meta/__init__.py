"""Metadata: what a page says about itself (markup) and what its boilerplate gives (segments).

:func:`html_metadata` reads the parsed page; :func:`segment_metadata` reads a finished
result's removed segments and the lines by its body; :func:`merged` fills the gaps of the
first from the second, after :func:`settled` has weighed the first's published date against
what the second shows. docs/metadata.md describes every source and rule.
"""

from cleantext.meta.markup import html_metadata
from cleantext.meta.merge import merged
from cleantext.meta.published import settled
from cleantext.meta.segments import segment_metadata

__all__ = ["html_metadata", "merged", "segment_metadata", "settled"]
