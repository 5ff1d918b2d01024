"""Presentation mode: the comparison full screen, as slides a room can read.

Slide 1 is the verdict and the table, in the largest type (up to
:data:`SCALE` times the normal) at which every row fits the screen; slide 2
the bar charts. Space, the arrow and page keys (or a click) move between
them; Esc leaves. It shows what it is given, like the docked view; closing
it emits ``closed`` so the workbench can stop feeding it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from widgets.comparison_table import ComparisonTableView
from widgets.comparison_view import verdict_label
from widgets.content.comparison import BarChart, ComparisonTable
from widgets.headline_bars import HeadlineBars

SCALE = 1.8
MIN_SCALE = 1.0
_NEXT = (Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown)
_BACK = (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace)


class PresentationWindow(QWidget):
    """The comparison for an audience."""

    closed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presentation")
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(QFont().pointSizeF() * SCALE * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.verdict = verdict_label(SCALE)
        self.verdict.setWordWrap(False)            # one sentence a line: its height is known
        self.table = ComparisonTableView()
        self.caption = QLabel()
        self.caption.setEnabled(False)
        self.caption.setWordWrap(True)
        self.bars = HeadlineBars(columns=4)
        self.bars.set_scale(SCALE * 0.8)
        first = self._table_page = QWidget()
        first_layout = QVBoxLayout(first)
        first_layout.setContentsMargins(0, 0, 0, 0)
        first_layout.addWidget(self.verdict)
        first_layout.addWidget(self.table, 1)
        first_layout.addWidget(self.caption)
        self.slides = QStackedWidget()
        self.slides.addWidget(first)
        self.slides.addWidget(self.bars)
        self.hint = QLabel()
        self.hint.setEnabled(False)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight)
        for label in (self.caption, self.hint):
            small = QFont(label.font())
            small.setPointSizeF(QFont().pointSizeF() * SCALE * 0.75)
            label.setFont(small)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 20)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addWidget(self.slides, 1)
        layout.addWidget(self.hint)
        self.set_title(title)
        self.show_slide(0)

    def set_title(self, title: str) -> None:
        self.title.setText(title)
        self.setWindowTitle(self.tr("{title} - presentation").format(title=title))

    def show_comparison(self, table: ComparisonTable, charts: Sequence[BarChart]) -> None:
        self.verdict.setText("\n".join(table.verdict))
        self.caption.setText(table.caption)
        self.table.show_table(table)
        self.bars.show_charts(table.columns, charts)
        self._table_page.layout().activate()   # the verdict's height first: the table gets the rest
        self._fit_table()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_table()

    def _fit_table(self) -> None:
        """The largest type at which the whole table shows without scrolling."""
        scale = SCALE
        self.table.set_scale(scale)
        while scale > MIN_SCALE and not self.table.fits():
            scale = round(scale - 0.05, 2)
            self.table.set_scale(scale)

    def show_slide(self, index: int) -> None:
        self.slides.setCurrentIndex(max(0, min(index, self.slides.count() - 1)))
        names = (self.tr("the table"), self.tr("the charts"))
        self.hint.setText(self.tr("Slide {n} of {count}: {name}. Space or arrows: next; Esc "
                                  "leaves").format(n=self.slides.currentIndex() + 1,
                                                   count=self.slides.count(),
                                                   name=names[self.slides.currentIndex()]))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close()
        elif key in _NEXT:
            self.show_slide(self.slides.currentIndex() + 1)
        elif key in _BACK:
            self.show_slide(self.slides.currentIndex() - 1)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.show_slide((self.slides.currentIndex() + 1) % self.slides.count())
        super().mousePressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
