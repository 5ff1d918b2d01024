"""The live analysis panels: the pipeline's answers about the open design, newest first.

Each registered panel (:data:`~workbench.analysis.panel_registry.PANELS`)
is fed by the lanes its feeds name: the evaluation (iteration time, memory),
the curves (bandwidth, cost, reliability and the canvas heat overlay) and
the explorations (scaling and the configurations table,
:mod:`workbench.analysis.live_stages`). Each panel shows the design's own
series (:data:`~workbench.analysis.panel_registry.DESIGN`); a part the
engine could not compute shows its reason instead. Choosing a configuration
in the table sets the workload's parallelism as one undoable edit; asking
the table to search every setting re-runs the explorations. Nothing here
computes an estimate.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from engine.analysis import Curves
from engine.analysis.link_loads import LinkLoads
from engine.design import Parallelism
from engine.edit_errors import EditError
from widgets.canvas.heat import HeatLegend
from widgets.language import follow_language
from widgets.plots.axes import format_bytes
from widgets.plots.bandwidth_panel import LABELS
from workbench.analysis.facts import Facts
from workbench.analysis.panel_registry import DESIGN, LANES, PanelSet
from workbench.analysis.pipeline import AnalysisPipeline, Done
from workbench.canvas.binder import CanvasBinder, Heat
from workbench.document.commands import SettingsCommand
from workbench.document.document import Document


def heat_title(loads: LinkLoads) -> str:
    return QCoreApplication.translate("Panels", "Link load: {op} of {size} over {n} "
                                                "accelerators").format(
        op=LABELS.get(loads.op, loads.op), size=format_bytes(loads.bytes), n=f"{loads.ranks:,}")


class AnalysisPanels(QObject):
    """Owns the panels; keeps them showing the newest evaluation's numbers."""

    #: Something to tell the user (a configuration that could not be applied, a file saved).
    message_posted = Signal(str)

    def __init__(self, document: Document, pipeline: AnalysisPipeline, binder: CanvasBinder,
                 legend: HeatLegend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc, self._binder, self.heat_legend = document, binder, legend
        self.set = PanelSet()
        self.heat_on = False
        self._loads: LinkLoads | None = None
        self._shown: dict[str, int] = {}        # lane -> evaluation number on screen
        self._facts: dict[str, Facts] = {}      # lane -> what its newest answer showed
        for lane in LANES:
            pipeline.lane(lane).answered.connect(self._on_answered)
        search = self.set["search"]
        search.configuration_chosen.connect(self.apply_configuration)
        search.every_setting_changed.connect(
            lambda on: pipeline.configure("exploration", every_setting=on))
        for _, plot in self.set.plots():
            plot.exported.connect(
                lambda path: self.message_posted.emit(self.tr("Saved {path}").format(path=path)))
        follow_language(self, self._show_again)

    def __getitem__(self, name: str) -> Any:
        """The widget of the registered panel ``name``."""
        return self.set[name]

    def shown_generation(self, lane: str) -> int:
        """The number of the evaluation the panels a lane feeds follow: "evaluation",
        "curves" or "exploration" (0 before the first)."""
        return self._shown.get(lane, 0)

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
        text = (self.tr("Apply parallelism") + f" tp {fields['tp']}, pp {fields['pp']}, "
                f"dp {fields['dp']}"
                + "".join(f", {k} {fields[k]}" for k in ("cp", "ep") if fields[k] > 1))
        try:
            self._doc.push(lambda d: SettingsCommand(d, "workload", workload, text))
        except EditError as exc:
            self.message_posted.emit(str(exc))

    # -- feeding ----------------------------------------------------------------------------

    def _show_again(self) -> None:
        """What each lane last showed, written again (in another language)."""
        for lane, facts in self._facts.items():
            self.set.show(facts, DESIGN, lane=lane)
        self._show_heat()

    def _on_answered(self, done: Done) -> None:
        self._shown[done.stage] = done.origin
        known = {lane: done.inputs.values.get(lane) for lane in LANES}
        self._facts[done.stage] = Facts(**{**known, done.stage: done.value})
        self.set.show(self._facts[done.stage], DESIGN, lane=done.stage)
        if done.stage == "curves":
            c: Curves = done.value
            self._loads = c.link_loads
            self._show_heat()
