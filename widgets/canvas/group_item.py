"""A group on the canvas: a titled frame around its members, or one stacked box when collapsed.

The frame's rectangle is set from outside (it follows the members); the
title bar carries a disclosure triangle that emits ``collapse_toggled``, as
does a double click on the title bar or the collapsed box. Only the title
bar and the border take clicks when expanded, so a rubber band can start
anywhere inside the frame.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from widgets.canvas.box import RADIUS, TEXT_LOD, BoxContent, draw_elided, level_of_detail, paint_box
from widgets.canvas.text import badge_rect, fonts, paint_badge
from widgets.canvas.theme import CanvasTheme, kind_accent

TITLE_HEIGHT = 30.0
FRAME_RADIUS = 12.0


class GroupItem(QGraphicsObject):
    """One group of the design (a rack, a pod, a scalable unit)."""

    #: The user asked to collapse or expand the group.
    collapse_toggled = Signal()

    def __init__(self, theme: CanvasTheme) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self._theme = theme
        self._rect = QRectF(0, 0, 200, 100)
        self._content = BoxContent("group", kind_accent("group"), stacked=True)
        self._collapsed = False
        self._depth = 0
        self._remark = ""

    # -- setters -------------------------------------------------------------

    def set_theme(self, theme: CanvasTheme) -> None:
        self._theme = theme
        self.update()

    def set_frame(self, rect: QRectF) -> None:
        """Cover ``rect`` (scene coordinates)."""
        self.prepareGeometryChange()
        self.setPos(rect.topLeft())
        self._rect = QRectF(0, 0, rect.width(), rect.height())
        self.update()

    def set_title(self, title: str) -> None:
        self._content.title = title
        self.update()

    def set_count_text(self, text: str) -> None:
        """The badge, e.g. ``"× 4"``; empty when the group is not repeated."""
        self._content.count = text
        self.update()

    def set_lines(self, lines: tuple[str, ...]) -> None:
        """What the collapsed box says it holds."""
        self._content.lines = lines[:3]
        self.update()

    def set_remark(self, text: str) -> None:
        """Shown after the title in the frame's title bar."""
        self._remark = text
        self.update()

    def set_collapsed(self, collapsed: bool) -> None:
        self.prepareGeometryChange()
        self._collapsed = collapsed
        self._update_z()
        self.update()

    def set_depth(self, depth: int) -> None:
        """How many groups hold this one: outer frames sit behind inner ones."""
        self._depth = depth
        self._update_z()

    def _update_z(self) -> None:
        self.setZValue(10 if self._collapsed else -100 + self._depth)

    # -- reads ---------------------------------------------------------------

    def title(self) -> str:
        return self._content.title

    def count_text(self) -> str:
        return self._content.count

    def scene_frame(self) -> QRectF:
        return self._rect.translated(self.pos())

    def toggle_at(self, scene_pos: QPointF) -> bool:
        return self._toggle_rect().contains(self.mapFromScene(scene_pos))

    def title_at(self, scene_pos: QPointF) -> bool:
        local = self.mapFromScene(scene_pos)
        return self._collapsed or self._title_rect().contains(local)

    # -- QGraphicsItem -------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-4, -14, 12, 12)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        if self._collapsed:
            path.addRoundedRect(self._rect, RADIUS, RADIUS)
            return path
        outline = QPainterPath()
        outline.addRoundedRect(self._rect, FRAME_RADIUS, FRAME_RADIUS)
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        path = stroker.createStroke(outline)
        path.addRect(self._title_rect())
        return path.simplified()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.toggle_at(event.scenePos()):
            self.collapse_toggled.emit()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.title_at(event.scenePos()):
            self.collapse_toggled.emit()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self._collapsed:
            paint_box(painter, self._rect, self._content, self._theme, self.isSelected())
            self._paint_toggle(painter)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        accent = self._content.accent
        border = QColor(self._theme.selection if self.isSelected() else accent)
        if not self.isSelected():
            border.setAlpha(150)
        painter.setPen(QPen(border, 2.5 if self.isSelected() else 1.4))
        painter.setBrush(self._theme.group_fill)
        painter.drawRoundedRect(self._rect, FRAME_RADIUS, FRAME_RADIUS)
        bar = QColor(accent)
        bar.setAlpha(45)
        clip = QPainterPath()
        clip.addRoundedRect(self._rect, FRAME_RADIUS, FRAME_RADIUS)
        painter.save()
        painter.setClipPath(clip)
        painter.fillRect(self._title_rect(), bar)
        painter.restore()
        self._paint_toggle(painter)
        if level_of_detail(painter) >= TEXT_LOD / 2:
            right = self._rect.right() - 12
            if self._content.count:
                right = badge_rect(self._content.count, self._badge_corner(),
                                   fonts().title).left() - 6
            painter.setPen(self._theme.text)
            title = QRectF(30, 0, max(right - 30, 0), TITLE_HEIGHT)
            draw_elided(painter, fonts().title, self._content.title, title)
            used = QFontMetricsF(fonts().title).horizontalAdvance(self._content.title) + 10
            if self._remark and used < title.width():
                painter.setPen(self._theme.subtext)
                draw_elided(painter, fonts().small, self._remark,
                            title.adjusted(used, 0, 0, 0))
        if self._content.count:
            paint_badge(painter, self._content.count, self._badge_corner(), accent,
                        fonts().title)

    def _badge_corner(self) -> QPointF:
        return QPointF(self._rect.right() - 10, self._rect.top())

    def _title_rect(self) -> QRectF:
        return QRectF(0, 0, self._rect.width(), TITLE_HEIGHT)

    def _toggle_rect(self) -> QRectF:
        return QRectF(4, 4, 22, 22) if not self._collapsed else QRectF(8, 0, 22, 20)

    def _paint_toggle(self, painter: QPainter) -> None:
        """A disclosure triangle: pointing down when expanded, right when collapsed."""
        r = self._toggle_rect().adjusted(6, 6, -6, -6)
        if self._collapsed:
            points = [r.topLeft(), QPointF(r.right(), r.center().y()), r.bottomLeft()]
        else:
            points = [r.topLeft(), r.topRight(), QPointF(r.center().x(), r.bottom())]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._theme.subtext)
        painter.drawPolygon(QPolygonF(points))
