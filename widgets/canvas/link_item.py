"""A link on the canvas: a line between two boxes, or a loop on one box.

Its thickness and colour are set from outside (bandwidth, link kind); its
label (type and parallel count) is a pill in its middle, hidden when the view
is zoomed out too far to read it. Several links between the same two boxes
are told apart by ``bend``, which curves them to either side.
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


@functools.lru_cache(maxsize=4096)
def _label_size(text: str) -> tuple[float, float]:
    """Width and height of a label's pill: many links share a label, so measured once."""
    metrics = QFontMetricsF(fonts().label)
    return metrics.horizontalAdvance(text) + 10, metrics.height() + 2


class LinkItem(QGraphicsItem):
    """One link of the design between two boxes (the same box for mesh, ring, torus).

    Its line and selection halo are Qt's own path items, drawn without a call into
    Python, so a canvas of a thousand links repaints in a fraction of the time. The item
    keeps the selection, the tooltip and a click target wider than the line, and paints
    the label itself: the pill in the middle of the link (``ib-ndr × 8``), only while
    labels are shown (the view is zoomed in far enough to read them, so few links are
    in sight). Zoomed out, it has no contents and is never asked to paint.

    A design of 20,000 links makes 20,000 of these, so each is cheap to make and to
    keep: a plain graphics item (no QObject) with one child, no Python ``itemChange``
    for Qt to call on every change (the owner shows the halo of selected links with
    :meth:`set_halo_shown`), the halo made when first shown, pens shared, geometry
    worked out in plain numbers, and setters that change nothing do nothing.
    """

    def __init__(self, theme: CanvasTheme) -> None:
        super().__init__()
        self.setFlags(_FLAGS)
        self.setZValue(-200)          # under group frames: their titles stay readable
        self._theme = theme
        self._path = QPainterPath()
        self._color = QColor(_DEFAULT_COLOR)
        self._width = 2.0
        self._bounds = QRectF()
        self._geometry: tuple[tuple[float, ...], tuple[float, ...], float] | None = None
        self._halo: QGraphicsPathItem | None = None
        self._line = self._drawn_path(self._line_pen())
        self._label = ""
        self._label_shown = True
        self._painted = False           # whether the item has contents (a label to paint)
        self._pill = QRectF()           # the label's pill, in scene coordinates
        self._middle = (0.0, 0.0)       # where on the path the pill sits (its centre)

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
        self.update()

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
        self.update()

    def set_label(self, text: str) -> None:
        if text == self._label:
            return
        self._label = text
        self._place_pill()
        self._show_contents()

    def set_label_shown(self, shown: bool) -> None:
        if shown != self._label_shown:
            self._label_shown = shown
            self._show_contents()

    def set_halo_shown(self, shown: bool) -> None:
        """The selection halo around the line (the owner shows it on selected links)."""
        if self._halo is None and shown:
            self._halo = self._drawn_path(self._halo_pen())
            self._halo.setZValue(-1)                 # under the line
        if self._halo is not None:
            self._halo.setVisible(shown)

    def set_geometry(self, source: QRectF, target: QRectF, bend: float = 0.0) -> None:
        """Run from box ``source`` to box ``target`` (scene rectangles)."""
        geometry = (source.getRect(), target.getRect(), bend)
        if geometry == self._geometry:
            return
        self._geometry = geometry
        if geometry[0] == geometry[1]:
            self._path, apex = _loop(geometry[0], bend)
            self._middle = (apex[0] + _label_size(self._label)[0] / 2 + 3, apex[1])
        else:
            self._path, self._middle = _between(geometry[0], geometry[1], bend)
        self._line.setPath(self._path)
        if self._halo is not None:
            self._halo.setPath(self._path)
        self._place_pill()

    # -- reads ---------------------------------------------------------------

    def color(self) -> QColor:
        return self._color

    def theme(self) -> CanvasTheme:
        return self._theme

    def width(self) -> float:
        return self._width

    def label_text(self) -> str:
        return self._label

    def label_shown(self) -> bool:
        return self._label_shown

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
        shape = stroker.createStroke(self._path)
        if self._label and self._label_shown:
            shape.addRect(self._pill)
        return shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """The label's pill (the line is the child's to draw)."""
        if QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform()) \
                < LABEL_LOD:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self._color, 1))
        painter.setBrush(self._theme.surface)
        pill = self._pill.adjusted(1, 1, -1, -1)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(self._theme.text)
        painter.setFont(fonts().label)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, self._label)

    def _line_pen(self) -> QPen:
        return _pen(self._color.rgba(), self._width)

    def _halo_pen(self) -> QPen:
        halo = QColor(self._theme.selection)
        halo.setAlpha(110)
        return _pen(halo.rgba(), self._width + 7)

    def _click_width(self) -> float:
        """How wide a band around the line takes clicks: thin links stay easy to hit."""
        return max(self._width + 8, 12)

    def _show_contents(self) -> None:
        """Qt asks the item to paint only while it has a label to show."""
        painted = bool(self._label) and self._label_shown
        if painted != self._painted:
            self._painted = painted
            self.setFlag(_NO_CONTENTS, not painted)
        self.update()

    def _place_pill(self) -> None:
        if self._label:
            width, height = _label_size(self._label)
            x, y = self._middle
            self._pill = QRectF(x - width / 2 - 1, y - height / 2 - 1, width + 2, height + 2)
        else:
            self._pill = QRectF()
        self._rebound()

    def _rebound(self) -> None:
        """The click target's and the pill's bounds, computed once per change (and told to
        the scene's index only when they moved)."""
        if self._geometry is None:
            return
        pad = self._click_width() / 2
        bounds = self._path.boundingRect().adjusted(-pad, -pad, pad, pad)
        if self._label:
            bounds = bounds.united(self._pill)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds


_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | _NO_CONTENTS
_DEFAULT_COLOR = "#64748b"
_NO_BUTTON = Qt.MouseButton.NoButton


@functools.lru_cache(maxsize=1024)
def _pen(rgba: int, width: float) -> QPen:
    """A round-capped pen: links share them (Qt copies a pen by reference)."""
    return QPen(QColor.fromRgba(rgba), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)


Rect = tuple[float, float, float, float]     # x, y, width, height


def _exit_point(rect: Rect, towards: tuple[float, float]) -> tuple[float, float]:
    """Where the ray from the centre of ``rect`` to ``towards`` leaves the rectangle."""
    x, y, width, height = rect
    cx, cy = x + width / 2, y + height / 2
    dx, dy = towards[0] - cx, towards[1] - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = min(width / 2 / abs(dx) if dx else math.inf,
                height / 2 / abs(dy) if dy else math.inf, 1.0)
    return cx + dx * scale, cy + dy * scale


def _between(source: Rect, target: Rect, bend: float) -> tuple[QPainterPath,
                                                              tuple[float, float]]:
    """The path from box to box, and its middle."""
    ax, ay = source[0] + source[2] / 2, source[1] + source[3] / 2
    bx, by = target[0] + target[2] / 2, target[1] + target[3] / 2
    length = math.hypot(bx - ax, by - ay) or 1.0
    # a quadratic's middle is half-way to its control point
    control = ((ax + bx) / 2 - (by - ay) / length * bend * 2,
               (ay + by) / 2 + (bx - ax) / length * bend * 2)
    start = _exit_point(source, control if bend else (bx, by))
    end = _exit_point(target, control if bend else (ax, ay))
    path = QPainterPath(QPointF(*start))
    if bend:
        path.quadTo(*control, *end)
        middle = ((start[0] + end[0]) / 4 + control[0] / 2,
                  (start[1] + end[1]) / 4 + control[1] / 2)
    else:
        path.lineTo(*end)
        middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    return path, middle


def _loop(rect: Rect, bend: float) -> tuple[QPainterPath, tuple[float, float]]:
    """A loop on the right side of a box (a link from a node to its own units), and its
    apex."""
    reach = LOOP_REACH + abs(bend)
    right, y = rect[0] + rect[2], rect[1] + rect[3] / 2
    path = QPainterPath(QPointF(right, y - 14))
    path.cubicTo(right + reach, y - reach * 0.7, right + reach, y + reach * 0.7, right, y + 14)
    return path, (right + reach * 0.75, y)
