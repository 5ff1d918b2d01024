"""Mouse input and drops on a canvas view at scene positions, as a user's hand makes them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsView


def drag(view: QGraphicsView, start: QPointF, end: QPointF, steps: int = 5,
         modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press at ``start``, move in steps, release at ``end`` (scene coordinates)."""
    viewport = view.viewport()
    a, b = view.mapFromScene(start), view.mapFromScene(end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, a)
    for i in range(1, steps + 1):
        point = a + (b - a) * i / steps
        QTest.mouseMove(viewport, point)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, b)


def click(view: QGraphicsView, at: QPointF,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, view.mapFromScene(at))


def drop(view: QGraphicsView, mime: QMimeData, at: QPointF) -> bool:
    """Drag ``mime`` over the view and drop it at scene position ``at``; True if the view
    accepted the drag."""
    viewport = view.viewport()
    pos = QPointF(view.mapFromScene(at))
    action, button, none = (Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(pos.toPoint(), action, mime, button, none)
    QApplication.sendEvent(viewport, enter)
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(viewport, QDragMoveEvent(pos.toPoint(), action, mime, button, none,
                                                    QEvent.Type.DragMove))
    QApplication.sendEvent(viewport, QDropEvent(pos, action, mime, button, none))
    return True
