"""The comparison view: the verdict, the table of headline figures, and their bar charts.

A dumb view: the workbench gives it a
:class:`~widgets.content.comparison.ComparisonTable` and the charts, and hears
which reference the differences should use, which design to show, and when
to present. The table and the charts sit side by side (the charts scroll),
which suits a dock under the canvas.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engine.compare import BASE, BEST
from widgets.comparison_table import ComparisonTableView
from widgets.content.comparison import BarChart, ComparisonTable
from widgets.headline_bars import HeadlineBars
from widgets.language import follow_language

CHART_ROW_HEIGHT = 150


class ComparisonView(QWidget):
    """Scenarios side by side."""

    #: The differences should be relative to BASE or BEST.
    relative_to_changed = Signal(str)
    #: Show this design (its column index) on the canvas.
    column_activated = Signal(int)
    #: The user asked for the full-screen presentation.
    present_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verdict = verdict_label()
        self.relative_to = QComboBox()
        self.relative_to.addItem("", BASE)
        self.relative_to.addItem("", BEST)
        self.relative_to.currentIndexChanged.connect(
            lambda _: self.relative_to_changed.emit(self.reference()))
        self.status = QLabel()
        self.status.setEnabled(False)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.status.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.present = QPushButton()
        self.present.clicked.connect(self.present_requested)
        self.table = ComparisonTableView()
        self.table.column_activated.connect(self.column_activated)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setEnabled(False)
        self.bars = HeadlineBars(columns=2, row_height=CHART_ROW_HEIGHT)
        charts = QScrollArea()
        charts.setWidgetResizable(True)
        charts.setWidget(self.bars)
        charts.setFrameShape(QScrollArea.Shape.NoFrame)
        bar = QHBoxLayout()
        self._relative_label = QLabel()
        bar.addWidget(self._relative_label)
        bar.addWidget(self.relative_to)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.present)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.caption)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(charts)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.verdict)
        layout.addWidget(self.splitter, 1)
        follow_language(self, self._name)

    def _name(self) -> None:
        self.relative_to.setItemText(0, self.tr("the base scenario"))
        self.relative_to.setItemText(1, self.tr("the best of each row"))
        self.relative_to.setToolTip(self.tr("What the percentages under each value compare "
                                            "with"))
        self.present.setText(self.tr("Present"))
        self.present.setToolTip(self.tr("Show the comparison full screen (Esc leaves)"))
        self._relative_label.setText(self.tr("Differences relative to"))

    def reference(self) -> str:
        return str(self.relative_to.currentData())

    def show_comparison(self, table: ComparisonTable, charts: Sequence[BarChart]) -> None:
        self.verdict.setText(" ".join(table.verdict))
        self.caption.setText(table.caption)
        self.table.show_table(table)
        self.bars.show_charts(table.columns, charts)

    def set_status(self, text: str) -> None:
        self.status.setText(text)


def verdict_label(scale: float = 1.0) -> QLabel:
    """The fastest-and-cheapest sentence, in bold."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = QFont(label.font())
    font.setPointSizeF(QFont().pointSizeF() * scale * 1.1)
    font.setBold(True)
    label.setFont(font)
    return label
