"""Toolbar icons drawn with painter paths, for actions the platform's icon theme may lack."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

SIZE = 24


def action_icon(name: str, color: QColor) -> QIcon:
    """``zoom-in``, ``zoom-out``, ``zoom-fit`` or ``group``."""
    pixmap = QPixmap(SIZE * 2, SIZE * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color, 1.8)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.drawPath(_PATHS[name]())
    painter.end()
    return QIcon(pixmap)


def _magnifier(sign: str) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(10, 10), 6.5, 6.5)
    path.moveTo(15, 15)
    path.lineTo(21, 21)
    path.moveTo(7, 10)
    path.lineTo(13, 10)
    if sign == "+":
        path.moveTo(10, 7)
        path.lineTo(10, 13)
    return path


def _fit() -> QPainterPath:
    path = QPainterPath()
    for x, y, dx, dy in ((3, 3, 1, 1), (21, 3, -1, 1), (3, 21, 1, -1), (21, 21, -1, -1)):
        path.moveTo(x + 6 * dx, y)
        path.lineTo(x, y)
        path.lineTo(x, y + 6 * dy)
    path.addRect(QRectF(8, 8, 8, 8))
    return path


def _group() -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(QRectF(2.5, 3.5, 19, 17), 3, 3)
    path.addRect(QRectF(6, 10, 5, 6))
    path.addRect(QRectF(13, 10, 5, 6))
    path.moveTo(2.5, 7.5)
    path.lineTo(21.5, 7.5)
    return path


_PATHS = {"zoom-in": lambda: _magnifier("+"), "zoom-out": lambda: _magnifier("-"),
          "zoom-fit": _fit, "group": _group}
