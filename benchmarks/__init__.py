"""Benchmarks: each ``*_bench.py`` module prints one line per figure with its unit and target."""
