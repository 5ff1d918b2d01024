"""Presentation mode: the comparison full screen, as slides a room can read.

Slide 1 is the verdict and the table, in the largest type (up to
:data:`SCALE` times the normal) at which every row fits the screen; a table
too long to be read from the back of a room at :data:`PAGE_SCALE` goes on
over a second slide (its rows split in two, each half in its own largest
type); the last slide is the bar charts, in the largest type at which every
chart shows whole. Space,
the arrow and page keys (or a click) move between them; Esc leaves. It shows
what it is given, like the docked view; closing it emits ``closed`` so the
workbench can stop feeding it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from widgets.comparison_table import ComparisonTableView
from widgets.comparison_view import verdict_label
from widgets.content.comparison import BarChart, ComparisonTable
from widgets.headline_bars import HeadlineBars

SCALE = 1.8
PAGE_SCALE = 1.3          # type smaller than this and the table goes on over two slides
MIN_SCALE = 0.75          # a laptop's 768 lines hold every row of a page
CHART_SCALE, MIN_CHART_SCALE = SCALE * 0.8, 0.6
FIT_STEPS = 4
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
        self.title.setWordWrap(True)       # never wider than the screen it must fill
        self.verdict = verdict_label(SCALE)        # wraps: never wider than the screen
        self.table = ComparisonTableView()
        self.more = ComparisonTableView()      # the rows the first slide has no room for
        self._data: ComparisonTable | None = None
        self.caption = QLabel()
        self.caption.setEnabled(False)
        self.caption.setWordWrap(True)
        self.bars = HeadlineBars(columns=4)
        self.bars.set_scale(CHART_SCALE)
        first = self._table_page = QWidget()
        first_layout = QVBoxLayout(first)
        first_layout.setContentsMargins(0, 0, 0, 0)
        first_layout.addWidget(self.verdict)
        first_layout.addWidget(self.table, 1)
        first_layout.addWidget(self.caption)
        self.slides = QStackedWidget()
        self.slides.addWidget(first)
        self.slides.addWidget(self.bars)
        self._more_page = QWidget()
        QVBoxLayout(self._more_page).addWidget(self.more)
        self.hint = QLabel()
        self.hint.setEnabled(False)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.hint.setWordWrap(True)
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
        self._data = table
        self.bars.show_charts(table.columns, charts)
        self._table_page.layout().activate()   # the verdict's height first: the table gets the rest
        self._fit_table()
        self._fit_charts()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_table()
        self._fit_charts()

    def cell_texts(self) -> list[list[str]]:
        """The table's rows as shown, over one slide or two."""
        more = self.more.cell_texts() if self._shows_more() else []
        return self.table.cell_texts() + more

    def _fit_table(self) -> None:
        """The whole table in the largest type at which it shows without scrolling, on one
        slide if that type is at least :data:`PAGE_SCALE`, else its rows over two."""
        if self._data is None:
            return
        rows = self._data.rows
        self.table.show_table(self._data)
        if _fitted(self.table) >= PAGE_SCALE or len(rows) < 2:
            self._show_more(False)
            return
        half = (len(rows) + 1) // 2
        self.table.show_table(dataclasses.replace(self._data, rows=rows[:half]))
        self.more.show_table(dataclasses.replace(self._data, rows=rows[half:]))
        self._show_more(True)
        _fitted(self.table)
        self._more_page.layout().activate()
        _fitted(self.more)

    def _shows_more(self) -> bool:
        return self.slides.indexOf(self._more_page) >= 0

    def _show_more(self, shown: bool) -> None:
        if shown and not self._shows_more():
            self.slides.insertWidget(1, self._more_page)
        elif not shown and self._shows_more():
            self.slides.removeWidget(self._more_page)
        self.show_slide(self.slides.currentIndex())

    def _fit_charts(self) -> None:
        """The largest type (up to the charts' own) at which every chart shows whole: the
        grid's least width and height shrink with the type, so a few proportional steps
        find it (each step rebuilds the plots)."""
        self.slides.layout().activate()
        scale = CHART_SCALE
        for _ in range(FIT_STEPS):
            self.bars.set_scale(scale)
            least = self.bars.ci.layout.effectiveSizeHint(Qt.SizeHint.MinimumSize)
            if self.bars.fits() or scale <= MIN_CHART_SCALE:
                return
            ratio = min(self.bars.width() / max(least.width(), 1),
                        self.bars.height() / max(least.height(), 1))
            scale = max(MIN_CHART_SCALE, round(scale * min(ratio, 0.95), 2))

    def show_slide(self, index: int) -> None:
        self.slides.setCurrentIndex(max(0, min(index, self.slides.count() - 1)))
        current = self.slides.currentWidget()
        name = (self.tr("the charts") if current is self.bars else
                self.tr("the table, continued") if current is self._more_page
                else self.tr("the table"))
        self.hint.setText(self.tr("Slide {n} of {count}: {name}. Space or arrows: next; Esc "
                                  "leaves").format(n=self.slides.currentIndex() + 1,
                                                   count=self.slides.count(), name=name))

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


def _fitted(table: ComparisonTableView) -> float:
    """Set ``table`` in the largest type (:data:`SCALE` down to :data:`MIN_SCALE`) at which
    all its rows show; returns that scale."""
    scale = SCALE
    table.set_scale(scale)
    while scale > MIN_SCALE and not table.fits():
        scale = round(scale - 0.05, 2)
        table.set_scale(scale)
    return scale
