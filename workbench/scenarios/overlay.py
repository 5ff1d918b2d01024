"""Every other scenario overlaid in the analysis panels, beside the shown one.

The pipeline's overlays stage (:mod:`workbench.analysis.live_stages`)
follows each comparison with every other scenario's curves and scaling
curve, off the UI thread; a scenario whose design has not changed keeps its
analyses. They are drawn under the scenario's name in each panel's next
dash style (:func:`~workbench.analysis.plots.show_scenario`); a scenario
that is deleted, renamed or shown on the canvas leaves the overlay.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from workbench.analysis.overlays import Overlay
from workbench.analysis.pipeline import AnalysisPipeline, Done
from workbench.analysis.plots import Plots, clear_scenario, show_scenario


class ScenarioOverlay(QObject):
    """Keeps the panels showing every other scenario (while enabled)."""

    def __init__(self, pipeline: AnalysisPipeline, panels: Plots,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pipeline, self._panels = pipeline, panels
        self._drawn: dict[str, Overlay] = {}
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

    def _draw(self, overlays: dict[str, Overlay]) -> None:
        for label in [k for k in self._drawn if k not in overlays]:
            clear_scenario(self._panels, label)
            del self._drawn[label]
        for label, overlay in overlays.items():
            if self._drawn.get(label) is not overlay:
                show_scenario(self._panels, label, overlay)
                self._drawn[label] = overlay
