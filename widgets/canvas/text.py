"""Fonts and the rounded "badge" pill shared by boxes, frames and link labels."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter


@dataclass(frozen=True)
class CanvasFonts:
    title: QFont
    small: QFont
    badge: QFont
    label: QFont


@cache
def fonts() -> CanvasFonts:
    """The canvas fonts, made once (a QGuiApplication must exist)."""
    def font(points: float, bold: bool = False) -> QFont:
        f = QFont()
        f.setPointSizeF(points)
        f.setBold(bold)
        return f
    return CanvasFonts(title=font(10, bold=True), small=font(8.5), badge=font(8.5, bold=True),
                       label=font(8))


def badge_rect(text: str, top_right: QPointF, font: QFont) -> QRectF:
    """Where a badge with ``text`` goes when its top-right corner sits at ``top_right``,
    raised by half its height so it straddles the edge it sits on."""
    metrics = QFontMetricsF(font)
    width = metrics.horizontalAdvance(text) + 12
    height = metrics.height() + 4
    return QRectF(top_right.x() - width, top_right.y() - height / 2, width, height)


def paint_badge(painter: QPainter, text: str, top_right: QPointF, fill: QColor,
                font: QFont) -> None:
    rect = badge_rect(text, top_right, font)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    painter.setPen(QColor("white"))
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
