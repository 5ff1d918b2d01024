"""Undo commands for scenarios: duplicate, rename, delete and switch.

Switching is an undo step like any edit: item commands act on whichever
scenario is active, so undoing past a switch must switch back first. A
duplicate becomes the active scenario (the user wants to change it next);
deleting the active scenario shows its neighbour. Like every edit, each is
one :class:`~workbench.document.commands.EditCommand` made of steps
(:mod:`workbench.document.state`).
"""

from __future__ import annotations

import dataclasses

from engine.scenarios import unique_name
from widgets.content.texts import translate
from workbench.document.commands import EditCommand
from workbench.document.document import Document
from workbench.document.state import renamed, scenario_inserted, scenario_removed, switched


class SwitchScenarioCommand(EditCommand):
    """Make scenario ``index`` the active one."""

    def __init__(self, doc: Document, index: int, text: str = "") -> None:
        name = doc.scenarios[index].name if 0 <= index < len(doc.scenarios) else index
        super().__init__(doc, text or f"Show scenario {name}", switched(index))


class RenameScenarioCommand(EditCommand):
    """A name another scenario has becomes ``name (2)``, as a duplicate's does."""

    def __init__(self, doc: Document, index: int, name: str) -> None:
        old = doc.scenarios[index].name
        name = unique_name(name, (d.name for i, d in enumerate(doc.scenarios) if i != index))
        super().__init__(doc, f"Rename scenario {old} to {name}", renamed(index, name))


def duplicate_scenario(doc: Document, index: int, name: str = "") -> EditCommand:
    """A copy of scenario ``index`` right after it, made active: "Duplicate as scenario"."""
    source = doc.scenarios[index]
    taken = [d.name for d in doc.scenarios]
    copy = dataclasses.replace(source, name=unique_name(name or source.name, taken))
    return EditCommand(doc, translate("Commands", "Duplicate {source} as {copy}").format(
                           source=source.name, copy=copy.name),
                       scenario_inserted(index + 1, copy), switched(index + 1))


def delete_scenario(doc: Document, index: int) -> EditCommand:
    """Delete scenario ``index``; if it is the active one, its neighbour becomes active."""
    return EditCommand(doc, translate("Commands", "Delete scenario {name}").format(
                           name=doc.scenarios[index].name),
                       scenario_removed(index))
