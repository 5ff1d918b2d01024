"""A design's numbers drawn under its name in the analysis panels, beside the others'.

The window overlays its other scenarios this way and the report every
compared design, in each panel's next dash style; the window's own design
is drawn under :data:`DESIGN`.
"""

from __future__ import annotations

from typing import Protocol

from widgets.plots.bandwidth_panel import BandwidthPanel
from widgets.plots.breakdown_panel import BreakdownPanel
from widgets.plots.cost_panel import CostPanel
from widgets.plots.memory_panel import MemoryPanel
from widgets.plots.reliability_panel import ReliabilityPanel
from widgets.plots.scaling_panel import ScalingPanel
from workbench.analysis.overlays import Overlay

DESIGN = ""      # the scenario key of the open design's own series


class Plots(Protocol):
    """The panels a design's numbers go to (the window's analysis panels, or a report's
    set drawn offscreen)."""

    bandwidth: BandwidthPanel
    breakdown: BreakdownPanel
    memory: MemoryPanel
    scaling: ScalingPanel
    cost: CostPanel
    reliability: ReliabilityPanel


def show_scenario(plots: Plots, scenario: str, overlay: Overlay) -> None:
    """A design's numbers under its name (a part it lacks is left out)."""
    c, curves = plots.cost, overlay.curves
    training = overlay.training
    for value, show, clear in ((training, plots.breakdown.set_estimate, plots.breakdown.clear),
                               (training, plots.memory.set_estimate, plots.memory.clear),
                               (curves.bandwidth, plots.bandwidth.set_curves,
                                plots.bandwidth.clear),
                               (curves.buy_rent, c.set_buy_rent, c.buy_rent.clear),
                               (curves.run_cost, c.set_run_cost, c.run_cost.clear),
                               (curves.checkpoints, plots.reliability.set_curve,
                                plots.reliability.clear),
                               (overlay.scaling, plots.scaling.set_curve, plots.scaling.clear)):
        if value is None:
            clear(scenario)
        else:
            show(value, scenario)


def clear_scenario(plots: Plots, scenario: str) -> None:
    """A design's bars and curves out of every panel."""
    for panel in (plots.breakdown, plots.memory, plots.bandwidth, plots.cost, plots.reliability,
                  plots.scaling):
        panel.clear(scenario)
