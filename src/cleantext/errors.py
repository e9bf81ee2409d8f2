"""The errors cleantext raises: one base class, a subclass per kind of mistake."""

from __future__ import annotations


class CleantextError(Exception):
    """Base class of every error cleantext raises on purpose."""


class ConfigError(CleantextError, ValueError):
    """A configuration names an unknown detector or parameter, or gives a bad value."""


class InputError(CleantextError, ValueError):
    """The input cannot be read as a page (for example undecodable or not HTML)."""


class CleantextWarning(UserWarning):
    """A call that works but is probably not what was meant (HTML handed to ``clean``)."""


def require_str(text: object, *, what: str = "text") -> str:
    """Return ``text`` if it is a ``str``; raise a ``TypeError`` that says what to do otherwise.

    >>> require_str(b"abc")
    Traceback (most recent call last):
    ...
    TypeError: text must be str, not bytes: decode it first (text.decode("utf-8", "replace")) or pass HTML bytes to clean_html()
    """
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"{what} must be str, not {type(text).__name__}: decode it first "
            '(text.decode("utf-8", "replace")) or pass HTML bytes to clean_html()'
        )
    raise TypeError(f"{what} must be str, not {type(text).__name__}")
