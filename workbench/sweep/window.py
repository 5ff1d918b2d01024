"""The sweep window: one setting of the shown scenario varied, every headline figure plotted;
or the Pareto front of a results file the ``sweep`` command wrote.

It offers what :func:`engine.sweep.parameters` can vary on the scenario
shown when the window opens or a sweep starts, with
:func:`engine.sweep.default_range` as the first range, runs the points on the
sweep backends' process pool (:class:`~workbench.sweep.runner.SweepRunner`) and plots
them as they arrive. Closing the window cancels a running sweep. The rows can be
saved as CSV or Parquet, the same rows ``cluster-workbench sweep`` writes; Open
results… shows such a file's front of time to train against cost per run instead
of the plots.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QVBoxLayout, QWidget

from engine.atomic_file import WriteError
from engine.design_space.chunks import CURRENCY, PROBLEMS, SEPARATOR, WARNINGS, columns
from engine.errors import EngineError
from engine.headline import figure_spec, figure_specs, figure_text
from engine.sweep import ACCELERATORS, default_range, parameters, sweep_values
from widgets.content.texts import engine_text
from widgets.plots.front_panel import FrontPanel
from widgets.sweep_panel import SweepPanel
from widgets.sweep_plots import SweepSeries
from workbench.document.document import Document
from workbench.sweep.front_plot import show_front
from workbench.sweep.results_file import ResultsWriter, summary_of
from workbench.sweep.runner import SweepRunner, one_setting

LOG_STEPS, LINEAR_STEPS = 7, 9          # 7: powers of two from a quarter to 16 times
RESULTS_FILTER = QT_TRANSLATE_NOOP("SweepWindow", "Sweep results (*.parquet *.csv)")


class SweepWindow(QDialog):
    """Sweeps of the document's shown scenario."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("sweep")
        self._doc = document
        self.panel = SweepPanel()
        self.front = FrontPanel()
        self.front.hide()
        self.runner = SweepRunner(self)
        self.rows: dict[int, dict[str, Any]] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.panel)
        layout.addWidget(self.front, 1)
        self.resize(1300, 820)
        self.panel.parameter_chosen.connect(self._on_parameter_chosen)
        self.panel.run_requested.connect(self.run)
        self.panel.cancel_requested.connect(self.runner.cancel)
        self.panel.export_requested.connect(self._on_export)
        self.panel.open_requested.connect(self._on_open)
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
        self.setWindowTitle(self.tr("Sweep - {design}").format(design=self._doc.design.name))
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
        currency = design.cost.currency
        series = [SweepSeries(s.key, engine_text(s.label),
                              currency if s.unit == "money" else engine_text(s.unit), s.style)
                  for s in figure_specs() if s.key != key]
        self.rows = {}
        self._show_plots(True)
        self.panel.plots.start(f"{parameter.label}{unit}", series, parameter.current,
                               parameter.integer, log)
        self.panel.set_running(True)
        self.panel.export.setEnabled(False)
        self.panel.set_status(self.tr("Sweeping {setting} of {design} over {n} values…").format(
            setting=parameter.label, design=design.name, n=len(values)))
        self.runner.start(one_setting(design, key, values, parameter.integer),
                          self._doc.catalog)

    def open_results(self, path: str) -> None:
        """Show the front of a results file the ``sweep`` command wrote."""
        try:
            summary, table, axes = summary_of(path)
        except ValueError as exc:
            self.panel.set_status(str(exc))
            return
        self._show_plots(False)
        show_front(self.front, table, axes, summary)
        self.panel.set_status(self.tr("{file}: {points} points over {axes}, {complete} with a "
                                      "time and a cost; {front} on the front").format(
            file=Path(path).name, points=f"{summary.points:,}",
            axes=", ".join(axes) or self.tr("no axis"), complete=f"{summary.complete:,}",
            front=f"{len(summary.front):,}"))

    def _show_plots(self, plots: bool) -> None:
        self.panel.plots.setVisible(plots)
        self.front.setVisible(not plots)

    def _on_parameter_chosen(self, key: str) -> None:
        parameter = self.panel.chosen()
        if parameter is not None and parameter.key == key:
            start, stop, log = default_range(parameter)
            self.panel.set_range(start, stop, log)
            self.panel.steps.setValue(LOG_STEPS if log else LINEAR_STEPS)

    def _on_point(self, index: int, row: dict[str, Any]) -> None:
        self.rows[index] = row
        if not self._failed(row):
            self.panel.plots.add_point(self._x(row), {
                key: (row[key], figure_text(row[key], figure_spec(key).style,
                                            self._unit(key, row)))
                for key in self._recorded()})

    def _on_finished(self, cancelled: bool) -> None:
        self.panel.set_running(False)
        self.panel.export.setEnabled(bool(self.rows))
        total = self.panel.progress.maximum()
        plotted = [r for r in self.rows.values() if not self._failed(r)]
        failures = [r[PROBLEMS] for r in self.rows.values() if self._failed(r)]
        done = f"{len(plotted)} of {total} points"
        failed = (f"; {len(failures)} could not be applied: {failures[0]}") if failures else ""
        gaps = [(self._x(r), r[PROBLEMS]) for r in plotted
                if any(r[k] is None for k in self._recorded())]
        warnings = [(self._x(r), w) for r in plotted for w in r[WARNINGS].split(SEPARATOR)
                    if w]
        self.panel.set_status(f"{'Cancelled' if cancelled else 'Done'}: {done}{failed}"
                              f"{self._noted('No value for some figures', gaps)}"
                              f"{self._noted('Warnings', warnings)}")

    def _recorded(self) -> tuple[str, ...]:
        plan = self.runner.plan
        return tuple(k for k in plan.recorded if k != plan.axes[0].key) if plan else ()

    def _x(self, row: dict[str, Any]) -> float:
        """What the design had at this point: the accelerators a count rounds to."""
        key = self.runner.plan.axes[0].key if self.runner.plan else ""
        return float(row["accelerators"] if key == ACCELERATORS else row[key])

    def _failed(self, row: dict[str, Any]) -> bool:
        """The point's value could not be applied: it has no figure at all."""
        return all(row[k] is None for k in self._recorded())

    @staticmethod
    def _unit(key: str, row: dict[str, Any]) -> str:
        spec = figure_spec(key)
        return row[CURRENCY] if spec.unit == "money" else spec.unit

    @staticmethod
    def _noted(what: str, found: list[tuple[float, str]]) -> str:
        """". What at x1, x2 …: the first reason" (nothing if ``found`` is empty)."""
        if not found:
            return ""
        xs = sorted({x for x, _ in found})
        where = ", ".join(f"{x:,.6g}" for x in xs[:4]) + (" …" if len(xs) > 4 else "")
        return f". {what} at {where}: {min(found)[1]}"

    def _on_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export sweep"), "sweep.csv",
            self.tr("CSV files (*.csv);;Parquet files (*.parquet)"))
        if name:
            self.export(Path(name))

    def export(self, path: Path) -> bool:
        """The sweep's rows in point order, as ``cluster-workbench sweep`` writes them; a
        file that cannot be written is said on the status line. True if written."""
        plan = self.runner.plan
        if plan is None:
            return False
        names = [c.name for c in columns(plan)]
        try:
            writer = ResultsWriter(path, columns(plan), [a.key for a in plan.axes])
            try:
                writer.write({n: [self.rows[i][n] for i in sorted(self.rows)] for n in names})
            except BaseException:
                writer.discard()
                raise
            writer.commit()
        except (WriteError, ValueError) as exc:
            self.panel.set_status(self.tr("Not exported: {reason}").format(reason=exc))
            return False
        return True

    def _on_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open sweep results"), "",
                                              self.tr(RESULTS_FILTER))
        if name:
            self.open_results(name)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.cancel()
        super().closeEvent(event)
