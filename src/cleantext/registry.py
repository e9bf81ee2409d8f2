"""The registry of built-in detectors: every module in ``cleantext.detectors`` declares one.

A detector module defines a module-level ``DETECTOR``; the registry collects
them once, in a stable order, and refuses two detectors with the same name.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import ItemsView, Iterable, Iterator, Mapping
from types import MappingProxyType

from cleantext.detector import Detector
from cleantext.errors import ConfigError


class Registry(Mapping[str, Detector]):
    """An immutable, ordered mapping of detector name to :class:`Detector`.

    >>> Registry([]).names()
    ()
    >>> "no_such_detector" in Registry([])
    False
    """

    def __init__(self, detectors: Iterable[Detector]) -> None:
        table: dict[str, Detector] = {}
        for detector in sorted(detectors, key=lambda item: (item.order, item.name)):
            if detector.name in table:
                raise ConfigError(f"two detectors are named {detector.name!r}")
            table[detector.name] = detector
        self._table = MappingProxyType(table)

    def __getitem__(self, name: str) -> Detector:
        try:
            return self._table[name]
        except KeyError:
            raise ConfigError(
                f"unknown detector {name!r}; valid names: {', '.join(self._table)}"
            ) from None

    def __contains__(self, name: object) -> bool:
        """``name in registry`` answers False for an unknown name instead of raising."""
        return name in self._table

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)

    def items(self) -> ItemsView[str, Detector]:
        """The names and detectors in engine order, read from the table itself (the
        engine reads them for every page: the generic view would look each name up again)."""
        return self._table.items()

    def names(self) -> tuple[str, ...]:
        """Detector names in engine order."""
        return tuple(self._table)

    def with_detector(self, detector: Detector) -> Registry:
        """A new registry with ``detector`` added (its name must be new)."""
        return Registry([*self._table.values(), detector])


def discover() -> Registry:
    """Import every module of ``cleantext.detectors`` and collect its ``DETECTOR``."""
    package = importlib.import_module("cleantext.detectors")
    found = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda item: item.name):
        module = importlib.import_module(f"cleantext.detectors.{info.name}")
        detector = getattr(module, "DETECTOR", None)
        if isinstance(detector, Detector):
            found.append(detector)
    return Registry(found)


BUILTIN = discover()
