"""Scenario tabs over the canvas: one tab per what-if scenario, the shown one selected.

A dumb view: it shows the names it is given and reports gestures. Clicking a
tab asks to show that scenario; the "+" button or the tab's menu asks to
duplicate one; double-clicking a tab (or Rename in its menu) edits its name
in place, Enter commits and Escape cancels; Delete in the menu asks to
delete. The workbench decides, through undoable commands.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QTabBar,
    QToolButton,
    QWidget,
)

from widgets.language import follow_language


class ScenarioTabs(QWidget):
    """The scenario switcher."""

    #: Show scenario ``index``.
    activated = Signal(int)
    #: Duplicate scenario ``index`` as a new scenario.
    duplicate_requested = Signal(int)
    #: Scenario ``index`` should be called ``name``.
    rename_committed = Signal(int, str)
    #: Delete scenario ``index``.
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QTabBar()
        self.bar.setObjectName("scenario-tabs")
        self.bar.setExpanding(False)
        self.bar.setDocumentMode(True)
        self.bar.setElideMode(Qt.TextElideMode.ElideRight)
        self.bar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.bar.currentChanged.connect(self._on_current_changed)
        self.bar.tabBarDoubleClicked.connect(self.edit_name)
        self.bar.customContextMenuRequested.connect(self._on_menu)
        self.add = QToolButton()
        self.add.setText("+")
        self.add.setAutoRaise(True)
        follow_language(self, self._name)
        self.add.clicked.connect(lambda: self.duplicate_requested.emit(self.bar.currentIndex()))
        self._editor: QLineEdit | None = None
        self._updating = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 0)
        layout.setSpacing(2)
        layout.addWidget(self.bar)
        layout.addWidget(self.add)
        layout.addStretch(1)

    def _name(self) -> None:
        self.add.setToolTip(self.tr("Duplicate the shown scenario as a new one"))
        self.set_scenarios(self.names(), max(self.current(), 0))

    def names(self) -> list[str]:
        return [self.bar.tabText(i) for i in range(self.bar.count())]

    def current(self) -> int:
        return self.bar.currentIndex()

    def set_scenarios(self, names: Sequence[str], active: int) -> None:
        """Show these scenarios with ``active`` selected (no signals)."""
        self._updating = True
        try:
            while self.bar.count() > len(names):
                self.bar.removeTab(self.bar.count() - 1)
            for i, name in enumerate(names):
                if i < self.bar.count():
                    self.bar.setTabText(i, name)
                else:
                    self.bar.addTab(name)
                tip = self.tr("{name} (the base: the file's top-level design). Double-click "
                              "to rename; right-click for more") if i == 0 else \
                    self.tr("{name}. Double-click to rename; right-click for more")
                self.bar.setTabToolTip(i, tip.format(name=name))
            self.bar.setCurrentIndex(active)
        finally:
            self._updating = False

    def edit_name(self, index: int) -> None:
        """Edit scenario ``index``'s name in place, over its tab."""
        if not 0 <= index < self.bar.count():
            return
        self._close_editor()
        editor = QLineEdit(self.bar.tabText(index), self.bar)
        editor.setGeometry(self.bar.tabRect(index).adjusted(2, 2, -2, -2))
        editor.selectAll()
        editor.setProperty("index", index)
        editor.returnPressed.connect(self._commit_name)
        editor.installEventFilter(self)
        editor.show()
        editor.setFocus()
        self._editor = editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._editor:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                    and event.key() == Qt.Key.Key_Escape:
                self._close_editor()
                return True
            if event.type() == QEvent.Type.FocusOut:
                self._commit_name()
        return super().eventFilter(watched, event)

    def _commit_name(self) -> None:
        editor = self._editor
        if editor is None:
            return
        index, name = int(editor.property("index")), editor.text().strip()
        self._close_editor()
        if name and name != self.bar.tabText(index):
            self.rename_committed.emit(index, name)

    def _close_editor(self) -> None:
        editor, self._editor = self._editor, None
        if editor is not None:
            editor.removeEventFilter(self)
            editor.hide()
            editor.deleteLater()

    def _on_current_changed(self, index: int) -> None:
        if not self._updating and index >= 0:
            self.activated.emit(index)

    def _on_menu(self, at: QPoint) -> None:
        index = self.bar.tabAt(at)
        if index < 0:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Duplicate as Scenario"),
                       lambda: self.duplicate_requested.emit(index))
        menu.addAction(self.tr("Rename…"), lambda: self.edit_name(index))
        delete = menu.addAction(self.tr("Delete"), lambda: self.delete_requested.emit(index))
        delete.setEnabled(self.bar.count() > 1)
        menu.popup(self.bar.mapToGlobal(at))
