"""Fuzz ``cleantext.clean``: ``python fuzz/clean_text.py CORPUS_DIR [libFuzzer flags]``."""

import sys

import atheris

with atheris.instrument_imports(include=["cleantext"]):
    from checks import check_text

if __name__ == "__main__":
    atheris.Setup(sys.argv, check_text)
    atheris.Fuzz()
