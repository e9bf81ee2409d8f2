"""The ``cleantext`` command line: arguments, inputs, JSON Lines batches, output formats.

``main`` (in :mod:`cleantext.cli.command`) is the console script's entry point.
"""

from cleantext.cli.command import main

__all__ = ["main"]
