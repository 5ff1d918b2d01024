"""Sweep plots: every headline figure against the swept setting, one small plot each.

A grid of the analysis panels' :class:`~widgets.plots.base.PlotPanel` (units,
hover read-out, PNG/SVG/CSV export), one per figure. :meth:`SweepPlots.start`
lays them out, :meth:`add_point` adds one value's figures as they arrive
(in any order; each curve is kept in x order and updated in place), and the
design's own value of the setting is a dashed line. Money is drawn in
thousands, millions or billions (the axis says which) and fractions in
percent; a logarithmic sweep uses the panels' log axis. A figure the
setting does not move says so in its caption.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QWidget

from widgets.plots.axes import SuffixAxis, format_count, format_number
from widgets.plots.base import PlotPanel

COLUMNS = 4
SERIES = "sweep"
REFERENCE = "this design"
X_PADDING = 0.06
_SCALES = ((1e9, "bn"), (1e6, "M"), (1e3, "k"))


@dataclass(frozen=True)
class SweepSeries:
    """One plot: a headline figure."""

    key: str
    title: str
    unit: str
    style: str = "number"   # "money": drawn in k / M / bn of ``unit``; "fraction": in %


@dataclass
class _Plot:
    series: SweepSeries
    panel: PlotPanel
    points: dict[float, tuple[float | None, str]] = field(default_factory=dict)


class SweepPlots(QWidget):
    """A grid of plots sharing one x quantity."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._plots: dict[str, _Plot] = {}

    def start(self, x_label: str, series: Sequence[SweepSeries], current: float | None,
              integer_x: bool = False, log_x: bool = False) -> None:
        """Empty plots for ``series`` against ``x_label``, ``current`` marked."""
        for plot in self._plots.values():
            self._grid.removeWidget(plot.panel)
            plot.panel.deleteLater()
        self._plots = {}
        label = format_count if integer_x else format_number
        for i, s in enumerate(series):
            axes = {} if log_x or integer_x else {"bottom": SuffixAxis("bottom")}
            panel = PlotPanel(x_label, s.unit, log_x=label if log_x else None, axes=axes)
            panel.legend.hide()                      # one curve: its caption names it
            panel.plot.vb.setDefaultPadding(X_PADDING)      # room for the end labels
            panel.set_reference(REFERENCE, current, REFERENCE)
            self._grid.addWidget(panel, i // COLUMNS, i % COLUMNS)
            self._plots[s.key] = _Plot(s, panel)
            self._redraw(self._plots[s.key])

    def add_point(self, x: float, values: Mapping[str, tuple[float | None, str]]) -> None:
        """One swept value's figures: ``key -> (value or None, text)``."""
        for key, value in values.items():
            plot = self._plots.get(key)
            if plot is not None:
                plot.points[x] = value
                self._redraw(plot)

    def series_data(self, key: str) -> tuple[list[float], list[float | None]]:
        """What a plot holds, in x order (values as the engine gave them)."""
        points = sorted(self._plots[key].points.items())
        return [x for x, _ in points], [v for _, (v, _) in points]

    def _redraw(self, plot: _Plot) -> None:
        xs, ys = self.series_data(plot.series.key)
        known = [abs(y) for y in ys if y is not None]
        style = plot.series.style
        scale, prefix = next(((s, p) for s, p in _SCALES
                              if style == "money" and known and max(known) >= s), (1.0, ""))
        if style == "fraction":
            scale = 0.01
        texts = [text for _, (_, text) in sorted(plot.points.items())]
        if xs:
            plot.panel.set_series(SERIES, xs, [math.nan if y is None else y / scale
                                               for y in ys],
                                  notes=[f"{_x_text(x)}: {t}" for x, t in zip(xs, texts,
                                                                              strict=True)],
                                  symbol="o", legend=False, connect="finite")
        plot.panel.plot.setLabel("left", f"{prefix} {plot.series.unit}".strip())
        unchanged = len(known) > 1 and max(known) - min(known) <= 1e-9 * max(known)
        plot.panel.set_caption(f"<b>{plot.series.title}</b>"
                               + (QCoreApplication.translate("SweepPlots", " (unchanged)")
                                  if unchanged else ""))


def _x_text(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:.3g}"
