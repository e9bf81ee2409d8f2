"""Fuzz ``cleantext.clean_html`` (bytes and str): ``python fuzz/clean_html.py CORPUS_DIR [libFuzzer flags]``."""

import sys

import atheris

with atheris.instrument_imports(include=["cleantext"]):
    from checks import check_html

if __name__ == "__main__":
    atheris.Setup(sys.argv, check_html)
    atheris.Fuzz()
