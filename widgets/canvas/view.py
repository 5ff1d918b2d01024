"""The canvas view: zoom (wheel, pinch, trackpad), pan (middle drag, space + drag), drops.

A mouse wheel zooms around the cursor; a trackpad's two-finger scroll pans
and its pinch zooms; Ctrl + wheel always zooms. Palette entries dropped on
the view come out as ``part_dropped`` with the scene position, layout files
as ``files_dropped``; the view itself changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPalette,
    QWheelEvent,
)
from PySide6.QtWidgets import QGestureEvent, QGraphicsScene, QGraphicsView, QPinchGesture, QWidget

from widgets.mime import PART_MIME

MIN_ZOOM = 0.05
MAX_ZOOM = 4.0
STEP = 1.25
LAYOUT_SUFFIXES = (".yaml", ".yml")


class CanvasView(QGraphicsView):
    """Shows the canvas scene and turns navigation gestures into zoom and scroll."""

    #: The zoom factor changed (1.0 = 100 %).
    zoom_changed = Signal(float)
    #: A palette entry was dropped: its payload and the scene position.
    part_dropped = Signal(str, QPointF)
    #: Layout files were dropped on the canvas.
    files_dropped = Signal(list)

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setAcceptDrops(True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._pan_from: QPoint | None = None
        self._space_held = False
        self._placeholder = ""
        self._empty = True

    def set_placeholder(self, text: str) -> None:
        """What an empty canvas says (how to start)."""
        self._placeholder = text
        self.viewport().update()

    def set_empty(self, empty: bool) -> None:
        """Whether the design is empty, so the placeholder shows; told by the owner, since
        asking the scene for its items on every paint costs 2 ms at 4,000 items."""
        if empty != self._empty:
            self._empty = empty
            self.viewport().update()

    def reserve_bottom(self, height: int) -> None:
        """Give up a strip of ``height`` pixels under the viewport (for a legend), so the
        scene is never drawn under it; 0 gives it back."""
        if self.viewportMargins().bottom() != height:
            self.setViewportMargins(0, 0, 0, height)

    def shows_placeholder(self) -> bool:
        return bool(self._placeholder) and self._empty

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        if not self.shows_placeholder():
            return
        painter.save()
        painter.resetTransform()
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter
                         | Qt.TextFlag.TextWordWrap, self._placeholder)
        painter.restore()

    # -- zoom -------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        target = min(max(self.zoom() * factor, MIN_ZOOM), MAX_ZOOM)
        if target != self.zoom():
            factor = target / self.zoom()
            self.scale(factor, factor)
            self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        self._zoom_about_centre(STEP)

    def zoom_out(self) -> None:
        self._zoom_about_centre(1 / STEP)

    def reset_zoom(self) -> None:
        self._zoom_about_centre(1 / self.zoom())

    def fit(self, rect: QRectF, max_zoom: float = 1.0) -> None:
        """Show all of ``rect``, never magnified beyond ``max_zoom``."""
        if rect.isEmpty():
            return
        self.fitInView(rect.adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > max_zoom:
            self.scale(max_zoom / self.zoom(), max_zoom / self.zoom())
        self.centerOn(rect.center())
        self.zoom_changed.emit(self.zoom())

    def reveal(self, rect: QRectF, margin: float = 24.0) -> None:
        """Scroll so all of ``rect`` shows (a drop near the edge, a large template), zooming
        out only when it cannot fit at this zoom."""
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        wanted = rect.adjusted(-margin, -margin, margin, margin)
        if shown.contains(wanted):
            return
        if wanted.width() > shown.width() or wanted.height() > shown.height():
            self.fit(rect, max_zoom=self.zoom())
            return
        self.ensureVisible(rect, int(margin * self.zoom()), int(margin * self.zoom()))

    def _zoom_about_centre(self, factor: float) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.zoom_by(factor)
        self.setTransformationAnchor(anchor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        from_trackpad = not event.pixelDelta().isNull()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if from_trackpad and not ctrl:
            super().wheelEvent(event)       # two-finger scroll pans
            return
        steps = event.angleDelta().y() / 120 or event.pixelDelta().y() / 50
        self.zoom_by(STEP ** steps)
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if isinstance(event, QNativeGestureEvent) and \
                event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.zoom_by(1 + event.value())     # trackpad pinch (macOS)
            return True
        if isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):  # touch screens
                self.zoom_by(pinch.scaleFactor())
                return True
        return super().viewportEvent(event)

    # -- pan: middle button, or space + left button ------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pan = event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._space_held)
        if pan:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self._update_cursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self._update_cursor()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            self._update_cursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def _update_cursor(self) -> None:
        if self._space_held:
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.viewport().unsetCursor()

    # -- drops --------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if mime.hasFormat(PART_MIME):
            payload = bytes(mime.data(PART_MIME).data()).decode("utf-8")
            self.part_dropped.emit(payload, self.mapToScene(event.position().toPoint()))
            event.acceptProposedAction()
        elif files := layout_files(mime):
            self.files_dropped.emit(files)
            event.acceptProposedAction()
        else:
            event.ignore()

    @staticmethod
    def _accepts(event: QDragEnterEvent | QDragMoveEvent) -> bool:
        return event.mimeData().hasFormat(PART_MIME) or bool(layout_files(event.mimeData()))


def layout_files(mime: QMimeData) -> list[str]:
    """Local layout files (``.yaml``, ``.yml``) among dragged URLs."""
    return [url.toLocalFile() for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(LAYOUT_SUFFIXES)]
