"""Configuration: one immutable value that switches detectors off, tunes them and adds new ones.

>>> from cleantext import Config
>>> config = Config().disable("ad_gap").tune("breadcrumb", max_words=8)
>>> "ad_gap" in config.active_names()
False
>>> config.params_for("breadcrumb").max_words
8

Each detector declares the modes it runs in by default (``Detector.modes``); the
config records only the user's choices, and the mode of a run picks the rest.
The text ``content_classifier`` serves text mode only, unless a config names it:

>>> "content_classifier" in Config().active_names("html")
False
>>> "content_classifier" in Config().enable("content_classifier").active_names("html")
True
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from typing import Any

from cleantext.detector import Detector, Mode
from cleantext.errors import ConfigError
from cleantext.registry import BUILTIN, Registry

DEFAULT_THRESHOLD = 0.5


@dataclass(frozen=True)
class Config:
    """Which detectors run, with which parameters, and the engine's decision threshold.

    Change it with its methods (or :func:`dataclasses.replace`); each returns a new value.
    ``enabled`` holds the detectors the user switched on by name: they run in every
    mode, even one their detector does not serve by default.
    """

    disabled: frozenset[str] = frozenset()
    enabled: frozenset[str] = frozenset()
    only: frozenset[str] | None = None
    overrides: tuple[tuple[str, Any], ...] = ()
    extra: tuple[Detector, ...] = ()
    threshold: float = DEFAULT_THRESHOLD

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ConfigError(f"threshold must be in (0, 1], got {self.threshold!r}")

    def registry(self) -> Registry:
        """The built-in detectors plus the ones this config adds."""
        registry = BUILTIN
        for detector in self.extra:
            registry = registry.with_detector(detector)
        return registry

    def disable(self, *names: str) -> Config:
        """Switch the named detectors off."""
        self._check_names(names)
        chosen = frozenset(names)
        return replace(self, disabled=self.disabled | chosen, enabled=self.enabled - chosen)

    def enable(self, *names: str) -> Config:
        """Switch the named detectors on, in every mode (undoes :meth:`disable`)."""
        self._check_names(names)
        chosen = frozenset(names)
        return replace(self, disabled=self.disabled - chosen, enabled=self.enabled | chosen)

    def enable_only(self, *names: str) -> Config:
        """Run only the named detectors (in every mode)."""
        self._check_names(names)
        return replace(self, only=frozenset(names))

    def tune(self, name: str, **values: Any) -> Config:
        """Set parameters of detector ``name``; unknown names and bad types raise ConfigError."""
        current = self.params_for(name)
        checked = {key: _checked_value(name, current, key, value) for key, value in values.items()}
        kept = tuple(item for item in self.overrides if item[0] != name)
        return replace(self, overrides=(*kept, (name, replace(current, **checked))))

    def add(self, detector: Detector) -> Config:
        """Add a user's own detector (its name must not be taken)."""
        self.registry().with_detector(detector)
        return replace(self, extra=(*self.extra, detector))

    def params_for(self, name: str) -> Any:
        """The parameters detector ``name`` runs with."""
        detector = self.registry()[name]
        return next((params for key, params in self.overrides if key == name), detector.params)

    def active(self, mode: Mode = "text") -> Iterator[tuple[Detector, Any]]:
        """Each detector that runs in ``mode``, with its parameters, in engine order (the
        registry is built, and the overrides read, once for all of them)."""
        tuned: dict[str, Any] = {}
        for name, params in self.overrides:
            tuned.setdefault(name, params)  # (the first, as :meth:`params_for` reads them)
        for name, detector in self.registry().items():
            if self._runs(detector, mode):
                yield detector, tuned.get(name, detector.params)

    def active_names(self, mode: Mode = "text") -> tuple[str, ...]:
        """Names of the detectors that run in ``mode``."""
        return tuple(detector.name for detector, _ in self.active(mode))

    def _runs(self, detector: Detector, mode: Mode) -> bool:
        """The one rule for what runs: the user's choices first, then the detector's modes."""
        name = detector.name
        if name in self.disabled or (self.only is not None and name not in self.only):
            return False
        return mode in detector.modes or name in self.enabled or self.only is not None

    def _check_names(self, names: tuple[str, ...]) -> None:
        registry = self.registry()
        for name in names:
            registry[name]


def require_config(config: object) -> Config | None:
    """Return ``config`` if it is a :class:`Config` or ``None``; raise a ``TypeError`` that says
    what a config is otherwise (a dict of settings is the usual mistake).

    >>> require_config({"disable": ["ad_gap"]})
    Traceback (most recent call last):
    ...
    TypeError: config must be a cleantext.Config, not dict: build one with its methods, e.g. Config().disable("ad_gap").tune("breadcrumb", max_words=8)
    """
    if config is None or isinstance(config, Config):
        return config
    raise TypeError(
        f"config must be a cleantext.Config, not {type(config).__name__}: build one with its "
        'methods, e.g. Config().disable("ad_gap").tune("breadcrumb", max_words=8)'
    )


def _checked_value(detector: str, params: Any, key: str, value: Any) -> Any:
    known = {item.name: item for item in fields(params)}
    if key not in known:
        valid = ", ".join(known) or "none"
        raise ConfigError(f"detector {detector!r} has no parameter {key!r}; valid: {valid}")
    default = getattr(params, key)
    if isinstance(default, bool) or not isinstance(default, (int, float)):
        if type(value) is not type(default):
            raise ConfigError(f"{detector}.{key} must be {type(default).__name__}, got {value!r}")
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigError(f"{detector}.{key} must be a number, got {value!r}")
    if isinstance(default, int) and not float(value).is_integer():
        raise ConfigError(f"{detector}.{key} must be a whole number, got {value!r}")
    return type(default)(value)
