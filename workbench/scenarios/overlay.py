"""Every other scenario overlaid in the analysis panels, beside the shown one.

After each comparison (:class:`~workbench.comparison.evaluator.ComparisonEvaluator`,
whose rows carry every scenario's evaluation), the scenarios not shown on
the canvas get their panel curves (:func:`engine.analysis.curves`) and
scaling curve (:func:`engine.analysis.scaling.scaling_curve`), off the UI
thread, newest first; a scenario whose design has not changed keeps its
analyses. They are drawn under the scenario's name in each panel's next
dash style; a scenario that is deleted, renamed or shown on the canvas
leaves the overlay.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject

from engine.analysis import Curves, curves
from engine.analysis.scaling import ScalingCurve, scaling_curve
from engine.catalog import Catalog
from engine.compare import Comparison
from engine.design import Design
from engine.errors import EngineError
from engine.evaluate import Evaluation
from engine.training import TRAINING, TrainingEstimate
from workbench.analysis.background import Done, NewestWins
from workbench.analysis.panels import AnalysisPanels, clear_scenario, show_scenario
from workbench.comparison.evaluator import ComparisonEvaluator, ComparisonResult
from workbench.document.document import Document

Scenario = tuple[str, Design, Evaluation]


@dataclass(frozen=True)
class Overlay:
    """What the panels draw for one other scenario."""

    design: Design
    training: TrainingEstimate | None
    curves: Curves
    scaling: ScalingCurve | None


def analyse(scenarios: Sequence[Scenario], catalog: Catalog,
            known: Mapping[str, Overlay]) -> dict[str, Overlay]:
    """Each scenario's overlay, reusing ``known`` ones whose design is unchanged."""
    out = {}
    for label, design, evaluation in scenarios:
        before = known.get(label)
        if before is not None and before.design == design:
            out[label] = before
            continue
        try:
            scaling: ScalingCurve | None = scaling_curve(design, catalog)
        except EngineError:
            scaling = None
        out[label] = Overlay(design, evaluation.result(TRAINING), curves(evaluation), scaling)
    return out


class ScenarioOverlay(QObject):
    """Keeps the panels showing every other scenario (while ``enabled``)."""

    def __init__(self, document: Document, comparison: ComparisonEvaluator,
                 panels: AnalysisPanels, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc, self._comparison, self._panels = document, comparison, panels
        self._lane = NewestWins(threads=1, parent=self)
        self._lane.finished.connect(self._on_analysed)
        self._known: dict[str, Overlay] = {}
        self._drawn: dict[str, Overlay] = {}
        self.enabled = True
        comparison.evaluated.connect(self._on_compared)

    def drawn(self) -> list[str]:
        """The scenarios overlaid now, by name."""
        return list(self._drawn)

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        if not enabled:
            self._draw({})
        elif self._comparison.latest is not None:
            self._on_compared(self._comparison.latest)

    def is_idle(self) -> bool:
        return self._lane.is_current()

    def wait(self) -> None:
        self._lane.wait()

    def _on_compared(self, result: ComparisonResult) -> None:
        if not self.enabled or not isinstance(result.comparison, Comparison):
            return
        shown = self._doc.design.name
        others = tuple((r.design, r.evaluated, r.evaluation) for r in result.comparison.rows
                       if r.design != shown and r.evaluated is not None
                       and r.evaluation is not None)
        self._lane.submit(analyse, (others, self._doc.catalog, dict(self._known)),
                          lambda exc: dict(self._known))

    def _on_analysed(self, done: Done) -> None:
        if self.enabled:
            self._known = done.value
            self._draw(done.value)

    def _draw(self, overlays: dict[str, Overlay]) -> None:
        for label in [k for k in self._drawn if k not in overlays]:
            clear_scenario(self._panels, label)
            del self._drawn[label]
        for label, overlay in overlays.items():
            if self._drawn.get(label) is not overlay:
                show_scenario(self._panels, label, overlay.training, overlay.curves,
                              overlay.scaling)
                self._drawn[label] = overlay
