"""The sweep window: one setting of the shown scenario varied, every headline figure plotted.

It offers what :func:`engine.sweep.parameters` can vary on the scenario
shown when the window opens or a sweep starts, with
:func:`engine.sweep.default_range` as the first range, runs the points in
worker processes (:class:`~workbench.sweep.runner.SweepRunner`) and plots
them as they arrive. Closing the window cancels a running sweep. The points
can be saved as CSV.
"""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QVBoxLayout, QWidget

from engine.errors import EngineError
from engine.headline import figure_keys, figure_specs
from engine.sweep import ACCELERATORS, SweepPoint, default_range, parameters, sweep_values
from widgets.sweep_panel import SweepPanel
from widgets.sweep_plots import SweepSeries
from workbench.document.document import Document
from workbench.sweep.runner import SweepRunner

LOG_STEPS, LINEAR_STEPS = 7, 9          # 7: powers of two from a quarter to 16 times


class SweepWindow(QDialog):
    """Sweeps of the document's shown scenario."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("sweep")
        self._doc = document
        self.panel = SweepPanel()
        self.runner = SweepRunner(self)
        self.points: dict[int, SweepPoint] = {}
        self._failures: dict[int, str] = {}
        self._label = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.panel)
        self.resize(1300, 820)
        self.panel.parameter_chosen.connect(self._on_parameter_chosen)
        self.panel.run_requested.connect(self.run)
        self.panel.cancel_requested.connect(self.runner.cancel)
        self.panel.export_requested.connect(self._on_export)
        self.runner.point_ready.connect(self._on_point)
        self.runner.progressed.connect(self.panel.set_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self.panel.set_status)
        document.active_scenario_changed.connect(lambda _: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Offer the shown scenario's settings, with its current values (not while running)."""
        if self.runner.is_running():
            return
        chosen = self.panel.chosen()
        self.setWindowTitle(f"Sweep - {self._doc.design.name}")
        self.panel.set_parameters(parameters(self._doc.design, self._doc.catalog),
                                  chosen.key if chosen else ACCELERATORS)

    def run(self, key: str, start: float, stop: float, steps: int, log: bool) -> None:
        parameter = next(p for p in parameters(self._doc.design, self._doc.catalog)
                         if p.key == key)
        try:
            values = sweep_values(start, stop, steps, log, parameter.integer)
        except EngineError as exc:
            self.panel.set_status(str(exc))
            return
        design = self._doc.design
        unit = f" ({parameter.unit})" if parameter.unit else ""
        self._label = f"{parameter.label}{unit}"
        currency = design.cost.currency
        series = [SweepSeries(s.key, s.label, currency if s.unit == "money" else s.unit,
                              s.style)
                  for s in figure_specs() if s.key != key]
        self.points, self._failures = {}, {}
        self.panel.plots.start(self._label, series, parameter.current, parameter.integer, log)
        self.panel.set_running(True)
        self.panel.export.setEnabled(False)
        self.panel.set_status(f"Sweeping {parameter.label} of {design.name} over "
                              f"{len(values)} values…")
        self.runner.start(design, key, values, self._doc.catalog)

    def _on_parameter_chosen(self, key: str) -> None:
        parameter = self.panel.chosen()
        if parameter is not None and parameter.key == key:
            start, stop, log = default_range(parameter)
            self.panel.set_range(start, stop, log)
            self.panel.steps.setValue(LOG_STEPS if log else LINEAR_STEPS)

    def _on_point(self, index: int, point: SweepPoint | str | None) -> None:
        if isinstance(point, SweepPoint):
            self.points[index] = point
            self.panel.plots.add_point(point.x, {f.key: (f.value, f.text)
                                                 for f in point.figures})
        elif point is not None:
            self._failures[index] = point

    def _on_finished(self, cancelled: bool) -> None:
        self.panel.set_running(False)
        self.panel.export.setEnabled(bool(self.points))
        total = self.panel.progress.maximum()
        done = f"{len(self.points)} of {total} points"
        failed = (f"; {len(self._failures)} could not be applied: "
                  f"{next(iter(self._failures.values()))}") if self._failures else ""
        self.panel.set_status(f"{'Cancelled' if cancelled else 'Done'}: {done}{failed}"
                              f"{self._noted('No value for some figures', self._gaps())}"
                              f"{self._noted('Warnings', self._warnings())}")

    def _gaps(self) -> list[tuple[float, str]]:
        """Where curves have holes, and why."""
        return [(p.x, f.missing) for p in self.points.values() for f in p.figures
                if f.value is None]

    def _warnings(self) -> list[tuple[float, str]]:
        """Points the topology warns about (more cables than ports ...)."""
        return [(p.x, w) for p in self.points.values() for w in p.warnings]

    @staticmethod
    def _noted(what: str, found: list[tuple[float, str]]) -> str:
        """". What at x1, x2 …: the first reason" (nothing if ``found`` is empty)."""
        if not found:
            return ""
        xs = sorted({x for x, _ in found})
        where = ", ".join(f"{x:,.6g}" for x in xs[:4]) + (" …" if len(xs) > 4 else "")
        return f". {what} at {where}: {min(found)[1]}"

    def _on_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export sweep", "sweep.csv",
                                              "CSV files (*.csv)")
        if name:
            write_csv(Path(name), self._label, [self.points[i] for i in sorted(self.points)])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.cancel()
        super().closeEvent(event)


def write_csv(path: Path, label: str, points: list[SweepPoint]) -> None:
    """One row per point: the setting's value, what the design then had, every figure."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        keys = figure_keys()
        writer.writerow([label, "x", *keys])
        for point in sorted(points, key=lambda p: p.x):
            values = {f.key: "" if f.value is None else f.value for f in point.figures}
            writer.writerow([point.value, point.x, *(values[k] for k in keys)])
