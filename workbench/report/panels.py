"""The analysis panels with every compared design overlaid, as pictures for the report.

The same panels the window shows (every registered one,
:data:`~workbench.analysis.panel_registry.PANELS`), drawn offscreen in the
light theme with each design under its name, from the overlays the report's
pipeline made (:mod:`workbench.report.build`). A picture no design has
numbers for is left out.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette

from widgets.image_file import image_bytes
from widgets.plots.base import PlotPanel
from workbench.analysis.facts import Facts
from workbench.analysis.panel_registry import PanelSet
from workbench.canvas.offscreen import grab_offscreen
from workbench.report.html import Picture

PANEL_SIZE = (1100, 520)


def panel_pictures(overlays: dict[str, Facts], palette: QPalette) -> list[Picture]:
    """Every panel's pictures with every design drawn under its label, as PNG pictures."""
    panels = PanelSet()
    for _, plot in panels.plots():
        plot.setPalette(palette)
    for label, facts in overlays.items():
        panels.show(facts, label, overlay=True)
    pictures = []
    for picture, plot in panels.plots():
        if _drawn(plot):
            # of every design, not the last one drawn
            plot.set_caption(QCoreApplication.translate("Panels", picture.caption))
            plot.setParent(None)                 # a view of a panel: out of its splitter
            image = grab_offscreen(plot, PANEL_SIZE, part=plot.figure)
            pictures.append(Picture(QCoreApplication.translate("Panels", picture.title),
                                    image_bytes(image)))
    return pictures


def _drawn(plot: PlotPanel) -> bool:
    bars = getattr(plot, "bars", None)
    return bool(bars.rows() if bars is not None else plot.series_names())
