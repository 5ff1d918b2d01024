"""A link on the canvas: a line between two boxes, or a loop on one box.

Its thickness and colour are set from outside (bandwidth, link kind); its
label (type and parallel count) is a small cached child item, hidden when
the view is zoomed out too far to read it. Several links between the same
two boxes are told apart by ``bend``, which curves them to either side.
"""

from __future__ import annotations

import functools
import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from widgets.canvas.text import fonts
from widgets.canvas.theme import CanvasTheme

#: Below this zoom level link labels are not drawn.
LABEL_LOD = 0.55
LOOP_REACH = 70.0


class LinkLabel(QGraphicsItem):
    """The pill in the middle of a link: ``ib-ndr × 8``."""

    def __init__(self, link: LinkItem) -> None:
        super().__init__(link)
        self._link = link
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._text = ""
        self._rect = QRectF()

    def set_text(self, text: str) -> None:
        if text == self._text:
            return
        self.prepareGeometryChange()
        self._text = text
        width, height = _label_size(text)
        self._rect = QRectF(-width / 2 - 1, -height / 2 - 1, width + 2, height + 2)
        self.update()

    def text(self) -> str:
        return self._text

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if not self._text:
            return
        if QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform()) \
                < LABEL_LOD:
            return
        link = self._link
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(link.color(), 1))
        painter.setBrush(link.theme().surface)
        pill = self._rect.adjusted(1, 1, -1, -1)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(link.theme().text)
        painter.setFont(fonts().label)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, self._text)


@functools.lru_cache(maxsize=4096)
def _label_size(text: str) -> tuple[float, float]:
    """Width and height of a label's pill: many links share a label, so measured once."""
    metrics = QFontMetricsF(fonts().label)
    return metrics.horizontalAdvance(text) + 10, metrics.height() + 2


class LinkItem(QGraphicsItem):
    """One link of the design between two boxes (the same box for mesh, ring, torus).

    The item itself paints nothing: its line and selection halo are Qt's own
    path items, drawn without a call into Python, so a canvas of a thousand
    links repaints in a fraction of the time. It keeps the selection, the
    tooltip and a click target wider than the line.

    A design of 20,000 links makes 20,000 of these, so each is cheap to make
    and to keep: a plain graphics item (no QObject), no Python ``itemChange``
    for Qt to call on every change (the owner shows the halo of selected
    links with :meth:`set_halo_shown`), the halo made when first shown, pens
    shared, and setters that change nothing do nothing.
    """

    def __init__(self, theme: CanvasTheme) -> None:
        super().__init__()
        self.setFlags(_FLAGS)
        self.setZValue(-200)          # under group frames: their titles stay readable
        self._theme = theme
        self._path = QPainterPath()
        self._color = QColor("#64748b")
        self._width = 2.0
        self._bounds = QRectF()
        self._geometry: tuple[QRectF, QRectF, float] | None = None   # as last laid out
        self._halo: QGraphicsPathItem | None = None
        self._line = self._drawn_path(self._line_pen())
        self._label = LinkLabel(self)
        self._rebound()

    def _drawn_path(self, pen: QPen) -> QGraphicsPathItem:
        item = QGraphicsPathItem(self._path, self)
        item.setPen(pen)
        item.setAcceptedMouseButtons(_NO_BUTTON)    # clicks go to the link
        return item

    # -- setters -------------------------------------------------------------

    def set_theme(self, theme: CanvasTheme) -> None:
        self._theme = theme
        if self._halo is not None:
            self._halo.setPen(self._halo_pen())
        self._label.update()

    def set_style(self, color: QColor, width: float) -> None:
        if color == self._color and width == self._width:
            return
        widened = width != self._width
        self._color, self._width = QColor(color), width
        self._line.setPen(self._line_pen())
        if self._halo is not None:
            self._halo.setPen(self._halo_pen())
        if widened:
            self._rebound()
        self._label.update()

    def set_label(self, text: str) -> None:
        self._label.set_text(text)

    def set_label_shown(self, shown: bool) -> None:
        self._label.setVisible(shown)

    def set_halo_shown(self, shown: bool) -> None:
        """The selection halo around the line (the owner shows it on selected links)."""
        if self._halo is None and shown:
            self._halo = self._drawn_path(self._halo_pen())
            self._halo.setZValue(-1)                 # under the line
        if self._halo is not None:
            self._halo.setVisible(shown)

    def set_geometry(self, source: QRectF, target: QRectF, bend: float = 0.0) -> None:
        """Run from box ``source`` to box ``target`` (scene rectangles)."""
        if self._geometry == (source, target, bend):
            return
        self._geometry = (QRectF(source), QRectF(target), bend)
        if source == target:
            self._path = _loop(source, bend)
            apex = self._path.pointAtPercent(0.5)       # the label sits beside the loop
            middle = apex + QPointF(self._label.boundingRect().width() / 2 + 2, 0)
        else:
            self._path = _between(source, target, bend)
            middle = self._path.pointAtPercent(0.5)
        self._line.setPath(self._path)
        if self._halo is not None:
            self._halo.setPath(self._path)
        self._label.setPos(middle)
        self._rebound()

    # -- reads ---------------------------------------------------------------

    def color(self) -> QColor:
        return self._color

    def theme(self) -> CanvasTheme:
        return self._theme

    def width(self) -> float:
        return self._width

    def label_text(self) -> str:
        return self._label.text()

    def label_shown(self) -> bool:
        return self._label.isVisible()

    def path(self) -> QPainterPath:
        return self._path

    def halo_shown(self) -> bool:
        return self._halo is not None and self._halo.isVisible()

    # -- QGraphicsItem -------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(self._click_width())
        return stroker.createStroke(self._path)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """Never called (the item has no contents of its own)."""

    def _line_pen(self) -> QPen:
        return _pen(self._color.rgba(), self._width)

    def _halo_pen(self) -> QPen:
        halo = QColor(self._theme.selection)
        halo.setAlpha(110)
        return _pen(halo.rgba(), self._width + 7)

    def _click_width(self) -> float:
        """How wide a band around the line takes clicks: thin links stay easy to hit."""
        return max(self._width + 8, 12)

    def _rebound(self) -> None:
        """The click target's bounds, computed once per change (and told to the scene's
        index only when they moved)."""
        pad = self._click_width() / 2
        bounds = self._path.boundingRect().adjusted(-pad, -pad, pad, pad)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds


_FLAGS = (QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
          | QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
_NO_BUTTON = Qt.MouseButton.NoButton


@functools.lru_cache(maxsize=1024)
def _pen(rgba: int, width: float) -> QPen:
    """A round-capped pen: links share them (Qt copies a pen by reference)."""
    return QPen(QColor.fromRgba(rgba), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)


def _exit_point(rect: QRectF, towards: QPointF) -> QPointF:
    """Where the ray from the centre of ``rect`` to ``towards`` leaves the rectangle."""
    centre = rect.center()
    dx, dy = towards.x() - centre.x(), towards.y() - centre.y()
    if dx == 0 and dy == 0:
        return centre
    scale = min(rect.width() / 2 / abs(dx) if dx else math.inf,
                rect.height() / 2 / abs(dy) if dy else math.inf)
    return QPointF(centre.x() + dx * min(scale, 1.0), centre.y() + dy * min(scale, 1.0))


def _between(source: QRectF, target: QRectF, bend: float) -> QPainterPath:
    a, b = source.center(), target.center()
    mid = (a + b) / 2
    length = math.hypot(b.x() - a.x(), b.y() - a.y()) or 1.0
    normal = QPointF(-(b.y() - a.y()) / length, (b.x() - a.x()) / length)
    control = mid + normal * bend * 2   # a quadratic's middle is half-way to its control point
    path = QPainterPath(_exit_point(source, control if bend else b))
    end = _exit_point(target, control if bend else a)
    if bend:
        path.quadTo(control, end)
    else:
        path.lineTo(end)
    return path


def _loop(rect: QRectF, bend: float) -> QPainterPath:
    """A loop on the right side of a box: a link from a node to its own units."""
    reach = LOOP_REACH + abs(bend)
    y = rect.center().y()
    start, end = QPointF(rect.right(), y - 14), QPointF(rect.right(), y + 14)
    path = QPainterPath(start)
    path.cubicTo(QPointF(rect.right() + reach, y - reach * 0.7),
                 QPointF(rect.right() + reach, y + reach * 0.7), end)
    return path
