"""The canvas scene: grid background, theme, snapping, and a handler that sees input first.

Interaction logic does not live here. A handler object (the workbench's
canvas editor) gets each mouse and key event before the default item
handling and returns ``True`` when it took the event, in the manner of
Orange's ``CanvasScene.set_user_interaction_handler``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from PySide6.QtCore import QLineF, QPointF, QRectF, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneMouseEvent

from widgets.canvas.box import level_of_detail
from widgets.canvas.link_item import LABEL_LOD
from widgets.canvas.theme import CanvasTheme

GRID = 20.0
MAJOR_EVERY = 5


class SceneHandler(Protocol):
    """Gets input events first; returns True when it handled them."""

    def mouse_press(self, event: QGraphicsSceneMouseEvent) -> bool: ...
    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool: ...
    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool: ...
    def key_press(self, event: QKeyEvent) -> bool: ...


class CanvasScene(QGraphicsScene):
    """Where the design's boxes, links and frames live."""

    #: The colours changed; items should repaint with the new theme.
    theme_changed = Signal(object)
    #: The view zoomed across the level where link labels become readable: shown or not.
    labels_shown_changed = Signal(bool)

    def __init__(self, theme: CanvasTheme) -> None:
        super().__init__()
        self._theme = theme
        self._handler: SceneHandler | None = None
        self.snap_enabled = True
        self._labels_shown = True
        self._bulk_depth = 0
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    @contextmanager
    def bulk_change(self) -> Iterator[None]:
        """Many items change bounds at once (a design loaded, every link recoloured).

        The BSP index finds items fast when painting and hit-testing, but each
        item whose bounds change before the index catches up costs a scan of
        all such items: thousands of changes in one go take quadratic time.
        So the index is dropped while they happen and rebuilt once after
        (n log n). Nested changes rebuild once, at the outermost.
        """
        if self._bulk_depth == 0:
            self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self._bulk_depth += 1
        try:
            yield
        finally:
            self._bulk_depth -= 1
            if self._bulk_depth == 0:
                self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    def theme(self) -> CanvasTheme:
        return self._theme

    def set_theme(self, theme: CanvasTheme) -> None:
        self._theme = theme
        self.setBackgroundBrush(theme.background)
        self.theme_changed.emit(theme)
        self.update()

    def labels_shown(self) -> bool:
        return self._labels_shown

    def set_zoom(self, zoom: float) -> None:
        """Follow the view's zoom: below ``LABEL_LOD`` link labels are hidden, not just left
        unpainted, so a zoomed-out canvas of a thousand links skips them at no cost."""
        shown = zoom >= LABEL_LOD
        if shown != self._labels_shown:
            self._labels_shown = shown
            self.labels_shown_changed.emit(shown)

    def set_handler(self, handler: SceneHandler | None) -> None:
        self._handler = handler

    def snap(self, point: QPointF) -> QPointF:
        """``point`` on the nearest grid crossing when snapping is on."""
        if not self.snap_enabled:
            return point
        return QPointF(round(point.x() / GRID) * GRID, round(point.y() / GRID) * GRID)

    # -- input goes to the handler first ---------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._handler and self._handler.mouse_press(event):
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._handler and self._handler.mouse_move(event):
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._handler and self._handler.mouse_release(event):
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._handler and self._handler.key_press(event):
            event.accept()
        else:
            super().keyPressEvent(event)

    # -- background ------------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, self._theme.background)
        lod = level_of_detail(painter)
        if GRID * lod >= 7:
            self._draw_grid(painter, rect, GRID, self._theme.grid_minor)
        if GRID * MAJOR_EVERY * lod >= 7:
            self._draw_grid(painter, rect, GRID * MAJOR_EVERY, self._theme.grid_major)

    @staticmethod
    def _draw_grid(painter: QPainter, rect: QRectF, step: float, color: object) -> None:
        painter.setPen(QPen(color, 0))
        left = math.floor(rect.left() / step) * step
        top = math.floor(rect.top() / step) * step
        lines = [QLineF(x, rect.top(), x, rect.bottom())
                 for x in _steps(left, rect.right(), step)]
        lines += [QLineF(rect.left(), y, rect.right(), y) for y in _steps(top, rect.bottom(), step)]
        painter.drawLines(lines)


def _steps(start: float, stop: float, step: float) -> list[float]:
    count = int((stop - start) / step) + 1
    return [start + i * step for i in range(count)]
