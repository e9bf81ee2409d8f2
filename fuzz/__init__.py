"""Fuzz harnesses for cleantext: ``clean``, ``clean_html`` and the JSONL reader.

Each harness feeds one input to the library and checks its promises with the test
suite's own invariants (``tests/invariants.py``). ``python -m fuzz.run`` seeds a
corpus from ``fixtures/`` and runs every harness under atheris; see ``docs/fuzzing.md``.
"""
