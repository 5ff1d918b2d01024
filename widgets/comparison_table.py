"""The comparison table: designs in columns, headline figures in rows, the best marked.

A dumb view of a :class:`~widgets.content.comparison.ComparisonTable`. The
first column names each figure with its unit and better direction (and
"no clear winner" where the best's 80% band overlaps another design's);
each design's cell shows the value, centred, and under it in smaller type
its 80% band and the difference to the reference in green (better) or red
(worse). The best of a row is starred on a tinted background. Column headers
carry the designs' full names (on two lines, elided in the middle only past
that, with a tooltip) and are never cut by a narrow table, which scrolls
instead. Double-clicking a design's header asks to show it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from widgets.content.comparison import BETTER, WORSE, ComparisonTable
from widgets.plots.style import series_color

CHANGE_ROLE = Qt.ItemDataRole.UserRole + 1
TONE_ROLE = Qt.ItemDataRole.UserRole + 2
BEST_ROLE = Qt.ItemDataRole.UserRole + 3
HINT_ROLE = Qt.ItemDataRole.UserRole + 4
FIGURE_ROLE = Qt.ItemDataRole.UserRole + 5
BAND_ROLE = Qt.ItemDataRole.UserRole + 6
UNCLEAR_ROLE = Qt.ItemDataRole.UserRole + 7
TONE_COLORS = {BETTER: QColor("#15803d"), WORSE: QColor("#b91c1c")}
BEST_TINT = QColor(22, 163, 74, 38)
UNCLEAR_COLOR = QColor("#b45309")          # amber: a caution, not a loss
SMALL = 0.78                               # the second lines' type, relative to the value's
BEST_MARK = "★ "
HEADER_LINE_EM = 24         # a header line holds about 24 average characters
SWATCH_PX, HEADER_PADDING_PX = 12, 28
Index = QModelIndex | QPersistentModelIndex


class _CellDelegate(QStyledItemDelegate):
    """Paints a value and, in smaller type under it, its band and the difference; a
    figure's name with its hint and, where the best is not clear, "no clear winner"."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text, option.text = option.text, ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter,
                              option.widget)
        best = bool(index.data(BEST_ROLE))
        rect = option.rect.adjusted(10, 4, -10, -4)
        if best:
            painter.fillRect(option.rect, BEST_TINT)
        label_column = index.column() == 0
        align = Qt.AlignmentFlag.AlignLeft if label_column else Qt.AlignmentFlag.AlignHCenter
        main_font = QFont(option.font)
        main_font.setBold(best or (label_column and bool(index.data(FIGURE_ROLE))))
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * SMALL)
        ink = option.palette.color(QPalette.ColorRole.Text)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            ink = option.palette.color(QPalette.ColorRole.HighlightedText)
        grey = QColor(ink)
        grey.setAlphaF(0.6)
        lines = _small_lines(index, grey, selected)
        painter.save()
        main_height = QFontMetrics(main_font).height()
        small_height = QFontMetrics(small).height()
        top = rect.top() + (rect.height() - main_height - small_height * len(lines)) // 2
        painter.setFont(main_font)
        painter.setPen(ink)
        shown = f"{BEST_MARK}{text}" if best else text
        painter.drawText(QRect(rect.left(), top, rect.width(), main_height),
                         align | Qt.AlignmentFlag.AlignVCenter, shown)
        painter.setFont(small)
        top += main_height
        for line, color in lines:
            painter.setPen(color)
            painter.drawText(QRect(rect.left(), top, rect.width(), small_height),
                             align | Qt.AlignmentFlag.AlignVCenter, line)
            top += small_height
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * SMALL)
        lines = len(_small_lines(index, QColor(), False))
        height = option.fontMetrics.height() + lines * QFontMetrics(small).height()
        return QSize(size.width() + 36, int(height + option.fontMetrics.height() * 0.9))


def _small_lines(index: Index, grey: QColor, selected: bool) -> list[tuple[str, QColor]]:
    """The lines under a cell's text, each with its colour: a label's hint and "no clear
    winner"; a value's band and its difference to the reference."""
    if index.column() == 0:
        lines = [(index.data(HINT_ROLE), grey),
                 (index.data(UNCLEAR_ROLE), grey if selected else UNCLEAR_COLOR)]
    else:
        tone = TONE_COLORS.get(str(index.data(TONE_ROLE) or ""))
        lines = [(index.data(BAND_ROLE), grey),
                 (index.data(CHANGE_ROLE), tone if tone is not None and not selected else grey)]
    return [(str(text), color) for text, color in lines if text]


class ComparisonTableView(QTableWidget):
    """Headline figures of several designs side by side."""

    #: A design's column header was double-clicked: show that design (its column index).
    column_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_CellDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.sectionDoubleClicked.connect(self._on_header_double_clicked)
        self._data = ComparisonTable((), ())

    def show_table(self, data: ComparisonTable) -> None:
        self._data = data
        self.setColumnCount(len(data.columns) + 1)
        self.setRowCount(len(data.rows))
        label = QTableWidgetItem("")
        self.setHorizontalHeaderItem(0, label)
        widest = 0
        for column, name in enumerate(data.columns, start=1):
            font = QFont(self.horizontalHeader().font())
            font.setBold(column - 1 == data.active)
            metrics = QFontMetrics(font)
            lines = header_lines(name, metrics, HEADER_LINE_EM * metrics.averageCharWidth())
            widest = max(widest, *(metrics.horizontalAdvance(line) for line in lines))
            item = QTableWidgetItem("\n".join(lines))
            item.setIcon(_swatch(series_color(column - 1)))
            item.setFont(font)
            item.setToolTip((self.tr("{name} (shown on the canvas); double-click to show it")
                             if column - 1 == data.active else
                             self.tr("{name}; double-click to show it")).format(name=name))
            self.setHorizontalHeaderItem(column, item)
        for r, row in enumerate(data.rows):
            head = QTableWidgetItem(row.label)
            head.setData(HINT_ROLE, row.hint)
            head.setData(FIGURE_ROLE, row.figure)
            head.setData(UNCLEAR_ROLE, row.unclear)
            self.setItem(r, 0, head)
            for c, cell in enumerate(row.cells, start=1):
                item = QTableWidgetItem(cell.text)
                item.setData(CHANGE_ROLE, cell.change)
                item.setData(BAND_ROLE, cell.band)
                item.setData(TONE_ROLE, cell.tone)
                item.setData(BEST_ROLE, cell.best)
                item.setToolTip(cell.tooltip)
                self.setItem(r, c, item)
        header = self.horizontalHeader()
        # never narrower than a name: a narrow table scrolls instead of cutting one
        header.setMinimumSectionSize(widest + SWATCH_PX + HEADER_PADDING_PX)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.resizeRowsToContents()

    def shown(self) -> ComparisonTable:
        return self._data

    def cell_texts(self) -> list[list[str]]:
        """What each row shows: the label, then each design's value."""
        return [[self.item(r, c).text() for c in range(self.columnCount())]
                for r in range(self.rowCount())]

    def cell_tooltips(self) -> list[list[str]]:
        """Each value's tooltip (its band and notes, or why it is missing), row by row."""
        return [[self.item(r, c).toolTip() for c in range(1, self.columnCount())]
                for r in range(self.rowCount())]

    def header_tooltips(self) -> list[str]:
        return [self.horizontalHeaderItem(c).toolTip() for c in range(1, self.columnCount())]

    def small_lines(self, row: int, column: int) -> list[str]:
        """What a cell shows under its text: a label's hint and "no clear winner", a
        value's band and difference."""
        return [text for text, _ in _small_lines(self.model().index(row, column), QColor(),
                                                  False)]

    def best_cells(self) -> set[tuple[str, str]]:
        """(row label, design) of every cell marked best."""
        return {(self.item(r, 0).text(), self._data.columns[c - 1])
                for r in range(self.rowCount()) for c in range(1, self.columnCount())
                if self.item(r, c).data(BEST_ROLE)}

    def fits(self) -> bool:
        """Every row shows without scrolling."""
        return self.verticalHeader().length() <= self.viewport().height()

    def set_scale(self, factor: float) -> None:
        """Larger type (the presentation), keeping the two-line cells proportionate."""
        font = QFont(self.font())
        font.setPointSizeF(QFont().pointSizeF() * factor)
        self.setFont(font)
        self.horizontalHeader().setFont(font)
        self.show_table(self._data)

    def _on_header_double_clicked(self, section: int) -> None:
        if section > 0:
            self.column_activated.emit(section - 1)


def header_lines(name: str, metrics: QFontMetrics, width: int) -> list[str]:
    """A design's name as a column header: whole on one line if it fits ``width`` pixels,
    else on two lines broken between words, the second elided in the middle if it must
    be (the header's tooltip has it whole)."""
    if metrics.horizontalAdvance(name) <= width:
        return [name]
    words = name.split()
    count = next((n for n in range(len(words) - 1, 0, -1)
                  if metrics.horizontalAdvance(" ".join(words[:n])) <= width), 1)
    lines = [" ".join(words[:count]), " ".join(words[count:])]
    return [metrics.elidedText(line, Qt.TextElideMode.ElideMiddle, width)
            for line in lines if line]


def _swatch(color: QColor) -> QPixmap:
    pixmap = QPixmap(12, 12)
    pixmap.fill(color)
    return pixmap
