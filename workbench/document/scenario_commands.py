"""Undo commands for scenarios: duplicate, rename, delete and switch.

Switching is an undo step like any edit: item commands act on whichever
scenario is active, so undoing past a switch must switch back first. A
duplicate becomes the active scenario (the user wants to change it next);
deleting the active scenario first switches to its neighbour. All of them
touch only the document (see :mod:`workbench.document.commands`).
"""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QUndoCommand

from engine.design import Design
from engine.scenarios import unique_name
from workbench.document.commands import CompositeCommand
from workbench.document.document import Document


class SwitchScenarioCommand(QUndoCommand):
    """Make scenario ``index`` the active one (``text`` when it does not exist yet)."""

    def __init__(self, doc: Document, index: int, text: str = "") -> None:
        super().__init__(text or f"Show scenario {doc.scenarios[index].name}")
        self._doc, self._old, self._new = doc, doc.active_scenario, index

    def redo(self) -> None:
        self._old = self._doc.active_scenario     # after the steps before it in a composite
        self._doc.set_active_scenario(self._new)

    def undo(self) -> None:
        self._doc.set_active_scenario(self._old)


class InsertScenarioCommand(QUndoCommand):
    """Add a scenario at ``index``."""

    def __init__(self, doc: Document, index: int, design: Design, text: str = "") -> None:
        text = text or f"Add scenario {design.name}"
        super().__init__(text)
        self._doc, self._index, self._design = doc, index, design

    def redo(self) -> None:
        self._doc.insert_scenario(self._index, self._design)

    def undo(self) -> None:
        self._doc.remove_scenario(self._index)


class RemoveScenarioCommand(QUndoCommand):
    """Take out a scenario that is not the active one."""

    def __init__(self, doc: Document, index: int) -> None:
        super().__init__(f"Delete scenario {doc.scenarios[index].name}")
        self._doc, self._index, self._design = doc, index, doc.scenarios[index]

    def redo(self) -> None:
        self._design = self._doc.remove_scenario(self._index)

    def undo(self) -> None:
        self._doc.insert_scenario(self._index, self._design)


class RenameScenarioCommand(QUndoCommand):
    def __init__(self, doc: Document, index: int, name: str) -> None:
        old = doc.scenarios[index].name
        super().__init__(f"Rename scenario {old} to {name}")
        self._doc, self._index, self._old, self._new = doc, index, old, name

    def redo(self) -> None:
        self._doc.rename_scenario(self._index, self._new)

    def undo(self) -> None:
        self._doc.rename_scenario(self._index, self._old)


def duplicate_scenario(doc: Document, index: int, name: str = "") -> CompositeCommand:
    """A copy of scenario ``index`` right after it, made active: "Duplicate as scenario"."""
    source = doc.scenarios[index]
    taken = [d.name for d in doc.scenarios]
    copy = dataclasses.replace(source, name=unique_name(name or source.name, taken))
    return CompositeCommand(f"Duplicate {source.name} as {copy.name}", [
        InsertScenarioCommand(doc, index + 1, copy),
        SwitchScenarioCommand(doc, index + 1, f"Show scenario {copy.name}")])


def delete_scenario(doc: Document, index: int) -> QUndoCommand:
    """Delete scenario ``index``; if it is the active one, its neighbour becomes active."""
    doc.check_remove_scenario(index)
    if index != doc.active_scenario:
        return RemoveScenarioCommand(doc, index)
    neighbour = index + 1 if index + 1 < len(doc.scenarios) else index - 1
    switch = SwitchScenarioCommand(doc, neighbour)
    remove = RemoveScenarioCommand(doc, index)
    return CompositeCommand(f"Delete scenario {doc.scenarios[index].name}", [switch, remove])
