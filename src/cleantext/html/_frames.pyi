"""Stub of the compiled contexts (``_frames.pyx``)."""

class Context:
    landmarks: frozenset[str]
    tokens: frozenset[str]
    labels: tuple[tuple[str, int], ...]
    in_body: bool
    heading: bool
    sectioned: bool
    def __init__(
        self,
        landmarks: frozenset[str],
        tokens: frozenset[str],
        labels: tuple[tuple[str, int], ...],
        in_body: bool,
        heading: bool,
        sectioned: bool,
    ) -> None: ...

ROOT_CONTEXT: Context

def new_context(
    parent: Context,
    tag: str,
    landmark: str | None,
    own: frozenset[str],
    in_body: bool,
    depth: int,
) -> Context: ...
