"""Sweep figures: a 7-point GPU-count sweep (256 to 16,384) of the A800 design in the
worker pool, start to last point, and how long after Cancel the workers are idle."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from benchmarks.timing import report
from engine.catalog import load_catalog
from engine.layout import load_design
from engine.sweep import ACCELERATORS, sweep_values
from workbench.sweep.runner import SweepRunner, one_setting, worker_count

ROOT = Path(__file__).resolve().parent.parent
DESIGN = ROOT / "examples" / "a800-1024.yaml"
TIMEOUT_S = 120.0


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QCoreApplication.instance() or QCoreApplication([])
    catalog = load_catalog()
    design = load_design(str(DESIGN), catalog)
    values = sweep_values(256, 16384, 7, log=True, integer=True)
    runner = SweepRunner()
    ended: list[bool] = []
    runner.finished.connect(ended.append)

    start = time.perf_counter()
    runner.start(one_setting(design, ACCELERATORS, values, True), catalog)
    _spin(app, lambda: bool(ended))
    report(f"sweep, 7 points, {worker_count(len(values))} worker(s), incl. start-up",
           time.perf_counter() - start, "s")

    many = sweep_values(256, 16384, 60, log=True, integer=True)
    points: list[int] = []
    runner.point_ready.connect(lambda index, _: points.append(index))
    ended.clear()
    runner.start(one_setting(design, ACCELERATORS, many, True), catalog)
    _spin(app, lambda: len(points) >= 2)
    cancelled = time.perf_counter()
    runner.cancel()
    _spin(app, runner.idle)
    report("cancel to idle workers (one point in flight at most)",
           (time.perf_counter() - cancelled) * 1e3, "ms")
    report("points computed before cancel, of 60", len(points), "points")


def _spin(app: QCoreApplication, until: object) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while not until() and time.perf_counter() < deadline:     # type: ignore[operator]
        app.processEvents()
        time.sleep(0.001)
