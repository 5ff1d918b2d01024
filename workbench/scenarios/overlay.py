"""Every other scenario overlaid in the analysis panels, beside the shown one.

The pipeline's overlays stage (:mod:`workbench.analysis.live_stages`)
follows each comparison with every other scenario's curves and scaling
curve, off the UI thread; a scenario whose design has not changed keeps its
analyses. They are drawn under the scenario's name in each panel's next
dash style (:meth:`~workbench.analysis.panel_registry.PanelSet.show`); a scenario
that is deleted, renamed or shown on the canvas leaves the overlay.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from workbench.analysis.facts import Facts
from workbench.analysis.panel_registry import PanelSet
from workbench.analysis.pipeline import AnalysisPipeline, Done


class ScenarioOverlay(QObject):
    """Keeps the panels showing every other scenario (while enabled)."""

    def __init__(self, pipeline: AnalysisPipeline, panels: PanelSet,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pipeline, self._panels = pipeline, panels
        self._drawn: dict[str, Facts] = {}
        pipeline.lane("overlays").answered.connect(self._on_analysed)

    def drawn(self) -> list[str]:
        """The scenarios overlaid now, by name."""
        return list(self._drawn)

    def set_enabled(self, enabled: bool) -> None:
        """Overlay the other scenarios (the newest analyses at once), or none."""
        self._pipeline.set_enabled("overlays", enabled)
        latest = self._pipeline.latest("overlays")
        if not enabled:
            self._draw({})
        elif latest is not None and latest.value is not None:
            self._draw(latest.value)

    def _on_analysed(self, done: Done) -> None:
        if done.value is not None:           # None: the comparison failed; keep what is drawn
            self._draw(done.value)

    def _draw(self, overlays: dict[str, Facts]) -> None:
        for label in [k for k in self._drawn if k not in overlays]:
            self._panels.clear(label)
            del self._drawn[label]
        for label, facts in overlays.items():
            if self._drawn.get(label) is not facts:
                self._panels.show(facts, label, overlay=True)
                self._drawn[label] = facts
