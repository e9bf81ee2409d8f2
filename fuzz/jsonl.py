"""Fuzz the JSONL reader (one record a line): ``python fuzz/jsonl.py CORPUS_DIR [libFuzzer flags]``."""

import sys

import atheris

with atheris.instrument_imports(include=["cleantext"]):
    from checks import check_jsonl

if __name__ == "__main__":
    atheris.Setup(sys.argv, check_jsonl)
    atheris.Fuzz()
