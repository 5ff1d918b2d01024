"""Sweep plots: every headline figure against the swept setting, one small plot each.

A dumb view: :meth:`SweepPlots.start` lays out the plots, :meth:`add_point`
adds one value's figures as they arrive (in any order; each curve is kept
sorted by x and updated in place), and the design's own value of the
setting is a dashed line. Hovering a point shows its value as the figure
reads (the text given); money is drawn in thousands, millions or billions
so the axis stays short, fractions in percent. A logarithmic x axis is
labelled at the swept values themselves (at most :data:`MAX_TICKS`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QWidget

from widgets.series_colors import series_color

COLUMNS = 4
MAX_TICKS = 4
X_MARGIN = 0.06        # of the swept range, each side
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
    item: pg.PlotItem
    curve: pg.PlotDataItem
    dots: pg.ScatterPlotItem
    points: dict[float, tuple[float | None, str]]


class SweepPlots(pg.GraphicsLayoutWidget):
    """A grid of line plots sharing one x axis quantity."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plots: dict[str, _Plot] = {}
        self._log_x = False
        self.ci.setSpacing(10)
        palette = self.palette()
        self.setBackground(palette.color(QPalette.ColorRole.Base))
        self._ink = palette.color(QPalette.ColorRole.Text)

    def start(self, x_label: str, series: Sequence[SweepSeries], current: float | None,
              xs: Sequence[float], log_x: bool = False) -> None:
        """Empty plots for ``series`` against ``x_label`` over ``xs``, ``current`` marked."""
        self.clear()
        self._plots = {}
        self._log_x = log_x
        color = series_color(0)
        labelled = sorted({round(i * (len(xs) - 1) / (MAX_TICKS - 1)) for i in range(MAX_TICKS)}
                          ) if xs else []           # evenly spread, the first and last included
        log_ticks = [[(math.log10(xs[i]), _x_text(xs[i])) for i in labelled if xs[i] > 0]]
        for i, s in enumerate(series):
            item = self.addPlot(row=i // COLUMNS, col=i % COLUMNS,
                                axisItems={"bottom": _ReadableAxis("bottom")})
            item.showGrid(x=False, y=True, alpha=0.2)     # (an x grid would clip the end labels)
            item.setLogMode(x=log_x, y=False)
            item.setLabel("bottom", x_label)
            item.setMenuEnabled(False)
            for side in ("left", "bottom"):
                axis = item.getAxis(side)
                axis.setTextPen(pg.mkPen(self._ink))
                axis.setPen(pg.mkPen(self._ink))
                axis.enableAutoSIPrefix(False)
                axis.setStyle(tickFont=_small(self.font()))
            if log_x:
                item.getAxis("bottom").setTicks(log_ticks)
                item.getAxis("bottom").setStyle(hideOverlappingLabels=40)     # the last too
            if xs:                                           # the same range in every plot
                low, high = self._x_pos(min(xs)), self._x_pos(max(xs))
                margin = (high - low) * X_MARGIN
                item.setXRange(low - margin, high + margin, padding=0)
            if current is not None:
                line = pg.InfiniteLine(math.log10(current) if log_x and current > 0
                                       else current, angle=90,
                                       pen=pg.mkPen(self._ink, style=Qt.PenStyle.DashLine))
                line.setToolTip("the design as it is")
                item.addItem(line)
            curve = item.plot([], [], pen=pg.mkPen(color, width=2), connect="finite")
            dots = pg.ScatterPlotItem(size=7, brush=color, pen=pg.mkPen(color.darker(130)),
                                      hoverable=True, tip=lambda x, y, data: str(data))
            item.addItem(dots)
            self._plots[s.key] = _Plot(s, item, curve, dots, {})
            self._label_y(self._plots[s.key], 1.0, "")
            self._title(self._plots[s.key], unchanged=False)

    def add_point(self, x: float, values: Mapping[str, tuple[float | None, str]]) -> None:
        """One swept value's figures: ``key -> (value or None, text)``."""
        for key, value in values.items():
            plot = self._plots.get(key)
            if plot is not None:
                plot.points[x] = value
                self._redraw(plot)

    def series_data(self, key: str) -> tuple[list[float], list[float | None]]:
        """What a plot holds, in x order (values unscaled)."""
        points = sorted(self._plots[key].points.items())
        return [x for x, _ in points], [v for _, (v, _) in points]

    def titles(self) -> list[str]:
        return [p.series.title for p in self._plots.values()]

    def _redraw(self, plot: _Plot) -> None:
        xs, ys = self.series_data(plot.series.key)
        known = [abs(y) for y in ys if y is not None]
        money = plot.series.style == "money"
        scale, prefix = next(((s, p) for s, p in _SCALES
                              if money and known and max(known) >= s), (1.0, ""))
        if plot.series.style == "fraction":
            scale = 0.01
        shown = [math.nan if y is None else y / scale for y in ys]
        plot.curve.setData(xs, shown)
        texts = [text for _, (_, text) in sorted(plot.points.items())]
        plot.dots.setData([{"pos": (self._x_pos(x), y), "data": f"{_x_text(x)}: {t}"}
                           for x, y, t in zip(xs, shown, texts, strict=True)
                           if not math.isnan(y)])
        self._label_y(plot, scale, prefix)
        self._title(plot, len(known) > 1 and max(known) - min(known) <= 1e-9 * max(known))

    def _title(self, plot: _Plot, unchanged: bool) -> None:
        """The figure's name; "unchanged" when the setting does not move it."""
        ink = self._ink.name()
        note = (f" <span style='color:{ink}; font-weight:normal; font-size:small'>"
                "(unchanged)</span>") if unchanged else ""
        plot.item.setTitle(f"<span style='color:{ink}'><b>{plot.series.title}</b></span>{note}")

    def _label_y(self, plot: _Plot, scale: float, prefix: str) -> None:
        unit = f"{prefix} {plot.series.unit}".strip()
        plot.item.setLabel("left", unit, color=self._ink.name())

    def _x_pos(self, x: float) -> float:
        """Scatter items take positions in the view's (possibly logarithmic) space."""
        return math.log10(x) if self._log_x and x > 0 else x


class _ReadableAxis(pg.AxisItem):
    """Tick labels with thousands separators (80,000, not 80000)."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if self.logMode:
            return super().tickStrings(values, scale, spacing)
        return [_x_text(v * scale) if abs(v * scale) >= 1000 else s
                for v, s in zip(values, super().tickStrings(values, scale, spacing),
                                strict=True)]


def _x_text(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:.3g}"


def _small(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.85)
    return small

