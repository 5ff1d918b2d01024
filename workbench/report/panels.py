"""The analysis panels with every compared design overlaid, as pictures for the report.

The same panels the window shows (:mod:`widgets.plots`), drawn offscreen
in the light theme with each design under its name
(:func:`workbench.analysis.plots.show_scenario`), from the overlays the
report's pipeline made (:mod:`workbench.report.build`). A panel no design
has numbers for is left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QPalette

from widgets.image_file import image_bytes
from widgets.plots.bandwidth_panel import BandwidthPanel
from widgets.plots.base import PlotPanel
from widgets.plots.breakdown_panel import BreakdownPanel
from widgets.plots.cost_panel import CostPanel
from widgets.plots.memory_panel import MemoryPanel
from widgets.plots.reliability_panel import ReliabilityPanel
from widgets.plots.scaling_panel import ScalingPanel
from workbench.analysis.overlays import Overlay
from workbench.analysis.plots import show_scenario
from workbench.canvas.offscreen import grab_offscreen
from workbench.report.html import Picture

PANEL_SIZE = (1100, 520)


@dataclass
class ReportPlots:
    """One of each analysis panel (what :class:`~workbench.analysis.plots.Plots` asks)."""

    bandwidth: BandwidthPanel = field(default_factory=BandwidthPanel)
    breakdown: BreakdownPanel = field(default_factory=BreakdownPanel)
    memory: MemoryPanel = field(default_factory=MemoryPanel)
    scaling: ScalingPanel = field(default_factory=ScalingPanel)
    cost: CostPanel = field(default_factory=CostPanel)
    reliability: ReliabilityPanel = field(default_factory=ReliabilityPanel)

    def pictures(self) -> list[tuple[str, str, PlotPanel]]:
        """Each plot with its title and what it shows of every design, in report order."""
        return [
            ("Collective bus bandwidth against message size",
             "nccl-tests busbw over every accelerator of each design; diamonds where the "
             "limit changes", self.bandwidth),
            ("Where an iteration's time goes",
             "each design's best configuration: compute, bubble, communication nothing "
             "hides, optimizer", self.breakdown),
            ("Memory per GPU", "fullest pipeline stage of each design; red ticks at each "
             "card's capacity", self.memory),
            ("Scaling: each design's block replicated",
             "time to train (left) and MFU (right); stars at the designs as drawn",
             self.scaling),
            ("Owning against renting", "cumulative cost month by month of full use",
             self.cost.buy_rent),
            ("What one run costs", "each design's run by what it pays for",
             self.cost.run_cost),
            ("Goodput against the checkpoint interval",
             "Daly's model at each design's failure rate; stars at the intervals used",
             self.reliability)]


def panel_pictures(overlays: dict[str, Overlay], palette: QPalette) -> list[Picture]:
    """Every panel with every design's overlay drawn under its label, as PNG pictures."""
    plots = ReportPlots()
    for _, _, panel in plots.pictures():
        panel.setPalette(palette)
    for label, overlay in overlays.items():
        show_scenario(plots, label, overlay)
    pictures = []
    for title, caption, panel in plots.pictures():
        if _drawn(panel):
            panel.set_caption(caption)           # of every design, not the last one drawn
            panel.setParent(None)                # the cost views: out of their splitter
            image = grab_offscreen(panel, PANEL_SIZE, part=panel.figure)
            pictures.append(Picture(title, image_bytes(image)))
    return pictures


def _drawn(panel: PlotPanel) -> bool:
    bars = getattr(panel, "bars", None)
    return bool(bars.rows() if bars is not None else panel.series_names())
