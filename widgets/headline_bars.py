"""Bar charts of the headline figures: one small chart per figure, one bar per design.

A dumb view of :class:`~widgets.comparison_data.BarChart` s. Bars are
horizontal so long design names stay readable, in each design's series
colour, with the value written at the end of the bar (inside a long bar,
after a short one) and the best starred.
The charts are static pictures of the numbers (no panning or zooming).
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QWidget

from widgets.comparison_data import BarChart
from widgets.plots.style import series_color

BAR_HEIGHT = 0.62
INSIDE = 0.55              # bars at least this share of the longest carry their value inside
LABEL_ROOM = 1.12          # x range as a multiple of the longest bar: room for outside values
MAX_NAME = 22


class HeadlineBars(pg.GraphicsLayoutWidget):
    """A grid of bar charts; ``row_height`` (pixels at scale 1, 0: none) is the least
    height a row of charts asks for, so a scroll area can hold many."""

    def __init__(self, parent: QWidget | None = None, columns: int = 3,
                 row_height: int = 0) -> None:
        super().__init__(parent)
        self._columns = columns
        self._row_height = row_height
        self._scale = 1.0
        self._shown: tuple[tuple[str, ...], tuple[BarChart, ...]] = ((), ())
        self.ci.setSpacing(14)
        self._apply_palette()

    def set_columns(self, columns: int) -> None:
        self._columns = columns
        self.show_charts(*self._shown)

    def set_scale(self, factor: float) -> None:
        """Larger type (the presentation)."""
        self._scale = factor
        self.show_charts(*self._shown)

    def chart_titles(self) -> list[str]:
        return [chart.title for chart in self._shown[1]]

    def show_charts(self, names: Sequence[str], charts: Sequence[BarChart]) -> None:
        self._shown = (tuple(names), tuple(charts))
        self.clear()
        self._apply_palette()
        for i, chart in enumerate(charts):
            plot = self.addPlot(row=i // self._columns, col=i % self._columns)
            self._draw(plot, list(names), chart)
        rows = -(-len(charts) // self._columns)
        per_row = self._row_height * self._scale * (1 + 0.25 * max(len(names) - 3, 0))
        self.setMinimumHeight(int(rows * per_row))
        self.ci.layout.activate()        # lay the new plots out now, not at the next event

    def _apply_palette(self) -> None:
        palette = self.palette()
        self.setBackground(palette.color(QPalette.ColorRole.Base))
        self._ink = palette.color(QPalette.ColorRole.Text)

    def _font(self, factor: float = 1.0, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * self._scale * factor)
        font.setBold(bold)
        return font

    def _draw(self, plot: pg.PlotItem, names: list[str], chart: BarChart) -> None:
        n = len(names)
        ink = self._ink.name()
        size = self._font().pointSizeF()
        plot.setTitle(f"<span style='font-size:{size:.0f}pt; font-weight:600; color:{ink}'>"
                      f"{chart.title}</span><br><span style='font-size:{size * 0.8:.0f}pt; "
                      f"color:{ink}'>{chart.hint}</span>")
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.hideAxis("bottom")
        left = plot.getAxis("left")
        shown = [_short(name) for name in names]
        tick_font = self._font(0.9)
        left.setTicks([[(n - 1 - i, name) for i, name in enumerate(shown)]])
        left.setStyle(tickFont=tick_font, tickLength=0, tickTextOffset=6)
        left.setWidth(max((QFontMetrics(tick_font).horizontalAdvance(s) for s in shown),
                          default=0) + 14)
        left.setTextPen(pg.mkPen(self._ink))
        left.setPen(pg.mkPen(self._ink))
        known = [v for v in chart.values if v is not None]
        top = max((abs(v) for v in known), default=1.0) or 1.0
        for i, (value, text, best) in enumerate(zip(chart.values, chart.texts, chart.best,
                                                    strict=True)):
            y = n - 1 - i
            if value is not None:
                color = series_color(i)
                plot.addItem(pg.BarGraphItem(x0=[0.0], y=[y], height=[BAR_HEIGHT],
                                             width=[value], brush=color,
                                             pen=pg.mkPen(color.darker(130))))
            inside = value is not None and value >= top * INSIDE
            ink = _text_on(series_color(i)) if inside else QColor(self._ink)
            label = pg.TextItem(f"{'★ ' if best else ''}{text}",
                                anchor=(1, 0.5) if inside else (0, 0.5), color=ink)
            label.setFont(self._font(0.9, bold=best))
            nudge = -top * 0.02 if inside else top * 0.03
            label.setPos(max(value or 0.0, 0.0) + nudge, y)
            plot.addItem(label)
        plot.setXRange(0, top * LABEL_ROOM, padding=0)
        plot.setYRange(-0.6, n - 0.4, padding=0)


def _text_on(color: QColor) -> QColor:
    """Black or white, whichever reads on ``color``."""
    return QColor("#111111") if color.lightnessF() > 0.62 else QColor("#ffffff")


def _short(name: str) -> str:
    return name if len(name) <= MAX_NAME else f"{name[:MAX_NAME - 1]}…"
