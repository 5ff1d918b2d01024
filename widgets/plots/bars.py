"""Horizontal stacked bars: one bar per row (a design or scenario), made of named parts.

Each part is one ``BarGraphItem`` spanning every row, created the first
time the part appears and afterwards updated with ``setOpts`` (never
cleared and re-plotted). Rows read top to bottom in the order they were
first set; each bar's total is written at its end. Parts that are 0 % (under
half a percent) of every row leave the legend: nothing of them shows. The
mouse over a segment reads out that part.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QWidget

from widgets.plots.base import PlotPanel, legend_text
from widgets.plots.style import ink, series_color

BAR_HEIGHT = 0.62
TOTAL_ROOM = 1.22        # x range beyond the longest bar: room for its total
LABEL_SHARE, LABEL_MIN_PX = 0.4, 60     # of the panel's width, for the row labels
LEGEND_SHARE = 0.005     # a part under this share of every bar (0 % written) is no entry


@dataclass
class _Part:
    label: str
    color: QColor
    item: pg.BarGraphItem
    in_legend: bool = False


@dataclass
class StackedBars:
    """Bars in ``plot`` with parts listed in ``legend``; values written by ``format_value``."""

    plot: pg.PlotItem
    legend: pg.LegendItem
    format_value: Callable[[float], str]
    colors: dict[str, str] = field(default_factory=dict)
    text_color: QColor = field(default_factory=QColor)
    reach: float = 0.0           # the x axis shows at least this far (a capacity, say)
    label_room: float = float("inf")   # pixels the row labels may take; longer ones elide
    _rows: dict[str, dict[str, float]] = field(default_factory=dict)
    _labels: dict[str, str] = field(default_factory=dict)
    _parts: dict[str, _Part] = field(default_factory=dict)
    _totals: dict[str, pg.TextItem] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.plot.invertY(True)
        self.plot.getAxis("left").setStyle(tickLength=0)

    def set_row(self, row: str, parts: Sequence[tuple[str, float]], label: str = "") -> None:
        """Row ``row`` (shown as ``label``) made of ``parts`` (name, value) in stacking order."""
        for name, _ in parts:
            if name not in self._parts:
                self._add_part(name)
        self._rows[row] = dict(parts)
        self._labels[row] = label or row
        self.redraw()

    def remove_row(self, row: str) -> None:
        if self._rows.pop(row, None) is not None:
            self._labels.pop(row)
            self.plot.removeItem(self._totals.pop(row))
            self.redraw()

    def set_text_color(self, color: QColor) -> None:
        self.text_color = QColor(color)
        for text in self._totals.values():
            text.setColor(color)

    def rows(self) -> list[str]:
        return list(self._rows)

    def label(self, row: str) -> str:
        return self._labels[row]

    def values(self, row: str) -> dict[str, float]:
        return dict(self._rows[row])

    def total(self, row: str) -> float:
        return sum(self._rows[row].values())

    def hit(self, scene_pos: QPointF) -> tuple[str, float, float] | None:
        """Read-out text of the segment under ``scene_pos`` and its centre."""
        point = self.plot.vb.mapSceneToView(scene_pos)
        for index, (row, values) in enumerate(self._rows.items()):
            if abs(point.y() - index) > BAR_HEIGHT / 2:
                continue
            start = 0.0
            total = sum(values.values())
            for label, value in values.items():
                if start <= point.x() <= start + value and value > 0:
                    share = f" ({value / total:.0%} of {self.format_value(total)})"
                    return (f"{self._labels[row]}: {label} {self.format_value(value)}{share}",
                            start + value / 2, index)
                start += value
        return None

    def csv_rows(self) -> list[tuple[object, ...]]:
        return [(self._labels[row], label, value) for row, values in self._rows.items()
                for label, value in values.items()]

    def _add_part(self, label: str) -> None:
        color = QColor(self.colors.get(label) or series_color(len(self._parts)))
        item = pg.BarGraphItem(x0=[], y=[], width=[], height=BAR_HEIGHT, brush=color, name=label,
                               pen=pg.mkPen(color.darker(120), width=0.8))
        item.setZValue(1)            # over the grid lines, which the axes draw at 0.5
        self.plot.addItem(item)
        self._parts[label] = _Part(label, color, item)

    def redraw(self) -> None:
        """Lay the bars, totals and row labels out again (rows or label room changed)."""
        rows = list(self._rows.values())
        y = np.arange(len(rows), dtype=float)
        start = np.zeros(len(rows))
        totals = np.array([sum(values.values()) for values in rows]) if rows else np.zeros(0)
        for label, part in self._parts.items():
            width = np.array([values.get(label, 0.0) for values in rows])
            part.item.setOpts(x0=start.copy(), y=y, width=width, height=BAR_HEIGHT)
            start += width
            self._show_in_legend(part, bool((width >= LEGEND_SHARE * totals).any()
                                            and width.any()))
        for index, (row, values) in enumerate(self._rows.items()):
            text = self._totals.get(row)
            if text is None:
                text = pg.TextItem(anchor=(0, 0.5), color=self.text_color)
                self._totals[row] = text
                self.plot.addItem(text, ignoreBounds=True)
            total = sum(values.values())
            text.setText(f" {self.format_value(total)}")
            text.setPos(total, index)
        axis = self.plot.getAxis("left")
        metrics = QFontMetricsF(axis.font() if axis.style["tickFont"] is None
                                else axis.style["tickFont"])
        labels = [metrics.elidedText(self._labels[row], Qt.TextElideMode.ElideMiddle,
                                     self.label_room) for row in self._rows]
        axis.setTicks([list(enumerate(labels))])
        axis.setWidth(max((metrics.horizontalAdvance(t) for t in labels), default=0) + 12)
        pad = 1.0 if len(rows) == 1 else 0.75        # one bar: keep it slim, centred
        self.plot.setYRange(-pad, len(rows) - 1 + pad, padding=0)
        longest = max((sum(values.values()) for values in rows), default=0.0)
        self.plot.setXRange(0, max(longest, self.reach) * TOTAL_ROOM or 1, padding=0)

    def _show_in_legend(self, part: _Part, shown: bool) -> None:
        if shown == part.in_legend:
            return
        if shown:        # re-add in part order, so the legend reads like the bars
            for other in self._parts.values():
                if other.in_legend:
                    self.legend.removeItem(other.item)
            part.in_legend = True
            for other in self._parts.values():
                if other.in_legend:
                    self.legend.addItem(other.item, legend_text(other.label))
        else:
            self.legend.removeItem(part.item)
            part.in_legend = False


class BarsPanel(PlotPanel):
    """A plot panel whose content is :class:`StackedBars` (read-out and CSV by segment)."""

    def __init__(self, x_label: str, show: Callable[[float], str],
                 colors: dict[str, str] | None = None,
                 axes: dict[str, pg.AxisItem] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(x_label, "", axes=axes, parent=parent)
        self.bars = StackedBars(self.plot, self.legend, show, dict(colors or {}),
                                ink(self.palette()))
        self.plot.showGrid(x=True, y=False)
        self.plot.getAxis("bottom").setStyle(maxTickLevel=0)

    def set_row(self, row: str, parts: Sequence[tuple[str, float]], label: str = "") -> None:
        """Bar ``row`` (see :meth:`StackedBars.set_row`), the plot shown, the legend refitted."""
        self.bars.set_row(row, parts, label)
        self._fit_legend()
        self._show_plot()

    def remove_row(self, row: str) -> None:
        self.bars.remove_row(row)
        self._fit_legend()

    def find_point(self, scene_pos: QPointF) -> tuple[str, pg.ViewBox, float, float] | None:
        found = self.bars.hit(scene_pos)
        if found is None:
            return super().find_point(scene_pos)
        text, x, y = found
        return text, self.plot.vb, x, y

    def csv_header(self) -> list[str]:
        return ["bar", "part", self.plot.getAxis("bottom").labelText]

    def csv_rows(self) -> list[tuple[object, ...]]:
        return self.bars.csv_rows()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.bars.set_text_color(ink(self.palette()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Row labels take at most :data:`LABEL_SHARE` of the width (the full label is in the
        read-out when the mouse is over the bar)."""
        super().resizeEvent(event)
        self.bars.label_room = max(LABEL_MIN_PX, self.width() * LABEL_SHARE)
        self.bars.redraw()
