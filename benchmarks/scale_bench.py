"""Figures for a design of 5,000 distinct nodes and 20,000 links (benchmarks/big_design.py).

Each is the median of a few runs (the machine is shared: the load average is printed
with them), and under each the CPU seconds the process spent meanwhile (all its threads):
on a busy machine the wall clock says more about the others than about us. The window
figures time the UI thread: opening is reading the file into a new window until its
canvas has painted once; an edit is one server's accelerator count changed until the
summary shows it, with the longest the UI thread was busy in one go meanwhile (the
evaluation runs off it).
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.big_design import write_big_design
from benchmarks.timing import report
from engine.catalog import load_catalog
from engine.evaluate import evaluate
from engine.layout import load_design

NODES = 5000
RUNS = 3


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"(5,000-node figures; load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores)")
    catalog = load_catalog()
    with tempfile.TemporaryDirectory() as folder:
        path = write_big_design(Path(folder), NODES)
        design = load_design(str(path), catalog)
        _report("read the layout file, 5,000 nodes and 20,000 links",
                _medians(lambda: load_design(str(path), catalog)))
        _report("evaluate, 5,000 nodes and 20,000 links, after reading",
                _medians(lambda: evaluate(design, catalog)), "< 2 s")
        _window_figures(path, catalog, folder)
        _report("render (canvas and estimates to an image), 5,000 nodes",
                _medians(lambda: _render(design, path, catalog), runs=1), "< 10 s")


def _medians(fn: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of ``runs`` calls."""
    return _median_pair([_timed_both(fn) for _ in range(runs)])


def _timed_both(fn: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def _median_pair(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    walls, cpus = zip(*pairs, strict=True)
    return statistics.median(walls), statistics.median(cpus)


def _report(name: str, seconds: tuple[float, float], target: str = "") -> None:
    report(name, seconds[0], "s", target)
    report("  CPU meanwhile (all threads)", seconds[1], "s")


def _render(design, path: Path, catalog) -> None:
    from workbench.shell.render import render_window
    render_window(design, path, (1600, 1000), catalog)


def _window_figures(path: Path, catalog, folder: str) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from workbench.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(Path(folder) / "bench.ini"), QSettings.Format.IniFormat)
    runs = []
    for run in range(RUNS):
        window = MainWindow(catalog, settings)
        window.resize(1600, 1000)
        window.show()
        app.processEvents()
        runs.append(_open_and_edit(app, window, path, accelerators=4 if run % 2 == 0 else 2))
        window.document.undo_stack.setClean()
        window.close()
        app.processEvents()
    opens, edits, stalls = zip(*runs, strict=True)
    _report("open in the window and paint once, 5,000 nodes", _median_pair(list(opens)),
            "< 3 s")
    report("edit to refreshed estimates, 5,000 nodes", statistics.median(edits), "s")
    report("  longest the UI thread was busy meanwhile", statistics.median(stalls) * 1e3,
           "ms", "< 100 ms")


def _open_and_edit(app, window, path: Path,
                   accelerators: int) -> tuple[tuple[float, float], float, float]:
    """Seconds (wall and CPU) to open and paint; to see an edit in the summary; the longest
    step of the UI thread in between."""
    from workbench.document.commands import ReplaceCommand

    def open_and_paint() -> None:
        window.open_path(path)
        window.editor.fit()
        window.editor.view.viewport().repaint()
    opened = _timed_both(open_and_paint)
    _settle(app, window)
    server = next(n for n in window.document.design.nodes if n.kind == "server")
    changed = dataclasses.replace(server, accelerators=accelerators)
    expected = f"{_accelerators(window) - server.accelerators + accelerators:,}"
    start = time.perf_counter()
    longest = _timed(lambda: window.document.push(
        lambda d: ReplaceCommand(d, d.node(server.id), changed)))
    while window.summary.tile_values().get("Accelerators") != expected:
        longest = max(longest, _timed(app.processEvents))
    edited = time.perf_counter() - start
    _settle(app, window)
    return opened, edited, longest


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _accelerators(window) -> int:
    from engine.structure import total_accelerators
    return total_accelerators(window.document.design)


def _settle(app, window) -> None:
    """Until every analysis of the open design has answered."""
    while not window.is_idle():
        window.pipeline.wait()
        app.processEvents()


if __name__ == "__main__":
    main()
