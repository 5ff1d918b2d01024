"""A box on the canvas: kind icon, label, hardware lines, unit count badge.

The item is dumb: setters change what it shows, ``position_changed`` says it
moved. Its position is its centre. It paints from a device-coordinate cache
(repainting a still scene is a pixmap copy) and drops its text when zoomed
out so far that text would be unreadable anyway (level of detail).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from widgets.canvas.box import RADIUS, BoxContent, paint_box
from widgets.canvas.theme import CanvasTheme, kind_accent

BOX_WIDTH = 240.0
BOX_HEIGHT = 88.0
HANDLE_RADIUS = 5.5
_REACH = HANDLE_RADIUS * 2.2
_BOUNDS = QRectF(-BOX_WIDTH / 2, -BOX_HEIGHT / 2, BOX_WIDTH, BOX_HEIGHT).adjusted(
    -_REACH - 2, -_REACH - 2, _REACH + 2, _REACH + 2)      # asked for on every repaint
_MOVED = QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged


class NodeItem(QGraphicsObject):
    """One node of the design, standing for many identical units."""

    #: The item moved (a drag in progress, or the binder placing it).
    position_changed = Signal()

    def __init__(self, kind: str, theme: CanvasTheme) -> None:
        super().__init__()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptHoverEvents(True)
        self.setZValue(10)
        self._theme = theme
        self._content = BoxContent(kind, kind_accent(kind))
        self._hovered = False

    # -- setters -------------------------------------------------------------

    # Setters that change nothing leave the cached picture alone: the binder sets every
    # box after an edit that can change any of them.

    def set_kind(self, kind: str) -> None:
        if kind != self._content.kind:
            self._content.kind, self._content.accent = kind, kind_accent(kind)
            self.update()

    def set_theme(self, theme: CanvasTheme) -> None:
        self._theme = theme
        self.update()

    def set_title(self, title: str) -> None:
        if title != self._content.title:
            self._content.title = title
            self.update()

    def set_lines(self, lines: tuple[str, ...]) -> None:
        """Up to three lines under the title (remark, hardware, counts)."""
        if lines[:3] != self._content.lines:
            self._content.lines = lines[:3]
            self.update()

    def set_count_text(self, text: str) -> None:
        """The badge, e.g. ``"× 256"``; empty for a single unit."""
        if text != self._content.count:
            self._content.count = text
            self.update()

    # -- reads ---------------------------------------------------------------

    def title(self) -> str:
        return self._content.title

    def lines(self) -> tuple[str, ...]:
        return self._content.lines

    def count_text(self) -> str:
        return self._content.count

    def body_rect(self) -> QRectF:
        return QRectF(-BOX_WIDTH / 2, -BOX_HEIGHT / 2, BOX_WIDTH, BOX_HEIGHT)

    def scene_body_rect(self) -> QRectF:
        return self.body_rect().translated(self.pos())

    def handle_centers(self) -> tuple[QPointF, QPointF]:
        """Where links are started by dragging: the middle of the top and bottom edges."""
        return QPointF(0, -BOX_HEIGHT / 2), QPointF(0, BOX_HEIGHT / 2)

    def handle_at(self, scene_pos: QPointF) -> bool:
        local = self.mapFromScene(scene_pos)
        reach = _REACH
        return any((local - c).manhattanLength() <= reach for c in self.handle_centers())

    # -- QGraphicsItem -------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return _BOUNDS

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self.body_rect(), RADIUS, RADIUS)
        for centre in self.handle_centers():
            handle = QPainterPath()
            handle.addEllipse(centre, _REACH, _REACH)
            path = path.united(handle)
        return path

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change is _MOVED:          # Qt calls this on every change: the test is kept cheap
            self.position_changed.emit()
        return super().itemChange(change, value)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = False
        self.update()
        super().hoverLeaveEvent(event)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        paint_box(painter, self.body_rect(), self._content, self._theme, self.isSelected())
        if self._hovered or self.isSelected():
            painter.setPen(QPen(self._theme.surface, 1.5))
            painter.setBrush(self._content.accent)
            for centre in self.handle_centers():
                painter.drawEllipse(centre, HANDLE_RADIUS, HANDLE_RADIUS)
