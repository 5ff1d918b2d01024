"""The live analysis panels and what feeds them: the engine's numbers, newest first.

The evaluator's result fills the iteration-time and memory panels (the
training estimate); the runner's curves fill bandwidth, cost and
reliability and the canvas heat overlay; its explorations fill scaling and
the configurations table. Each panel shows the design's own series
(scenario ``""``); a part the engine could not compute shows its reason
instead. Other scenarios of the document are overlaid by name
(:func:`show_scenario`, fed by :mod:`workbench.scenarios.overlay`; the
report draws its panels the same way). Choosing a configuration in the table
sets the workload's parallelism as one undoable edit. Nothing here
computes an estimate.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from engine.analysis import Curves, Exploration
from engine.analysis.link_loads import LinkLoads
from engine.analysis.scaling import ScalingCurve
from engine.design import Parallelism
from engine.training import TRAINING, TrainingEstimate
from widgets.canvas.heat import HeatLegend
from widgets.plots.axes import format_bytes
from widgets.plots.bandwidth_panel import LABELS, BandwidthPanel
from widgets.plots.breakdown_panel import BreakdownPanel
from widgets.plots.cost_panel import CostPanel
from widgets.plots.memory_panel import MemoryPanel
from widgets.plots.reliability_panel import ReliabilityPanel
from widgets.plots.scaling_panel import ScalingPanel
from widgets.search_table import SearchTable
from workbench.analysis.live_evaluation import LiveEvaluator, Result
from workbench.analysis.runner import AnalysisRunner, Answer
from workbench.canvas.binder import CanvasBinder, Heat
from workbench.document.commands import SettingsCommand
from workbench.document.document import Document
from workbench.document.edit_errors import EditError

DESIGN = ""      # the scenario key of the open design's own series


def heat_title(loads: LinkLoads) -> str:
    return (f"Link load: {LABELS.get(loads.op, loads.op)} of {format_bytes(loads.bytes)} "
            f"over {loads.ranks:,} accelerators")


class AnalysisPanels(QObject):
    """Owns the panels; keeps them showing the newest evaluation's numbers."""

    #: Something to tell the user (a configuration that could not be applied, a file saved).
    message_posted = Signal(str)

    def __init__(self, document: Document, evaluator: LiveEvaluator, binder: CanvasBinder,
                 legend: HeatLegend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc, self._binder, self.heat_legend = document, binder, legend
        self.bandwidth = BandwidthPanel()
        self.breakdown = BreakdownPanel()
        self.memory = MemoryPanel()
        self.scaling = ScalingPanel()
        self.cost = CostPanel()
        self.reliability = ReliabilityPanel()
        self.search = SearchTable()
        self.runner = AnalysisRunner(evaluator, parent=self)
        self.heat_on = False
        self._loads: LinkLoads | None = None
        self._shown: dict[str, int] = {}        # panel group -> generation on screen
        evaluator.evaluated.connect(self._on_evaluated)
        self.runner.curves_ready.connect(self._on_curves)
        self.runner.exploration_ready.connect(self._on_exploration)
        self.search.configuration_chosen.connect(self.apply_configuration)
        self.search.every_setting_changed.connect(self.runner.set_every_setting)
        for plot in (self.bandwidth, self.breakdown, self.memory, self.scaling,
                     self.cost.buy_rent, self.cost.run_cost, self.reliability):
            plot.exported.connect(lambda path: self.message_posted.emit(f"Saved {path}"))

    def shown_generation(self, group: str) -> int:
        """The evaluation generation a group of panels shows: "training", "curves" or
        "exploration" (0 before the first)."""
        return self._shown.get(group, 0)

    # -- heat overlay ---------------------------------------------------------------------

    def set_heat(self, on: bool) -> None:
        """Colour the canvas links by their load (and show the scale), or by their kind."""
        self.heat_on = on
        self._show_heat()

    def _show_heat(self) -> None:
        loads = self._loads if self.heat_on else None
        self._binder.show_heat(Heat(loads.loads, heat_title(loads)) if loads else None)
        self.heat_legend.setVisible(loads is not None)
        if loads is not None:
            self.heat_legend.set_title(heat_title(loads))

    # -- applying a configuration ---------------------------------------------------------

    def apply_configuration(self, fields: dict[str, Any]) -> None:
        """Set the workload's parallelism to ``fields`` (one undoable edit)."""
        workload = dataclasses.replace(self._doc.design.workload,
                                       parallelism=Parallelism(**fields))
        text = (f"Apply parallelism tp {fields['tp']}, pp {fields['pp']}, dp {fields['dp']}"
                + "".join(f", {k} {fields[k]}" for k in ("cp", "ep") if fields[k] > 1))
        try:
            self._doc.push(lambda d: SettingsCommand(d, "workload", workload, text))
        except EditError as exc:
            self.message_posted.emit(str(exc))

    # -- feeding ----------------------------------------------------------------------------

    def _on_evaluated(self, result: Result) -> None:
        self._shown["training"] = result.generation
        training = result.evaluation.result(TRAINING)
        if training is None:
            reason = _first(result.evaluation.errors, "training")
            self.breakdown.set_message(reason)
            self.memory.set_message(reason)
            return
        self.breakdown.set_estimate(training, DESIGN)
        self.memory.set_estimate(training, DESIGN)

    def _on_curves(self, answer: Answer) -> None:
        self._shown["curves"] = answer.result.generation
        c: Curves = answer.value
        cost = self.cost
        _fill(c, (("bandwidth", self.bandwidth.set_curves, self.bandwidth.set_message),
                  ("buy_rent", cost.set_buy_rent, cost.buy_rent.set_message),
                  ("run_cost", cost.set_run_cost, cost.run_cost.set_message),
                  ("checkpoints", self.reliability.set_curve, self.reliability.set_message)))
        self._loads = c.link_loads
        self._show_heat()

    def _on_exploration(self, answer: Answer) -> None:
        self._shown["exploration"] = answer.result.generation
        e: Exploration = answer.value
        _fill(e, (("scaling", self.scaling.set_curve, self.scaling.set_message),))
        if e.search is None:
            self.search.set_message(_first(e.errors, "search"))
        else:
            training = answer.result.evaluation.result(TRAINING)
            self.search.set_result(e.search, training.parallelism if training else None)


def _fill(bundle: Curves | Exploration,
          panels: tuple[tuple[str, Callable[[Any, str], None], Callable[[str], None]], ...]) \
        -> None:
    """Each part of ``bundle`` to its panel's setter, or its reason to the panel's message."""
    for name, show, say in panels:
        value = getattr(bundle, name)
        if value is None:
            say(_first(bundle.errors, name))
        else:
            show(value, DESIGN)


def _first(errors: dict[str, str], name: str) -> str:
    """The reason ``name`` is missing (or why the whole bundle failed)."""
    return errors.get(name) or next(iter(errors.values()), "not computed")


class Plots(Protocol):
    """The panels a scenario's numbers go to (:class:`AnalysisPanels` has them; so does a
    report's set, drawn offscreen)."""

    bandwidth: BandwidthPanel
    breakdown: BreakdownPanel
    memory: MemoryPanel
    scaling: ScalingPanel
    cost: CostPanel
    reliability: ReliabilityPanel


def show_scenario(plots: Plots, scenario: str, training: TrainingEstimate | None,
                  curves: Curves, scaling: ScalingCurve | None) -> None:
    """A scenario's numbers under its name: bars and curves beside the others', in the
    panel's next dash style (a part it lacks is left out)."""
    c = plots.cost
    for value, show, clear in ((training, plots.breakdown.set_estimate, plots.breakdown.clear),
                               (training, plots.memory.set_estimate, plots.memory.clear),
                               (curves.bandwidth, plots.bandwidth.set_curves,
                                plots.bandwidth.clear),
                               (curves.buy_rent, c.set_buy_rent, c.buy_rent.clear),
                               (curves.run_cost, c.set_run_cost, c.run_cost.clear),
                               (curves.checkpoints, plots.reliability.set_curve,
                                plots.reliability.clear),
                               (scaling, plots.scaling.set_curve, plots.scaling.clear)):
        if value is None:
            clear(scenario)
        else:
            show(value, scenario)


def clear_scenario(plots: Plots, scenario: str) -> None:
    """A scenario's bars and curves out of every panel."""
    for panel in (plots.breakdown, plots.memory, plots.bandwidth, plots.cost, plots.reliability,
                  plots.scaling):
        panel.clear(scenario)
