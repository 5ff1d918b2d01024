"""The Pareto front of a sweep: every point's time to train against its cost per run.

Faint dots are the points of the sweep (at most :data:`MAX_DOTS` of them, evenly
thinned, so a million-point file still draws at once), the front a line with a marker
per point, each with its read-out line (the axis values that make it). Money is
labelled with k, M and bn on the vertical axis.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from widgets.plots.axes import SuffixAxis
from widgets.plots.base import PlotPanel
from widgets.plots.style import series_color

MAX_DOTS = 20_000
POINTS = QT_TRANSLATE_NOOP("Plots", "every point")
FRONT = QT_TRANSLATE_NOOP("Plots", "Pareto front")


class FrontPanel(PlotPanel):
    """A sweep's points and its front, time across, money up."""

    def __init__(self, x_label: str = QT_TRANSLATE_NOOP("Plots", "Time to train (days)"),
                 y_label: str = QT_TRANSLATE_NOOP("Plots", "Cost per run"),
                 parent: QWidget | None = None) -> None:
        super().__init__(x_label, y_label, axes={"left": SuffixAxis("left")}, parent=parent)

    def show_front(self, xs: np.ndarray, ys: np.ndarray, front: Sequence[int],
                   notes: Sequence[str], y_label: str) -> None:
        """All points (``xs``, ``ys``; NaN where a point has no figure), the indices of
        the front's points in order, and one read-out line per front point."""
        self.set_axis_title("left", y_label)
        shown = np.flatnonzero(np.isfinite(xs) & np.isfinite(ys))
        if shown.size == 0:
            self.set_message(self.tr("No point of the sweep has both a time to train and a "
                                     "cost."))
            return
        step = max(1, shown.size // MAX_DOTS)
        dots = shown[::step]
        self.set_series(POINTS, xs[dots], ys[dots], line=False, symbol="o", symbol_size=4,
                        color=series_color(7), legend=True)
        chosen = np.asarray(front, dtype=int)
        self.set_series(FRONT, xs[chosen], ys[chosen], notes=list(notes), symbol="o",
                        color=series_color(0))
        self.set_caption(self.tr("<b>Pareto front</b>: {n} of {total} points are faster or "
                                 "cheaper than every other").format(n=f"{len(chosen):,}",
                                                                     total=f"{shown.size:,}"))
