"""The summary panel: headline figures as tiles, and every section's numbers in a tree.

The tree (``details``) is the summary's but the window docks it on its own
("All Figures"), so the tiles and the inspector share the right column.

It shows what it is given; the workbench decides which figures are
headlines and formats them (all numbers come from the engine). A tile whose
section is missing or failed says so, with the reason as its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from widgets.content.summary import DetailRow, DetailSection, Tile
from widgets.language import follow_language

ERROR_COLOR = "#dc2626"
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter



class _TileWidget(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.value = QLabel()
        self.detail = QLabel()
        self.detail.setEnabled(False)
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.value.setFont(font)
        small = QFont(self.label.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self.label.setFont(small)
        self.detail.setFont(small)
        self.label.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(0)
        layout.addWidget(self.label)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def show_tile(self, tile: Tile) -> None:
        self.label.setText(tile.label)
        self.value.setText(tile.value)
        self.detail.setText(tile.detail)
        self.detail.setVisible(bool(tile.detail))
        self.setToolTip(tile.tooltip)
        self.value.setEnabled(tile.state == "ok")
        self.value.setStyleSheet(f"color: {ERROR_COLOR};" if tile.state == "error" else "")


class SummaryPanel(QWidget):
    """Tiles of headline figures, and a tree of all figures for the window to place."""

    COLUMNS = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tiles: list[_TileWidget] = []
        self._grid = QGridLayout()
        self._grid.setSpacing(6)
        self._status = QLabel()
        self._status.setEnabled(False)
        self.details = QTreeWidget()
        self.details.setColumnCount(2)
        follow_language(self, lambda: self.details.setHeaderLabels(
            [self.tr("Figure"), self.tr("Value")]))
        self.details.setRootIsDecorated(True)
        self.details.setAlternatingRowColors(True)
        self.details.header().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._grid)
        layout.addWidget(self._status)
        layout.addStretch(1)

    def tile_values(self) -> dict[str, str]:
        return {t.label.text(): t.value.text() for t in self._shown_tiles()}

    def tile_details(self) -> dict[str, str]:
        """Each tile's line under its value (its range, coverage, assumption)."""
        return {t.label.text(): t.detail.text() for t in self._shown_tiles()}

    def tile_tooltips(self) -> dict[str, str]:
        """Each tile's tooltip (its band and notes, or why its figure is missing)."""
        return {t.label.text(): t.toolTip() for t in self._shown_tiles()}

    def _shown_tiles(self) -> list[_TileWidget]:
        return [t for t in self._tiles if not t.isHidden()]

    def status(self) -> str:
        return self._status.text()

    def set_status(self, text: str) -> None:
        self._status.setText(text)

    def set_tiles(self, tiles: list[Tile]) -> None:
        while len(self._tiles) < len(tiles):
            widget = _TileWidget()
            index = len(self._tiles)
            self._grid.addWidget(widget, index // self.COLUMNS, index % self.COLUMNS)
            self._tiles.append(widget)
        for widget, tile in zip(self._tiles, tiles, strict=False):
            widget.show_tile(tile)
            widget.show()
        for widget in self._tiles[len(tiles):]:
            widget.hide()

    def set_details(self, sections: list[DetailSection]) -> None:
        expanded = {self.details.topLevelItem(i).text(0)
                    for i in range(self.details.topLevelItemCount())
                    if self.details.topLevelItem(i).isExpanded()}
        first = self.details.topLevelItemCount() == 0
        self.details.clear()
        for section in sections:
            top = QTreeWidgetItem([section.title, ""])
            if section.error:
                top.setText(1, section.error)
                top.setToolTip(1, section.error)
                top.setForeground(1, QBrush(QColor(ERROR_COLOR)))
            _add_rows(top, section.rows)
            self.details.addTopLevelItem(top)
            top.setExpanded(section.title in expanded or first)
        self.details.resizeColumnToContents(0)
        self.details.setColumnWidth(0, min(self.details.columnWidth(0) + 12,
                                           self.details.width() * 3 // 5))


def _add_rows(parent: QTreeWidgetItem, rows: tuple[DetailRow, ...]) -> None:
    for row in rows:
        item = QTreeWidgetItem([row.key, row.value])
        item.setTextAlignment(1, _RIGHT)
        item.setToolTip(1, row.value)
        parent.addChild(item)
        _add_rows(item, row.children)
