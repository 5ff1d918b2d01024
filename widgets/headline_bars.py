"""Bar charts of the headline figures: one small chart per figure, one bar per design.

A dumb view of :class:`~widgets.content.comparison.BarChart` s. Bars are
horizontal so long design names stay readable, in each design's series
colour, with the value written at the end of the bar (inside a long bar,
after a short one) and the best starred.
The charts are static pictures of the numbers (no panning or zooming).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette, QResizeEvent
from PySide6.QtWidgets import QWidget

from widgets.content.comparison import BarChart
from widgets.plots.style import series_color

BAR_HEIGHT = 0.62
INSIDE = 0.55              # bars at least this share of the longest carry their value inside
LABEL_ROOM = 1.12          # x range as a multiple of the longest bar: room for outside values
MAX_NAME = 22
LABEL_GAP_PX = 10          # a value written after its bar, and the plot's edge
MIN_BAR_SHARE = 0.3        # the longest bar keeps at least this share of a narrow plot


@dataclass
class _Chart:
    """One chart's items, kept and updated in place while the layout stays the same."""

    plot: pg.PlotItem
    bars: list[pg.BarGraphItem]
    labels: list[pg.TextItem]


class HeadlineBars(pg.GraphicsLayoutWidget):
    """A grid of bar charts; ``row_height`` (pixels at scale 1, 0: none) is the least
    height a row of charts asks for, so a scroll area can hold many. The plots are built
    when the charts or designs change and otherwise updated in place (pyqtgraph builds a
    plot in milliseconds, a dozen in a quarter of a second)."""

    def __init__(self, parent: QWidget | None = None, columns: int = 3,
                 row_height: int = 0) -> None:
        super().__init__(parent)
        self._columns = columns
        self._row_height = row_height
        self._scale = 1.0
        self._shown: tuple[tuple[str, ...], tuple[BarChart, ...]] = ((), ())
        self._charts: list[_Chart] = []
        self._layout_key: tuple[object, ...] = ()
        self.ci.setSpacing(14)
        self._apply_palette()

    def set_scale(self, factor: float) -> None:
        """Larger type (the presentation)."""
        self._scale = factor
        self.show_charts(*self._shown)

    def chart_titles(self) -> list[str]:
        return [chart.title for chart in self._shown[1]]

    def show_charts(self, names: Sequence[str], charts: Sequence[BarChart]) -> None:
        self._shown = (tuple(names), tuple(charts))
        self._apply_palette()                  # a theme change rebuilds: the key has the ink
        key = (self._shown[0], tuple(c.title for c in charts), self._columns, self._scale,
               self._ink.name())
        if key != self._layout_key:
            self._build(list(names), charts)
            self._layout_key = key
        for chart, items in zip(charts, self._charts, strict=True):
            self._fill(items, len(names), chart)

    def _apply_palette(self) -> None:
        palette = self.palette()
        self.setBackground(palette.color(QPalette.ColorRole.Base))
        self._ink = palette.color(QPalette.ColorRole.Text)

    def _font(self, factor: float = 1.0, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * self._scale * factor)
        font.setBold(bold)
        return font

    def _build(self, names: list[str], charts: Sequence[BarChart]) -> None:
        """A plot per chart, a bar and a label per design, titled and with the names."""
        self.clear()
        self._charts = []
        n = len(names)
        shown = [_short(name) for name in names]
        tick_font = self._font(0.9)
        size = self._font().pointSizeF()
        ink = self._ink.name()
        for i, chart in enumerate(charts):
            plot = self.addPlot(row=i // self._columns, col=i % self._columns)
            plot.setTitle(f"<span style='font-size:{size:.0f}pt; font-weight:600; "
                          f"color:{ink}'>{chart.title}</span><br><span style='font-size:"
                          f"{size * 0.8:.0f}pt; color:{ink}'>{chart.hint}</span>")
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.hideAxis("bottom")
            left = plot.getAxis("left")
            left.setTicks([[(n - 1 - j, name) for j, name in enumerate(shown)]])
            left.setStyle(tickFont=tick_font, tickLength=0, tickTextOffset=6)
            left.setWidth(max((QFontMetrics(tick_font).horizontalAdvance(s) for s in shown),
                              default=0) + 14)
            left.setTextPen(pg.mkPen(self._ink))
            left.setPen(pg.mkPen(self._ink))
            bars, labels = [], []
            for j in range(n):
                color = series_color(j)
                bar = pg.BarGraphItem(x0=[0.0], y=[n - 1 - j], height=[BAR_HEIGHT],
                                      width=[0.0], brush=color,
                                      pen=pg.mkPen(color.darker(130)))
                label = pg.TextItem()
                plot.addItem(bar)
                plot.addItem(label)
                bars.append(bar)
                labels.append(label)
            plot.setYRange(-0.6, n - 0.4, padding=0)
            self._charts.append(_Chart(plot, bars, labels))
        rows = -(-len(charts) // self._columns)
        per_row = self._row_height * self._scale * (1 + 0.25 * max(n - 3, 0))
        self.setMinimumHeight(int(rows * per_row))
        self.ci.setGeometry(self.range)  # back to the widget's size: a larger type's least
        self.ci.layout.activate()        # size had pushed it wider; lay the plots out now

    def _fill(self, items: _Chart, n: int, chart: BarChart) -> None:
        """The chart's values into its bars and labels."""
        known = [v for v in chart.values if v is not None]
        top = max((abs(v) for v in known), default=1.0) or 1.0
        for j, (value, text, best) in enumerate(zip(chart.values, chart.texts, chart.best,
                                                    strict=True)):
            y = n - 1 - j
            bar, label = items.bars[j], items.labels[j]
            bar.setOpts(width=[value or 0.0])
            bar.setVisible(value is not None)
            inside = value is not None and value >= top * INSIDE
            label.setText(f"{'★ ' if best else ''}{text}",
                          color=_text_on(series_color(j)) if inside else QColor(self._ink))
            label.setAnchor((1, 0.5) if inside else (0, 0.5))
            label.setFont(self._font(0.9, bold=best))
            nudge = -top * 0.02 if inside else top * 0.03
            label.setPos(max(value or 0.0, 0.0) + nudge, y)
        items.plot.setXRange(0, self._x_room(items, chart, top), padding=0)

    def _x_room(self, items: _Chart, chart: BarChart, top: float) -> float:
        """The x range that leaves room for every value written after its bar, at the
        plot's width on screen (a narrow plot gives its bars less of it)."""
        pixels = items.plot.vb.width()
        room = top * LABEL_ROOM
        if pixels <= 0:
            return room
        for value, label in zip(chart.values, items.labels, strict=True):
            if value is None or value >= top * INSIDE:
                continue
            text = QFontMetrics(label.textItem.font()).horizontalAdvance(label.toPlainText())
            share = max(1 - (text + LABEL_GAP_PX) / pixels, MIN_BAR_SHARE)
            room = max(room, (max(value, 0.0) + top * 0.03) / share)
        return room

    def fits(self) -> bool:
        """Every chart shows whole: the grid is no larger than the widget (it grows past it
        when its least size does not fit)."""
        grid = self.ci.geometry()
        return grid.width() <= self.range.width() + 0.5 and \
            grid.height() <= self.range.height() + 0.5

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # (the base class resizes it before __init__ ends, and while closing, its items gone)
        if getattr(self, "_charts", None) and not self.closed:
            self.ci.layout.activate()
            for chart, items in zip(self._shown[1], self._charts, strict=True):
                self._fill(items, len(self._shown[0]), chart)


def _text_on(color: QColor) -> QColor:
    """Black or white, whichever reads on ``color``."""
    return QColor("#111111") if color.lightnessF() > 0.62 else QColor("#ffffff")


def _short(name: str) -> str:
    return name if len(name) <= MAX_NAME else f"{name[:MAX_NAME - 1]}…"
