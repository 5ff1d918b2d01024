"""The palette: a searchable tree of things to drag onto the canvas.

It shows any item model whose leaves carry a drag payload (the workbench
gives it the catalog). Typing filters by a search text role, every word typed
matching somewhere in it; double click
or Enter on an entry emits ``part_activated`` to add it without dragging.
"""

from __future__ import annotations

import re

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QRegularExpression,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from widgets.language import follow_language


class Palette(QWidget):
    """Search box over a tree of draggable entries."""

    #: An entry was chosen without dragging (double click, Enter): its payload.
    part_activated = Signal(str)

    def __init__(self, model: QAbstractItemModel, payload_role: int, search_role: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._payload_role = payload_role
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(model)
        self._proxy.setRecursiveFilteringEnabled(True)
        self._proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._proxy.setFilterRole(search_role)
        self.search = QLineEdit(self)
        follow_language(self, lambda: self.search.setPlaceholderText(
            self.tr("Search hardware and templates…")))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_changed)
        self.tree = QTreeView(self)
        self.tree.setModel(self._proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setIconSize(QSize(20, 20))
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.activated.connect(self._on_activated)
        self.tree.expandToDepth(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)

    def visible_entries(self) -> list[str]:
        """Titles of the entries the filter lets through (for tests and status)."""
        out: list[str] = []
        stack = [self._proxy.index(r, 0) for r in range(self._proxy.rowCount())]
        while stack:
            index = stack.pop(0)
            if index.data(self._payload_role):
                out.append(index.data())
            stack = [self._proxy.index(r, 0, index)
                     for r in range(self._proxy.rowCount(index))] + stack
        return out

    def index_of(self, title: str) -> QModelIndex:
        """The visible entry with this title (invalid if none)."""
        matches = self._proxy.match(self._proxy.index(0, 0), Qt.ItemDataRole.DisplayRole, title,
                                    1, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        return matches[0] if matches else QModelIndex()

    def _on_search_changed(self, text: str) -> None:
        # every word, in any order and anywhere: "infiniband switch", "nvidia nvlink"
        words = "".join(f"(?=.*{re.escape(word)})" for word in text.split())
        self._proxy.setFilterRegularExpression(QRegularExpression(
            words, QRegularExpression.PatternOption.CaseInsensitiveOption
            | QRegularExpression.PatternOption.DotMatchesEverythingOption))
        if text.strip():
            self.tree.expandAll()
        else:
            self.tree.collapseAll()
            self.tree.expandToDepth(0)

    def _on_activated(self, index: QModelIndex) -> None:
        payload = index.data(self._payload_role)
        if payload:
            self.part_activated.emit(payload)
