"""Engine figures: evaluate on every example, layout load and save, headless CLI start."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.timing import best_seconds, report
from engine.catalog import load_catalog
from engine.design import Design
from engine.evaluate import evaluate
from engine.layout import load_design, save_design

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
BIGGEST = ROOT / "examples" / "llama3-16k-h100-roce.yaml"


def _searching(design: Design) -> str:
    """Evaluate searches the parallelism fields a design leaves open: most of its time."""
    open_fields = [f.name for f in dataclasses.fields(design.workload.parallelism)
                   if getattr(design.workload.parallelism, f.name) is None]
    return f" (parallelism: {len(open_fields)} open)" if open_fields else ""


def main() -> None:
    catalog = load_catalog()
    for path in EXAMPLES:
        design = load_design(str(path))
        target = "< 20 ms" if path == BIGGEST else ""
        seconds = best_seconds(lambda d=design: evaluate(d, catalog), repeat=5)
        report(f"evaluate {path.stem}{_searching(design)}", seconds * 1e3, "ms", target)
    report("load largest example", best_seconds(lambda: load_design(str(BIGGEST))) * 1e3, "ms")
    design = load_design(str(BIGGEST))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "copy.yaml"
        report("save largest example", best_seconds(lambda: save_design(design, out)) * 1e3,
               "ms")
    command = [sys.executable, "-m", "workbench.cli", "catalog", "accelerators"]
    seconds = best_seconds(lambda: subprocess.run(command, capture_output=True, check=True),
                           repeat=5)
    report("headless CLI start (catalog)", seconds, "s", "< 0.5 s")
