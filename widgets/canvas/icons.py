"""Kind icons drawn with painter paths: no image files, crisp at any zoom.

The same shapes appear on canvas boxes and in the palette, so users learn
one picture per kind.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap


def kind_icon_path(kind: str, rect: QRectF) -> QPainterPath:
    """The outline of ``kind``'s icon, fitted into ``rect``."""
    draw = {"server": _server, "accelerator": _chip, "switch": _switch, "group": _stack}
    return draw.get(kind, _chip)(rect)


def paint_kind_icon(painter: QPainter, kind: str, rect: QRectF, color: QColor) -> None:
    pen = QPen(color, max(1.2, rect.width() / 16))
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(kind_icon_path(kind, rect))


def kind_icon(kind: str, color: QColor, size: int = 32) -> QIcon:
    """A :class:`QIcon` of ``kind`` for lists and menus."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_kind_icon(painter, kind, QRectF(3, 3, size - 6, size - 6), color)
    painter.end()
    return QIcon(pixmap)


def _server(r: QRectF) -> QPainterPath:
    """Three rack units with status lights."""
    path = QPainterPath()
    h = r.height() / 3
    for i in range(3):
        unit = QRectF(r.left(), r.top() + i * h + h * 0.1, r.width(), h * 0.8)
        path.addRoundedRect(unit, h * 0.15, h * 0.15)
        path.addEllipse(QPointF(unit.right() - h * 0.4, unit.center().y()), h * 0.1, h * 0.1)
        path.moveTo(unit.left() + h * 0.35, unit.center().y())
        path.lineTo(unit.left() + r.width() * 0.45, unit.center().y())
    return path


def _chip(r: QRectF) -> QPainterPath:
    """A package with pins on four sides and a die in the middle."""
    path = QPainterPath()
    inset = r.width() * 0.2
    body = r.adjusted(inset, inset, -inset, -inset)
    path.addRoundedRect(body, inset * 0.3, inset * 0.3)
    die = body.adjusted(body.width() * 0.28, body.height() * 0.28, -body.width() * 0.28,
                        -body.height() * 0.28)
    path.addRect(die)
    for k in range(3):
        t = body.left() + body.width() * (0.25 + 0.25 * k)
        u = body.top() + body.height() * (0.25 + 0.25 * k)
        for a, b in (((t, body.top()), (t, r.top())), ((t, body.bottom()), (t, r.bottom())),
                     ((body.left(), u), (r.left(), u)), ((body.right(), u), (r.right(), u))):
            path.moveTo(*a)
            path.lineTo(*b)
    return path


def _switch(r: QRectF) -> QPainterPath:
    """A flat box with arrows both ways: traffic switched between ports."""
    path = QPainterPath()
    box = QRectF(r.left(), r.top() + r.height() * 0.22, r.width(), r.height() * 0.56)
    path.addRoundedRect(box, box.height() * 0.18, box.height() * 0.18)
    y1 = box.top() + box.height() * 0.33
    y2 = box.top() + box.height() * 0.67
    left, right = box.left() + box.width() * 0.2, box.right() - box.width() * 0.2
    tip = box.height() * 0.14
    path.moveTo(left, y1)
    path.lineTo(right, y1)
    path.moveTo(right - tip, y1 - tip)
    path.lineTo(right, y1)
    path.lineTo(right - tip, y1 + tip)
    path.moveTo(right, y2)
    path.lineTo(left, y2)
    path.moveTo(left + tip, y2 - tip)
    path.lineTo(left, y2)
    path.lineTo(left + tip, y2 + tip)
    return path


def _stack(r: QRectF) -> QPainterPath:
    """Boxes stacked behind each other: many of the same."""
    path = QPainterPath()
    step = r.width() * 0.15
    for i in range(3):
        box = QRectF(r.left() + step * (2 - i), r.top() + step * i, r.width() - 2 * step,
                     r.height() - 2 * step)
        path.addRoundedRect(box, step * 0.6, step * 0.6)
    return path
