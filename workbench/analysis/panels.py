"""The live analysis panels: the pipeline's answers about the open design, newest first.

The evaluation fills the iteration-time and memory panels (the training
estimate); the curves fill bandwidth, cost and reliability and the canvas
heat overlay; the explorations fill scaling and the configurations table
(:mod:`workbench.analysis.live_stages`). Each panel shows the design's own
series (:data:`~workbench.analysis.plots.DESIGN`); a part the engine could
not compute shows its reason instead. Choosing a configuration in the table
sets the workload's parallelism as one undoable edit; asking the table to
search every setting re-runs the explorations. Nothing here computes an
estimate.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from engine.analysis import Curves, Exploration
from engine.analysis.link_loads import LinkLoads
from engine.design import Parallelism
from engine.training import TRAINING
from widgets.canvas.heat import HeatLegend
from widgets.plots.axes import format_bytes
from widgets.plots.bandwidth_panel import LABELS, BandwidthPanel
from widgets.plots.breakdown_panel import BreakdownPanel
from widgets.plots.cost_panel import CostPanel
from widgets.plots.memory_panel import MemoryPanel
from widgets.plots.reliability_panel import ReliabilityPanel
from widgets.plots.scaling_panel import ScalingPanel
from widgets.search_table import SearchTable
from workbench.analysis.pipeline import AnalysisPipeline, Done
from workbench.analysis.plots import DESIGN
from workbench.canvas.binder import CanvasBinder, Heat
from workbench.document.commands import SettingsCommand
from workbench.document.document import Document
from workbench.document.edit_errors import EditError


def heat_title(loads: LinkLoads) -> str:
    return (f"Link load: {LABELS.get(loads.op, loads.op)} of {format_bytes(loads.bytes)} "
            f"over {loads.ranks:,} accelerators")


class AnalysisPanels(QObject):
    """Owns the panels; keeps them showing the newest evaluation's numbers."""

    #: Something to tell the user (a configuration that could not be applied, a file saved).
    message_posted = Signal(str)

    def __init__(self, document: Document, pipeline: AnalysisPipeline, binder: CanvasBinder,
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
        self.heat_on = False
        self._loads: LinkLoads | None = None
        self._shown: dict[str, int] = {}        # panel group -> evaluation number on screen
        pipeline.lane("evaluation").answered.connect(self._on_evaluated)
        pipeline.lane("curves").answered.connect(self._on_curves)
        pipeline.lane("exploration").answered.connect(self._on_exploration)
        self.search.configuration_chosen.connect(self.apply_configuration)
        self.search.every_setting_changed.connect(
            lambda on: pipeline.configure("exploration", every_setting=on))
        for plot in (self.bandwidth, self.breakdown, self.memory, self.scaling,
                     self.cost.buy_rent, self.cost.run_cost, self.reliability):
            plot.exported.connect(lambda path: self.message_posted.emit(f"Saved {path}"))

    def shown_generation(self, group: str) -> int:
        """The number of the evaluation a group of panels follows: "training", "curves" or
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

    def _on_evaluated(self, done: Done) -> None:
        self._shown["training"] = done.origin
        training = done.value.result(TRAINING)
        if training is None:
            reason = _first(done.value.errors, "training")
            self.breakdown.set_message(reason)
            self.memory.set_message(reason)
            return
        self.breakdown.set_estimate(training, DESIGN)
        self.memory.set_estimate(training, DESIGN)

    def _on_curves(self, done: Done) -> None:
        self._shown["curves"] = done.origin
        c: Curves = done.value
        cost = self.cost
        _fill(c, (("bandwidth", self.bandwidth.set_curves, self.bandwidth.set_message),
                  ("buy_rent", cost.set_buy_rent, cost.buy_rent.set_message),
                  ("run_cost", cost.set_run_cost, cost.run_cost.set_message),
                  ("checkpoints", self.reliability.set_curve, self.reliability.set_message)))
        self._loads = c.link_loads
        self._show_heat()

    def _on_exploration(self, done: Done) -> None:
        self._shown["exploration"] = done.origin
        e: Exploration = done.value
        _fill(e, (("scaling", self.scaling.set_curve, self.scaling.set_message),))
        if e.search is None:
            self.search.set_message(_first(e.errors, "search"))
        else:
            training = done.inputs["evaluation"].result(TRAINING)
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

