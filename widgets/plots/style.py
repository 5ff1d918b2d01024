"""Colours and pens of the plots: fixed hues per series and part, surfaces from the palette.

Hues stay the same in light and dark themes (chosen to read on both);
backgrounds, axes and text follow the application palette.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from widgets.content.colors import series_hex

#: Dash styles that tell scenarios apart when their series share a colour.
SCENARIO_DASHES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine,
                   Qt.PenStyle.DashDotLine)
LABEL_STEP = 0.08
LINE_WIDTH = 2.2


def series_color(index: int) -> QColor:
    return QColor(series_hex(index))


def scenario_dash(index: int) -> Qt.PenStyle:
    return SCENARIO_DASHES[index % len(SCENARIO_DASHES)]


def label_height(top: float, index: int) -> float:
    """Where scenario ``index``'s reference label sits (0 bottom, 1 top): each scenario a
    step lower than the one before, so overlaid labels do not cover each other."""
    return max(0.05, top - LABEL_STEP * index)


def surface(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.Base)


def ink(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.Text)


def faint(palette: QPalette) -> QColor:
    """Grid lines and secondary text: the ink, mostly transparent."""
    color = QColor(ink(palette))
    color.setAlpha(90)
    return color
