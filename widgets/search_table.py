"""The parallelism search's best configurations as a sortable table; choosing one asks to apply it.

The model holds the engine's :class:`~engine.training.TrainingEstimate` rows
as given (rank order) and formats them; sorting (click a header) goes
through a proxy on each column's numeric value. Double-clicking a row, or
Apply, emits ``configuration_chosen`` with that row's parallelism as the
keyword arguments of :class:`engine.design.Parallelism`; the app turns it
into one undoable edit. The row matching the workload's current choice is
bold. The search keeps the settings the workload fixes, as the estimate
does; "Search every setting" searches them all (``every_setting_changed``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engine.training import SearchResult, TrainingEstimate
from engine.training.result import ParallelismChoice
from widgets.language import follow_language

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROOT = QModelIndex()


@dataclass(frozen=True)
class Column:
    """A column: its header, its value from a row (``None``: the row's rank), its text."""

    title: str
    value: Callable[[TrainingEstimate], Any] | None
    text: Callable[[Any], str] = str
    tip: str = ""


def _flag(value: bool) -> str:
    return QCoreApplication.translate("Search", "yes") if value \
        else QCoreApplication.translate("Search", "no")


#: Headers and tips are source texts of context "Search"; abbreviations stay as written.
COLUMNS = (
    Column("#", None,
           tip=QT_TRANSLATE_NOOP("Search", "rank: fastest first, the simpler of equals first")),
    Column("TP", lambda e: e.parallelism.tp, tip=QT_TRANSLATE_NOOP("Search", "tensor parallel")),
    Column("PP", lambda e: e.parallelism.pp,
           tip=QT_TRANSLATE_NOOP("Search", "pipeline parallel")),
    Column("DP", lambda e: e.parallelism.dp, tip=QT_TRANSLATE_NOOP("Search", "data parallel")),
    Column("CP", lambda e: e.parallelism.cp,
           tip=QT_TRANSLATE_NOOP("Search", "context parallel")),
    Column("EP", lambda e: e.parallelism.ep,
           tip=QT_TRANSLATE_NOOP("Search", "expert parallel")),
    Column(QT_TRANSLATE_NOOP("Search", "Micro-batch"), lambda e: e.parallelism.micro_batch,
           tip=QT_TRANSLATE_NOOP("Search", "sequences per micro-batch")),
    Column("VP", lambda e: e.parallelism.virtual_stages,
           tip=QT_TRANSLATE_NOOP("Search", "virtual pipeline stages")),
    Column("ZeRO", lambda e: e.parallelism.zero, tip=QT_TRANSLATE_NOOP("Search", "ZeRO stage")),
    Column(QT_TRANSLATE_NOOP("Search", "Recompute"), lambda e: e.parallelism.recompute,
           tip=QT_TRANSLATE_NOOP("Search", "activation recomputation")),
    Column("SP", lambda e: e.parallelism.sequence_parallel, _flag,
           tip=QT_TRANSLATE_NOOP("Search", "sequence parallelism")),
    Column(QT_TRANSLATE_NOOP("Search", "Iteration (s)"), lambda e: e.iteration_time_s,
           lambda v: f"{v:,.3f}"),
    Column(QT_TRANSLATE_NOOP("Search", "Days"), lambda e: e.time_to_train_days,
           lambda v: f"{v:,.1f}",
           tip=QT_TRANSLATE_NOOP("Search", "time to train, without failures")),
    Column("MFU", lambda e: e.mfu, lambda v: f"{v:.1%}"),
    Column(QT_TRANSLATE_NOOP("Search", "Memory (GiB)"), lambda e: e.memory_per_gpu_gib,
           lambda v: f"{v:,.1f}", tip=QT_TRANSLATE_NOOP("Search", "per GPU, fullest pipeline "
                                                                 "stage")),
    Column(QT_TRANSLATE_NOOP("Search", "GPUs"), lambda e: e.gpus, lambda v: f"{v:,}",
           tip=QT_TRANSLATE_NOOP("Search", "accelerators used")),
)


def parallelism_of(choice: ParallelismChoice) -> dict[str, Any]:
    """A choice as :class:`engine.design.Parallelism` fields (the global batch is not one)."""
    fields = dataclasses.asdict(choice)
    fields.pop("global_batch")
    return fields


class SearchModel(QAbstractTableModel):
    """Search rows, best first; ``current`` marks the workload's own configuration."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: tuple[TrainingEstimate, ...] = ()
        self._current: ParallelismChoice | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        follow_language(self, lambda: self.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1))

    def set_rows(self, rows: tuple[TrainingEstimate, ...],
                 current: ParallelismChoice | None) -> None:
        self.beginResetModel()
        self._rows, self._current = rows, current
        self.endResetModel()

    def row(self, index: int) -> TrainingEstimate:
        return self._rows[index]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        estimate, column = self._rows[index.row()], COLUMNS[index.column()]
        value = index.row() + 1 if column.value is None else column.value(estimate)
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(value)
        if role == SORT_ROLE:
            return value if not isinstance(value, bool) else int(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and estimate.parallelism == self._current:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and estimate.parallelism == self._current:
            return self.tr("the workload's current configuration")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Search", COLUMNS[section].title)
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("Search", COLUMNS[section].tip) or None
        return None


class SearchTable(QWidget):
    """The table with its summary line, the scope switch and Apply (module docstring)."""

    #: The user chose a row: its parallelism as ``Parallelism`` keyword arguments.
    configuration_chosen = Signal(dict)
    #: "Search every setting" was switched: its new state.
    every_setting_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SearchModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.doubleClicked.connect(lambda index: self.choose(index.row()))
        self.every_setting = QCheckBox()
        self.every_setting.toggled.connect(self.every_setting_changed)
        self.apply = QPushButton()
        self.apply.setEnabled(False)
        self.apply.clicked.connect(self._on_apply)
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self.apply.setEnabled(self.view.selectionModel().hasSelection()))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        controls = QHBoxLayout()
        controls.addWidget(self.summary, 1)
        controls.addWidget(self.every_setting)
        controls.addWidget(self.apply)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)
        self._shown: tuple[SearchResult, ParallelismChoice | None] | None = None
        follow_language(self, self._name)

    def _name(self) -> None:
        self.every_setting.setText(self.tr("Search every setting"))
        self.every_setting.setToolTip(self.tr("On: search every parallel setting. Off: keep "
                                              "the ones the workload fixes, as the estimate "
                                              "does."))
        self.apply.setText(self.tr("Apply"))
        self.apply.setToolTip(self.tr("Set the workload's parallelism to the selected row "
                                      "(undoable)"))
        if self._shown is not None:
            self._summarise(self._shown[0])

    def set_result(self, result: SearchResult, current: ParallelismChoice | None) -> None:
        fitted = self.model.rowCount() > 0
        self.model.set_rows(result.top, current)
        if not fitted:            # once: measuring every cell on every refresh is slow
            self.view.resizeColumnsToContents()
        self._shown = (result, current)
        self._summarise(result)
        self.apply.setEnabled(False)

    def _summarise(self, result: SearchResult) -> None:
        self.summary.setText(self.tr("The {n} fastest of {fitting} configurations that fit "
                                     "({checked} checked). Double-click one to apply it.")
                             .format(n=len(result.top), fitting=f"{result.fitting:,}",
                                     checked=f"{result.evaluated:,}"))
        self.summary.setToolTip(self.tr("Rejected:") + "\n" + "\n".join(
            f"{count:,}: {reason}" for reason, count in result.rejected.items()))

    def set_message(self, text: str) -> None:
        """Nothing to list, and why."""
        self.model.set_rows((), None)
        self._shown = None
        self.summary.setText(text)
        self.summary.setToolTip("")
        self.apply.setEnabled(False)

    def choose(self, view_row: int) -> None:
        """Ask to apply the row shown at ``view_row`` (sorted order)."""
        source = self.proxy.mapToSource(self.proxy.index(view_row, 0)).row()
        self.configuration_chosen.emit(parallelism_of(self.model.row(source).parallelism))

    def _on_apply(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.choose(rows[0].row())
