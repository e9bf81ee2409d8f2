"""Benchmarks: quality on the shared eval pages, speed against peers, cost against size."""
