"""The heat overlay's colour scale and its legend: a link's load as a colour.

Load is the fraction of a link's bandwidth a collective keeps busy (0 to
1). The scale runs blue, teal, amber, orange, red: saturated at every step
so thin lines read on light and dark canvases, red only near full load, so
the bottleneck stands out. Links the collective does not use are grey.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QPoint, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QPalette,
    QShowEvent,
)
from PySide6.QtWidgets import QWidget

from widgets.canvas.view import CanvasView

STOPS = ((0.0, "#3b82f6"), (0.25, "#14b8a6"), (0.5, "#eab308"), (0.75, "#f97316"),
         (1.0, "#dc2626"))
UNLOADED = "#9ca3af"
UNUSED = QT_TRANSLATE_NOOP("Heat", "not used")
UNUSED_GAP = 32         # the grey swatch and its spacing, right of the scale
MARGIN = 12
GAP = 4                 # between the canvas and the legend's strip under it
BAR_WIDTH, BAR_HEIGHT = 180, 10


def heat_color(load: float) -> QColor:
    """The colour of ``load`` (clamped to 0..1), interpolated between :data:`STOPS`."""
    load = min(max(load, 0.0), 1.0)
    for (low, a), (high, b) in itertools.pairwise(STOPS):
        if load <= high:
            t = (load - low) / (high - low)
            ca, cb = QColor(a), QColor(b)
            return QColor.fromRgbF(*(x + t * (y - x) for x, y in
                                     zip(ca.getRgbF()[:3], cb.getRgbF()[:3], strict=True)))
    return QColor(STOPS[-1][1])


class HeatLegend(QWidget):
    """The colour scale with a title, in the bottom-left corner of ``host``. Over a scroll
    area such as the canvas view it sits in a strip the view gives up under its viewport
    while the legend shows, so it never covers a box, wherever the boxes are."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self._title = ""
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        host.installEventFilter(self)
        self.hide()

    def set_title(self, text: str) -> None:
        self._title = text
        self.setToolTip(text)
        self._place()
        self.update()

    def title(self) -> str:
        return self._title

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._place()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        host = self.parentWidget()
        if isinstance(host, CanvasView):
            host.reserve_bottom(0)

    def _place(self) -> None:
        metrics = self.fontMetrics()
        unused = QCoreApplication.translate("Heat", UNUSED)
        scale = BAR_WIDTH + UNUSED_GAP + metrics.horizontalAdvance(unused)
        width = max(scale, metrics.horizontalAdvance(self._title)) + 2 * MARGIN
        height = 2 * metrics.height() + BAR_HEIGHT + 2 * MARGIN + 4
        self.resize(width, height)
        host = self.parentWidget()
        if isinstance(host, CanvasView):
            if self.isVisible():
                host.reserve_bottom(height + 2 * GAP)
            area = host.viewport().geometry()
            self.move(QPoint(area.left() + MARGIN, area.bottom() + 1 + GAP))
        elif host is not None:
            self.move(QPoint(MARGIN, host.height() - height - MARGIN))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        back = QColor(palette.color(QPalette.ColorRole.Base))
        back.setAlpha(230)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(back)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        metrics = self.fontMetrics()
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(MARGIN, MARGIN + metrics.ascent(), self._title)
        top = MARGIN + metrics.height() + 2
        bar = QRectF(MARGIN, top, BAR_WIDTH, BAR_HEIGHT)
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        for stop, color in STOPS:
            gradient.setColorAt(stop, QColor(color))
        painter.fillRect(bar, gradient)
        baseline = top + BAR_HEIGHT + metrics.ascent() + 2
        for share, align in ((0.0, 0.0), (0.5, 0.5), (1.0, 1.0)):
            text = f"{share:.0%}"
            x = bar.left() + share * bar.width() - align * metrics.horizontalAdvance(text)
            painter.drawText(round(x), round(baseline), text)
        x = bar.right() + 10
        painter.fillRect(QRectF(x, bar.top(), 14, bar.height()), QColor(UNLOADED))
        painter.drawText(round(x + 18), round(bar.bottom()),
                         QCoreApplication.translate("Heat", UNUSED))
        painter.end()
