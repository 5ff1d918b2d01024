"""A label that shows at most a few lines of a long text, the whole of it as its tooltip.

Panels put long notes under their plots (which links limit each collective,
what a cost includes); wrapped in full they push the plot off a small
screen. This label keeps them to ``lines`` lines, ending in "…" when cut.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """A word-wrapped label of at most ``lines`` lines (module docstring)."""

    def __init__(self, lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines = lines
        self._full = ""
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._fit()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        width = max(40, self.width() - margins.left() - margins.right())
        budget = width * self._lines - metrics.averageCharWidth() * 4 * self._lines  # wrap slack
        shown = metrics.elidedText(self._full.replace("\n", " "), Qt.TextElideMode.ElideRight,
                                   max(40, budget))
        self.setText(shown)
        self.setToolTip(self._full if shown != self._full else "")
        self.setMaximumHeight(metrics.lineSpacing() * self._lines + margins.top()
                              + margins.bottom() + 2)
