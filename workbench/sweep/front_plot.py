"""A results file's Pareto front drawn in a :class:`~widgets.plots.front_panel.FrontPanel`:
in the sweep window, and offscreen to PNG or SVG for ``summarise -o``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt

from engine.design_space.chunks import CURRENCY
from engine.design_space.front import Summary
from engine.headline import figure_spec
from widgets.plots.front_panel import FrontPanel
from workbench.canvas.offscreen import application, dispose, quiet_offscreen_warnings
from workbench.sweep.summary_text import Table, figure, where

PICTURE_SIZE = (1100, 650)


def show_front(panel: FrontPanel, table: Table, axes: Sequence[str], summary: Summary) -> None:
    """Every point of ``table`` and its front, each front point's axis values as its note."""
    notes = [f"{figure(table, summary.x, row)}, {figure(table, summary.y, row)}: "
             f"{where(table, summary.varying(axes), row)}" for row in summary.front]
    currencies = sorted({str(c) for c in table[CURRENCY]} - {""}) if CURRENCY in table else []
    label = figure_spec(summary.y).label + (f" ({', '.join(currencies)})" if currencies else "")
    panel.plot.setLabel("bottom", f"{figure_spec(summary.x).label} (days)")
    panel.show_front(table[summary.x], table[summary.y], summary.front, notes, label)


def write_front(table: Table, axes: Sequence[str], summary: Summary, path: Path) -> None:
    """The front as a picture, offscreen: PNG or SVG by ``path``'s extension."""
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ValueError(f"{path}: the plot is written as .png or .svg, not {suffix or '?'}")
    quiet_offscreen_warnings()
    app = application("light")
    panel = FrontPanel()
    panel.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    panel.resize(*PICTURE_SIZE)
    show_front(panel, table, axes, summary)
    panel.show()                      # laid out at its size, never on a screen
    app.processEvents()
    try:
        if suffix == ".png":
            panel.export_png(path)
        else:
            panel.export_svg(path)
    finally:
        dispose(panel)
