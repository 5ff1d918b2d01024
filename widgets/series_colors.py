"""One colour per design or scenario, the same in every table, chart and plot.

Tableau's ten categorical colours (Maureen Stone's Tableau 10), which stay
apart on light and dark backgrounds and for the common colour blindnesses
better than Qt's named colours.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

SERIES = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1",
          "#ff9da7", "#9c755f", "#bab0ac")


def series_color(index: int) -> QColor:
    """The colour of the ``index``-th series (cycling after ten)."""
    return QColor(SERIES[index % len(SERIES)])
