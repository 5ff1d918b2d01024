"""Connects the scenario tabs to the document: shows its scenarios, turns gestures into commands.

Every gesture is one undo step (:mod:`workbench.document.commands`); a
refused one (a name another scenario has) is put back and the reason posted
for the status bar. The menu's scenario actions call the same methods.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from engine.edit_errors import EditError
from widgets.scenario_tabs import ScenarioTabs
from workbench.document.commands import (
    RenameScenarioCommand,
    SwitchScenarioCommand,
    delete_scenario,
    duplicate_scenario,
)
from workbench.document.document import Document


class ScenarioBinder(QObject):
    """Keeps the tabs showing the document's scenarios, and applies their gestures."""

    #: Something to tell the user in the status bar.
    message_posted = Signal(str)
    #: A scenario was duplicated: there is now something to compare.
    duplicated = Signal()

    def __init__(self, document: Document, tabs: ScenarioTabs) -> None:
        super().__init__(tabs)
        self._doc = document
        self._tabs = tabs
        document.scenarios_changed.connect(self.refresh)
        document.active_scenario_changed.connect(self.refresh)
        tabs.activated.connect(self.show_scenario)
        tabs.duplicate_requested.connect(self.duplicate)
        tabs.rename_committed.connect(self.rename)
        tabs.delete_requested.connect(self.delete)
        self.refresh()

    def refresh(self) -> None:
        self._tabs.set_scenarios([d.name for d in self._doc.scenarios],
                                 self._doc.active_scenario)

    def show_scenario(self, index: int) -> None:
        if index != self._doc.active_scenario:
            self._push(lambda d: SwitchScenarioCommand(d, index))

    def step(self, offset: int) -> None:
        """Show the next (+1) or previous (-1) scenario, wrapping round."""
        count = len(self._doc.scenarios)
        self.show_scenario((self._doc.active_scenario + offset) % count)

    def duplicate(self, index: int | None = None) -> None:
        chosen = self._doc.active_scenario if index is None else index
        if self._push(lambda d: duplicate_scenario(d, chosen)):
            self.duplicated.emit()

    def rename(self, index: int, name: str) -> None:
        self._push(lambda d: RenameScenarioCommand(d, index, name))

    def edit_active_name(self) -> None:
        self._tabs.edit_name(self._doc.active_scenario)

    def delete(self, index: int | None = None) -> None:
        chosen = self._doc.active_scenario if index is None else index
        self._push(lambda d: delete_scenario(d, chosen))

    def _push(self, make: Callable[[Document], QUndoCommand]) -> bool:
        try:
            self._doc.push(make)
        except EditError as exc:
            self.refresh()
            self.message_posted.emit(str(exc))
            return False
        return True
