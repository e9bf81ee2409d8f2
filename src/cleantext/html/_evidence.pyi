"""Stub of the compiled kinds of a rendered block's lines (``_evidence.pyx``)."""

from array import array

from cleantext.html._walk import RenderedBlock
from cleantext.html.dom import EvidenceKind, PageEvidence

def read_kinds(
    block: RenderedBlock,
    pending: list[EvidenceKind] | None,
    evidence: PageEvidence,
    numbered: array[int],
    keep: int,
) -> list[EvidenceKind] | None: ...
def rounded(value: float, digits: int) -> float: ...
