"""Plug cleantext into other tools; each integration is a module of its own behind an extra.

Nothing here is imported by ``import cleantext``, and this package imports no
host library: ``cleantext.integrations.scrapy`` (``pip install "cleantext-web[scrapy]"``),
``cleantext.integrations.datatrove`` (``[datatrove]``) and ``cleantext.integrations.spark``
(``[spark]``) import their host only when they are themselves imported.
"""
