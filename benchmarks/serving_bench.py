"""Serving figures: the serving search on 1,024 GPUs and one ``serve`` as a whole process."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from benchmarks.timing import best_seconds, report
from engine.catalog import load_catalog
from engine.fabric import fabric_from_hardware
from engine.serving import ServingWorkload, serving_search

ROOT = Path(__file__).resolve().parent.parent
COMMAND = [sys.executable, "-m", "workbench.cli", "serve", "--model", "llama2-70b",
           "--accelerator", "h100-sxm", "--gpus", "8", "--input-tokens", "1024",
           "--output-tokens", "256", "--json"]


def main() -> None:
    catalog = load_catalog()
    model, accelerator = catalog.model("llama2-70b"), catalog.accelerator("h100-sxm")
    fabric = fabric_from_hardware(catalog, "h100-sxm", 1024)
    workload = ServingWorkload(model="llama2-70b", input_tokens=1024, output_tokens=256)
    result = serving_search(model, accelerator, fabric, workload)
    seconds = best_seconds(lambda: serving_search(model, accelerator, fabric, workload),
                           repeat=5)
    report("serving search, llama2-70b on 1,024 h100-sxm", result.evaluated, "configurations")
    report("  of which fit and were ranked", result.feasible, "configurations")
    report("serving search time, 1,024 GPUs", seconds, "s", "< 1 s")
    report("serving search rate", result.evaluated / seconds, "configurations/s")
    report("serve command, whole process", _process_seconds(), "s", "< 1 s")


def _process_seconds(repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(COMMAND, cwd=ROOT, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best
