"""Sweep throughput on every backend, and the peak memory of a 100,000-point sweep.

The sweep is the 1,024-GPU what-if examples' question: accelerator (A800, H800, H20)
x GPU count (1,024 to 4,096) x model (Llama 2 70B, Llama 3 8B) x rent discount, on
the H800 example's fabric. 10,008 points run in this process, on a local process pool
of 1 and 2 workers and on a Dask LocalCluster of 2 workers, each timed from start to
the last row written (pool and cluster start-up included). The 100,008-point run is
``cluster-workbench sweep`` in a child process on 2 workers; its peak memory is the
largest sum of the resident memory of the command and every process under it,
sampled every 50 ms.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from benchmarks.timing import report
from engine.catalog import load_catalog
from engine.design_space.axes import read_axis
from engine.design_space.plan import SweepPlan
from engine.layout import load_design
from workbench.sweep.backends import Backend, DaskCluster, InProcess, ProcessPool
from workbench.sweep.to_file import sweep_to_file

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "examples" / "h800-1024.yaml"
AXES = {"accelerator": "a800-80gb,h800,h20", "gpus": "1024..4096x2",
        "model": "llama2-70b,llama3-8b"}
DISCOUNTS_10K, DISCOUNTS_100K = 556, 5556          # x 18 = 10,008 and 100,008 points
SAMPLE_S = 0.05


def main() -> None:
    catalog = load_catalog()
    design = load_design(str(BASE), catalog)
    axes = {**AXES, "cost.discount": f"0.2..1.0/{DISCOUNTS_10K}"}
    plan = SweepPlan(design, tuple(read_axis(k, v, design, catalog) for k, v in axes.items()))
    with tempfile.TemporaryDirectory() as folder:
        for name, open_backend in (("in-process", InProcess),
                                   ("local pool, 1 worker", lambda: ProcessPool(1)),
                                   ("local pool, 2 workers", lambda: ProcessPool(2)),
                                   ("Dask LocalCluster, 2 workers",
                                    lambda: DaskCluster(workers=2))):
            start = time.perf_counter()
            backend: Backend = open_backend()
            try:
                sweep_to_file(plan, catalog, backend, Path(folder) / "rows.parquet")
            finally:
                backend.close()
            rate = plan.size / (time.perf_counter() - start)
            report(f"sweep of {plan.size:,} points, {name}", rate, "points/s")
        peak, seconds = _peak_of_command(Path(folder) / "big.parquet")
    report("sweep of 100,008 points, 2 workers: peak memory", peak / 2**20, "MB", "< 500 MB")
    report("sweep of 100,008 points, 2 workers: wall time", seconds, "s")


def _peak_of_command(out: Path) -> tuple[float, float]:
    """The largest resident memory of the command and its processes, and its run time."""
    varies = [f"--vary={k}={v}" for k, v in
              {**AXES, "cost.discount": f"0.2..1.0/{DISCOUNTS_100K}"}.items()]
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "workbench.cli", "sweep", str(BASE),
                              *varies, "-o", str(out), "--workers", "2", "--quiet"],
                             stdout=subprocess.DEVNULL)
    process, peak = psutil.Process(child.pid), 0
    while child.poll() is None:
        peak = max(peak, _tree_rss(process))
        time.sleep(SAMPLE_S)
    if child.returncode != 0:
        raise RuntimeError(f"the 100,008-point sweep failed ({child.returncode})")
    return peak, time.perf_counter() - start


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    try:
        for p in (process, *process.children(recursive=True)):
            total += p.memory_info().rss
    except psutil.Error:        # a process ended while being read: the next sample counts
        pass
    return total
