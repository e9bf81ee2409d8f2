"""Turn the command line's detector options and TOML config file into one :class:`Config`.

The config file is read first; ``--enable``, ``--disable``, ``--only`` and ``--set`` apply
on top. The config holds the user's choices only: which detectors run in which mode is
decided where the library decides it (:meth:`Config.active`), so ``cleantext --html`` and
``clean_html`` run the same detectors.

>>> config = build_config(disable=["ad_gap"], settings=["breadcrumb.max_words=8"])
>>> "ad_gap" in config.active_names(), config.params_for("breadcrumb").max_words
(False, 8)
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from cleantext.config import Config
from cleantext.errors import ConfigError

FILE_KEYS = ("threshold", "enable", "disable", "only", "detectors")
"""Top-level keys a TOML config file may have."""
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})


def build_config(
    *,
    config_file: str | None = None,
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
    only: Iterable[str] = (),
    settings: Iterable[str] = (),
) -> Config:
    """The config the options describe; raises :class:`ConfigError` on any unknown name or bad value."""
    config = config_from_file(config_file) if config_file else Config()
    enabled = tuple(enable)
    if enabled:
        config = config.enable(*enabled)
    disabled = tuple(disable)
    if disabled:
        config = config.disable(*disabled)
    chosen = tuple(only)
    if chosen:
        config = config.enable_only(*chosen)
    for setting in settings:
        config = apply_setting(config, setting)
    return config


def apply_setting(config: Config, setting: str) -> Config:
    """Apply one ``detector.param=value`` (or ``threshold=value``) setting.

    >>> apply_setting(Config(), "threshold=0.6").threshold
    0.6
    >>> apply_setting(Config(), "breadcrumb.max_words=x")
    Traceback (most recent call last):
    ...
    cleantext.errors.ConfigError: breadcrumb.max_words must be int, got 'x'
    """
    key, equals, text = setting.partition("=")
    if not equals or not key.strip():
        raise ConfigError(f"--set needs detector.param=value, got {setting!r}")
    key = key.strip()
    if key == "threshold":
        return _with_threshold(config, _parse_number("threshold", 0.5, text))
    name, dot, param = key.partition(".")
    if not dot:
        raise ConfigError(f"--set needs detector.param=value (or threshold=value), got {setting!r}")
    current = config.params_for(name)
    if not hasattr(current, param):
        config.tune(name, **{param: text})  # raises, naming the valid parameters
    default = getattr(current, param)
    return config.tune(name, **{param: parse_value(f"{name}.{param}", default, text)})


def parse_value(label: str, default: object, text: str) -> object:
    """Read ``text`` as a value of the same type as ``default``.

    >>> parse_value("x.on", True, "no"), parse_value("x.n", 3, "4"), parse_value("x.s", 0.5, "1")
    (False, 4, 1.0)
    """
    text = text.strip()
    if isinstance(default, bool):
        word = text.lower()
        if word in TRUE_WORDS | FALSE_WORDS:
            return word in TRUE_WORDS
        raise ConfigError(f"{label} must be true or false, got {text!r}")
    if isinstance(default, (int, float)):
        return _parse_number(label, default, text)
    return text


def _parse_number(label: str, default: float, text: str) -> float:
    kind = int if isinstance(default, int) else float
    try:
        return kind(text.strip())
    except ValueError:
        raise ConfigError(f"{label} must be {kind.__name__}, got {text.strip()!r}") from None


def _with_threshold(config: Config, value: object) -> Config:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigError(f"threshold must be a number, got {value!r}")
    return replace(config, threshold=float(value))


def config_from_file(path: str) -> Config:
    """Read a TOML config file (needs Python 3.11+ for :mod:`tomllib`)."""
    return config_from_mapping(_read_toml(path), origin=path)


def config_from_mapping(data: Mapping[str, Any], *, origin: str = "config") -> Config:
    """The config a parsed TOML document describes.

    >>> config = config_from_mapping({"disable": ["ad_gap"], "detectors": {"breadcrumb": {"max_words": 9}}})
    >>> config.params_for("breadcrumb").max_words, "ad_gap" in config.active_names()
    (9, False)
    """
    unknown = sorted(set(data) - set(FILE_KEYS))
    if unknown:
        raise ConfigError(
            f"{origin}: unknown key {unknown[0]!r}; valid keys: {', '.join(FILE_KEYS)}"
        )
    config = Config()
    if "threshold" in data:
        config = _with_threshold(config, data["threshold"])
    config = config.enable(*_names(data.get("enable", []), "enable", origin))
    config = config.disable(*_names(data.get("disable", []), "disable", origin))
    if "only" in data:
        config = config.enable_only(*_names(data["only"], "only", origin))
    for name, values in _tables(data.get("detectors", {}), origin):
        config = config.tune(name, **values)
    return config


def _names(value: object, key: str, origin: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{origin}: {key} must be a list of detector names, got {value!r}")
    return tuple(value)


def _tables(value: object, origin: str) -> Iterable[tuple[str, dict[str, Any]]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{origin}: [detectors] must be a table of tables")
    for name, values in value.items():
        if not isinstance(values, dict):
            raise ConfigError(f"{origin}: [detectors.{name}] must be a table of parameters")
        yield name, values


def _read_toml(path: str) -> dict[str, Any]:
    tomllib = _tomllib()
    try:
        with Path(path).open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"cannot read config file {path}: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    return data


def _tomllib() -> Any:
    """The standard TOML reader, new in Python 3.11 (imported by name: mypy targets 3.10)."""
    try:
        return importlib.import_module("tomllib")
    except ModuleNotFoundError:
        version = ".".join(map(str, sys.version_info[:2]))
        raise ConfigError(
            f"--config needs Python 3.11 or newer (tomllib); this is {version}"
        ) from None
