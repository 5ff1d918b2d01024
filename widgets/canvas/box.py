"""How a box is painted: body, accent strip, kind icon, title, two lines, count badge.

Shared by node boxes and collapsed groups so the two look alike: a
collapsed group is drawn as a stack of the boxes it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from widgets.canvas.icons import paint_kind_icon
from widgets.canvas.text import fonts, paint_badge
from widgets.canvas.theme import CanvasTheme

#: Below this zoom level (scene to screen), boxes show no text.
TEXT_LOD = 0.45
#: Below this one a box is a tile in its kind's colour: a few pixels wide, its outline,
#: icon and badge cannot be made out, and thousands of boxes paint in time.
TILE_LOD = 0.12
RADIUS = 8.0
TEXT_LEFT = 58.0


@dataclass
class BoxContent:
    """What a box shows."""

    kind: str
    accent: QColor
    title: str = ""
    lines: tuple[str, ...] = ()
    count: str = ""
    stacked: bool = False


def paint_box(painter: QPainter, body: QRectF, content: BoxContent, theme: CanvasTheme,
              selected: bool) -> None:
    lod = level_of_detail(painter)
    if lod < TILE_LOD:
        painter.fillRect(body, theme.selection if selected else content.accent)
        return
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if content.stacked:
        for step in (8.0, 4.0):
            painter.setPen(QPen(theme.border, 1))
            painter.setBrush(theme.surface)
            painter.drawRoundedRect(body.translated(step, step), RADIUS, RADIUS)
    painter.setPen(QPen(theme.selection if selected else theme.border,
                        2.5 if selected else 1.2))
    painter.setBrush(theme.surface)
    painter.drawRoundedRect(body, RADIUS, RADIUS)
    _paint_accent_strip(painter, body, content.accent)
    if lod < TEXT_LOD:
        centre = body.center()
        paint_kind_icon(painter, content.kind, QRectF(centre.x() - 18, centre.y() - 18, 36, 36),
                        content.accent)
    else:
        icon = QRectF(body.left() + 16, body.center().y() - 15, 30, 30)
        paint_kind_icon(painter, content.kind, icon, content.accent)
        _paint_text(painter, body, content, theme)
    if content.count:
        paint_badge(painter, content.count, _badge_corner(body), content.accent, fonts().badge)


def level_of_detail(painter: QPainter) -> float:
    """How many screen pixels one scene unit covers where ``painter`` draws."""
    return QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())


def draw_elided(painter: QPainter, font: QFont, text: str, rect: QRectF,
                align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
    painter.setFont(font)
    shown = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, shown)


def _badge_corner(body: QRectF) -> QPointF:
    return QPointF(body.right() - 4, body.top())


def _paint_accent_strip(painter: QPainter, body: QRectF, accent: QColor) -> None:
    clip = QPainterPath()
    clip.addRoundedRect(body, RADIUS, RADIUS)
    painter.save()
    painter.setClipPath(clip)
    painter.fillRect(QRectF(body.left(), body.top(), 6, body.height()), accent)
    painter.restore()


def _paint_text(painter: QPainter, body: QRectF, content: BoxContent,
                theme: CanvasTheme) -> None:
    """Title under the badge's overhang, then up to three smaller lines."""
    f = fonts()
    left = body.left() + TEXT_LEFT
    width = body.right() - 10 - left
    top = body.top() + 11
    painter.setPen(theme.text)
    draw_elided(painter, f.title, content.title, QRectF(left, top, width, 18))
    painter.setPen(theme.subtext)
    for i, line in enumerate(content.lines[:3]):
        draw_elided(painter, f.small, line, QRectF(left, top + 20 + 16 * i, width, 15))
