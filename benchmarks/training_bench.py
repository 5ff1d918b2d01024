"""Training figures: the parallelism search rate for GPT-3 175B on 1,024 A100s; estimate times."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from benchmarks.timing import best_seconds, report
from engine.catalog import load_catalog
from engine.design import Workload
from engine.fabric import fabric_from_hardware
from engine.training import Machine, estimate, job_for, search

ROOT = Path(__file__).resolve().parent.parent
COMMAND = [sys.executable, "-m", "workbench.cli", "estimate", "--model", "gpt3-175b",
           "--accelerator", "a100-80gb", "--gpus", "1024", "--tokens", "300e9", "--json"]


def main() -> None:
    catalog = load_catalog()
    machine = Machine(catalog.accelerator("a100-80gb"),
                      fabric_from_hardware(catalog, "a100-80gb", 1024))
    job = job_for(catalog.model("gpt3-175b"), Workload(model="gpt3-175b", tokens=300e9),
                  machine)
    result = search(job)
    seconds = best_seconds(lambda: search(job), repeat=5)
    report("search, gpt3-175b on 1,024 a100-80gb", result.evaluated, "configurations")
    report("  of which fit in memory and were timed", result.fitting, "configurations")
    report("search rate (one process, full grid)", result.evaluated / seconds,
           "configurations/s", "> 100,000")
    report("  timed configurations per second", result.fitting / seconds, "/s")
    report("estimate, engine only", best_seconds(lambda: estimate(job), repeat=5) * 1e3, "ms")
    report("estimate command, whole process", _process_seconds(), "s", "< 1 s")


def _process_seconds(repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(COMMAND, cwd=ROOT, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best
