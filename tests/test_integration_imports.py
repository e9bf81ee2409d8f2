"""The optional extras stay optional: importing cleantext (and its CLI) loads none of them."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("fastwarc", "datatrove", "pyspark", "warcio")


def test_import_cleantext_loads_no_archive_reader_nor_corpus_engine():
    probe = (
        "import sys, cleantext, cleantext.cli.command, cleantext.integrations, "
        "cleantext.integrations.summary\n"
        f"print(sorted(name for name in {HEAVY!r} if name in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "[]"
