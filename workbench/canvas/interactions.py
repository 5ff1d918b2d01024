"""Mouse gestures on the canvas, one object per gesture (Orange's ``UserInteraction``).

An interaction starts on a press, previews in the view while the mouse
moves (items move, a rubber band or a link line is drawn) and, on release,
becomes at most one edit, handed to the callback it was started with.
Escape cancels it and puts the preview back. The canvas editor decides which
interaction a press starts; an interaction knows only the scene and the
items it previews (:class:`CanvasItems`), never the editor or the document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
)

from widgets.canvas.node_item import NodeItem
from widgets.canvas.scene import CanvasScene

PREVIEW_Z = 1000.0
Position = tuple[float, float]
#: node id -> (old position, new position)
Moves = dict[str, tuple[Position, Position]]


class CanvasItems(Protocol):
    """The scene items of the document's boxes (the canvas binder is one)."""

    def node_item(self, node_id: str) -> NodeItem: ...

    def id_of(self, item: object) -> tuple[str, str] | None: ...


class Interaction:
    """A gesture in progress; the editor forwards mouse events to it until it is done."""

    def __init__(self, scene: CanvasScene, items: CanvasItems) -> None:
        self.scene = scene
        self.items = items
        self.done = False

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> None:
        """Preview the gesture."""

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> None:
        """Commit the gesture (one command at most)."""
        self.done = True

    def cancel(self) -> None:
        """Undo the preview; nothing reaches the document."""
        self.done = True


class MoveInteraction(Interaction):
    """Drag boxes (and everything inside dragged groups); ``moved`` gets every box that
    moved, once, on release."""

    def __init__(self, scene: CanvasScene, items: CanvasItems, press: QPointF,
                 start: dict[str, Position], anchor: str | None,
                 moved: Callable[[Moves], None]) -> None:
        super().__init__(scene, items)
        self._press = press
        self._start = start
        self._moved_to = moved
        self._anchor = anchor if anchor in self._start else next(iter(self._start), None)
        self._moved = False

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._anchor is None:
            return
        delta = event.scenePos() - self._press
        if not self._moved and delta.manhattanLength() < 3:
            return
        self._moved = True
        ax, ay = self._start[self._anchor]
        snapped = self.scene.snap(QPointF(ax, ay) + delta)
        dx, dy = snapped.x() - ax, snapped.y() - ay
        for node_id, (x, y) in self._start.items():
            self.items.node_item(node_id).setPos(x + dx, y + dy)

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> None:
        self.done = True
        moves: Moves = {}
        for node_id, old in self._start.items():
            pos = self.items.node_item(node_id).pos()
            if (pos.x(), pos.y()) != old:
                moves[node_id] = (old, (pos.x(), pos.y()))
        if moves:
            self._moved_to(moves)

    def cancel(self) -> None:
        self.done = True
        for node_id, (x, y) in self._start.items():
            self.items.node_item(node_id).setPos(x, y)


class RubberBandInteraction(Interaction):
    """Select what a dragged rectangle touches (added to the selection with Ctrl or Shift)."""

    def __init__(self, scene: CanvasScene, items: CanvasItems, press: QPointF,
                 extend: bool) -> None:
        super().__init__(scene, items)
        self._press = press
        self._extend = extend
        self._initial = scene.selectedItems() if extend else []
        self._band = QGraphicsRectItem()
        highlight = QColor(scene.theme().selection)
        self._band.setPen(QPen(highlight, 0, Qt.PenStyle.DashLine))
        highlight.setAlpha(40)
        self._band.setBrush(highlight)
        self._band.setZValue(PREVIEW_Z)
        scene.addItem(self._band)

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> None:
        rect = QRectF(self._press, event.scenePos()).normalized()
        self._band.setRect(rect)
        area = QPainterPath()
        area.addRect(rect)
        scene = self.scene
        scene.setSelectionArea(area, Qt.ItemSelectionOperation.ReplaceSelection,
                               Qt.ItemSelectionMode.IntersectsItemShape)
        for item in self._initial:
            item.setSelected(True)

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> None:
        self._finish()

    def cancel(self) -> None:
        self._finish()

    def _finish(self) -> None:
        self.done = True
        scene: QGraphicsScene | None = self._band.scene()
        if scene is not None:
            scene.removeItem(self._band)


class NewLinkInteraction(Interaction):
    """Drag from a box's handle to another box (or back onto itself) to link them:
    ``dropped(source, target, screen position)`` offers the link."""

    def __init__(self, scene: CanvasScene, items: CanvasItems, source_id: str, press: QPointF,
                 dropped: Callable[[str, str, QPoint], None]) -> None:
        super().__init__(scene, items)
        self._source = source_id
        self._press = press
        self._dropped = dropped
        self._line = QGraphicsLineItem(QLineF(press, press))
        self._line.setPen(QPen(scene.theme().selection, 2, Qt.PenStyle.DashLine))
        self._line.setZValue(PREVIEW_Z)
        scene.addItem(self._line)

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> None:
        target = self._target_at(event.scenePos())
        end = self.items.node_item(target).pos() if target else event.scenePos()
        self._line.setLine(QLineF(self._line.line().p1(), end))

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> None:
        self._remove_line()
        target = self._target_at(event.scenePos())
        clicked = (event.scenePos() - self._press).manhattanLength() < 10
        if target is not None and not (target == self._source and clicked):
            self._dropped(self._source, target, event.screenPos())

    def cancel(self) -> None:
        self._remove_line()

    def _remove_line(self) -> None:
        self.done = True
        if self._line.scene() is not None:
            self.scene.removeItem(self._line)

    def _target_at(self, pos: QPointF) -> str | None:
        for item in self.scene.items(pos):
            if isinstance(item, NodeItem) and item.isVisible():
                found = self.items.id_of(item)
                if found is not None:
                    return found[1]
        return None
