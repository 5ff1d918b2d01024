"""Timing helper for benchmarks: best of several runs, printed as one line."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_seconds(fn: Callable[[], object], repeat: int = 20) -> float:
    """The fastest of ``repeat`` runs (after one warm-up): the least disturbed figure."""
    fn()
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def report(name: str, value: float, unit: str, target: str = "") -> None:
    """One figure per line: ``name  value unit  (target ...)``."""
    suffix = f"  (target {target})" if target else ""
    number = f"{value:>12,}" if isinstance(value, int) else f"{value:>12.3f}"
    print(f"{name:<56} {number} {unit}{suffix}")
