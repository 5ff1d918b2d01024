"""What every analysis panel shares: a plot with units, a legend, a hover read-out, export.

A panel draws named **series**. ``set_series(name, x, y, notes=...)``
creates the series' curve the first time and afterwards only calls
``setData`` on it (pyqtgraph's way: never clear and re-plot), so a panel
updates in place after every edit; ``clear_series(name)`` removes one when
its scenario goes away (``clear_series()`` all). Several scenarios overlay
by using several names. ``notes`` give one line per point (a list, or a
function of the point's index, so a long curve's lines are only written for
the point the mouse is near), shown in the read-out under the plot.
Markers (a design's own point, a break-even) are series drawn as symbols
only; ``set_reference`` draws a labelled vertical line, its label moved to where
no curve is whenever the curves or the view change.

A log2 x axis (``log_x=format_bytes`` or ``format_count``) is plotted as
``log2(x)`` and labelled with the values; series take and export the values
themselves. Other axis items (``axes={"left": SuffixAxis("left")}``) label
ticks their own way. ``zero_based`` vertical axes start at 0, so a small
difference is not drawn as a steep one. An optional right-hand axis
(``right_label``) has its own vertical scale; a series goes there with
``axis="right"``.

The caption (``set_caption``) sits above the plot and the legend under it,
so neither covers a curve. ``set_message`` replaces the plot with a
sentence (why there is nothing to draw), until another scenario's series is
drawn over it: the sentence then stays as the note under the plot. Export:
PNG and SVG of the caption, plot and legend, CSV of every series' numbers,
from the Export button under the plot or the plot's right-click menu
(``exported`` says which file was written; a file that cannot be written is
said in a dialog).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.atomic_file import WriteError
from widgets.elided_label import ElidedLabel
from widgets.language import follow_language
from widgets.plots import export, hover
from widgets.plots.axes import Log2Axis
from widgets.plots.label_spots import curve_strokes, place_clear
from widgets.plots.style import LINE_WIDTH, faint, ink, series_color, surface
from widgets.problems_dialog import ProblemsDialog

Notes = Sequence[str] | Callable[[int], str]
FORMATS = {"png": QT_TRANSLATE_NOOP("Plots", "PNG image (*.png)"),
           "svg": QT_TRANSLATE_NOOP("Plots", "SVG drawing (*.svg)"),
           "csv": QT_TRANSLATE_NOOP("Plots", "CSV table (*.csv)")}
EXPORT_ENTRIES = {"png": QT_TRANSLATE_NOOP("Plots", "PNG Image…"),
                  "svg": QT_TRANSLATE_NOOP("Plots", "SVG Drawing…"),
                  "csv": QT_TRANSLATE_NOOP("Plots", "CSV Table…")}
LEGEND_COLUMN_PX = 170
LEGEND_SAMPLE_PX = 40         # the line sample and the gaps around an entry
LEGEND_ROW_PX = 20
GRAPHICS_MARGIN_PX = 24       # the graphics layout's margins and spacing around plot and legend
#: The plot (axes included) is never drawn shorter: a shorter dock scrolls instead.
PLOT_MIN_PX = 200
READOUT_LINES = 2             # the note under the plot; the whole of it is the tooltip
ZERO_BASED_ROOM = 1.1


def legend_text(name: str) -> str:
    """A series' name as its legend shows it: the kind after the scenario ("H800 · buy")
    translated (context "Plots"), the scenario's name as the user wrote it."""
    scenario, mark, kind = name.rpartition(" · ")
    return f"{scenario}{mark}{QCoreApplication.translate('Plots', kind)}"


@dataclass
class Series:
    """One drawn series: the values it was given (not log-transformed) and its notes."""

    item: pg.PlotDataItem
    view: pg.ViewBox
    x: np.ndarray
    y: np.ndarray
    notes: Notes
    axis: str

    def note(self, index: int) -> str:
        """The read-out line of point ``index`` ("" if the series has none)."""
        if callable(self.notes):
            return self.notes(index)
        return self.notes[index] if index < len(self.notes) else ""


class PlotPanel(QWidget):
    """A titled plot of named series (module docstring)."""

    #: A file was written by an export: its path.
    exported = Signal(str)

    def __init__(self, x_label: str, y_label: str, *, right_label: str | None = None,
                 log_x: Callable[[float], str] | None = None,
                 axes: dict[str, pg.AxisItem] | None = None, zero_based: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.last_error: ProblemsDialog | None = None
        self._log_x = log_x is not None
        self._zero_based = zero_based
        items = dict(axes or {})
        if log_x is not None:
            items["bottom"] = Log2Axis("bottom", log_x)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setMinimumHeight(PLOT_MIN_PX + GRAPHICS_MARGIN_PX)
        self.plot: pg.PlotItem = self.graphics.addPlot(row=0, col=0, axisItems=items)
        self.legend = pg.LegendItem(labelTextSize="9pt")
        self.graphics.addItem(self.legend, row=1, col=0)
        #: Each axis's title as given (source text of context "Plots"), shown translated.
        self._axis_titles = {"bottom": x_label, "left": y_label}
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        for name in ("left", "bottom", "right", "top"):
            self.plot.getAxis(name).setStyle(maxTickLevel=1)
            self.plot.getAxis(name).enableAutoSIPrefix(False)
        self.plot.setMenuEnabled(True)
        self.plot.hideButtons()
        self.graphics.scene().contextMenu = []      # our export entries replace pyqtgraph's
        self.right_view: pg.ViewBox | None = None
        if right_label is not None:
            self._add_right_axis(right_label)
        self._series: dict[str, Series] = {}
        self._fitted: dict[pg.ViewBox, tuple[float, ...]] = {}   # top, and the range set
        self._bands: dict[str, pg.FillBetweenItem] = {}
        self._colors: dict[str, QColor] = {}
        self._references: dict[str, pg.InfiniteLine] = {}
        self._label_heights: dict[str, float] = {}
        self._highlight = pg.ScatterPlotItem(size=11, pen=pg.mkPen(width=2), brush=None)
        self._highlight.setZValue(100)
        self.plot.addItem(self._highlight, ignoreBounds=True)
        self._build_widgets()
        # after the view's new transform is set (its range changes before: stale positions)
        self.plot.vb.sigTransformChanged.connect(lambda *_: self.place_labels())
        self._mouse = pg.SignalProxy(self.graphics.scene().sigMouseMoved, rateLimit=60,
                                     slot=self._on_mouse_moved)
        self._apply_theme()
        follow_language(self, self._name)

    # -- series ---------------------------------------------------------------------------

    def set_series(self, name: str, x: Sequence[float] | np.ndarray,
                   y: Sequence[float] | np.ndarray, *, notes: Notes = (),
                   color: QColor | str | None = None, dash: Qt.PenStyle = Qt.PenStyle.SolidLine,
                   symbol: str | None = None, line: bool = True, legend: bool = True,
                   axis: str = "left", symbol_size: float = 7.0, width: float = LINE_WIDTH,
                   connect: str = "all") -> None:
        """Draw or update series ``name`` (created once, then ``setData``); ``connect="pairs"``
        draws separate segments between points 0-1, 2-3 ..."""
        xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        existing = self._series.get(name)
        if existing is None:
            existing = self._create(name, color, axis, legend)
        qcolor = self._colors[name]
        pen = pg.mkPen(qcolor, width=width, style=dash) if line else None
        existing.item.setData(np.log2(xs) if self._log_x else xs, ys, pen=pen, symbol=symbol,
                              symbolSize=symbol_size, symbolBrush=qcolor, connect=connect,
                              symbolPen=pg.mkPen(surface(self.palette()), width=1))
        existing.x, existing.y, existing.notes = xs, ys, notes
        if self._zero_based:
            self._fit_from_zero(existing.view)
        self._show_plot()
        self.place_labels()

    def set_band(self, name: str, x: Sequence[float], low: Sequence[float],
                 high: Sequence[float]) -> None:
        """Shade where series ``name`` lies 80% of the time (its band), in its colour, on
        its axis; updated in place, removed with the series."""
        band = self._bands.get(name)
        if band is None:
            band = pg.FillBetweenItem(pg.PlotCurveItem(), pg.PlotCurveItem())
            band.setZValue(1.5)      # under the lines (2), over the grid
            self._series[name].view.addItem(band)
            self._bands[name] = band
        xs = np.asarray(x, dtype=float)
        xs = np.log2(xs) if self._log_x else xs
        band.curves[0].setData(xs, np.asarray(low, dtype=float))
        band.curves[1].setData(xs, np.asarray(high, dtype=float))
        color = QColor(self._colors[name])
        color.setAlphaF(0.2)
        band.setBrush(color)

    def band(self, name: str) -> tuple[np.ndarray, np.ndarray] | None:
        """The low and high ends of series ``name``'s band (``None`` if it has none)."""
        band = self._bands.get(name)
        return None if band is None else (band.curves[0].yData, band.curves[1].yData)

    def clear_series(self, name: str | None = None) -> None:
        """Remove series ``name`` (every series when ``None``), its band and legend entry too."""
        for key in [name] if name is not None else list(self._series):
            series = self._series.pop(key, None)
            if series is None:
                continue
            band = self._bands.pop(key, None)
            if band is not None:
                series.view.removeItem(band)
            series.view.removeItem(series.item)
            self.legend.removeItem(series.item)
            self._colors.pop(key, None)
            if self._zero_based:
                self._fit_from_zero(series.view)
        self._highlight.setData([], [])
        self._fit_legend()

    def _fit_from_zero(self, view: pg.ViewBox) -> None:
        """The view's vertical range from 0 to its highest point (and a little room); left
        alone when it is there already (setting a range redraws the axes)."""
        tops = [float(np.nanmax(s.y)) for s in self._series.values()
                if s.view is view and s.y.size and np.isfinite(s.y).any()]
        top = max(tops, default=0.0)
        if self._fitted.get(view) == (top, *view.targetRange()[1]):
            return                      # (a range the user zoomed to differs: it is reset)
        view.setYRange(0, top * ZERO_BASED_ROOM if top > 0 else 1, padding=0.02)
        self._fitted[view] = (top, *view.targetRange()[1])

    def series_names(self) -> list[str]:
        return list(self._series)

    def series(self, name: str) -> Series:
        return self._series[name]

    def set_reference(self, name: str, x: float | None, text: str = "",
                      color: QColor | str | None = None, height: float = 0.92) -> None:
        """A vertical line at ``x`` (``None`` hides it), labelled at ``height`` (0 bottom,
        1 top)."""
        line = self._references.get(name)
        if line is None:
            line = pg.InfiniteLine(angle=90, movable=False, label="",
                                   labelOpts={"position": height, "anchors": [(0, 0), (0, 0)]})
            self._references[name] = line
            self.plot.addItem(line, ignoreBounds=True)
        if x is None:
            line.hide()
            return
        pen_color = QColor(color) if color is not None else ink(self.palette())
        line.setPen(pg.mkPen(pen_color, width=1.2, style=Qt.PenStyle.DashLine))
        line.label.setColor(pen_color)
        line.setPos(np.log2(x) if self._log_x else x)
        line.label.setFormat(text)
        line.show()
        self._label_heights[name] = height
        self.place_labels()

    def place_labels(self) -> bool:
        """Move every reference line's label off the curves (:mod:`label_spots`); False when
        some label found no free spot."""
        shown = [(line, self._label_heights[name]) for name, line in self._references.items()
                 if line.isVisible() and line.label.format]
        if not shown:
            return True
        strokes = curve_strokes(s.item for s in self._series.values())
        return all([place_clear(line, height, strokes) for line, height in shown])

    def reference(self, name: str) -> pg.InfiniteLine:
        return self._references[name]

    def _create(self, name: str, color: QColor | str | None, axis: str,
                legend: bool) -> Series:
        self._colors[name] = QColor(color) if color is not None else \
            series_color(len(self._colors))
        item = pg.PlotDataItem(name=name, antialias=True)
        item.setZValue(2)            # over bars (1) and the axes' grid lines (0.5)
        view = self.right_view if axis == "right" and self.right_view else self.plot.vb
        view.addItem(item)
        if legend:
            self.legend.addItem(item, legend_text(name))
            self._fit_legend()
        series = Series(item, view, np.zeros(0), np.zeros(0), (), axis)
        self._series[name] = series
        return series

    # -- text around the plot -----------------------------------------------------------------

    def set_caption(self, text: str) -> None:
        """What the plot shows (the machine, the collective, the basis), above it; exported
        pictures keep it."""
        self._caption.setText(text)

    def caption(self) -> str:
        return self._caption.text()

    def set_note(self, text: str) -> None:
        """A line under the plot, shown whenever the mouse is not over a point."""
        self._note = text
        self._readout.set_full_text(text)

    def readout(self) -> str:
        return self._readout.full_text()

    def set_message(self, text: str) -> None:
        """Show ``text`` instead of the plot (the reason there is nothing to draw); the note
        under the plot goes with it (it spoke of what was drawn)."""
        self._message.setText(text)
        self._stack.setCurrentWidget(self._message)
        self.set_note("")

    def message(self) -> str:
        return self._message.text() if self._stack.currentWidget() is self._message else ""

    def _show_plot(self) -> None:
        """The plot in view; a reason shown until now stays as the note, under the other
        scenarios' series drawn over a design that has nothing to draw."""
        if self._stack.currentWidget() is self._message and self._message.text():
            self.set_note(self._message.text())
        self._stack.setCurrentWidget(self.figure)

    # -- export ---------------------------------------------------------------------------------

    def export_png(self, path: Path) -> None:
        export.write_png(self.figure, path)
        self.exported.emit(str(path))

    def export_svg(self, path: Path) -> None:
        export.write_svg(self.figure, path, self.caption() or self.plot.getAxis("left").labelText)
        self.exported.emit(str(path))

    def export_csv(self, path: Path) -> None:
        export.write_csv(path, self.csv_header(), self.csv_rows())
        self.exported.emit(str(path))

    def csv_header(self) -> list[str]:
        return ["series", self.plot.getAxis("bottom").labelText, "value", "axis", "note"]

    def csv_rows(self) -> list[tuple[object, ...]]:
        rows: list[tuple[object, ...]] = []
        for name, s in self._series.items():
            title = self._axis_title(s.axis)
            rows += [(name, float(x), float(y), title, s.note(i))
                     for i, (x, y) in enumerate(zip(s.x, s.y, strict=True))]
        return rows

    def _axis_title(self, axis: str) -> str:
        return self.plot.getAxis("right" if axis == "right" else "left").labelText

    def export_file(self, kind: str, path: Path) -> bool:
        """Export as ``kind`` (png, svg or csv) for the user: a failure opens a dialog
        (:attr:`last_error`) that says why and what to do; True if written."""
        try:
            getattr(self, f"export_{kind}")(path)
        except (WriteError, ValueError) as exc:
            self.last_error = ProblemsDialog(
                self.tr("Could not export {kind}").format(kind=kind.upper()),
                self.tr("Nothing was written; choose another file or folder."), [str(exc)],
                self)
            self.last_error.open()
            return False
        return True

    def _export_dialog(self, kind: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export {kind}").format(kind=kind.upper()), "",
            QCoreApplication.translate("Plots", FORMATS[kind]))
        if path:
            self.export_file(kind, Path(path))

    # -- hover ----------------------------------------------------------------------------------

    def hover_at(self, scene_pos: QPointF) -> str:
        """Read out the point nearest ``scene_pos`` (what a mouse move does); its text."""
        hit = self.find_point(scene_pos)
        if hit is None:
            self._highlight.setData([], [])
            self._readout.set_full_text(self._note)
            return ""
        text, view, x, y = hit
        if self._highlight.getViewBox() is not view:
            self._highlight.getViewBox().removeItem(self._highlight)
            view.addItem(self._highlight, ignoreBounds=True)
        self._highlight.setData([x], [y], pen=pg.mkPen(ink(self.palette()), width=2))
        self._readout.set_full_text(text)
        return text

    def find_point(self, scene_pos: QPointF) -> tuple[str, pg.ViewBox, float, float] | None:
        """The read-out text of the point nearest ``scene_pos``, where to mark it."""
        best = hover.closest([
            hover.nearest(name, s.view, *s.item.getData(), scene_pos)
            for name, s in self._series.items() if s.item.isVisible() and s.x.size])
        if best is None:
            return None
        s = self._series[best.name]
        px, py = s.item.getData()
        note = s.note(best.index)
        return note or best.name, s.view, float(px[best.index]), float(py[best.index])

    def _on_mouse_moved(self, args: tuple[QPointF]) -> None:
        self.hover_at(args[0])

    # -- texts ----------------------------------------------------------------------------------

    def set_axis_title(self, axis: str, title: str) -> None:
        """Title ``axis`` ("left", "bottom", "right") with ``title``, already in the reader's
        language (a title with a value in it: "Cumulative cost (CNY)")."""
        self._axis_titles[axis] = title
        self.plot.setLabel(axis, title)

    def _name(self) -> None:
        """The axis titles given at construction and the export entries, translated."""
        for axis, title in self._axis_titles.items():
            self.plot.setLabel(axis, QCoreApplication.translate("Plots", title))
        self.export_button.setText(self.tr("Export"))
        self.export_button.setToolTip(self.tr("Save this plot as a picture or its numbers as "
                                              "a table"))
        for kind, action in self.export_actions.items():
            action.setText(QCoreApplication.translate("Plots", EXPORT_ENTRIES[kind]))
        for sample, label in self.legend.items:
            label.setText(legend_text(sample.item.name()))

    # -- construction -----------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self._caption = QLabel()
        self._caption.setWordWrap(True)
        self._caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.figure = QWidget()          # what exports draw: caption, plot and legend
        self.figure.setAutoFillBackground(True)
        figure = QVBoxLayout(self.figure)
        figure.setContentsMargins(0, 4, 0, 0)
        figure.setSpacing(0)
        figure.addWidget(self._caption)
        figure.addWidget(self.graphics, 1)
        self.export_button = QToolButton()
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.export_actions: dict[str, QAction] = {}
        for kind in FORMATS:
            action = menu.addAction("")
            action.triggered.connect(lambda _=False, k=kind: self._export_dialog(k))
            self.export_actions[kind] = action
        self.export_button.setMenu(menu)
        self.plot.vb.menu.addSeparator()
        for action in self.export_actions.values():
            self.plot.vb.menu.addAction(action)
        self._message = QLabel()
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self._message.setMargin(24)
        self._stack = QStackedWidget()
        self._stack.addWidget(self.figure)
        self._stack.addWidget(self._message)
        self._note = ""
        self._readout = ElidedLabel(READOUT_LINES)
        self._readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._readout.setContentsMargins(6, 0, 6, 0)
        footer = QHBoxLayout()
        footer.setContentsMargins(0, 0, 2, 0)
        footer.addWidget(self._readout, 1)
        footer.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self._stack, 1)
        layout.addLayout(footer)

    def _add_right_axis(self, label: str) -> None:
        view = pg.ViewBox()
        self.plot.showAxis("right")
        self.plot.scene().addItem(view)
        self.plot.getAxis("right").linkToView(view)
        self._axis_titles["right"] = label
        view.setXLink(self.plot)
        self.plot.vb.sigResized.connect(
            lambda: view.setGeometry(self.plot.vb.sceneBoundingRect()))
        self.right_view = view

    # -- theme ------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_theme()
        follow_language(self, self._name)
        super().changeEvent(event)

    def _apply_theme(self) -> None:
        palette = self.palette()
        self.graphics.setBackground(surface(palette))
        self.figure.setBackgroundRole(QPalette.ColorRole.Base)
        text = ink(palette)
        for name in ("left", "bottom", "right", "top"):
            axis = self.plot.getAxis(name)
            axis.setPen(QPen(faint(palette)))
            axis.setTextPen(QPen(text))
        self.legend.setLabelTextColor(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_legend()

    def _fit_legend(self) -> None:
        """As many legend columns as fit the width, so the legend never widens the plot
        (columns as wide as the longest entry: scenarios prefix their names)."""
        column = max([LEGEND_COLUMN_PX, *(label.boundingRect().width() + LEGEND_SAMPLE_PX
                                          for _, label in self.legend.items)])
        fits = max(1, int(self.width() // column))
        columns = max(1, min(fits, len(self.legend.items)))
        self.legend.setColumnCount(columns)
        rows = -(-len(self.legend.items) // columns)
        legend = max(self.legend.boundingRect().height(), rows * LEGEND_ROW_PX)
        self.graphics.setMinimumHeight(int(PLOT_MIN_PX + legend + GRAPHICS_MARGIN_PX))
